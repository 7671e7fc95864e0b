/**
 * `soapstack describe`: what a WSDL offers, in the manner of zeep's inspector. One pure function turns the
 * compiled model into a plain description (`--json` prints it as is); a second renders it as text.
 */
import type { BoundMessage, CompiledModel, MessagePart } from '../wsdl/model.js';
import type {
  ElementDeclaration,
  MaxOccurs,
  Particle,
  QNameKey,
  SchemaSet,
  TypeDefinition,
  TypeRef,
} from '../xsd/model.js';
import { parseQNameKey } from '../xsd/model.js';

/** One node of a message's type tree: an element, an attribute or a wildcard, with its type and children. */
export interface TypeNode {
  name: string;
  kind: 'element' | 'attribute' | 'any' | 'simpleContent';
  /** The type as `prefix:local` (anonymous types are shown by their content only). */
  type?: string;
  minOccurs?: number;
  maxOccurs?: number | 'unbounded';
  nillable?: boolean;
  /** `choice` when the node is one branch of a choice. */
  choice?: number;
  enumeration?: string[];
  /** The named type already appears higher on this path: its children are not repeated. */
  recursive?: boolean;
  children?: TypeNode[];
}

export interface MessageDescription {
  /** document/literal wrapped: the single body node is the wrapper, its children the parameters. */
  wrapped: boolean;
  body: TypeNode[];
  headers: TypeNode[];
}

export interface OperationDescription {
  name: string;
  style: 'document' | 'rpc';
  action: string;
  input: MessageDescription;
  output: MessageDescription | null;
  faults: Array<{ name: string; detail: TypeNode[] }>;
}

export interface WsdlDescription {
  prefixes: Record<string, string>;
  elements: string[];
  types: string[];
  services: Array<{
    name: string;
    ports: Array<{
      name: string;
      binding: string;
      soapVersion: '1.1' | '1.2';
      address: string;
      operations: OperationDescription[];
    }>;
  }>;
}

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const WELL_KNOWN: Record<string, string> = { [XSD_NS]: 'xsd', 'http://schemas.xmlsoap.org/soap/encoding/': 'soapenc' };

/** Describes every service, port and operation of a compiled model. */
export function describeModel(model: CompiledModel): WsdlDescription {
  const names = new PrefixNames(model);
  const trees = new TypeTrees(model.schema, names);
  const message = (m: BoundMessage | undefined): MessageDescription | null =>
    m
      ? {
          wrapped: m.wrapped,
          body: m.body.map((p) => trees.part(p)),
          headers: m.headers.map((h) => trees.part(h.part)),
        }
      : null;
  const services = model.services.map((service) => ({
    name: service.name,
    ports: service.ports.map((port) => ({
      name: port.name,
      binding: names.format(port.binding),
      soapVersion: port.soapVersion,
      address: port.address,
      operations: port.operations.map((op) => ({
        name: op.name,
        style: op.style,
        action: op.action,
        input: message(op.input)!,
        output: message(op.output),
        faults: op.faults.map((f) => ({ name: f.name, detail: f.part ? [trees.part(f.part)] : [] })),
      })),
    })),
  }));
  return {
    prefixes: names.used(),
    elements: Object.keys(model.schema.elements).map((k) => names.format(k)),
    types: Object.keys(model.schema.types).map((k) => names.format(k)),
    services,
  };
}

