/**
 * Property names (docs/mapping.md, "Names"): elements and attributes become their local names. Clashes are
 * settled in content-model order: elements first, then attributes.
 * - a second child element with a local name already taken (same local, other namespace) gets `prefix_local`;
 * - an attribute whose local name is taken by a child element gets `@local`;
 * - `prefix` is `namespacePrefixes[ns]` when the option names it, else derived from the namespace URI: its last
 *   segment (split on `/`, `:`, `#`) that holds a letter, with characters other than letters, digits and `_`
 *   turned into `_` (`http://schemas.microsoft.com/xrm/2011/Contracts` gives `Contracts`), `xml` for the XML
 *   namespace, `noNamespace` for none; if the name is still taken a counter is appended (`Contracts2_Id`).
 * Keys starting with `$` are reserved for the mapping itself (`$value`, `$text`, `$type`, ...).
 */
import { XML_NS } from '../../xml/types.js';

/** Names that must never be set by assignment: they would reach or shadow the prototype. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when a key must be written with `Object.defineProperty` (see `defineOwn`). */
export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

/** Sets an own, enumerable, writable data property, never invoking the `__proto__` setter. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Reads an own property only (so `constructor` on a plain object reads as absent). */
export function getOwn(target: object, key: string): unknown {
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

/**
 * The same string, internalized by V8 (property keys always are). Compiled property names are internalized
 * once so that the keyed stores of the decode loop hit V8's stub cache instead of looking the string up.
 */
export function internalize(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}

/** The short name of a namespace for clash-resolved property names. */
export function namespacePrefix(ns: string, configured: Readonly<Record<string, string>>): string {
  const named = configured[ns];
  if (named !== undefined) return named;
  if (ns === '') return 'noNamespace';
  if (ns === XML_NS) return 'xml';
  const segments = ns.split(/[/:#]/);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (/[A-Za-z]/.test(segment)) {
      const cleaned = segment.replace(/[^A-Za-z0-9_]/g, '_');
      return /^[0-9]/.test(cleaned) ? `n${cleaned}` : cleaned;
    }
  }
  return 'ns';
}

/** Hands out property names for one complex type, in the order the clash rules need. */
export class PropertyNamer {
  private readonly taken = new Set<string>();
  private readonly elementNames = new Set<string>();
  /** Clark key -> property, so the same element met twice in a content model shares one property. */
  private readonly byKey = new Map<string, string>();
  constructor(private readonly prefixes: Readonly<Record<string, string>>) {}

  /** The property of a child element; `shared` is true when the same element already had one. */
  element(ns: string, local: string): { name: string; shared: boolean } {
    const key = `{${ns}}${local}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) return { name: existing, shared: true };
    const name = this.taken.has(local) ? this.qualified(ns, local) : local;
    this.taken.add(name);
    this.elementNames.add(name);
    this.byKey.set(key, name);
    return { name, shared: false };
  }

  /** The property of an attribute (named after every element of the type has been). */
  attribute(ns: string, local: string): string {
    let name: string;
    if (!this.taken.has(local)) name = local;
    else if (this.elementNames.has(local) && !this.taken.has(`@${local}`)) name = `@${local}`;
    else name = this.qualified(ns, local);
    this.taken.add(name);
    return name;
  }

  private qualified(ns: string, local: string): string {
    const prefix = namespacePrefix(ns, this.prefixes);
    let name = `${prefix}_${local}`;
    for (let n = 2; this.taken.has(name); n++) name = `${prefix}${n}_${local}`;
    return name;
  }
}
