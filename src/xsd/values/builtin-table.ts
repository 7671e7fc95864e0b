/**
 * How each XML Schema built-in datatype maps to a JS value: one row per built-in (XML Schema Part 2,
 * section 3, plus the XSD 1.1 additions), naming its base, its whiteSpace and the value kind that handles
 * it. `src/xsd/builtins.ts` describes the same types for the schema reader; this table is the codecs' view.
 */
import type { IntegerRange } from './integer.js';
import type { TemporalForm } from './temporal.js';

/** The XML Schema namespace. */
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
/** The SOAP 1.1 encoding namespace, whose `string`, `int`, ... types stand for the XML Schema built-ins. */
export const SOAP_ENC_NS = 'http://schemas.xmlsoap.org/soap/encoding/';
/** Namespaces whose type names are the built-ins: the 2001 Recommendation, its drafts, and SOAP encoding. */
export const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set([
  XS_NS,
  'http://www.w3.org/1999/XMLSchema',
  'http://www.w3.org/2000/10/XMLSchema',
  SOAP_ENC_NS,
]);

/** The value kinds: one handler each (see `atomic-handlers.ts`), plus `list` for the built-in list types. */
export type ValueKind =
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'float'
  | 'dateTime'
  | 'temporal'
  | 'base64Binary'
  | 'hexBinary'
  | 'QName'
  | 'list';

/** The atomic value kinds, each with its handler. */
export type AtomicKind = Exclude<ValueKind, 'list'>;

export type WhiteSpace = 'preserve' | 'replace' | 'collapse';

/** One built-in's mapping. */
export interface BuiltinValue {
  readonly base: BuiltinName | 'anyType';
  readonly kind: ValueKind;
  readonly whiteSpace: WhiteSpace;
  /** string kind: the lexical production the value must match. */
  readonly lexical?: 'Name' | 'NCName' | 'NMTOKEN' | 'language';
  /** integer kind: value range and JS type. */
  readonly range?: IntegerRange;
  /** temporal kind: which grammar. */
  readonly form?: TemporalForm;
  /** dateTime kind: dateTimeStamp requires a timezone. */
  readonly timezoneRequired?: boolean;
  /** list kind: the item type. */
  readonly item?: BuiltinName;
  /** list kind: minLength 1 (NMTOKENS, IDREFS, ENTITIES). */
  readonly nonEmpty?: boolean;
}

const P = 'preserve';
const C = 'collapse';
const TWO_63 = 2n ** 63n;

const int = (base: BuiltinName, min: bigint | undefined, max: bigint | undefined, big: boolean): BuiltinValue => ({
  base,
  kind: 'integer',
  whiteSpace: C,
  range: { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), big },
});
const temporal = (form: TemporalForm, base: BuiltinName = 'anySimpleType'): BuiltinValue => ({
  base,
  kind: 'temporal',
  whiteSpace: C,
  form,
});
const text = (base: BuiltinName, whiteSpace: WhiteSpace, lexical?: BuiltinValue['lexical']): BuiltinValue => ({
  base,
  kind: 'string',
  whiteSpace,
  ...(lexical ? { lexical } : {}),
});

/** The local name of a built-in simple type. */
export type BuiltinName =
  | 'anySimpleType'
  | 'anyAtomicType'
  | 'string'
  | 'normalizedString'
  | 'token'
  | 'language'
  | 'Name'
  | 'NCName'
  | 'ID'
  | 'IDREF'
  | 'ENTITY'
  | 'NMTOKEN'
  | 'anyURI'
  | 'NOTATION'
  | 'QName'
  | 'boolean'
  | 'decimal'
  | 'float'
  | 'double'
  | 'integer'
  | 'nonPositiveInteger'
  | 'negativeInteger'
  | 'long'
  | 'int'
  | 'short'
  | 'byte'
  | 'nonNegativeInteger'
  | 'positiveInteger'
  | 'unsignedLong'
  | 'unsignedInt'
  | 'unsignedShort'
  | 'unsignedByte'
  | 'dateTime'
  | 'dateTimeStamp'
  | 'date'
  | 'time'
  | 'gYearMonth'
  | 'gYear'
  | 'gMonthDay'
  | 'gDay'
  | 'gMonth'
  | 'duration'
  | 'dayTimeDuration'
  | 'yearMonthDuration'
  | 'base64Binary'
  | 'hexBinary'
  | 'NMTOKENS'
  | 'IDREFS'
  | 'ENTITIES';

