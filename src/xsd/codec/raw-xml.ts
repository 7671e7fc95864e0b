/**
 * Raw XML: what `xsd:any`, unknown elements (with `unknownElements: 'keep'`) and anyType content without
 * xsi:type decode to. `$xml` is the element's outer XML cut from the source text, with the in-scope namespace
 * declarations it inherits added to its start tag, so it can be re-embedded anywhere as it is.
 */

import type { NamespaceScope, XmlDocument, XmlElement } from '../../xml/types.js';
import { escapeAttribute, escapeText } from '../../xml/writer.js';

/** An element kept as XML text. Encoding writes `$xml` verbatim. */
export interface RawXml {
  readonly $xml: string;
}

/** True when `value` is a `RawXml` (an object with a string `$xml`). */
export function isRawXml(value: unknown): value is RawXml {
  return typeof value === 'object' && value !== null && typeof (value as { $xml?: unknown }).$xml === 'string';
}

function qualified(prefix: string, local: string): string {
  return prefix === '' ? local : `${prefix}:${local}`;
}

function declaration(prefix: string, ns: string): string {
  return prefix === '' ? ` xmlns="${escapeAttribute(ns)}"` : ` xmlns:${prefix}="${escapeAttribute(ns)}"`;
}

/** The end of the start tag that begins at `start` (the offset of its `>`), skipping quoted values. */
function startTagEnd(text: string, start: number): number {
  let quote = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

/** True when the start tag declares `prefix` itself. */
function declaresOwn(startTag: string, prefix: string): boolean {
  const name = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  let at = startTag.indexOf(name);
  while (at >= 0) {
    const before = startTag.charCodeAt(at - 1);
    const after = startTag.charCodeAt(at + name.length);
    if ((before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) && (after === 0x3d || after <= 0x20))
      return true;
    at = startTag.indexOf(name, at + 1);
  }
  return false;
}

/** The outer XML of an element, self-contained as to namespaces. */
export function rawXmlOf(el: XmlElement, doc: XmlDocument): RawXml {
  const text = doc.text;
  const tag = qualified(el.prefix, el.local);
  const usable =
    el.end > el.start &&
    text.charCodeAt(el.start) === 0x3c &&
    text.startsWith(tag, el.start + 1) &&
    text.charCodeAt(el.end - 1) === 0x3e;
  if (!usable) return { $xml: serialize(el, undefined) };
  const tagEnd = startTagEnd(text, el.start);
  const startTag = text.slice(el.start, tagEnd);
  let added = '';
  for (const prefix in el.scope) {
    if (prefix === 'xml' || declaresOwn(startTag, prefix)) continue;
    const ns = el.scope[prefix]!;
    if (prefix === '' && ns === '') continue;
    added += declaration(prefix, ns);
  }
  // An unprefixed element in no namespace must not pick up the default namespace of where it is embedded.
  if (el.prefix === '' && el.ns === '' && !declaresOwn(startTag, '')) added += ' xmlns=""';
  const nameEnd = el.start + 1 + tag.length;
  return { $xml: text.slice(el.start, nameEnd) + added + text.slice(nameEnd, el.end) };
}

/** Serialises a tree element (used when the document has no usable offsets). */
function serialize(el: XmlElement, parentScope: NamespaceScope | undefined): string {
  const tag = qualified(el.prefix, el.local);
  let out = `<${tag}`;
  for (const prefix in el.scope) {
    if (prefix === 'xml') continue;
    const ns = el.scope[prefix]!;
    if (parentScope === undefined ? !(prefix === '' && ns === '') : parentScope[prefix] !== ns) {
      out += declaration(prefix, ns);
    }
  }
  for (const a of el.attrs) out += ` ${qualified(a.prefix, a.local)}="${escapeAttribute(a.value)}"`;
  if (el.children.length === 0) return `${out}/>`;
  out += '>';
  for (const child of el.children) out += typeof child === 'string' ? escapeText(child) : serialize(child, el.scope);
  return `${out}</${tag}>`;
}