/** Renders a description as zeep-style text. */
export function renderDescription(d: WsdlDescription): string {
  const lines: string[] = ['Prefixes:'];
  for (const [prefix, ns] of Object.entries(d.prefixes)) lines.push(`    ${prefix}: ${ns}`);
  lines.push('', `Global elements: ${d.elements.length}`, `Global types: ${d.types.length}`, '');
  for (const service of d.services) {
    lines.push(`Service: ${service.name}`);
    for (const port of service.ports) {
      lines.push(`  Port: ${port.name} (SOAP ${port.soapVersion}, binding ${port.binding})`);
      if (port.address) lines.push(`    Address: ${port.address}`);
      lines.push('    Operations:');
      for (const op of port.operations) {
        const output = op.output ? `(${signature(op.output)})` : '(one-way)';
        lines.push(`      ${op.name}(${signature(op.input)}) -> ${output}`);
        const details = [`style ${op.style}`, `action ${op.action ? JSON.stringify(op.action) : '""'}`];
        if (op.input.headers.length) details.push(`headers (${op.input.headers.map(field).join(', ')})`);
        if (op.faults.length) details.push(`faults ${op.faults.map((f) => f.name).join(', ')}`);
        lines.push(`        ${details.join('; ')}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** `name: type, other?: type[]` for the body parts (the wrapper's children when wrapped). */
function signature(message: MessageDescription): string {
  const fields = message.wrapped ? (message.body[0]?.children ?? []) : message.body;
  return fields.map(field).join(', ');
}

function field(node: TypeNode): string {
  const optional = node.minOccurs === 0 ? '?' : '';
  const many = node.maxOccurs === 'unbounded' || (node.maxOccurs ?? 1) > 1 ? '[]' : '';
  const nil = node.nillable ? ' | null' : '';
  const name = node.kind === 'attribute' ? `@${node.name}` : node.name;
  return `${name}${optional}: ${node.type ?? '{...}'}${many}${nil}`;
}

/** Chooses a prefix for every namespace: the WSDL's own prefixes first, then well-known ones, then ns0, ns1... */
class PrefixNames {
  private readonly byNs = new Map<string, string>();
  private readonly usedPrefixes = new Map<string, string>();
  private readonly taken = new Set<string>();
  private counter = 0;

  constructor(model: CompiledModel) {
    for (const [prefix, ns] of Object.entries(model.prefixes)) {
      if (prefix && !this.byNs.has(ns)) this.assign(ns, prefix);
    }
    for (const [ns, prefix] of Object.entries(WELL_KNOWN)) if (!this.byNs.has(ns)) this.assign(ns, prefix);
  }

  format(key: QNameKey): string {
    const { ns, local } = parseQNameKey(key);
    if (ns === '') return local;
    let prefix = this.byNs.get(ns);
    if (prefix === undefined) {
      do prefix = `ns${this.counter++}`;
      while (this.taken.has(prefix));
      this.assign(ns, prefix);
    }
    this.usedPrefixes.set(prefix, ns);
    return `${prefix}:${local}`;
  }

  used(): Record<string, string> {
    return Object.fromEntries([...this.usedPrefixes].sort(([a], [b]) => a.localeCompare(b)));
  }

  private assign(ns: string, prefix: string): void {
    if (this.taken.has(prefix)) return;
    this.byNs.set(ns, prefix);
    this.taken.add(prefix);
  }
}

/** Expands element declarations into TypeNode trees, stopping where a named type recurs on the path. */
class TypeTrees {
  constructor(
    private readonly schema: SchemaSet,
    private readonly names: PrefixNames,
  ) {}

  part(part: MessagePart): TypeNode {
    if (part.element) {
      const decl = this.schema.elements[part.element];
      if (decl) return this.element(decl, 1, 1, []);
      return { name: part.name, kind: 'element', type: this.names.format(part.element) };
    }
    return this.typed({ name: part.name, kind: 'element' }, { ref: part.type! }, []);
  }

  private element(decl: ElementDeclaration, min: number, max: MaxOccurs, path: QNameKey[]): TypeNode {
    const node: TypeNode = { name: decl.name.local, kind: 'element' };
    if (min !== 1) node.minOccurs = min;
    if (max !== 1) node.maxOccurs = max;
    if (decl.nillable) node.nillable = true;
    return this.typed(node, decl.type, path);
  }

  private typed(node: TypeNode, ref: TypeRef, path: QNameKey[]): TypeNode {
    let definition: TypeDefinition | undefined;
    if ('ref' in ref) {
      node.type = this.names.format(ref.ref);
      definition = this.schema.types[ref.ref];
      if (definition?.kind === 'complex' && path.includes(ref.ref)) {
        node.recursive = true;
        return node;
      }
      path = [...path, ref.ref];
    } else {
      definition = ref;
    }
    if (!definition) return node;
    if (definition.kind === 'simple') {
      if (definition.facets.enumeration) node.enumeration = definition.facets.enumeration;
      if (!('ref' in ref) && definition.base) node.type = this.names.format(definition.base);
      return node;
    }
    const children: TypeNode[] = [];
    for (const attribute of definition.attributes) {
      if (attribute.use === 'prohibited') continue;
      const a: TypeNode = { name: attribute.name.local, kind: 'attribute' };
      if (attribute.use !== 'required') a.minOccurs = 0;
      children.push(this.typed(a, attribute.type, path));
    }
    const content = definition.content;
    if (content.kind === 'simple')
      children.push(this.typed({ name: '$value', kind: 'simpleContent' }, content.type, path));
    if (content.kind === 'particle') this.particle(content.particle, children, path, 1, 1, undefined);
    if (children.length) node.children = children;
    return node;
  }

  private particle(
    p: Particle,
    out: TypeNode[],
    path: QNameKey[],
    outerMin: number,
    outerMax: MaxOccurs,
    choice: number | undefined,
  ): void {
    const min = p.minOccurs * outerMin;
    const max = p.maxOccurs === 'unbounded' || outerMax === 'unbounded' ? 'unbounded' : p.maxOccurs * outerMax;
    switch (p.kind) {
      case 'element': {
        const decl = 'ref' in p.element ? this.schema.elements[p.element.ref] : p.element;
        const node = decl
          ? this.element(decl, min, max, path)
          : { name: parseQNameKey((p.element as { ref: string }).ref).local, kind: 'element' as const };
        if (choice !== undefined) node.choice = choice;
        out.push(node);
        return;
      }
      case 'any': {
        const node: TypeNode = { name: '$any', kind: 'any', type: p.namespace };
        if (min !== 1) node.minOccurs = min;
        if (max !== 1) node.maxOccurs = max;
        out.push(node);
        return;
      }
      case 'choice':
        p.particles.forEach((child, i) => {
          this.particle(child, out, path, 0, max, i);
        });
        return;
      case 'sequence':
      case 'all':
        for (const child of p.particles) this.particle(child, out, path, min, max, choice);
        return;
    }
  }
}
