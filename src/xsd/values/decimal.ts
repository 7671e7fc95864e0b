/**
 * xs:decimal kept exact (XML Schema Part 2, section 3.2.3): values stay strings and are never passed through
 * a binary float, so `12345678901234567.89` survives a round trip. The canonical form is the XSD 1.1 one
 * (`decimalPtCanonicalMap`): no `+`, no leading or trailing zeros, no `.` when there is no fraction, `0` not `-0`.
 */
import { isDigit } from './lexical.js';

/** The canonical form of a decimal lexical `(\+|-)?([0-9]+(\.[0-9]*)?|\.[0-9]+)`, or undefined when it is not one. */
export function canonicalDecimal(s: string): string | undefined {
  const n = s.length;
  let i = 0;
  let negative = false;
  const sign = s.charCodeAt(0);
  if (sign === 0x2b || sign === 0x2d) {
    negative = sign === 0x2d;
    i = 1;
  }
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < n && s.charCodeAt(i) === 0x2e) {
    fracStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracEnd = i;
  }
  if (i !== n || (intEnd === intStart && fracEnd === fracStart)) return undefined;
  let a = intStart;
  while (a < intEnd - 1 && s.charCodeAt(a) === 0x30) a++;
  let b = fracEnd;
  while (b > fracStart && s.charCodeAt(b - 1) === 0x30) b--;
  const integral = intEnd === intStart ? '0' : s.slice(a, intEnd);
  const fraction = s.slice(fracStart, b);
  const zero = integral === '0' && fraction === '';
  // Fast path: the input already is canonical.
  if (!negative && sign !== 0x2b && a === 0 && b === n && fraction !== '' && integral.length === intEnd) return s;
  return (negative && !zero ? '-' : '') + integral + (fraction === '' ? '' : `.${fraction}`);
}

/**
 * The plain decimal notation of a finite number (ECMAScript's `String(n)` uses exponents from 1e21 and below
 * 1e-6; XML Schema decimals have none).
 */
export function numberToDecimal(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return canonicalDecimal(text) ?? text;
  const exponent = Number(text.slice(e + 1));
  let mantissa = text.slice(0, e);
  const negative = mantissa.startsWith('-');
  if (negative) mantissa = mantissa.slice(1);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const pointAt = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (pointAt <= 0) plain = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) plain = digits + '0'.repeat(pointAt - digits.length);
  else plain = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return canonicalDecimal((negative ? '-' : '') + plain)!;
}

/** Compares two canonical decimals exactly: negative, zero or positive like `a - b`. */
export function compareDecimal(a: string, b: string): number {
  const negA = a.charCodeAt(0) === 0x2d;
  const negB = b.charCodeAt(0) === 0x2d;
  if (negA !== negB) return negA ? -1 : 1;
  const magnitude = compareMagnitude(negA ? a.slice(1) : a, negB ? b.slice(1) : b);
  return negA ? -magnitude : magnitude;
}

function compareMagnitude(a: string, b: string): number {
  const dotA = a.indexOf('.');
  const dotB = b.indexOf('.');
  const intA = dotA < 0 ? a : a.slice(0, dotA);
  const intB = dotB < 0 ? b : b.slice(0, dotB);
  if (intA.length !== intB.length) return intA.length - intB.length;
  if (intA !== intB) return intA < intB ? -1 : 1;
  const fracA = dotA < 0 ? '' : a.slice(dotA + 1);
  const fracB = dotB < 0 ? '' : b.slice(dotB + 1);
  const width = Math.max(fracA.length, fracB.length);
  const padA = fracA.padEnd(width, '0');
  const padB = fracB.padEnd(width, '0');
  return padA === padB ? 0 : padA < padB ? -1 : 1;
}

/** totalDigits of a canonical decimal (Part 2, section 4.3.11): significant digits, leading zeros excluded. */
export function totalDigits(canonical: string): number {
  let digits = canonical.replace('-', '').replace('.', '');
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  digits = digits.slice(i);
  return digits === '0' ? 1 : digits.length;
}

/** fractionDigits of a canonical decimal (Part 2, section 4.3.12). */
export function fractionDigits(canonical: string): number {
  const dot = canonical.indexOf('.');
  return dot < 0 ? 0 : canonical.length - dot - 1;
}
