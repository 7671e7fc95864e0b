/**
 * One handler per atomic value kind: lexical form to JS value (`parse`), JS value to lexical form (`format`),
 * and what the facets need (an equality key for enumeration, an order for the bounds, a length). Handlers
 * never throw: an invalid input gives `INVALID`, so that unions can try their members without try/catch.
 */
import type { NamespaceScope } from '../../xml/types.js';
import { parseBase64, parseHex, toBytes } from './binary.js';
import type { AtomicKind, BuiltinValue, WhiteSpace } from './builtin-table.js';
import { canonicalDecimal, compareDecimal, numberToDecimal } from './decimal.js';
import { formatFloat, parseFloatLexical } from './float.js';
import { formatInteger, parseInteger } from './integer.js';
import {
  codePointLength,
  collapseWhitespace,
  isLanguage,
  isName,
  isNCName,
  isNmtoken,
  replaceWhitespace,
} from './lexical.js';
import { formatDate, formatDateTime, isTemporal, parseDateTime } from './temporal.js';

/** The result of a parse or format that failed. */
export const INVALID: unique symbol = Symbol('soapstack.invalid');
export type Invalid = typeof INVALID;

/** Gives (declaring it if needed) the prefix to write for a namespace, for QName values. */
export type PrefixLookup = (ns: string) => string;

/** What a simple codec needs from a value kind. */
export interface AtomicHandler {
  /** The JS inputs accepted when encoding, for messages (`a number or bigint`). */
  readonly expects: string;
  /** Lexical form (whitespace already processed) to value, or INVALID. */
  parse(lexical: string, scope: NamespaceScope | undefined): unknown;
  /** Value to lexical form, or INVALID when the value is not an accepted input. */
  format(value: unknown, prefixFor: PrefixLookup | undefined): string | Invalid;
  /** A string equal for equal values, for the enumeration facet. */
  key(value: unknown): string;
  /** Orders two values for the min/max facets; undefined where the order is not supported. */
  readonly compare: ((a: unknown, b: unknown) => number) | undefined;
  /** The length the length facets measure (characters, octets); undefined where they do not apply. */
  readonly measure: ((value: unknown) => number) | undefined;
  /** True when totalDigits/fractionDigits apply (the key is then a canonical decimal). */
  readonly digits: boolean;
}

/** Applies a whiteSpace facet value. */
export function whiteSpaceFunction(mode: WhiteSpace): (s: string) => string {
  return mode === 'collapse' ? collapseWhitespace : mode === 'replace' ? replaceWhitespace : (s) => s;
}

const LEXICAL_CHECKS = { Name: isName, NCName: isNCName, NMTOKEN: isNmtoken, language: isLanguage };
const numericOrder = (a: unknown, b: unknown): number => ((a as number) < (b as number) ? -1 : a === b ? 0 : 1);
const bytesLength = (value: unknown): number => (value as Buffer).length;

function stringHandler(info: BuiltinValue, ws: (s: string) => string): AtomicHandler {
  const check = info.lexical ? LEXICAL_CHECKS[info.lexical] : undefined;
  return {
    expects: 'a string (or a finite number or bigint)',
    parse: check ? (lexical) => (check(lexical) ? lexical : INVALID) : (lexical) => lexical,
    format(value) {
      const text = stringInput(value);
      if (text === undefined) return INVALID;
      const lexical = ws(text);
      return check && !check(lexical) ? INVALID : lexical;
    },
    key: (value) => value as string,
    compare: undefined,
    measure: (value) => codePointLength(value as string),
    digits: false,
  };
}

/**
 * The text a string-typed value is written as. A finite number or a bigint (an id or a code held as a number
 * in the caller's data) is written as its decimal text, never with an exponent: there is only one way to read
 * it, so refusing it would only push a `String(n)` onto every caller (docs/mapping.md).
 */
function stringInput(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return numberToDecimal(value);
  return undefined;
}

/** `QName`: the value is the Clark key `{ns}local`; the lexical form's prefix is resolved in scope. */
function qnameHandler(): AtomicHandler {
  return {
    expects: 'a QName key string `{namespace}local`',
    parse(lexical, scope) {
      const colon = lexical.indexOf(':');
      const prefix = colon < 0 ? '' : lexical.slice(0, colon);
      const local = colon < 0 ? lexical : lexical.slice(colon + 1);
      if (!isNCName(local) || (colon >= 0 && !isNCName(prefix))) return INVALID;
      // Part 2, section 3.2.18: an unprefixed QName takes the default namespace.
      const bound = scope !== undefined && Object.hasOwn(scope, prefix) ? scope[prefix] : undefined;
      const ns = typeof bound === 'string' ? bound : prefix === '' ? '' : undefined;
      return ns === undefined ? INVALID : `{${ns}}${local}`;
    },
    format(value, prefixFor) {
      if (typeof value !== 'string') return INVALID;
      if (value.charCodeAt(0) !== 0x7b) return isNCName(value) ? value : INVALID;
      const close = value.indexOf('}');
      const ns = value.slice(1, close);
      const local = value.slice(close + 1);
      if (close < 0 || !isNCName(local)) return INVALID;
      if (ns === '') return local;
      if (prefixFor === undefined) return INVALID;
      const prefix = prefixFor(ns);
      return prefix === '' ? local : `${prefix}:${local}`;
    },
    key: (value) => value as string,
    compare: undefined,
    measure: undefined,
    digits: false,
  };
}

