/**
 * xs:float and xs:double (XML Schema Part 2, sections 3.2.4 and 3.2.5): JS numbers. Lexical space:
 * `(\+|-)?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee](\+|-)?[0-9]+)?|(\+|-)?INF|NaN` (the `+INF` form is XSD 1.1).
 * A float decodes to the double nearest its lexical form (not rounded to 32 bits), so `0.1` stays `0.1`.
 */
import { isDigit } from './lexical.js';

/** Parses a float/double lexical, or returns undefined when it is not one. */
export function parseFloatLexical(s: string): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const c0 = s.charCodeAt(0);
  let i = c0 === 0x2b || c0 === 0x2d ? 1 : 0;
  if (s.charCodeAt(i) === 0x49 /* I */) {
    if (n - i !== 3 || s.charCodeAt(i + 1) !== 0x4e || s.charCodeAt(i + 2) !== 0x46) return undefined;
    return c0 === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (s === 'NaN') return Number.NaN;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 0x2e) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if (i < n && (s.charCodeAt(i) | 0x20) === 0x65 /* e or E */) {
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) return undefined;
  }
  if (i !== n) return undefined;
  return Number(s);
}

/** The lexical form written for a number: `INF`, `-INF`, `NaN`, or ECMAScript's shortest round-trip digits. */
export function formatFloat(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return 'INF';
  if (value === Number.NEGATIVE_INFINITY) return '-INF';
  if (Number.isNaN(value)) return 'NaN';
  if (Object.is(value, -0)) return '-0';
  return String(value).toUpperCase();
}
