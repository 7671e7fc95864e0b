/**
 * The WCF metadata layout. A WCF service publishes one description two ways: `?singleWsdl` (everything in one
 * file, the schemas inline in `wsdl:types`) and `?wsdl`, split over several URLs:
 *
 * - `?wsdl`: the root `wsdl:definitions` with the policies, a `wsdl:import` of `?wsdl=wsdl0` (WSDL 1.1
 *   section 2.1.1), the binding and the service;
 * - `?wsdl=wsdl0`: the messages and the portType, with `wsdl:types` holding one schema (targetNamespace
 *   `<tns>/Imports`) made only of `xs:import`s, one per `?xsd=xsdN`;
 * - `?xsd=xsdN`: the N-th inline schema as a document of its own, the namespace declarations it inherited from
 *   `wsdl:definitions` repeated on its root, and an `xs:import` (XML Schema part 1, section 4.2.3) of every
 *   sibling schema whose namespace it refers to in a QName-valued attribute.
 *
 * `splitWcfWsdl` builds that layout from the single file: the Dynamics emulator serves it, and the tests check
 * that loading it gives the same model as the single file. Every document is written through the `XmlWriter`.
 */
import { childElements, getAttribute } from '../xml/dom.js';
import { parseXml } from '../xml/parse.js';
import type { NamespaceScope, XmlDocument, XmlElement } from '../xml/types.js';
import { XmlWriter } from '../xml/writer.js';
import { WsdlError } from './errors.js';
import { WSDL_NS } from './namespaces.js';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Attributes of XML Schema whose values are QNames (or lists of them, `memberTypes`). */
const QNAME_ATTRIBUTES: ReadonlySet<string> = new Set([
  'type',
  'base',
  'ref',
  'itemType',
  'memberTypes',
  'substitutionGroup',
  'refer',
]);
/** What goes in `?wsdl=wsdl0`; the rest of the root's children stay in `?wsdl`. */
const CONTRACT_PARTS: ReadonlySet<string> = new Set(['message', 'portType']);
const EMPTY_SCOPE: NamespaceScope = Object.freeze({ xml: XML_NS });

/** Options of `splitWcfWsdl`. */
export interface WcfSplitOptions {
  /**
   * The service's URL without a query (`http://host/XRMServices/2011/Organization.svc`): imports point at
   * `<base>?wsdl=wsdl0` and `<base>?xsd=xsdN`.
   */
  readonly base: string;
  /** Where the single file came from, for error messages. */
  readonly source?: string;
}

/**
 * Splits a single-file WCF WSDL into the documents WCF serves at `?wsdl`: a map from the query (`wsdl`,
 * `wsdl=wsdl0`, `xsd=xsd0` ... `xsd=xsdN`, in that order) to the document's text.
 */
export function splitWcfWsdl(single: string | XmlDocument, options: WcfSplitOptions): Map<string, string> {
  const doc = typeof single === 'string' ? parseXml(single, { source: options.source ?? 'single WSDL' }) : single;
  const root = doc.root;
  if (root.ns !== WSDL_NS || root.local !== 'definitions') {
    throw new WsdlError('WSDL_INVALID', `${doc.source} is not a WSDL 1.1 wsdl:definitions document`);
  }
  const targetNamespace = getAttribute(root, 'targetNamespace') ?? '';
  const children = childElements(root);
  const types = children.find((c) => c.ns === WSDL_NS && c.local === 'types');
  const schemas = types ? childElements(types).filter((s) => s.ns === XSD_NS && s.local === 'schema') : [];
  const namespaces = schemas.map((s) => getAttribute(s, 'targetNamespace') ?? '');
  const at = (query: string) => `${options.base}?${query}`;

  const files = new Map<string, string>();
  files.set('wsdl', writeRoot(root, children, targetNamespace, at('wsdl=wsdl0')));
  files.set('wsdl=wsdl0', writeContract(root, children, targetNamespace, namespaces, at));
  schemas.forEach((schema, i) => {
    const referenced = referencedNamespaces(schema);
    const imports = namespaces
      .map((ns, j) => ({ ns, location: at(`xsd=xsd${j}`) }))
      .filter(({ ns }, j) => j !== i && ns !== namespaces[i] && referenced.has(ns));
    const w = new XmlWriter({ declaration: true });
    copyElement(w, schema, (el) => {
      // xs:import comes first in a schema (after annotations, which WCF does not emit).
      if (el !== schema) return;
      for (const { ns, location } of imports) {
        w.startElement(XSD_NS, 'import', 'xs').attribute('', 'schemaLocation', location);
        w.attribute('', 'namespace', ns).endElement();
      }
    });
    files.set(`xsd=xsd${i}`, w.toString());
  });
  return files;
}

