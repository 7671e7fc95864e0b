/**
 * XML equivalence for comparing envelopes written by different toolkits: the same elements (namespace and
 * local name), in the same order, with the same attributes and text. Prefixes and namespace declarations may
 * differ, so an `xsi:type` value is compared as the QName it resolves to, not as its prefixed text.
 */
import type { XmlElement } from '../../../src/xml/types.js';
import { XSI_NS } from '../../../src/xml/types.js';

/** A prefix-free rendering of an element, one line per element, for readable assertion diffs. */
export function canonical(el: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = el.attrs
    .map((a) => `${a.ns ? `{${a.ns}}` : ''}${a.local}=${JSON.stringify(attributeValue(el, a.ns, a.local, a.value))}`)
    .sort()
    .join(' ');
  const elements = el.children.filter((c): c is XmlElement => typeof c !== 'string');
  const text = el.children.filter((c): c is string => typeof c === 'string').join('');
  const head = `${pad}{${el.ns}}${el.local}${attrs ? ` [${attrs}]` : ''}`;
  // Mixed content is rare in SOAP bodies; whitespace between child elements is formatting, not data.
  // An empty element and one holding only formatting whitespace are the same empty value.
  if (elements.length === 0) return text.trim() === '' ? head : `${head} = ${JSON.stringify(text)}`;
  return [head, ...elements.map((c) => canonical(c, depth + 1))].join('\n');
}

/** An `xsi:type` value resolved to `{ns}local` through the element's in-scope namespaces. */
function attributeValue(el: XmlElement, ns: string, local: string, value: string): string {
  if (ns !== XSI_NS || local !== 'type') return value;
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  return `{${el.scope[prefix] ?? '?'}}${value.slice(colon + 1)}`;
}
