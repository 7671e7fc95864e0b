/**
 * Phase one of schema loading: collect. Starting from the given `xs:schema` elements (inline in a WSDL, or
 * whole documents), follow `xs:import`, `xs:include` and `xs:redefine` through the loader that is passed in,
 * and index every top-level component by its QName key. Nothing is resolved here; see `resolve.ts`.
 *
 * XML Schema Part 1, section 3.15.2 and 4.2:
 *   <schema attributeFormDefault? elementFormDefault? targetNamespace? ...>
 *     Content: ((include | import | redefine | annotation)*, (((simpleType | complexType | group |
 *               attributeGroup) | element | attribute | notation), annotation*)*)
 *   </schema>
 *
 * Documents are visited breadth first, in the order they are named, so that the order of components (and of
 * `namespaces`, `derivedTypes`, `substitutionGroups`) does not depend on how a service split its schemas
 * over files. Loads are started as soon as a location is known and run concurrently.
 */
import { parseXml } from '../xml/parse.js';
import type { XmlDocument, XmlElement } from '../xml/types.js';
import { XSD_NAMESPACES } from './builtins.js';
import { SchemaError, type SchemaIssue } from './errors.js';
import { resolveLocation } from './location.js';
import { type QNameKey, qnameKey } from './model.js';
import { attr, childElements, positionOf, resolveQName } from './node.js';
import { BUILT_IN_NAMESPACES } from './wellknown.js';

/** Fetches a document by absolute location. The WSDL layer's `DocumentLoader` has this shape. */
export interface SchemaLoader {
  load(location: string): Promise<{ readonly location: string; readonly text: string }>;
}

/** An `xs:schema` element to start from, with the document it is in. */
export interface SchemaRoot {
  readonly element: XmlElement;
  readonly document: XmlDocument;
}

/** One schema (document or inline) as read: the context its local names are interpreted in. */
export interface SchemaDocument {
  readonly element: XmlElement;
  readonly document: XmlDocument;
  readonly targetNamespace: string;
  readonly elementFormDefault: 'qualified' | 'unqualified';
  readonly attributeFormDefault: 'qualified' | 'unqualified';
  /**
   * Set for a chameleon include (a schema without targetNamespace included into one with): unprefixed
   * references that would be in no namespace are taken to be in the including schema's namespace.
   */
  readonly chameleon: boolean;
}

/** A top-level component before resolution: its element and the schema that declared it. */
export interface RawComponent {
  readonly node: XmlElement;
  readonly schema: SchemaDocument;
}

/** What phase one produces. */
export interface RawSchemaSet {
  readonly schemas: SchemaDocument[];
  readonly types: Map<QNameKey, RawComponent>;
  readonly elements: Map<QNameKey, RawComponent>;
  readonly attributes: Map<QNameKey, RawComponent>;
  readonly groups: Map<QNameKey, RawComponent>;
  readonly attributeGroups: Map<QNameKey, RawComponent>;
  /** Documents fetched through the loader (not the roots), in the order they were read. */
  readonly documents: Array<{ readonly location: string; readonly text: string }>;
  /** The original of every component an xs:redefine replaced (Part 1, section 4.2.2), by key. */
  readonly redefined: Map<QNameKey, RawComponent>;
  /** Imports and includes skipped because they could not be loaded (collect mode only). */
  readonly issues: SchemaIssue[];
}

/** Options of phase one. */
export interface CollectOptions {
  /** Namespaces whose imports are never fetched (their components are supplied otherwise). */
  readonly builtInNamespaces?: readonly string[];
  /**
   * `collect`: an import or include whose document cannot be loaded (`DOCUMENT_LOAD_FAILED`) is recorded in
   * `issues` and skipped. Any other failure (a forbidden import, malformed XML) still throws.
   */
  readonly onUnresolved?: 'throw' | 'collect';
}

interface Pending {
  readonly location: string;
  readonly text: Promise<{ readonly location: string; readonly text: string }>;
  /** For includes: the namespace a chameleon schema takes on. */
  readonly includeInto?: string;
  readonly from: { readonly document: XmlDocument; readonly element: XmlElement };
}

