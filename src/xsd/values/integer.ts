/**
 * The integer types (XML Schema Part 2, sections 3.3.13 to 3.3.25). Types whose value space fits in a double
 * exactly (int, short, byte and the unsigned ones up to unsignedInt) decode to `number`; every other one
 * (integer, long, unsignedLong and the sign-restricted unbounded ones) decodes to `bigint`, so that
 * `9007199254740993` never becomes `9007199254740992`.
 */
import { isDigit } from './lexical.js';

/** The value range of one integer type and the JS type it decodes to. */
export interface IntegerRange {
  readonly min?: bigint;
  readonly max?: bigint;
  /** true: decode to bigint; false: to number (the range is within Number.MAX_SAFE_INTEGER). */
  readonly big: boolean;
}

/** True when `s` is `(\+|-)?[0-9]+`. */
export function isIntegerLexical(s: string): boolean {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) i = 1;
  if (i === n) return false;
  for (; i < n; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Parses an integer lexical into the type's JS value, or undefined when invalid or out of range. */
export function parseInteger(s: string, range: IntegerRange): number | bigint | undefined {
  if (!isIntegerLexical(s)) return undefined;
  if (!range.big && s.length <= 15) {
    // At most 15 characters: exact in a double, and no BigInt needed for the range check.
    const value = Number(s);
    if (range.min !== undefined && value < Number(range.min)) return undefined;
    if (range.max !== undefined && value > Number(range.max)) return undefined;
    return value === 0 ? 0 : value;
  }
  const big = BigInt(s);
  if (range.min !== undefined && big < range.min) return undefined;
  if (range.max !== undefined && big > range.max) return undefined;
  return range.big ? big : Number(big);
}

/** Accepts a number, bigint or integer string and returns the canonical lexical form, or undefined. */
export function formatInteger(value: unknown, range: IntegerRange): string | undefined {
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    big = BigInt(value);
  } else if (typeof value === 'string' && isIntegerLexical(value)) big = BigInt(value);
  else return undefined;
  if (range.min !== undefined && big < range.min) return undefined;
  if (range.max !== undefined && big > range.max) return undefined;
  return big.toString();
}
