/**
 * Sample values of simple types. Each built-in has a short list of lexical candidates (XML Schema Part 2,
 * section 3: one small, ordinary literal per primitive); a candidate is kept only when the codecs both read it
 * and write it back under the type's facets, so enumerations, lengths, ranges and patterns are honoured
 * without re-implementing them here. A pattern no candidate meets falls back to the first candidate.
 */

import { XmlWriter } from '../xml/writer.js';
import type { SchemaCodecs } from '../xsd/codec/index.js';
import type { QNameKey, SchemaSet, TypeRef } from '../xsd/model.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const GUID = '00000000-0000-0000-0000-000000000001';
/** Namespaces whose type names are the XML Schema built-ins. */
const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set([
  XS,
  'http://www.w3.org/1999/XMLSchema',
  'http://www.w3.org/2000/10/XMLSchema',
  'http://schemas.xmlsoap.org/soap/encoding/',
]);

const INTEGERS = ['1', '0', '-1'];
const BY_BUILTIN: Readonly<Record<string, readonly string[]>> = {
  boolean: ['true'],
  decimal: ['1.5', '1'],
  float: ['1.5'],
  double: ['1.5'],
  dateTime: ['2024-01-01T00:00:00Z'],
  dateTimeStamp: ['2024-01-01T00:00:00Z'],
  date: ['2024-01-01'],
  time: ['00:00:00Z', '00:00:00'],
  duration: ['PT1S'],
  dayTimeDuration: ['PT1S'],
  yearMonthDuration: ['P1Y'],
  gYear: ['2024'],
  gYearMonth: ['2024-01'],
  gMonth: ['--01'],
  gDay: ['---01'],
  gMonthDay: ['--01-01'],
  base64Binary: ['AQID'],
  hexBinary: ['0102'],
  anyURI: ['http://example.com/'],
  QName: ['xs:string'],
  NOTATION: ['xs:string'],
  language: ['en'],
};
for (const name of [
  'integer',
  'long',
  'int',
  'short',
  'byte',
  'nonNegativeInteger',
  'positiveInteger',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
  'nonPositiveInteger',
  'negativeInteger',
]) {
  (BY_BUILTIN as Record<string, readonly string[]>)[name] =
    name.startsWith('neg') || name === 'nonPositiveInteger' ? ['-1'] : INTEGERS;
}
const FALLBACK = ['1', 'true', '1.5', GUID, '2024-01-01T00:00:00Z', 'a', ''];

function builtinLocal(key: QNameKey): string | undefined {
  const close = key.indexOf('}');
  return BUILTIN_NAMESPACES.has(key.slice(1, close)) ? key.slice(close + 1) : undefined;
}

/** The lexical candidates for a simple type, most fitting first. */
function candidates(schema: SchemaSet, ref: TypeRef | QNameKey, name: string, seen = new Set<unknown>()): string[] {
  const key = typeof ref === 'string' ? ref : 'ref' in ref ? ref.ref : undefined;
  const builtin = key ? builtinLocal(key) : undefined;
  if (builtin !== undefined) return [...(BY_BUILTIN[builtin] ?? [name, 'a', GUID])];
  const def = key ? schema.types[key] : (ref as Exclude<TypeRef, { ref: QNameKey }>);
  if (def?.kind !== 'simple' || seen.has(def)) return [name];
  seen.add(def);
  const out: string[] = [...(def.facets.enumeration ?? [])];
  if (def.variety === 'list' && def.itemType) out.push(...candidates(schema, def.itemType, name, seen));
  else if (def.variety === 'union')
    for (const member of def.memberTypes ?? []) out.push(...candidates(schema, member, name, seen));
  else {
    const local = def.builtin ? builtinLocal(def.builtin) : undefined;
    out.push(...(local !== undefined && BY_BUILTIN[local] ? BY_BUILTIN[local] : [name, 'a', GUID]));
  }
  return out;
}

/**
 * A value of the simple type `ref` as the codecs represent it (a string, number, bigint, Date, decimal, ...):
 * the first candidate that the codecs accept both ways. `name` (the element or attribute name) is the first
 * candidate for string types.
 */
export function sampleSimple(schema: SchemaSet, codecs: SchemaCodecs, ref: TypeRef | QNameKey, name: string): unknown {
  const tried = [...candidates(schema, ref, name), ...FALLBACK];
  for (const text of tried) {
    try {
      const value = codecs.decodeSimple(text, ref, { xs: XS });
      const w = new XmlWriter();
      w.startElement('', 'sample');
      codecs.encodeSimple(value, ref, w);
      return value;
    } catch {
      // Not a value of this type (or refused by a facet): try the next candidate.
    }
  }
  return tried[0];
}
