/**
 * Names of the generated TypeScript declarations. Schema names are turned into PascalCase identifiers; a name
 * that is already taken (two namespaces with the same local name, a global that the generated code relies
 * on) gets the namespace's short name in front, then a counter. Names are handed out in an order fixed by
 * the generator, so the same model always gives the same names.
 */
import { namespacePrefix } from '../xsd/codec/names.js';

/** Globals and helpers the generated `types.ts` refers to: never used for a schema type. */
export const RESERVED_TYPE_NAMES: readonly string[] = [
  'Array',
  'Buffer',
  'Date',
  'NonNullable',
  'Promise',
  'RawXml',
  'Readonly',
  'Record',
  'TypedValue',
];

/** An identifier from any text: invalid characters become `_`, a leading digit gets `_` in front. */
export function identifier(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_$]/g, '_');
  if (cleaned === '') return '_';
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** PascalCase identifier: the first letter upper-cased (the rest kept, so `SOAPPrincipal` stays as it is). */
export function pascal(text: string): string {
  const id = identifier(text);
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** Hands out unique identifiers in one scope. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** True when `name` is already in use. */
  has(name: string): boolean {
    return this.taken.has(name);
  }

  /**
   * Claims `wanted`, or else the first free one of `alternatives`, or else `wanted` with a counter
   * (`Name2`, `Name3`, ...).
   */
  claim(wanted: string, ...alternatives: string[]): string {
    for (const candidate of [wanted, ...alternatives]) {
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
    let n = 2;
    while (this.taken.has(`${wanted}${n}`)) n++;
    const name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** The PascalCase short name of a namespace (`http://schemas.microsoft.com/xrm/2011/Contracts` -> `Contracts`). */
export function namespaceWord(ns: string): string {
  return pascal(namespacePrefix(ns, {}));
}
