/**
 * Rewriting served WSDL and schema documents so that a client given only the `?wsdl` URL calls this server:
 * - `soap:address` / `soap12:address` `location` (WSDL 1.1 sections 3.8 and the SOAP 1.2 binding) and the
 *   WS-Addressing `EndpointReference/Address` WCF puts beside them become the URL of the port's path here;
 * - `wsdl:import` `location` (WSDL 1.1 section 2.1.1) and `xs:import` / `xs:include` / `xs:redefine`
 *   `schemaLocation` that name a served document become its `?wsdl=wsdlN` / `?xsd=xsdN` URL.
 * The document is parsed and written again through the XML writer; nothing is spliced into text.
 */

import type { XmlAttribute, XmlElement } from '../xml/types.js';
import { XmlWriter } from '../xml/writer.js';
import { resolveLocation } from '../xsd/location.js';
import { writeTree } from './tree-writer.js';
import type { ServedDocument } from './wsdl-documents.js';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const ADDRESS_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.xmlsoap.org/wsdl/soap/',
  'http://schemas.xmlsoap.org/wsdl/soap12/',
]);
const WSA_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.w3.org/2005/08/addressing',
  'http://schemas.xmlsoap.org/ws/2004/08/addressing',
]);
const SCHEMA_REFERENCES: ReadonlySet<string> = new Set(['import', 'include', 'redefine']);

/** What the rewrite needs to know about where things are served. */
export interface RewriteTarget {
  /** `http://host:port` as the client reached this server. */
  readonly origin: string;
  /** The path the requested service is hosted at: the address of ports not hosted here. */
  readonly path: string;
  /** `service/port` -> path, for every port of the model this server hosts. */
  readonly portPaths: ReadonlyMap<string, string>;
  /** Every served document of the model (for import locations). */
  readonly documents: readonly ServedDocument[];
}

function attributeValue(el: XmlElement, local: string): string | undefined {
  return el.attrs.find((a) => a.ns === '' && a.local === local)?.value;
}

/** The `service/port` the ancestors place an element in, when inside a wsdl:port. */
function portKey(ancestors: readonly XmlElement[]): string | undefined {
  const port = ancestors.findLast((a) => a.ns === WSDL_NS && a.local === 'port');
  const service = ancestors.findLast((a) => a.ns === WSDL_NS && a.local === 'service');
  if (!port || !service) return undefined;
  return `${attributeValue(service, 'name') ?? ''}/${attributeValue(port, 'name') ?? ''}`;
}

/** Writes `doc` again with its addresses and import locations pointed at this server. */
export function rewriteDocument(doc: ServedDocument, target: RewriteTarget): string {
  const servedAt = (query: string) => `${target.origin}${target.path}?${query}`;
  const endpointOf = (ancestors: readonly XmlElement[]) => {
    const key = portKey(ancestors);
    return `${target.origin}${(key && target.portPaths.get(key)) ?? target.path}`;
  };
  const referenced = (value: string): string | undefined => {
    let location: string;
    try {
      location = resolveLocation(value, doc.location);
    } catch {
      return undefined;
    }
    const served = target.documents.find((d) => d.location === location);
    return served ? servedAt(served.query) : undefined;
  };
  const w = new XmlWriter({ declaration: true });
  writeTree(w, doc.document.root, {
    attribute(el: XmlElement, attr: XmlAttribute, ancestors: readonly XmlElement[]) {
      if (attr.ns !== '') return undefined;
      if (attr.local === 'location' && ADDRESS_NAMESPACES.has(el.ns) && el.local === 'address') {
        return endpointOf(ancestors);
      }
      if (attr.local === 'location' && el.ns === WSDL_NS && el.local === 'import') return referenced(attr.value);
      if (attr.local === 'schemaLocation' && el.ns === XSD_NS && SCHEMA_REFERENCES.has(el.local)) {
        return referenced(attr.value);
      }
      return undefined;
    },
    text(el: XmlElement, _text: string, ancestors: readonly XmlElement[]) {
      if (el.local !== 'Address' || !WSA_NAMESPACES.has(el.ns)) return undefined;
      return portKey(ancestors) === undefined ? undefined : endpointOf(ancestors);
    },
  });
  return w.toString();
}
