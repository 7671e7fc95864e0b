/**
 * The "nothing lost" check of a decoded response: every leaf text value of the XML (text of an element with
 * no child elements, attribute values other than namespace declarations, xsi:type and soapenc:arrayType) must be found in the
 * decoded value, after normalising both sides (numbers by value, dates by instant, booleans by meaning).
 */
import type { XmlElement } from '../../../src/xml/types.js';
import { XSI_NS } from '../../../src/xml/types.js';

const SOAP_ENC_NS = 'http://schemas.xmlsoap.org/soap/encoding/';

/** Leaf texts (trimmed, non-empty) and attribute values under `el`, in document order. */
export function xmlLeaves(el: XmlElement, out: string[] = []): string[] {
  for (const a of el.attrs) {
    if (a.ns === XSI_NS && (a.local === 'type' || a.local === 'nil' || a.local === 'schemaLocation')) continue;
    // soapenc:arrayType, like xsi:type, is type metadata: the decoded array carries its items and their types.
    if (a.ns === SOAP_ENC_NS && a.local === 'arrayType') continue;
    if (a.value.trim() !== '') out.push(a.value.trim());
  }
  const elements = el.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (elements.length === 0) {
    const text = el.children.join('').trim();
    if (text !== '') out.push(text);
  }
  for (const child of elements) xmlLeaves(child, out);
  return out;
}

/** Every scalar reachable in a decoded value, in the forms a leaf may be compared with. */
export interface DecodedScalars {
  texts: Set<string>;
  numbers: Set<number>;
  instants: Set<number>;
  /** Raw XML (xsd:any) kept as text: a leaf inside it is found by substring. */
  raw: string[];
}

/** Walks a decoded value (objects, arrays, strings, numbers, bigints, booleans, Dates, Buffers, `$xml`). */
export function decodedScalars(value: unknown, into?: DecodedScalars): DecodedScalars {
  const s = into ?? { texts: new Set<string>(), numbers: new Set<number>(), instants: new Set<number>(), raw: [] };
  if (value === null || value === undefined) return s;
  if (typeof value === 'string') {
    s.texts.add(value.trim());
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n)) s.numbers.add(n);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    s.texts.add(String(value));
    s.numbers.add(Number(value));
  } else if (typeof value === 'boolean') {
    s.texts.add(String(value));
    s.texts.add(value ? '1' : '0');
  } else if (value instanceof Date) {
    s.instants.add(value.getTime());
    s.texts.add(value.toISOString());
  } else if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    const buffer = Buffer.from(value);
    s.texts.add(buffer.toString('base64'));
    s.texts.add(buffer.toString('hex'));
  } else if (Array.isArray(value)) {
    for (const item of value) decodedScalars(item, s);
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$xml' && typeof item === 'string') s.raw.push(item);
      else decodedScalars(item, s);
    }
  }
  return s;
}

/** The leaves of `xml` that `scalars` does not account for. */
export function missingLeaves(leaves: readonly string[], scalars: DecodedScalars): string[] {
  return leaves.filter((leaf) => !found(leaf, scalars));
}

function found(leaf: string, s: DecodedScalars): boolean {
  if (s.texts.has(leaf)) return true;
  const n = Number(leaf);
  if (Number.isFinite(n) && s.numbers.has(n)) return true;
  if (/^\d{4}-\d\d-\d\d/.test(leaf)) {
    const t = Date.parse(leaf);
    if (!Number.isNaN(t) && s.instants.has(t)) return true;
    // A date without zone decodes at UTC midnight or local time depending on the mapping; accept either.
    const local = Date.parse(leaf.replace(/Z$|[+-]\d\d:\d\d$/, ''));
    if (!Number.isNaN(local) && s.instants.has(local)) return true;
  }
  if (leaf === 'true' && s.texts.has('1')) return true;
  if (s.raw.some((x) => x.includes(leaf) || x.includes(escapeText(leaf)))) return true;
  // Whitespace inside a leaf (collapsed or list values) may be normalised by the codec.
  const collapsed = leaf.replace(/\s+/g, ' ');
  return [...s.texts].some((t) => t.replace(/\s+/g, ' ') === collapsed);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