/** Reads the roots, the schemas they import or include (transitively), and their top-level components, breadth first. */
export async function collectSchemas(
  roots: readonly SchemaRoot[],
  loader: SchemaLoader,
  options: CollectOptions = {},
): Promise<RawSchemaSet> {
  const set: RawSchemaSet = {
    schemas: [],
    types: new Map(),
    elements: new Map(),
    attributes: new Map(),
    groups: new Map(),
    attributeGroups: new Map(),
    documents: [],
    redefined: new Map(),
    issues: [],
  };
  const redefines: Array<{ schema: SchemaDocument; node: XmlElement }> = [];
  const skip = new Set([...BUILT_IN_NAMESPACES, ...(options.builtInNamespaces ?? [])]);
  // A document is fetched once per location, and read once per namespace it ends up in (a chameleon schema
  // included into two namespaces is read twice; a document both imported and included is read once).
  const loads = new Map<string, Promise<{ readonly location: string; readonly text: string }>>();
  const queued = new Set<string>();
  const read = new Set<string>();
  for (const r of roots) {
    if (r.element !== r.document.root) continue;
    read.add(readKey(r.document.source, r.element, undefined));
    loads.set(r.document.source, Promise.resolve({ location: r.document.source, text: r.document.text }));
  }
  const rootLocations = new Set(loads.keys());
  const queue: Pending[] = [];
  const visit = (root: SchemaRoot, chameleonInto: string | undefined): void => {
    const schema = schemaDocument(root, chameleonInto);
    set.schemas.push(schema);
    for (const child of childElements(schema.element)) {
      if (!XSD_NAMESPACES.includes(child.ns)) continue;
      const location = attr(child, 'schemaLocation');
      if (child.local === 'import') {
        const ns = attr(child, 'namespace') ?? '';
        if (location === undefined || skip.has(ns)) continue;
        enqueue(location, undefined, root.document, child);
      } else if (child.local === 'include' || child.local === 'redefine') {
        // An include without schemaLocation names nothing to include (some generators emit one); skip it.
        if (location === undefined) continue;
        enqueue(location, schema.targetNamespace, root.document, child);
        if (child.local === 'redefine') for (const node of childElements(child)) redefines.push({ schema, node });
      } else {
        register(set, schema, child);
      }
    }
  };
  const enqueue = (rel: string, includeInto: string | undefined, document: XmlDocument, element: XmlElement) => {
    const location = resolveLocation(rel, document.source);
    const key = `${location}\u0000${includeInto ?? '\u0001'}`;
    if (queued.has(key)) return;
    queued.add(key);
    let text = loads.get(location);
    if (!text) {
      text = loader.load(location);
      // The rejection is observed when the entry is dequeued; keep Node from reporting it as unhandled first.
      text.catch(() => {});
      loads.set(location, text);
    }
    queue.push({ location, text, from: { document, element }, ...(includeInto === undefined ? {} : { includeInto }) });
  };
  for (const r of roots) visit(r, undefined);
  while (queue.length) {
    const next = queue.shift()!;
    let loaded: { readonly location: string; readonly text: string };
    try {
      loaded = await next.text;
    } catch (error) {
      if (options.onUnresolved !== 'collect' || (error as { code?: string }).code !== 'DOCUMENT_LOAD_FAILED')
        throw error;
      const where = invalidIssue(next.from.document, next.from.element, '');
      set.issues.push({
        ...where,
        code: 'XSD_UNRESOLVED_REFERENCE',
        message: `skipped: ${(error as Error).message}`,
        reference: next.location,
      });
      continue;
    }
    const document = parseXml(loaded.text, { source: loaded.location });
    if (!rootLocations.has(loaded.location) && !set.documents.some((d) => d.location === loaded.location)) {
      set.documents.push(loaded);
    }
    const schemas = schemaElementsOf(document.root);
    if (schemas.length === 0) {
      throw invalid(next.from.document, next.from.element, `${loaded.location} is not an XML Schema document`);
    }
    for (const element of schemas) {
      const key = readKey(loaded.location, element, next.includeInto);
      if (read.has(key)) continue;
      read.add(key);
      visit({ element, document }, next.includeInto);
    }
  }
  // Redefinitions apply once every included original is indexed; the originals stay reachable for the
  // redefinition's self-reference (`<complexType name="T"><complexContent><extension base="T">`).
  for (const { schema, node } of redefines) {
    const table = TABLES[node.local];
    const name = attr(node, 'name');
    if (!table || name === undefined) continue;
    const key = qnameKey(schema.targetNamespace, name);
    const original = set[table].get(key);
    if (original && table === 'types') set.redefined.set(key, original);
    set[table].set(key, { node, schema });
  }
  return set;
}

