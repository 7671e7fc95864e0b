/**
 * SOAP encoding's multi-reference values (SOAP 1.1 section 5.4.1; SOAP 1.2 Part 2 section 3.1.5): an accessor
 * may point at a value serialised elsewhere (`href="#id"` in 1.1, `enc:ref="id"` in 1.2). Before decoding, each
 * reference is replaced by the value it points at, so that the codecs see one plain tree.
 *
 * Hostile input is bounded: a reference cycle is refused, and so is a graph whose expansion would exceed a
 * budget of elements (a chain of values each referring twice to the next grows exponentially when inlined).
 */
import { SoapstackError } from '../errors.js';
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types.js';

const SOAP12_ENCODING_NS = 'http://www.w3.org/2003/05/soap-encoding';
/** Elements that inlining may create in one message, at most. */
const EXPANSION_BUDGET = 200_000;

/** A multi-ref graph that cannot be inlined: a cycle, a dangling reference or one too large. */
export class MultiRefError extends SoapstackError {
  declare readonly code: 'SOAP_ENCODING_INVALID';
  constructor(message: string) {
    super('SOAP_ENCODING_INVALID', message);
  }
}

/** Returns the body entries with every reference inlined and the referenced top-level values removed. */
export function inlineMultiRefs(entries: readonly XmlElement[]): XmlElement[] {
  const byId = new Map<string, XmlElement>();
  for (const entry of entries) collectIds(entry, byId, 0);
  if (byId.size === 0) return [...entries];
  const state = { budget: EXPANSION_BUDGET, path: new Set<string>() };
  return entries.filter((e) => idOf(e) === undefined).map((e) => resolve(e, byId, state));
}

function referenceOf(el: XmlElement): string | undefined {
  for (const a of el.attrs) {
    if (a.ns === '' && a.local === 'href' && a.value.startsWith('#')) return a.value.slice(1);
    if (a.ns === SOAP12_ENCODING_NS && a.local === 'ref') return a.value;
  }
  return undefined;
}

function idOf(el: XmlElement): string | undefined {
  for (const a of el.attrs) {
    if ((a.ns === '' && a.local === 'id') || (a.ns === SOAP12_ENCODING_NS && a.local === 'id')) return a.value;
  }
  return undefined;
}

function collectIds(el: XmlElement, byId: Map<string, XmlElement>, depth: number): void {
  const id = idOf(el);
  if (id !== undefined) byId.set(id, el);
  if (depth > 64) return;
  for (const child of el.children) if (typeof child !== 'string') collectIds(child, byId, depth + 1);
}

function resolve(
  el: XmlElement,
  byId: Map<string, XmlElement>,
  state: { budget: number; path: Set<string> },
): XmlElement {
  if (--state.budget < 0) throw new MultiRefError('the multi-reference values expand beyond the allowed size');
  const ref = referenceOf(el);
  if (ref !== undefined) {
    const target = byId.get(ref);
    if (!target) throw new MultiRefError(`reference to an unknown value id "${ref}"`);
    if (state.path.has(ref)) throw new MultiRefError(`the value "${ref}" refers to itself (a cycle cannot be decoded)`);
    state.path.add(ref);
    // The accessor keeps its name; the value brings its type, attributes and content.
    const attrs: XmlAttribute[] = [
      ...el.attrs.filter((a) => !isReferenceAttribute(a)),
      ...target.attrs.filter((a) => !isIdAttribute(a)),
    ];
    const resolved = { ...el, attrs, scope: target.scope, children: resolveChildren(target.children, byId, state) };
    state.path.delete(ref);
    return resolved;
  }
  if (!el.children.some((c) => typeof c !== 'string')) return el;
  return { ...el, children: resolveChildren(el.children, byId, state) };
}

function resolveChildren(
  children: readonly XmlNode[],
  byId: Map<string, XmlElement>,
  state: { budget: number; path: Set<string> },
): XmlNode[] {
  return children.map((c) => (typeof c === 'string' ? c : resolve(c, byId, state)));
}

function isReferenceAttribute(a: XmlAttribute): boolean {
  return (a.ns === '' && a.local === 'href') || (a.ns === SOAP12_ENCODING_NS && a.local === 'ref');
}

function isIdAttribute(a: XmlAttribute): boolean {
  return (a.ns === '' && a.local === 'id') || (a.ns === SOAP12_ENCODING_NS && a.local === 'id');
}