/** The handler table: the compiler checks that every atomic kind has one. */
const HANDLERS: Record<AtomicKind, (info: BuiltinValue, ws: (s: string) => string) => AtomicHandler> = {
  string: stringHandler,
  QName: qnameHandler,
  boolean: () => ({
    expects: 'a boolean',
    parse: (lexical) =>
      lexical === 'true' || lexical === '1' ? true : lexical === 'false' || lexical === '0' ? false : INVALID,
    format(value) {
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return value === 'true' || value === 'false' || value === '1' || value === '0' ? value : INVALID;
    },
    key: (value) => String(value),
    compare: undefined,
    measure: undefined,
    digits: false,
  }),
  decimal: () => ({
    expects: 'a decimal string, a finite number or a bigint',
    parse: (lexical) => canonicalDecimal(lexical) ?? INVALID,
    format(value) {
      if (typeof value === 'string') return canonicalDecimal(collapseWhitespace(value)) ?? INVALID;
      if (typeof value === 'number') return Number.isFinite(value) ? numberToDecimal(value) : INVALID;
      return typeof value === 'bigint' ? value.toString() : INVALID;
    },
    key: (value) => value as string,
    compare: (a, b) => compareDecimal(a as string, b as string),
    measure: undefined,
    digits: true,
  }),
  integer: (info) => {
    const range = info.range!;
    return {
      expects: `an integer (number, bigint or integer string) within the range of the type`,
      parse: (lexical) => parseInteger(lexical, range) ?? INVALID,
      format: (value) => formatInteger(typeof value === 'string' ? collapseWhitespace(value) : value, range) ?? INVALID,
      key: (value) => String(value),
      compare: numericOrder,
      measure: undefined,
      digits: true,
    };
  },
  float: () => ({
    expects: 'a number (or a float lexical string)',
    parse: (lexical) => parseFloatLexical(lexical) ?? INVALID,
    format(value) {
      if (typeof value === 'number') return formatFloat(value);
      if (typeof value !== 'string') return INVALID;
      const lexical = collapseWhitespace(value);
      return parseFloatLexical(lexical) === undefined ? INVALID : lexical;
    },
    key: (value) => formatFloat(value as number),
    compare: numericOrder,
    measure: undefined,
    digits: false,
  }),
  dateTime: (info) => {
    const timezoneRequired = info.timezoneRequired === true;
    return {
      expects: timezoneRequired ? 'a Date or a dateTime string with timezone' : 'a Date or a dateTime string',
      parse: (lexical) => parseDateTime(lexical, timezoneRequired) ?? INVALID,
      format(value) {
        if (value instanceof Date) return formatDateTime(value) ?? INVALID;
        if (typeof value !== 'string') return INVALID;
        // A string is written as given (its timezone and sub-millisecond digits are kept).
        const lexical = collapseWhitespace(value);
        return parseDateTime(lexical, timezoneRequired) === undefined ? INVALID : lexical;
      },
      key: (value) => String((value as Date).getTime()),
      compare: (a, b) => (a as Date).getTime() - (b as Date).getTime(),
      measure: undefined,
      digits: false,
    };
  },
  temporal: (info) => {
    const form = info.form!;
    return {
      expects: form === 'date' ? 'a date string `YYYY-MM-DD` or a Date' : `an xs:${form} string`,
      parse: (lexical) => (isTemporal(lexical, form) ? lexical : INVALID),
      format(value) {
        if (value instanceof Date && form === 'date') return formatDate(value) ?? INVALID;
        if (typeof value !== 'string') return INVALID;
        const lexical = collapseWhitespace(value);
        return isTemporal(lexical, form) ? lexical : INVALID;
      },
      key: (value) => value as string,
      compare: undefined,
      measure: undefined,
      digits: false,
    };
  },
  base64Binary: () => ({
    expects: 'a Buffer or Uint8Array (or base64 text)',
    parse: (lexical) => parseBase64(lexical) ?? INVALID,
    format(value) {
      const bytes = toBytes(value);
      if (bytes) return bytes.toString('base64');
      if (typeof value !== 'string') return INVALID;
      const lexical = collapseWhitespace(value);
      return parseBase64(lexical) === undefined ? INVALID : lexical;
    },
    key: (value) => (value as Buffer).toString('hex'),
    compare: undefined,
    measure: bytesLength,
    digits: false,
  }),
  hexBinary: () => ({
    expects: 'a Buffer or Uint8Array (or hex text)',
    parse: (lexical) => parseHex(lexical) ?? INVALID,
    format(value) {
      const bytes = toBytes(value);
      if (bytes) return bytes.toString('hex').toUpperCase();
      if (typeof value !== 'string') return INVALID;
      const lexical = collapseWhitespace(value);
      return parseHex(lexical) === undefined ? INVALID : lexical.toUpperCase();
    },
    key: (value) => (value as Buffer).toString('hex'),
    compare: undefined,
    measure: bytesLength,
    digits: false,
  }),
};

/** The handler for an atomic built-in, for a type whose effective whiteSpace is `whiteSpace`. */
export function atomicHandler(info: BuiltinValue, whiteSpace: WhiteSpace): AtomicHandler {
  return HANDLERS[info.kind as AtomicKind](info, whiteSpaceFunction(whiteSpace));
}
