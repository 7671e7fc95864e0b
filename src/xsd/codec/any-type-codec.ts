/**
 * xs:anyType without an xsi:type naming a known type (XML Schema Part 1, section 3.4.7, the ur-type):
 * content with child elements decodes to raw XML (the whole element), text-only content to a string, or to
 * `{ $type, $value }` when an xsi:type names a type the schema does not know.
 */
import type { XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { QNameKey } from '../model.js';
import { XS_NS } from '../values/builtin-table.js';
import { isNCName } from '../values/lexical.js';
import { preview } from '../values/simple-codec.js';
import type { DecodeContext, EncodeContext, TypeCodec } from './context.js';
import { rawXmlOf } from './raw-xml.js';
import type { CodecRegistry } from './registry.js';
import { hasChildElements, textContent } from './text-content.js';

/** The codec of `{http://www.w3.org/2001/XMLSchema}anyType`. */
export class AnyTypeCodec implements TypeCodec {
  readonly key = `{${XS_NS}}anyType`;
  readonly label = 'xs:anyType';
  readonly variety = 'anyType' as const;
  readonly abstract = false;

  decodeContent(el: XmlElement, ctx: DecodeContext, xsiType: QNameKey | undefined): unknown {
    if (hasChildElements(el)) return rawXmlOf(el, ctx.doc);
    const text = textContent(el, ctx);
    return xsiType === undefined ? text : { $type: xsiType, $value: text };
  }

  encodeContent(w: XmlWriter, value: unknown, ctx: EncodeContext): void {
    if (typeof value === 'string') w.text(value);
    else ctx.issue('invalid_type', `an anyType value needs $type (or $xml), got ${preview(value)}`);
  }
}

/** A plain object (an object literal or `Object.create(null)`, not raw XML or typed): data the caller built by hand. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return !Object.hasOwn(value, '$xml') && !Object.hasOwn(value, '$type');
}

/**
 * The content of an anyType element given a plain object with no `$type`: each property becomes a child
 * element of that name, in the namespace of the element that holds the object (what node-soap writes and what
 * a document/literal service with elementFormDefault="qualified" expects; anyType's content is a lax wildcard
 * of any namespace, Part 1 section 3.4.7, so either choice is valid). Each child is itself anyType: a scalar
 * gets an inferred xsi:type, an array repeats the element, `null` is xsi:nil, a nested object recurses, and
 * `{}` writes an empty element.
 */
export function encodeUntypedObject(
  w: XmlWriter,
  ns: string,
  value: Record<string, unknown>,
  registry: CodecRegistry,
  ctx: EncodeContext,
): void {
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    if (key.startsWith('$') || !isNCName(key)) {
      ctx.issue('unrecognized_key', `an anyType value has no property ${key} (not an element name)`, key);
      continue;
    }
    const element = registry.untypedElement(ns, key);
    const items = Array.isArray(item) ? item : [item];
    for (let i = 0; i < items.length; i++) {
      if (items[i] === undefined) continue;
      if (Array.isArray(item)) ctx.path.push(key, i);
      else ctx.path.push(key);
      element.encode(w, items[i], ctx);
      ctx.path.length -= Array.isArray(item) ? 2 : 1;
    }
  }
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * The xsi:type written for a plain JS value under anyType, so that the receiver can type it: string ->
 * xs:string, boolean -> xs:boolean, integer number in 32 bits -> xs:int, other number -> xs:double, bigint ->
 * xs:long (xs:integer beyond 64 bits), Date -> xs:dateTime, bytes -> xs:base64Binary. Undefined otherwise.
 */
export function inferAnyType(value: unknown): QNameKey | undefined {
  let local: string | undefined;
  switch (typeof value) {
    case 'string':
      local = 'string';
      break;
    case 'boolean':
      local = 'boolean';
      break;
    case 'number':
      local = Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX ? 'int' : 'double';
      break;
    case 'bigint':
      local = value >= LONG_MIN && value <= LONG_MAX ? 'long' : 'integer';
      break;
    case 'object':
      if (value instanceof Date) local = 'dateTime';
      else if (value instanceof Uint8Array) local = 'base64Binary';
      break;
  }
  return local === undefined ? undefined : `{${XS_NS}}${local}`;
}
