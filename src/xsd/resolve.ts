/**
 * Phase two of schema loading: resolve. Turns the raw components that `read.ts` indexed into the plain-data
 * `SchemaSet`: QNames become keys (checked to name something), named groups and attribute groups are inlined,
 * derived types get their effective content, attributes and facets, and the `derivedTypes` and
 * `substitutionGroups` tables are computed.
 *
 * All schemas of a set share one symbol table: a reference to a namespace defined by any schema of the set
 * resolves even without an `xs:import` of it (WCF's `?singleWsdl` relies on this between sibling inline schemas).
 */
import type { XmlElement } from '../xml/types.js';
import { ANY_TYPE, BUILTIN_TYPES, canonicalBuiltinKey, XSD_NS } from './builtins.js';
import { SchemaError, type SchemaIssue } from './errors.js';
import type { AttributeUse, ElementDeclaration, QNameKey, SchemaSet, TypeDefinition } from './model.js';
import { parseQNameKey, qnameKey } from './model.js';
import { positionOf } from './node.js';
import { invalidIssue, type RawComponent, type RawSchemaSet, type SchemaDocument, schemaQName } from './read.js';
import { globalAttribute, globalElement } from './resolve-declarations.js';
import { namedTypeDefinition } from './resolve-types.js';
import {
  SOAP_ENCODING,
  SOAP_ENCODING_NS,
  SOAP12_ENCODING,
  SOAP12_ENCODING_NS,
  type WellKnownSchema,
  XML_ATTRIBUTES,
} from './wellknown.js';

/** Options of phase two. */
export interface ResolveOptions {
  /**
   * `throw` (default): the first unresolvable reference is a `SchemaError`. `collect`: every one is
   * recorded as an issue and replaced (a type by anyType, an element or attribute by a placeholder of that
   * type, a group by nothing) so that the set stays usable.
   */
  readonly onUnresolved?: 'throw' | 'collect';
}

/** The resolved set and the problems met while resolving it (only with `onUnresolved: 'collect'`). */
export interface ResolvedSchemas {
  readonly schema: SchemaSet;
  readonly issues: SchemaIssue[];
}

type Kind = 'type' | 'element' | 'attribute' | 'group' | 'attributeGroup';

const WELL_KNOWN: Record<string, WellKnownSchema> = {
  [SOAP_ENCODING_NS]: SOAP_ENCODING,
  [SOAP12_ENCODING_NS]: SOAP12_ENCODING,
};

/** The state of one resolution: output tables, memo of named types, and the issue list. */
export class Resolver {
  readonly types: Record<QNameKey, TypeDefinition> = { ...BUILTIN_TYPES };
  readonly elements: Record<QNameKey, ElementDeclaration> = {};
  readonly attributes: Record<QNameKey, AttributeUse> = { ...XML_ATTRIBUTES.attributes };
  readonly issues: SchemaIssue[];
  /** Named types and groups being resolved: a second visit is a circular definition. */
  readonly active = new Set<string>();
  private readonly wellKnownAdded = new Set<string>();

  constructor(
    readonly raw: RawSchemaSet,
    private readonly options: ResolveOptions,
  ) {
    this.issues = [...raw.issues];
  }

  /** Resolves every component and computes the derived tables. */
  run(): SchemaSet {
    for (const key of this.raw.types.keys()) this.namedType(key);
    for (const key of this.raw.elements.keys()) this.element(key);
    for (const key of this.raw.attributes.keys()) this.attribute(key);
    return {
      elements: this.elements,
      types: this.types,
      attributes: this.attributes,
      substitutionGroups: this.substitutionGroups(),
      derivedTypes: this.derivedTypes(),
      namespaces: this.namespaces(),
    };
  }

  /** The resolved named type `key` (resolving it now if needed); undefined if it does not exist. */
  namedType(key: QNameKey): TypeDefinition | undefined {
    const done = this.types[key];
    if (done) return done;
    const raw = this.raw.types.get(key);
    if (!raw) return this.wellKnown(key, 'types');
    const guard = `type ${key}`;
    if (this.active.has(guard)) throw this.circular(raw, key);
    this.active.add(guard);
    try {
      const def = namedTypeDefinition(this, raw, key);
      this.types[key] = def;
      return def;
    } finally {
      this.active.delete(guard);
    }
  }

  /** The resolved global element `key`, resolving it now if needed. */
  element(key: QNameKey): ElementDeclaration | undefined {
    const done = this.elements[key];
    if (done) return done;
    const raw = this.raw.elements.get(key);
    if (!raw) return this.wellKnown(key, 'elements');
    const guard = `element ${key}`;
    if (this.active.has(guard)) throw this.circular(raw, key);
    this.active.add(guard);
    try {
      const decl = globalElement(this, raw, key);
      this.elements[key] = decl;
      return decl;
    } finally {
      this.active.delete(guard);
    }
  }

  /** The resolved global attribute `key`, resolving it now if needed. */
  attribute(key: QNameKey): AttributeUse | undefined {
    const done = this.attributes[key];
    if (done) return done;
    const raw = this.raw.attributes.get(key);
    if (!raw) return this.wellKnown(key, 'attributes');
    const decl = globalAttribute(this, raw, key);
    this.attributes[key] = decl;
    return decl;
  }

