/**
 * Constraining facets (XML Schema Part 2, section 4.3), compiled once per simple type into one check
 * function. Bounds and enumeration values are parsed with the type's own handler, so `1.0` and `1` are the
 * same enumeration value of a decimal. Patterns that cannot be translated (see `pattern.ts`) are not enforced.
 */
import type { Facets } from '../model.js';
import { fractionDigits, totalDigits } from './decimal.js';
import { compilePattern } from './pattern.js';

/** One facet violation: a stable code (`pattern`, `max_length`, ...) and words. */
export interface FacetIssue {
  readonly code: string;
  readonly message: string;
}

/** What the facets need to know about the value space. */
export interface FacetSubject {
  /** An equality key (canonical form) of a value; `lexical` is the form it was read from or written as. */
  key(value: unknown, lexical: string): string;
  readonly compare: ((a: unknown, b: unknown) => number) | undefined;
  readonly measure: ((value: unknown) => number) | undefined;
  readonly digits: boolean;
  /** Parses a facet literal (a bound or an enumeration value) into a value, or returns undefined. */
  literal(text: string): unknown;
}

/** Checks a value (and the lexical form it was read from or written as) against the facets. */
export type FacetCheck = (value: unknown, lexical: string) => FacetIssue | undefined;

function issue(code: string, message: string): FacetIssue {
  return { code, message };
}

/** Compiles the effective facets of a type; undefined when nothing but whiteSpace constrains it. */
export function compileFacets(facets: Facets, subject: FacetSubject): FacetCheck | undefined {
  const checks: FacetCheck[] = [];
  const { measure, compare } = subject;
  if (measure) {
    const { length, minLength, maxLength } = facets;
    if (length !== undefined)
      checks.push((v) => (measure(v) === length ? undefined : issue('length', `length must be ${length}`)));
    if (minLength !== undefined)
      checks.push((v) =>
        measure(v) >= minLength ? undefined : issue('min_length', `length must be at least ${minLength}`),
      );
    if (maxLength !== undefined)
      checks.push((v) =>
        measure(v) <= maxLength ? undefined : issue('max_length', `length must be at most ${maxLength}`),
      );
  }
  if (facets.patterns?.length) {
    // Patterns of one derivation step are OR-ed (section 4.3.4.3).
    const regexes = facets.patterns.map(compilePattern);
    if (regexes.every((r) => r !== undefined)) {
      const list = regexes as RegExp[];
      const shown = facets.patterns.join(' | ');
      checks.push((_v, lexical) =>
        list.some((r) => r.test(lexical)) ? undefined : issue('pattern', `must match the pattern ${shown}`),
      );
    }
  }
  if (facets.enumeration?.length) {
    const allowed = new Set<string>();
    for (const literal of facets.enumeration) {
      const value = subject.literal(literal);
      allowed.add(value === undefined ? literal : subject.key(value, literal));
    }
    const shown = facets.enumeration.map((e) => JSON.stringify(e)).join(', ');
    checks.push((v, lexical) =>
      allowed.has(subject.key(v, lexical)) ? undefined : issue('enumeration', `must be one of ${shown}`),
    );
  }
  if (compare) {
    const bound = (text: string | undefined, code: string, words: string, ok: (order: number) => boolean) => {
      if (text === undefined) return;
      const limit = subject.literal(text);
      if (limit === undefined) return;
      checks.push((v) => (ok(compare(v, limit)) ? undefined : issue(code, `must be ${words} ${text}`)));
    };
    bound(facets.minInclusive, 'min_inclusive', 'at least', (o) => o >= 0);
    bound(facets.minExclusive, 'min_exclusive', 'greater than', (o) => o > 0);
    bound(facets.maxInclusive, 'max_inclusive', 'at most', (o) => o <= 0);
    bound(facets.maxExclusive, 'max_exclusive', 'less than', (o) => o < 0);
  }
  if (subject.digits) {
    const { totalDigits: total, fractionDigits: fraction } = facets;
    if (total !== undefined)
      checks.push((v, lexical) =>
        totalDigits(subject.key(v, lexical)) <= total
          ? undefined
          : issue('total_digits', `must have at most ${total} digits`),
      );
    if (fraction !== undefined)
      checks.push((v, lexical) =>
        fractionDigits(subject.key(v, lexical)) <= fraction
          ? undefined
          : issue('fraction_digits', `must have at most ${fraction} fraction digits`),
      );
  }
  if (checks.length === 0) return undefined;
  if (checks.length === 1) return checks[0];
  return (value, lexical) => {
    for (const check of checks) {
      const found = check(value, lexical);
      if (found) return found;
    }
    return undefined;
  };
}
