/**
 * Reading WSDL 1.1 documents: the root, and every document it imports (breadth first, each once, cycles
 * allowed), into tables of named messages, portTypes, bindings and services, plus the schemas to read.
 *
 * WSDL 1.1, section 2.1:
 *   <wsdl:definitions name="nmtoken"? targetNamespace="uri"?>
 *     <import namespace="uri" location="uri"/>*
 *     <wsdl:documentation .... /> ?
 *     <wsdl:types> ? <xsd:schema .... />* </wsdl:types>
 *     <wsdl:message name="nmtoken"> * <part name="nmtoken" element="qname"? type="qname"?/> * </wsdl:message>
 *     <wsdl:portType name="nmtoken">* ... </wsdl:portType>
 *     <wsdl:binding name="nmtoken" type="qname">* ... </wsdl:binding>
 *     <wsdl:service name="nmtoken"> * ... </wsdl:service>
 *   </wsdl:definitions>
 *
 * A `wsdl:import` that points at an XML Schema document is accepted as a schema (a common practice WS-I
 * Basic Profile discourages but real services use).
 */

import { parseXml } from '../xml/parse.js';
import type { XmlDocument, XmlElement } from '../xml/types.js';
import { XSD_NAMESPACES } from '../xsd/builtins.js';
import { resolveLocation } from '../xsd/location.js';
import type { QNameKey } from '../xsd/model.js';
import { qnameKey } from '../xsd/model.js';
import { attr, childElements, positionOf } from '../xsd/node.js';
import type { SchemaRoot } from '../xsd/read.js';
import { WsdlError } from './errors.js';
import type { DocumentLoader, LoadedDocument } from './loader.js';
import type { CompileIssue } from './model.js';
import { WSDL_NS } from './namespaces.js';

/** A named WSDL component with the document it is declared in. */
export interface WsdlComponent {
  readonly node: XmlElement;
  readonly document: XmlDocument;
}

/** Everything read from the root WSDL and its imports, before compilation. */
export interface RawDefinitions {
  readonly root: XmlDocument;
  readonly targetNamespace: string;
  readonly name?: string;
  /** Every document read here (root first), with its kind. */
  readonly documents: Array<LoadedDocument & { readonly kind: 'wsdl' | 'xsd' }>;
  readonly schemaRoots: SchemaRoot[];
  readonly messages: Map<QNameKey, WsdlComponent>;
  readonly portTypes: Map<QNameKey, WsdlComponent>;
  readonly bindings: Map<QNameKey, WsdlComponent>;
  readonly services: WsdlComponent[];
  /** wsdl:imports skipped because they could not be loaded (lenient mode only). */
  readonly issues: CompileIssue[];
}

/** A `WSDL_INVALID` error pointing at `node`. */
export function wsdlInvalid(document: XmlDocument, node: XmlElement, message: string): WsdlError {
  return new WsdlError('WSDL_INVALID', message, { position: positionOf(document, node), location: document.source });
}

const isSchema = (el: XmlElement) => el.local === 'schema' && XSD_NAMESPACES.includes(el.ns);

/** Reads the root WSDL (already loaded) and its imports. */
export async function readDefinitions(
  rootDoc: LoadedDocument,
  loader: DocumentLoader,
  lenient = false,
): Promise<RawDefinitions> {
  const root = parseXml(rootDoc.text, { source: rootDoc.location });
  if (root.root.ns !== WSDL_NS || root.root.local !== 'definitions') {
    throw wsdlInvalid(root, root.root, `not a WSDL 1.1 document: root element is {${root.root.ns}}${root.root.local}`);
  }
  const name = attr(root.root, 'name');
  const defs: RawDefinitions = {
    root,
    targetNamespace: attr(root.root, 'targetNamespace') ?? '',
    ...(name !== undefined ? { name } : {}),
    documents: [{ ...rootDoc, kind: 'wsdl' }],
    schemaRoots: [],
    messages: new Map(),
    portTypes: new Map(),
    bindings: new Map(),
    services: [],
    issues: [],
  };
  const seen = new Set([rootDoc.location]);
  const queue: Array<{ loading: Promise<LoadedDocument>; from: WsdlComponent }> = [];
  const read = (document: XmlDocument) => {
    const tns = attr(document.root, 'targetNamespace') ?? '';
    for (const child of childElements(document.root, WSDL_NS)) {
      const key = (n: string) => qnameKey(tns, n);
      const named = attr(child, 'name');
      switch (child.local) {
        case 'import': {
          const location = attr(child, 'location');
          if (location === undefined) break;
          const abs = resolveLocation(location, document.source);
          if (seen.has(abs)) break;
          seen.add(abs);
          const loading = loader.load(abs);
          loading.catch(() => {});
          queue.push({ loading, from: { node: child, document } });
          break;
        }
        case 'types':
          for (const s of childElements(child)) if (isSchema(s)) defs.schemaRoots.push({ element: s, document });
          break;
        case 'message':
        case 'portType':
        case 'binding': {
          if (named === undefined) throw wsdlInvalid(document, child, `wsdl:${child.local} without a name`);
          const table =
            child.local === 'message' ? defs.messages : child.local === 'portType' ? defs.portTypes : defs.bindings;
          if (!table.has(key(named))) table.set(key(named), { node: child, document });
          break;
        }
        case 'service':
          defs.services.push({ node: child, document });
          break;
      }
    }
  };
  read(root);
  while (queue.length) {
    const { loading, from } = queue.shift()!;
    let loaded: LoadedDocument;
    try {
      loaded = await loading;
    } catch (error) {
      if (!lenient || (error as { code?: string }).code !== 'DOCUMENT_LOAD_FAILED') throw error;
      const where = wsdlInvalid(from.document, from.node, `skipped: ${(error as Error).message}`);
      defs.issues.push({ code: 'DOCUMENT_LOAD_FAILED', message: where.message });
      continue;
    }
    seen.add(loaded.location);
    const document = parseXml(loaded.text, { source: loaded.location });
    if (isSchema(document.root)) {
      defs.documents.push({ ...loaded, kind: 'xsd' });
      defs.schemaRoots.push({ element: document.root, document });
    } else if (document.root.ns === WSDL_NS && document.root.local === 'definitions') {
      defs.documents.push({ ...loaded, kind: 'wsdl' });
      read(document);
    } else {
      throw wsdlInvalid(
        from.document,
        from.node,
        `${loaded.location} is neither a WSDL 1.1 nor an XML Schema document`,
      );
    }
  }
  return defs;
}
