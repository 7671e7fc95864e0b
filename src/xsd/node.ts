/**
 * Small private helpers for walking the parsed XML tree of schema and WSDL documents: child elements,
 * attributes, QName values resolved against the in-scope namespaces, and source positions for messages.
 */
import type { SourcePosition } from '../errors.js';
import type { XmlDocument, XmlElement } from '../xml/types.js';
import { type QNameKey, qnameKey } from './model.js';

/** The child elements of `el`, optionally only those in namespace `ns` (or one of several). */
export function childElements(el: XmlElement, ns?: string | readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (ns === undefined || (typeof ns === 'string' ? c.ns === ns : ns.includes(c.ns))) out.push(c);
  }
  return out;
}

/** The value of the unqualified attribute `local`, or undefined. */
export function attr(el: XmlElement, local: string): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.ns === '') return a.value;
  return undefined;
}

/** The concatenated text children of `el`. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}

/**
 * Resolves a QName-valued attribute (`tns:Foo`, or `Foo` in the default namespace) against the element's
 * in-scope namespaces (Namespaces in XML 1.0, section 4). Undefined when the prefix is not declared.
 */
export function resolveQName(el: XmlElement, value: string): QNameKey | undefined {
  const v = value.trim();
  const colon = v.indexOf(':');
  const prefix = colon < 0 ? '' : v.slice(0, colon);
  const local = colon < 0 ? v : v.slice(colon + 1);
  const ns = el.scope[prefix];
  if (ns === undefined) return prefix === '' ? qnameKey('', local) : undefined;
  return qnameKey(ns, local);
}

/** The line and column (1-based) of `el`'s start tag in its document. */
export function positionOf(doc: XmlDocument, el: XmlElement): SourcePosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(el.start, doc.text.length);
  for (let i = doc.text.indexOf('\n'); i >= 0 && i < end; i = doc.text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { source: doc.source, line, column: end - lineStart + 1 };
}
