/**
 * The XML Schema built-in datatypes (XML Schema Part 2, section 3, and XSD 1.1 Part 2 for dateTimeStamp,
 * dayTimeDuration and yearMonthDuration), as one table keyed by QName key. They are part of every schema set
 * and are never fetched. Each entry gives its base, its primitive (the value space a codec decodes into) and
 * its effective facets (e.g. `int` is a decimal with fractionDigits 0 and bounds).
 *
 * Old WSDLs name the same types in the 1999 and 2000/10 drafts' namespaces; `canonicalBuiltinKey` maps those
 * to the 2001 ones.
 */
import type { ComplexType, Facets, QNameKey, SimpleType, TypeDefinition } from './model.js';
import { qnameKey } from './model.js';

/** The XML Schema namespace (2001 Recommendation). */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/** Draft namespaces whose built-in type names are accepted as aliases of the 2001 ones. */
export const XSD_DRAFT_NAMESPACES: readonly string[] = [
  'http://www.w3.org/1999/XMLSchema',
  'http://www.w3.org/2000/10/XMLSchema',
];
/** Every namespace in which an `xs:schema` element is recognised. */
export const XSD_NAMESPACES: readonly string[] = [XSD_NS, ...XSD_DRAFT_NAMESPACES];

/** `{http://www.w3.org/2001/XMLSchema}anyType`: the ur-type, the type of an element declared without one. */
export const ANY_TYPE = qnameKey(XSD_NS, 'anyType');
/** `{http://www.w3.org/2001/XMLSchema}anySimpleType`. */
export const ANY_SIMPLE_TYPE = qnameKey(XSD_NS, 'anySimpleType');

interface Entry {
  base: string;
  primitive?: string;
  facets?: Facets;
  list?: string;
}

const COLLAPSE: Facets = { whiteSpace: 'collapse' };

// name -> base (local names in XSD_NS), own facets. Order: every base before the types derived from it.
const TABLE: Record<string, Entry> = {
  anySimpleType: { base: 'anyType' },
  anyAtomicType: { base: 'anySimpleType' },
  string: { base: 'anySimpleType', facets: { whiteSpace: 'preserve' } },
  boolean: { base: 'anySimpleType', facets: COLLAPSE },
  decimal: { base: 'anySimpleType', facets: COLLAPSE },
  float: { base: 'anySimpleType', facets: COLLAPSE },
  double: { base: 'anySimpleType', facets: COLLAPSE },
  duration: { base: 'anySimpleType', facets: COLLAPSE },
  dateTime: { base: 'anySimpleType', facets: COLLAPSE },
  time: { base: 'anySimpleType', facets: COLLAPSE },
  date: { base: 'anySimpleType', facets: COLLAPSE },
  gYearMonth: { base: 'anySimpleType', facets: COLLAPSE },
  gYear: { base: 'anySimpleType', facets: COLLAPSE },
  gMonthDay: { base: 'anySimpleType', facets: COLLAPSE },
  gDay: { base: 'anySimpleType', facets: COLLAPSE },
  gMonth: { base: 'anySimpleType', facets: COLLAPSE },
  hexBinary: { base: 'anySimpleType', facets: COLLAPSE },
  base64Binary: { base: 'anySimpleType', facets: COLLAPSE },
  anyURI: { base: 'anySimpleType', facets: COLLAPSE },
  QName: { base: 'anySimpleType', facets: COLLAPSE },
  NOTATION: { base: 'anySimpleType', facets: COLLAPSE },
  normalizedString: { base: 'string', facets: { whiteSpace: 'replace' } },
  token: { base: 'normalizedString', facets: COLLAPSE },
  language: { base: 'token' },
  NMTOKEN: { base: 'token' },
  NMTOKENS: { base: 'anySimpleType', list: 'NMTOKEN', facets: { minLength: 1, whiteSpace: 'collapse' } },
  Name: { base: 'token' },
  NCName: { base: 'Name' },
  ID: { base: 'NCName' },
  IDREF: { base: 'NCName' },
  IDREFS: { base: 'anySimpleType', list: 'IDREF', facets: { minLength: 1, whiteSpace: 'collapse' } },
  ENTITY: { base: 'NCName' },
  ENTITIES: { base: 'anySimpleType', list: 'ENTITY', facets: { minLength: 1, whiteSpace: 'collapse' } },
  integer: { base: 'decimal', facets: { fractionDigits: 0 } },
  nonPositiveInteger: { base: 'integer', facets: { maxInclusive: '0' } },
  negativeInteger: { base: 'nonPositiveInteger', facets: { maxInclusive: '-1' } },
  long: { base: 'integer', facets: { minInclusive: '-9223372036854775808', maxInclusive: '9223372036854775807' } },
  int: { base: 'long', facets: { minInclusive: '-2147483648', maxInclusive: '2147483647' } },
  short: { base: 'int', facets: { minInclusive: '-32768', maxInclusive: '32767' } },
  byte: { base: 'short', facets: { minInclusive: '-128', maxInclusive: '127' } },
  nonNegativeInteger: { base: 'integer', facets: { minInclusive: '0' } },
  unsignedLong: { base: 'nonNegativeInteger', facets: { maxInclusive: '18446744073709551615' } },
  unsignedInt: { base: 'unsignedLong', facets: { maxInclusive: '4294967295' } },
  unsignedShort: { base: 'unsignedInt', facets: { maxInclusive: '65535' } },
  unsignedByte: { base: 'unsignedShort', facets: { maxInclusive: '255' } },
  positiveInteger: { base: 'nonNegativeInteger', facets: { minInclusive: '1' } },
  // XSD 1.1 Part 2, sections 3.4.26-3.4.28. dateTimeStamp's required timezone has no facet in this model.
  dateTimeStamp: { base: 'dateTime' },
  dayTimeDuration: { base: 'duration', facets: { patterns: ['[^YM]*(T.*)?'] } },
  yearMonthDuration: { base: 'duration', facets: { patterns: ['[^DT]*'] } },
};