/** Every built-in simple type by local name. */
export const BUILTIN_VALUES: Readonly<Record<BuiltinName, BuiltinValue>> = {
  anySimpleType: { base: 'anyType', kind: 'string', whiteSpace: P },
  anyAtomicType: text('anySimpleType', P),
  string: text('anySimpleType', P),
  normalizedString: text('string', 'replace'),
  token: text('normalizedString', C),
  language: text('token', C, 'language'),
  Name: text('token', C, 'Name'),
  NCName: text('Name', C, 'NCName'),
  ID: text('NCName', C, 'NCName'),
  IDREF: text('NCName', C, 'NCName'),
  ENTITY: text('NCName', C, 'NCName'),
  NMTOKEN: text('token', C, 'NMTOKEN'),
  anyURI: text('anySimpleType', C),
  NOTATION: text('anySimpleType', C),
  QName: { base: 'anySimpleType', kind: 'QName', whiteSpace: C },
  boolean: { base: 'anySimpleType', kind: 'boolean', whiteSpace: C },
  decimal: { base: 'anySimpleType', kind: 'decimal', whiteSpace: C },
  float: { base: 'anySimpleType', kind: 'float', whiteSpace: C },
  double: { base: 'anySimpleType', kind: 'float', whiteSpace: C },
  integer: int('decimal', undefined, undefined, true),
  nonPositiveInteger: int('integer', undefined, 0n, true),
  negativeInteger: int('nonPositiveInteger', undefined, -1n, true),
  long: int('integer', -TWO_63, TWO_63 - 1n, true),
  int: int('long', -(2n ** 31n), 2n ** 31n - 1n, false),
  short: int('int', -32768n, 32767n, false),
  byte: int('short', -128n, 127n, false),
  nonNegativeInteger: int('integer', 0n, undefined, true),
  positiveInteger: int('nonNegativeInteger', 1n, undefined, true),
  unsignedLong: int('nonNegativeInteger', 0n, 2n ** 64n - 1n, true),
  unsignedInt: int('unsignedLong', 0n, 2n ** 32n - 1n, false),
  unsignedShort: int('unsignedInt', 0n, 65535n, false),
  unsignedByte: int('unsignedShort', 0n, 255n, false),
  dateTime: { base: 'anySimpleType', kind: 'dateTime', whiteSpace: C },
  dateTimeStamp: { base: 'dateTime', kind: 'dateTime', whiteSpace: C, timezoneRequired: true },
  date: temporal('date'),
  time: temporal('time'),
  gYearMonth: temporal('gYearMonth'),
  gYear: temporal('gYear'),
  gMonthDay: temporal('gMonthDay'),
  gDay: temporal('gDay'),
  gMonth: temporal('gMonth'),
  duration: temporal('duration'),
  dayTimeDuration: temporal('dayTimeDuration', 'duration'),
  yearMonthDuration: temporal('yearMonthDuration', 'duration'),
  base64Binary: { base: 'anySimpleType', kind: 'base64Binary', whiteSpace: C },
  hexBinary: { base: 'anySimpleType', kind: 'hexBinary', whiteSpace: C },
  NMTOKENS: { base: 'anySimpleType', kind: 'list', whiteSpace: C, item: 'NMTOKEN', nonEmpty: true },
  IDREFS: { base: 'anySimpleType', kind: 'list', whiteSpace: C, item: 'IDREF', nonEmpty: true },
  ENTITIES: { base: 'anySimpleType', kind: 'list', whiteSpace: C, item: 'ENTITY', nonEmpty: true },
};

/** The built-in a type key names (`{XS}int`, `{soap-enc}int`, draft namespaces), or undefined. */
export function builtinName(key: string): BuiltinName | undefined {
  const close = key.indexOf('}');
  if (!BUILTIN_NAMESPACES.has(key.slice(1, close))) return undefined;
  const local = key.slice(close + 1);
  return Object.hasOwn(BUILTIN_VALUES, local) ? (local as BuiltinName) : undefined;
}

/** True when built-in `name` is `ancestor` or derives from it (Part 2, section 3 type hierarchy). */
export function builtinDerivesFrom(name: BuiltinName, ancestor: string): boolean {
  let current: string = name;
  while (current !== 'anyType') {
    if (current === ancestor) return true;
    current = BUILTIN_VALUES[current as BuiltinName].base;
  }
  return ancestor === 'anyType';
}
