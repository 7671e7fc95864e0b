/**
 * TypeScript types of simple values, exactly as the codecs decode them (docs/mapping.md, "Values"): the
 * built-in table says which value kind handles each built-in; a user type maps like the built-in it derives
 * from, narrowed to a union of literals when it enumerates its values (string and small-integer kinds).
 */
import type { Facets, SimpleType, TypeRef } from '../xsd/model.js';
import { BUILTIN_VALUES, type BuiltinName, builtinName, type ValueKind } from '../xsd/values/builtin-table.js';
import { quote } from './emitter.js';

/** The TypeScript type of each value kind (`list` is handled by the item type). */
const KIND_TYPES: Readonly<Record<Exclude<ValueKind, 'integer' | 'list'>, string>> = {
  string: 'string',
  boolean: 'boolean',
  decimal: 'string',
  float: 'number',
  dateTime: 'Date',
  temporal: 'string',
  base64Binary: 'Buffer',
  hexBinary: 'Buffer',
  QName: 'string',
};

/** The TypeScript type of a built-in simple type's values. */
export function builtinType(name: BuiltinName): string {
  const info = BUILTIN_VALUES[name];
  if (info.kind === 'list') return `${builtinType(info.item!)}[]`;
  if (info.kind === 'integer') return info.range!.big ? 'bigint' : 'number';
  return KIND_TYPES[info.kind];
}

/** Looks up named simple types for `simpleTypeExpression`: a type's TypeScript expression by reference. */
export type SimpleRefResolver = (ref: TypeRef) => string;

/** Wraps a type in parentheses when it is a union, so that `[]` applies to all of it. */
export function arrayOf(type: string): string {
  return /[|&]/.test(type) ? `(${type})[]` : `${type}[]`;
}

/** A union type from members, duplicates removed (first occurrence kept), `string` when there are none. */
export function unionOf(members: readonly string[]): string {
  const unique = [...new Set(members)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 0 ? 'string' : unique.join(' | ');
}

/** The TypeScript expression of a (user) simple type's values. `ref` resolves item and member types. */
export function simpleTypeExpression(type: SimpleType, ref: SimpleRefResolver): string {
  if (type.variety === 'list') return type.itemType ? arrayOf(ref(type.itemType)) : 'string[]';
  if (type.variety === 'union') return unionOf((type.memberTypes ?? []).map(ref));
  const name = type.builtin === undefined ? undefined : builtinName(type.builtin);
  if (name === undefined) return 'string';
  const info = BUILTIN_VALUES[name];
  if (info.kind === 'list') return builtinType(name);
  const enumeration = type.facets.enumeration;
  if (enumeration !== undefined && enumeration.length > 0) {
    const literals = enumerationLiterals(enumeration, name, type.facets);
    if (literals !== undefined) return unionOf(literals);
  }
  return builtinType(name);
}

/**
 * Literal types of an enumeration as the codec decodes them: strings after whitespace processing, integers
 * as numbers or bigints. Undefined for kinds whose decoded form is not worth spelling (dates, decimals, ...).
 */
function enumerationLiterals(values: readonly string[], name: BuiltinName, facets: Facets): string[] | undefined {
  const info = BUILTIN_VALUES[name];
  const whiteSpace = facets.whiteSpace ?? info.whiteSpace;
  if (info.kind === 'string') return values.map((v) => quote(normalizeSpace(v, whiteSpace)));
  if (info.kind === 'integer') {
    const out: string[] = [];
    for (const v of values) {
      const text = v.trim();
      if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
      const big = BigInt(text);
      out.push(info.range!.big ? `${big}n` : String(big));
    }
    return out;
  }
  return undefined;
}

/** XML Schema Part 2, section 4.3.6 (whiteSpace): replace turns tabs and newlines into spaces; collapse also squeezes. */
function normalizeSpace(value: string, whiteSpace: 'preserve' | 'replace' | 'collapse'): string {
  if (whiteSpace === 'preserve') return value;
  const replaced = value.replace(/[\t\n\r]/g, ' ');
  return whiteSpace === 'replace' ? replaced : replaced.replace(/ +/g, ' ').trim();
}
