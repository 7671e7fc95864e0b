/**
 * Schemas every SOAP toolkit knows by heart and never fetches: the `xml:` attributes (XML 1.0 section 2.10
 * and 2.12, XML Base, xml:id) and the SOAP 1.1 encoding schema (`http://schemas.xmlsoap.org/soap/encoding/`,
 * SOAP 1.1 section 5: Array, Struct, the arrayType/offset/position attributes, and one encoded type per
 * built-in, e.g. `soapenc:string`, that is the built-in plus the `id`/`href` attributes).
 */
import { XML_NS } from '../xml/types.js';
import { XSD_NS } from './builtins.js';
import type { AttributeUse, ComplexType, ElementDeclaration, QNameKey, TypeDefinition } from './model.js';
import { qnameKey } from './model.js';

/** The SOAP 1.1 encoding namespace. */
export const SOAP_ENCODING_NS = 'http://schemas.xmlsoap.org/soap/encoding/';
/** The SOAP 1.2 encoding namespace (SOAP 1.2 Part 2, section 3); RPC WSDLs for SOAP 1.2 name `enc:Array` there. */
export const SOAP12_ENCODING_NS = 'http://www.w3.org/2003/05/soap-encoding';

/** Components of a namespace that is built in. */
export interface WellKnownSchema {
  readonly types: Record<QNameKey, TypeDefinition>;
  readonly elements: Record<QNameKey, ElementDeclaration>;
  readonly attributes: Record<QNameKey, AttributeUse>;
}

const xs = (local: string) => ({ ref: qnameKey(XSD_NS, local) });

function attribute(ns: string, local: string, type: { ref: QNameKey } | TypeDefinition): AttributeUse {
  return { name: { ns, local }, type, use: 'optional' };
}

/** `xml:lang`, `xml:space`, `xml:base`, `xml:id`. */
export const XML_ATTRIBUTES: WellKnownSchema = {
  types: {},
  elements: {},
  attributes: {
    [qnameKey(XML_NS, 'lang')]: attribute(XML_NS, 'lang', xs('language')),
    [qnameKey(XML_NS, 'space')]: attribute(XML_NS, 'space', {
      kind: 'simple',
      variety: 'atomic',
      builtin: qnameKey(XSD_NS, 'NCName'),
      primitive: qnameKey(XSD_NS, 'string'),
      base: qnameKey(XSD_NS, 'NCName'),
      facets: { whiteSpace: 'collapse', enumeration: ['default', 'preserve'] },
    }),
    [qnameKey(XML_NS, 'base')]: attribute(XML_NS, 'base', xs('anyURI')),
    [qnameKey(XML_NS, 'id')]: attribute(XML_NS, 'id', xs('ID')),
  },
};

// The built-ins that the encoding schema wraps with id/href (soapenc:string, soapenc:int, ...).
const ENCODED_SIMPLE = [
  'string',
  'boolean',
  'float',
  'double',
  'decimal',
  'duration',
  'dateTime',
  'time',
  'date',
  'gYearMonth',
  'gYear',
  'gMonthDay',
  'gDay',
  'gMonth',
  'hexBinary',
  'base64Binary',
  'anyURI',
  'QName',
  'NOTATION',
  'normalizedString',
  'token',
  'language',
  'Name',
  'NMTOKEN',
  'NCName',
  'NMTOKENS',
  'ID',
  'IDREF',
  'ENTITY',
  'IDREFS',
  'ENTITIES',
  'integer',
  'nonPositiveInteger',
  'negativeInteger',
  'long',
  'int',
  'short',
  'byte',
  'nonNegativeInteger',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
  'positiveInteger',
];

function buildSoapEncoding(ns: string): WellKnownSchema {
  const enc = (local: string) => qnameKey(ns, local);
  const common: AttributeUse[] = [attribute('', 'id', xs('ID')), attribute('', 'href', xs('anyURI'))];
  const otherAttrs = { namespace: '##other', targetNamespace: ns, processContents: 'lax' as const };
  const anyContent = {
    kind: 'particle' as const,
    particle: {
      kind: 'sequence' as const,
      minOccurs: 1,
      maxOccurs: 1 as const,
      particles: [
        {
          kind: 'any' as const,
          minOccurs: 0,
          maxOccurs: 'unbounded' as const,
          namespace: '##any',
          targetNamespace: ns,
          processContents: 'lax' as const,
        },
      ],
    },
  };
  const attributes: Record<QNameKey, AttributeUse> = {
    [enc('root')]: attribute(ns, 'root', xs('boolean')),
    [enc('arrayType')]: attribute(ns, 'arrayType', xs('string')),
    [enc('offset')]: attribute(ns, 'offset', { ref: enc('arrayCoordinate') }),
    [enc('position')]: attribute(ns, 'position', { ref: enc('arrayCoordinate') }),
  };
  const struct: ComplexType = {
    kind: 'complex',
    name: enc('Struct'),
    abstract: false,
    mixed: false,
    content: anyContent,
    attributes: common,
    anyAttribute: otherAttrs,
  };
  const array: ComplexType = {
    ...struct,
    name: enc('Array'),
    attributes: [attributes[enc('arrayType')]!, attributes[enc('offset')]!, ...common],
  };
  const types: Record<QNameKey, TypeDefinition> = {
    [enc('arrayCoordinate')]: {
      kind: 'simple',
      name: enc('arrayCoordinate'),
      variety: 'atomic',
      builtin: qnameKey(XSD_NS, 'string'),
      primitive: qnameKey(XSD_NS, 'string'),
      base: qnameKey(XSD_NS, 'string'),
      facets: { whiteSpace: 'preserve' },
    },
    [enc('Struct')]: struct,
    [enc('Array')]: array,
    [enc('base64')]: {
      kind: 'complex',
      name: enc('base64'),
      abstract: false,
      mixed: false,
      base: qnameKey(XSD_NS, 'base64Binary'),
      derivation: 'extension',
      content: { kind: 'simple', type: xs('base64Binary') },
      attributes: common,
      anyAttribute: otherAttrs,
    },
  };
  for (const local of ENCODED_SIMPLE) {
    types[enc(local)] = {
      kind: 'complex',
      name: enc(local),
      abstract: false,
      mixed: false,
      base: qnameKey(XSD_NS, local),
      derivation: 'extension',
      content: { kind: 'simple', type: xs(local) },
      attributes: common,
      anyAttribute: otherAttrs,
    };
  }
  const elements: Record<QNameKey, ElementDeclaration> = {};
  for (const key of Object.keys(types)) {
    const local = key.slice(ns.length + 2);
    if (local === 'arrayCoordinate') continue;
    elements[key] = { name: { ns, local }, type: { ref: key }, nillable: true, abstract: false };
  }
  return { types, elements, attributes };
}

/** The SOAP 1.1 encoding schema, built in. */
export const SOAP_ENCODING: WellKnownSchema = buildSoapEncoding(SOAP_ENCODING_NS);
/** The same shapes in the SOAP 1.2 encoding namespace. */
export const SOAP12_ENCODING: WellKnownSchema = buildSoapEncoding(SOAP12_ENCODING_NS);

/** Namespaces whose schemas are built in: an import of one of them is never fetched. */
export const BUILT_IN_NAMESPACES: readonly string[] = [
  XSD_NS,
  'http://www.w3.org/1999/XMLSchema',
  'http://www.w3.org/2000/10/XMLSchema',
  XML_NS,
  SOAP_ENCODING_NS,
  SOAP12_ENCODING_NS,
];
