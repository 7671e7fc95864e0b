/**
 * Simple type codecs (XML Schema Part 2, section 2.5.1: atomic, list and union varieties): text to value
 * and value to text, with the facets. They return `INVALID` on failure and leave the reason in
 * `lastValueFailure()`, so callers in hot loops need no try/catch and allocate nothing on success.
 */
import type { NamespaceScope } from '../../xml/types.js';
import { type AtomicHandler, INVALID, type Invalid, type PrefixLookup } from './atomic-handlers.js';
import type { FacetCheck, FacetIssue } from './facets.js';
import { collapseWhitespace } from './lexical.js';

export { INVALID, type Invalid, type PrefixLookup };

let failure: FacetIssue = { code: 'invalid_lexical', message: '' };

/** Why the last parse or format returned INVALID. */
export function lastValueFailure(): FacetIssue {
  return failure;
}

function fail(code: string, message: string): Invalid {
  failure = { code, message };
  return INVALID;
}

/** A short quoted preview of a value for messages. */
export function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : Buffer.isBuffer(value) ? 'a Buffer' : 'an object';
}

/** A compiled simple type. */
export interface SimpleValueCodec {
  /** How messages name the type (`xs:int`, `{urn:x}Code`). */
  readonly label: string;
  /** The JS inputs `encode` accepts, for messages. */
  readonly expects: string;
  /** Element or attribute text to value (whiteSpace, lexical check; facets too when `strict`), or INVALID. */
  decode(text: string, scope: NamespaceScope | undefined, strict: boolean): unknown;
  /** Value to lexical form, facets checked, or INVALID. */
  encode(value: unknown, prefixFor: PrefixLookup | undefined): string | Invalid;
}

function facetFailure(label: string, found: FacetIssue, lexical: string): Invalid {
  return fail(found.code, `${JSON.stringify(lexical)} is not a valid ${label}: ${found.message}`);
}

/** An atomic type: one handler plus the facets of the type. */
export class AtomicCodec implements SimpleValueCodec {
  readonly expects: string;
  constructor(
    readonly label: string,
    private readonly handler: AtomicHandler,
    private readonly whiteSpace: (s: string) => string,
    private readonly check: FacetCheck | undefined,
    /** QName values cannot be re-parsed without a scope: their value is checked as given. */
    private readonly reparse: boolean,
  ) {
    this.expects = handler.expects;
  }

  decode(text: string, scope: NamespaceScope | undefined, strict: boolean): unknown {
    const lexical = this.whiteSpace(text);
    const value = this.handler.parse(lexical, scope);
    if (value === INVALID) return fail('invalid_lexical', `${preview(lexical)} is not a valid ${this.label}`);
    if (strict && this.check !== undefined) {
      const found = this.check(value, lexical);
      if (found) return facetFailure(this.label, found, lexical);
    }
    return value;
  }

  encode(value: unknown, prefixFor: PrefixLookup | undefined): string | Invalid {
    const lexical = this.handler.format(value, prefixFor);
    if (lexical === INVALID)
      return fail('invalid_type', `expected ${this.expects} for ${this.label}, got ${preview(value)}`);
    if (this.check !== undefined) {
      const parsed = this.reparse ? this.handler.parse(lexical, undefined) : value;
      const found = this.check(parsed, lexical);
      if (found) return facetFailure(this.label, found, lexical);
    }
    return lexical;
  }
}

/** A list type (section 4.1.2.2): space-separated items, decoded to an array. */
export class ListCodec implements SimpleValueCodec {
  readonly expects: string;
  /** Facets apply to the list (length counts items); set by the compiler once the item codec exists. */
  check: FacetCheck | undefined;
  constructor(
    readonly label: string,
    private readonly item: SimpleValueCodec,
  ) {
    this.expects = `an array of ${item.label} values`;
  }

  decode(text: string, scope: NamespaceScope | undefined, strict: boolean): unknown {
    const lexical = collapseWhitespace(text);
    const parts = lexical === '' ? [] : lexical.split(' ');
    const values: unknown[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const value = this.item.decode(parts[i]!, scope, strict);
      if (value === INVALID) return fail(failure.code, `item ${i} of ${this.label}: ${failure.message}`);
      values[i] = value;
    }
    if (strict && this.check !== undefined) {
      const found = this.check(values, lexical);
      if (found) return facetFailure(this.label, found, lexical);
    }
    return values;
  }

  encode(value: unknown, prefixFor: PrefixLookup | undefined): string | Invalid {
    if (!Array.isArray(value)) return fail('invalid_type', `expected ${this.expects}, got ${preview(value)}`);
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const lexical = this.item.encode(value[i], prefixFor);
      if (lexical === INVALID) return fail(failure.code, `item ${i} of ${this.label}: ${failure.message}`);
      parts.push(lexical);
    }
    const lexical = parts.join(' ');
    if (this.check !== undefined) {
      const found = this.check(value, lexical);
      if (found) return facetFailure(this.label, found, lexical);
    }
    return lexical;
  }
}

/** A union type (section 4.1.2.3): the first member whose lexical space (facets included) accepts the text. */
export class UnionCodec implements SimpleValueCodec {
  readonly expects: string;
  check: FacetCheck | undefined;
  constructor(
    readonly label: string,
    private readonly members: readonly SimpleValueCodec[],
  ) {
    this.expects = `a value of one of ${members.map((m) => m.label).join(', ')}`;
  }

  decode(text: string, scope: NamespaceScope | undefined, strict: boolean): unknown {
    for (const member of this.members) {
      const value = member.decode(text, scope, true);
      if (value === INVALID) continue;
      if (strict && this.check !== undefined) {
        const found = this.check(value, collapseWhitespace(text));
        if (found) return facetFailure(this.label, found, text);
      }
      return value;
    }
    return fail('invalid_lexical', `${preview(text)} is not a valid ${this.label} (no member type accepts it)`);
  }

  encode(value: unknown, prefixFor: PrefixLookup | undefined): string | Invalid {
    for (const member of this.members) {
      const lexical = member.encode(value, prefixFor);
      if (lexical === INVALID) continue;
      if (this.check !== undefined) {
        const found = this.check(value, lexical);
        if (found) return facetFailure(this.label, found, lexical);
      }
      return lexical;
    }
    return fail('invalid_type', `expected ${this.expects}, got ${preview(value)}`);
  }
}
