/**
 * Small tree helpers private to the soap layer (not re-exported): reading children, text, attributes and QName
 * values from the XML layer's tree. They stay here until the shared `src/xml/dom.ts` helpers land.
 */
import { formatPosition } from '../errors.js';
import { positionOf as xmlPositionOf } from '../xml/position.js';
import type { XmlDocument, XmlElement } from '../xml/types.js';

/** Clark notation `{ns}local` (just `local` when the name is in no namespace). */
export function clark(ns: string, local: string): string {
  return ns === '' ? local : `{${ns}}${local}`;
}

/** Splits a Clark key back into namespace and local name. */
export function unclark(key: string): { ns: string; local: string } {
  if (!key.startsWith('{')) return { ns: '', local: key };
  const close = key.indexOf('}');
  return { ns: key.slice(1, close), local: key.slice(close + 1) };
}

/** The element children of `el`, in order. */
export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) if (typeof child !== 'string') out.push(child);
  return out;
}

/** All character data inside `el` (descendants included), concatenated. */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += typeof child === 'string' ? child : textOf(child);
  return out;
}

/** The value of the attribute `{ns}local`, or undefined. */
export function attributeOf(el: XmlElement, ns: string, local: string): string | undefined {
  for (const a of el.attrs) if (a.ns === ns && a.local === local) return a.value;
  return undefined;
}

const XML_WHITESPACE = /^[ \t\r\n]*$/;

/** True when a text child is only XML whitespace (XML 1.0 production 3, `S`). */
export function isWhitespace(text: string): boolean {
  return XML_WHITESPACE.test(text);
}

/** A QName value resolved against the in-scope namespaces of the element that holds it. */
export interface ResolvedQName {
  ns: string;
  local: string;
  prefix: string;
  /** False when the prefix was not bound (the namespace is then `''`). */
  bound: boolean;
}

/**
 * Resolves a QName-valued text (XML Schema Part 2, 3.2.18 QName) in the scope of `el`. An unprefixed value takes
 * the default namespace, as XML Schema says.
 */
export function resolveQName(el: XmlElement, value: string): ResolvedQName {
  const text = value.trim();
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? '' : text.slice(0, colon);
  const local = colon < 0 ? text : text.slice(colon + 1);
  // A prefix such as `constructor` must not find anything but a binding, whatever the scope object's prototype.
  const found: unknown = el.scope[prefix];
  const ns = typeof found === 'string' ? found : undefined;
  return { ns: ns ?? '', local, prefix, bound: ns !== undefined };
}

/** `source:line:column` of an offset in a document, for messages (worked out only when called). */
export function positionOf(doc: XmlDocument, offset: number): string {
  return formatPosition(xmlPositionOf(doc, offset));
}