// Names from the 1999 draft that the 2001 Recommendation renamed.
const DRAFT_RENAMES: Record<string, string> = {
  timeInstant: 'dateTime',
  timeDuration: 'duration',
  uriReference: 'anyURI',
  binary: 'base64Binary',
  recurringDuration: 'duration',
};

/** The ur-type (XML Schema Part 1, section 3.4.7): any content, any attributes, mixed. */
const ANY_TYPE_DEFINITION: ComplexType = {
  kind: 'complex',
  name: ANY_TYPE,
  abstract: false,
  mixed: true,
  content: {
    kind: 'particle',
    particle: {
      kind: 'sequence',
      minOccurs: 1,
      maxOccurs: 1,
      particles: [
        {
          kind: 'any',
          minOccurs: 0,
          maxOccurs: 'unbounded',
          namespace: '##any',
          targetNamespace: '',
          processContents: 'lax',
        },
      ],
    },
  },
  attributes: [],
  anyAttribute: { namespace: '##any', targetNamespace: '', processContents: 'lax' },
};

function build(): Record<QNameKey, TypeDefinition> {
  const out: Record<QNameKey, TypeDefinition> = { [ANY_TYPE]: ANY_TYPE_DEFINITION };
  const primitives = new Map<string, string>();
  for (const [local, entry] of Object.entries(TABLE)) {
    const key = qnameKey(XSD_NS, local);
    const baseKey = qnameKey(XSD_NS, entry.base);
    const base = out[baseKey];
    const inherited = base?.kind === 'simple' && !entry.list ? base.facets : {};
    const primitive =
      entry.base === 'anySimpleType' || entry.base === 'anyType' ? local : (primitives.get(entry.base) ?? local);
    primitives.set(local, primitive);
    const type: SimpleType = {
      kind: 'simple',
      name: key,
      variety: entry.list ? 'list' : 'atomic',
      builtin: key,
      primitive: qnameKey(XSD_NS, entry.list ? 'anySimpleType' : primitive),
      ...(local === 'anySimpleType' ? {} : { base: baseKey }),
      facets: { ...inherited, ...entry.facets },
      ...(entry.list ? { itemType: { ref: qnameKey(XSD_NS, entry.list) } } : {}),
    };
    out[key] = type;
  }
  return out;
}

/** Every built-in type of XML Schema, keyed by its 2001 QName key. */
export const BUILTIN_TYPES: Readonly<Record<QNameKey, TypeDefinition>> = build();

/**
 * Maps a key in a draft XML Schema namespace (1999, 2000/10) to the 2001 built-in it stands for; any other
 * key is returned unchanged.
 */
export function canonicalBuiltinKey(key: QNameKey): QNameKey {
  for (const ns of XSD_DRAFT_NAMESPACES) {
    const prefix = `{${ns}}`;
    if (key.startsWith(prefix)) {
      const local = key.slice(prefix.length);
      return qnameKey(XSD_NS, DRAFT_RENAMES[local] ?? local);
    }
  }
  return key;
}

/** The built-in type named by `key` (draft namespaces accepted), or undefined. */
export function builtinType(key: QNameKey): TypeDefinition | undefined {
  return BUILTIN_TYPES[canonicalBuiltinKey(key)];
}