  /**
   * Resolves a QName-valued attribute to the key of an existing component of `kind`, or reports it.
   * Returns undefined when it names nothing (after the issue is recorded in collect mode).
   */
  reference(schema: SchemaDocument, node: XmlElement, value: string, kind: Kind): QNameKey | undefined {
    const parsed = schemaQName(schema, node, value);
    const key = parsed === undefined ? undefined : canonicalBuiltinKey(parsed);
    if (key !== undefined && this.exists(key, kind)) return key;
    const shown = key ?? value;
    const issue: SchemaIssue = {
      code: 'XSD_UNRESOLVED_REFERENCE',
      message:
        key === undefined
          ? `${kind} reference "${value}" uses an undeclared prefix`
          : `unresolved ${kind} reference "${value}" (${shown})`,
      position: positionOf(schema.document, node),
      reference: shown,
    };
    if (this.options.onUnresolved !== 'collect') throw new SchemaError(issue);
    this.issues.push(issue);
    if (key === undefined) return undefined;
    // Placeholders keep every key in the set resolvable; a missing type or group is replaced by the caller.
    const name = parseQNameKey(key);
    const anyType = { ref: ANY_TYPE };
    if (kind === 'element') {
      this.elements[key] = { name, type: anyType, nillable: true, abstract: false };
      return key;
    }
    if (kind === 'attribute') {
      this.attributes[key] = { name, type: { ref: qnameKey(XSD_NS, 'anySimpleType') }, use: 'optional' };
      return key;
    }
    return undefined;
  }

  /** Resolves a type reference, falling back to anyType in collect mode. */
  typeRef(schema: SchemaDocument, node: XmlElement, value: string): { ref: QNameKey } {
    return { ref: this.reference(schema, node, value, 'type') ?? ANY_TYPE };
  }

  /** Records an `XSD_INVALID` problem: thrown, or collected in collect mode. */
  invalid(schema: SchemaDocument, node: XmlElement, message: string): void {
    const issue = invalidIssue(schema.document, node, message);
    if (this.options.onUnresolved !== 'collect') throw new SchemaError(issue);
    this.issues.push(issue);
  }

  private exists(key: QNameKey, kind: Kind): boolean {
    switch (kind) {
      case 'type':
        return key in this.types || this.raw.types.has(key) || this.wellKnown(key, 'types') !== undefined;
      case 'element':
        return this.raw.elements.has(key) || key in this.elements || this.wellKnown(key, 'elements') !== undefined;
      case 'attribute':
        return (
          this.raw.attributes.has(key) || key in this.attributes || this.wellKnown(key, 'attributes') !== undefined
        );
      case 'group':
        return this.raw.groups.has(key);
      case 'attributeGroup':
        return this.raw.attributeGroups.has(key);
    }
  }

  /** Adds a built-in namespace's components the first time one of them is named; returns the one named. */
  private wellKnown<T extends 'types' | 'elements' | 'attributes'>(
    key: QNameKey,
    table: T,
  ): WellKnownSchema[T][string] | undefined {
    const ns = parseQNameKey(key).ns;
    const schema = WELL_KNOWN[ns];
    if (!schema) return undefined;
    if (!this.wellKnownAdded.has(ns)) {
      this.wellKnownAdded.add(ns);
      Object.assign(this.types, schema.types);
      Object.assign(this.elements, schema.elements);
      Object.assign(this.attributes, schema.attributes);
    }
    return schema[table][key] as WellKnownSchema[T][string] | undefined;
  }

  private circular(raw: RawComponent, key: QNameKey): SchemaError {
    return new SchemaError(invalidIssue(raw.schema.document, raw.node, `circular definition of ${key}`));
  }

  /** Head to every non-abstract member that may stand for it, transitively, in document order. */
  private substitutionGroups(): Record<QNameKey, QNameKey[]> {
    const out: Record<QNameKey, QNameKey[]> = {};
    for (const key of this.raw.elements.keys()) {
      const member = this.elements[key];
      if (!member || member.abstract) continue;
      const seen = new Set<QNameKey>();
      for (let head = member.substitutionGroup; head !== undefined && !seen.has(head); ) {
        seen.add(head);
        push(out, head, key);
        head = this.elements[head]?.substitutionGroup;
      }
    }
    return out;
  }

  /** Base type to every type derived from it, transitively, in document order (the xsi:type candidates). */
  private derivedTypes(): Record<QNameKey, QNameKey[]> {
    const out: Record<QNameKey, QNameKey[]> = {};
    const roots = new Set([ANY_TYPE, qnameKey(XSD_NS, 'anySimpleType')]);
    for (const key of this.raw.types.keys()) {
      const seen = new Set<QNameKey>([key]);
      for (let base = this.types[key]?.base; base !== undefined && !roots.has(base) && !seen.has(base); ) {
        seen.add(base);
        push(out, base, key);
        base = this.types[base]?.base;
      }
    }
    return out;
  }

  /** Target namespaces of the schemas that declare components, once each, in document order. */
  private namespaces(): string[] {
    const declaring = new Set<SchemaDocument>();
    for (const table of [this.raw.types, this.raw.elements, this.raw.attributes, this.raw.groups]) {
      for (const c of table.values()) declaring.add(c.schema);
    }
    const out: string[] = [];
    for (const s of this.raw.schemas)
      if (declaring.has(s) && !out.includes(s.targetNamespace)) out.push(s.targetNamespace);
    return out;
  }
}

function push(table: Record<QNameKey, QNameKey[]>, key: QNameKey, value: QNameKey): void {
  const list = table[key];
  if (list) list.push(value);
  else table[key] = [value];
}

/** Resolves a raw schema set (phase two). */
export function resolveSchemas(raw: RawSchemaSet, options: ResolveOptions = {}): ResolvedSchemas {
  const resolver = new Resolver(raw, options);
  const schema = resolver.run();
  return { schema, issues: resolver.issues };
}