/** Identifies one reading of a schema: its document and the namespace it is read into. */
function readKey(location: string, element: XmlElement, includeInto: string | undefined): string {
  return `${location}\u0000${element.start}\u0000${attr(element, 'targetNamespace') ?? includeInto ?? ''}`;
}

/** The xs:schema elements of a document: its root, or (for a WSDL named as a schemaLocation) the embedded ones. */
function schemaElementsOf(root: XmlElement): XmlElement[] {
  if (root.local === 'schema' && XSD_NAMESPACES.includes(root.ns)) return [root];
  const out: XmlElement[] = [];
  for (const child of childElements(root)) {
    for (const e of childElements(child)) if (e.local === 'schema' && XSD_NAMESPACES.includes(e.ns)) out.push(e);
  }
  return out;
}

function schemaDocument(root: SchemaRoot, chameleonInto: string | undefined): SchemaDocument {
  const own = attr(root.element, 'targetNamespace');
  const form = (name: string) => (attr(root.element, name) === 'qualified' ? 'qualified' : 'unqualified');
  const chameleon = own === undefined && chameleonInto !== undefined && chameleonInto !== '';
  return {
    element: root.element,
    document: root.document,
    targetNamespace: own ?? chameleonInto ?? '',
    elementFormDefault: form('elementFormDefault'),
    attributeFormDefault: form('attributeFormDefault'),
    chameleon,
  };
}

const TABLES: Record<string, 'types' | 'elements' | 'attributes' | 'groups' | 'attributeGroups'> = {
  simpleType: 'types',
  complexType: 'types',
  element: 'elements',
  attribute: 'attributes',
  group: 'groups',
  attributeGroup: 'attributeGroups',
};

/** Indexes one top-level component. The first declaration of a name wins. */
function register(set: RawSchemaSet, schema: SchemaDocument, node: XmlElement): void {
  const table = TABLES[node.local];
  if (!table || !XSD_NAMESPACES.includes(node.ns)) return;
  const name = attr(node, 'name');
  if (name === undefined) throw invalid(schema.document, node, `top-level xs:${node.local} without a name`);
  const key = qnameKey(schema.targetNamespace, name);
  const map = set[table];
  if (!map.has(key)) map.set(key, { node, schema });
}

/**
 * Resolves a QName-valued attribute of a node in `schema` to a key. In a chameleon schema an unprefixed name
 * that would be in no namespace is in the including schema's namespace (Part 1, section 4.2.1).
 */
export function schemaQName(schema: SchemaDocument, node: XmlElement, value: string): QNameKey | undefined {
  const key = resolveQName(node, value);
  if (key !== undefined && schema.chameleon && key.startsWith('{}')) {
    return qnameKey(schema.targetNamespace, key.slice(2));
  }
  return key;
}

/** An `XSD_INVALID` error pointing at `node`. */
export function invalid(document: XmlDocument, node: XmlElement, message: string): SchemaError {
  return new SchemaError(invalidIssue(document, node, message));
}

/** An `XSD_INVALID` issue pointing at `node`. */
export function invalidIssue(document: XmlDocument, node: XmlElement, message: string): SchemaIssue {
  return { code: 'XSD_INVALID', message, position: positionOf(document, node) };
}