/** `?wsdl`: policies and other extensions, the wsdl:import of `?wsdl=wsdl0`, then binding and service. */
function writeRoot(root: XmlElement, children: XmlElement[], targetNamespace: string, contract: string): string {
  const w = new XmlWriter({ declaration: true });
  startCopy(w, root);
  const isWsdl = (c: XmlElement) => c.ns === WSDL_NS && c.local !== 'documentation';
  for (const c of children) if (!isWsdl(c)) copyElement(w, c, undefined, root.scope);
  w.startElement(WSDL_NS, 'import', root.prefix).attribute('', 'namespace', targetNamespace);
  w.attribute('', 'location', contract).endElement();
  for (const c of children) {
    if (isWsdl(c) && c.local !== 'types' && c.local !== 'import' && !CONTRACT_PARTS.has(c.local)) {
      copyElement(w, c, undefined, root.scope);
    }
  }
  w.endElement();
  return w.toString();
}

/** `?wsdl=wsdl0`: a types section importing every schema document, the messages and the portType. */
function writeContract(
  root: XmlElement,
  children: XmlElement[],
  targetNamespace: string,
  namespaces: readonly string[],
  at: (query: string) => string,
): string {
  const w = new XmlWriter({ declaration: true });
  startCopy(w, root);
  w.startElement(WSDL_NS, 'types', root.prefix);
  w.startElement(XSD_NS, 'schema', 'xsd').attribute('', 'targetNamespace', `${targetNamespace}/Imports`);
  namespaces.forEach((ns, i) => {
    w.startElement(XSD_NS, 'import', 'xsd').attribute('', 'schemaLocation', at(`xsd=xsd${i}`));
    w.attribute('', 'namespace', ns).endElement();
  });
  w.endElement().endElement();
  for (const c of children) {
    if (c.ns === WSDL_NS && CONTRACT_PARTS.has(c.local)) copyElement(w, c, undefined, root.scope);
  }
  w.endElement();
  return w.toString();
}

/**
 * The namespaces a schema refers to: those of the prefixes used in its QName-valued attributes (resolved where
 * they are used, so declarations inherited from `wsdl:definitions` count).
 */
function referencedNamespaces(schema: XmlElement): Set<string> {
  const found = new Set<string>();
  const visit = (el: XmlElement): void => {
    if (el.ns === XSD_NS) {
      for (const attr of el.attrs) {
        if (attr.ns !== '' || !QNAME_ATTRIBUTES.has(attr.local)) continue;
        for (const token of attr.value.trim().split(/\s+/)) {
          const colon = token.indexOf(':');
          const ns: unknown = el.scope[colon < 0 ? '' : token.slice(0, colon)];
          if (typeof ns === 'string') found.add(ns);
        }
      }
    }
    for (const c of el.children) if (typeof c !== 'string') visit(c);
  };
  visit(schema);
  return found;
}

/** Opens `el` as a document's root, declaring every namespace in its scope (inherited ones included). */
function startCopy(w: XmlWriter, el: XmlElement): void {
  w.startElement(el.ns, el.local, el.prefix);
  declareScope(w, el.scope, EMPTY_SCOPE);
  for (const attr of el.attrs) w.attribute(attr.ns, attr.local, attr.value, attr.prefix || undefined);
}

function declareScope(w: XmlWriter, scope: NamespaceScope, outer: NamespaceScope): void {
  if (scope === outer) return;
  for (const [prefix, uri] of Object.entries(scope)) {
    if (prefix === 'xml' || outer[prefix] === uri) continue;
    w.declareNamespace(prefix, uri);
  }
}

/**
 * Writes `el` and its descendants. Declarations are repeated where the source made them, and all of them on an
 * element that starts a document, so that QName values such as `type="tns:Entity"` keep their meaning.
 * `opened` is called once each element's start tag is written, to add leading children.
 */
function copyElement(
  w: XmlWriter,
  el: XmlElement,
  opened?: (el: XmlElement) => void,
  outer: NamespaceScope = EMPTY_SCOPE,
): void {
  w.startElement(el.ns, el.local, el.prefix);
  declareScope(w, el.scope, outer);
  for (const attr of el.attrs) w.attribute(attr.ns, attr.local, attr.value, attr.prefix || undefined);
  opened?.(el);
  for (const child of el.children) {
    if (typeof child === 'string') w.text(child);
    else copyElement(w, child, opened, el.scope);
  }
  w.endElement();
}
