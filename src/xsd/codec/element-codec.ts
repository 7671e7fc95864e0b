/**
 * An element declaration compiled (XML Schema Part 1, section 3.3): nil (section 2.6.2), xsi:type
 * (section 2.6.1), default and fixed values; the element's type codec reads the rest. Element codecs are
 * shared: a global element has one codec whatever refers to it.
 */
import { type XmlElement, XSI_NS } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { ElementDeclaration, QNameKey } from '../model.js';
import { XS_NS } from '../values/builtin-table.js';
import { INVALID, preview } from '../values/simple-codec.js';
import { encodeUntypedObject, inferAnyType, isPlainObject } from './any-type-codec.js';
import type { DecodeContext, EncodeContext, TypeCodec } from './context.js';
import { isRawXml } from './raw-xml.js';
import type { CodecRegistry } from './registry.js';
import { decodeText, SimpleTypeCodec } from './simple-type-codec.js';

/** The 1999 draft instance namespace, still found in old rpc/encoded messages. */
const XSI_1999 = 'http://www.w3.org/1999/XMLSchema-instance';

/** Resolves a QName lexical form (`p:local`) against an element's scope into a Clark key. */
export function resolveQName(lexical: string, scope: Readonly<Record<string, string>>): QNameKey | undefined {
  const text = lexical.trim();
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? '' : text.slice(0, colon);
  // Own bindings only: a prefix such as `constructor` must not find Object.prototype's.
  const bound = Object.hasOwn(scope, prefix) ? scope[prefix] : undefined;
  const ns = typeof bound === 'string' ? bound : prefix === '' ? '' : undefined;
  return ns === undefined ? undefined : `{${ns}}${colon < 0 ? text : text.slice(colon + 1)}`;
}

/** The `p:local` form of a key, declaring a prefix on the open start tag when needed. */
export function qnameLexical(w: XmlWriter, key: QNameKey): string {
  const close = key.indexOf('}');
  const ns = key.slice(1, close);
  const local = key.slice(close + 1);
  if (ns === '') return local;
  const prefix = w.prefixFor(ns, ns === XS_NS ? 'xs' : undefined);
  return prefix === '' ? local : `${prefix}:${local}`;
}

interface XsiChoice {
  readonly prefix: string;
  readonly ns: string;
  readonly key: QNameKey;
  readonly codec: TypeCodec;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The compiled form of one element declaration. */
export class ElementCodec {
  readonly ns: string;
  readonly local: string;
  private type: TypeCodec | undefined;
  /** Simple values decoded through an xsi:type under anyType/anySimpleType become `{ $type, $value }`. */
  private wrapSimple = false;
  private readonly preferredPrefix: string | undefined;
  /** The element's default or fixed value (section 3.3.1, {value constraint}). */
  private readonly fallback: string | undefined;
  /** xsi:type lexical form -> the codec it chose (see xsiHit). */
  private xsiChoices: Map<string, XsiChoice> | undefined;

  constructor(
    readonly declaration: ElementDeclaration,
    private readonly registry: CodecRegistry,
  ) {
    this.ns = declaration.name.ns;
    this.local = declaration.name.local;
    this.preferredPrefix = registry.options.namespacePrefixes[this.ns];
    this.fallback = declaration.default ?? declaration.fixed;
  }

  /** The declared type's codec (compiled on first use). */
  get typeCodec(): TypeCodec {
    return this.type ?? this.resolve();
  }

  private resolve(): TypeCodec {
    const type = this.registry.typeCodec(this.declaration.type);
    this.wrapSimple = type.variety === 'anyType' || type.variety === 'anySimpleType';
    this.type = type;
    return type;
  }

  /** Decodes one occurrence of the element: null for nil, the type's value otherwise. */
  decode(el: XmlElement, ctx: DecodeContext): unknown {
    let nil: string | undefined;
    let xsiType: string | undefined;
    const attrs = el.attrs;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if (a.ns === XSI_NS || a.ns === XSI_1999) {
        if (a.local === 'type') xsiType = a.value;
        else if (a.local === 'nil') nil = a.value;
      }
    }
    if (nil !== undefined && (nil === 'true' || nil === '1' || nil.trim() === 'true' || nil.trim() === '1')) {
      if (ctx.strict && !this.declaration.nillable) ctx.issue('not_nillable', `element ${this.local} is not nillable`);
      return null;
    }
    let codec = this.type ?? this.resolve();
    let typeKey: QNameKey | undefined;
    if (xsiType !== undefined) {
      const hit = this.xsiHit(xsiType, el.scope);
      if (hit !== undefined) {
        codec = hit.codec;
        typeKey = hit.key;
      } else {
        typeKey = resolveQName(xsiType, el.scope);
        const chosen = typeKey === undefined ? undefined : this.registry.xsiCodec(codec, typeKey);
        if (chosen) {
          this.remember(xsiType, el.scope, typeKey!, chosen);
          codec = chosen;
        } else if (chosen === undefined && codec.variety === 'anyType' && typeKey !== undefined) {
          // An unknown type under anyType: kept as raw XML or `{ $type, $value }` (any-type-codec.ts).
        } else {
          const why = chosen === null ? 'type_not_derived' : 'unknown_type';
          const words = chosen === null ? `does not derive from ${codec.label}` : 'names no known type';
          ctx.issue(why, `xsi:type ${JSON.stringify(xsiType)} ${words}`);
          return undefined;
        }
      }
    } else if (codec.abstract) {
      ctx.issue('abstract', `${codec.label} is abstract: element ${this.local} needs an xsi:type`);
      return undefined;
    }
    if (this.fallback !== undefined && el.children.length === 0 && codec instanceof SimpleTypeCodec) {
      return decodeText(codec.value, this.fallback, el, ctx);
    }
    const value = codec.decodeContent(el, ctx, typeKey);
    if (typeKey !== undefined && this.wrapSimple && codec.variety !== 'complex' && codec.variety !== 'anyType') {
      return { $type: typeKey, $value: value };
    }
    return value;
  }

  /**
   * The codec an xsi:type lexical form chose last time, if its prefix still means the same namespace here:
   * a response repeats the same few `p:Type` values thousands of times, so this skips resolving and lookups.
   */
  private xsiHit(lexical: string, scope: Readonly<Record<string, string>>): XsiChoice | undefined {
    const hit = this.xsiChoices?.get(lexical);
    return hit !== undefined && scope[hit.prefix] === hit.ns ? hit : undefined;
  }

  private remember(lexical: string, scope: Readonly<Record<string, string>>, key: QNameKey, codec: TypeCodec): void {
    const colon = lexical.indexOf(':');
    const prefix = colon < 0 ? '' : lexical.slice(0, colon);
    const ns = Object.hasOwn(scope, prefix) ? scope[prefix] : undefined;
    if (typeof ns !== 'string' || lexical.trim() !== lexical) return;
    this.xsiChoices ??= new Map();
    if (this.xsiChoices.size < 256) this.xsiChoices.set(lexical, { prefix, ns, key, codec });
  }

  /** Writes one occurrence of the element. `value` is never undefined here (absent elements are skipped). */
  encode(w: XmlWriter, value: unknown, ctx: EncodeContext): void {
    if (value === null) {
      if (!this.declaration.nillable) {
        ctx.issue('not_nillable', `element ${this.local} is not nillable: null cannot be written`);
        return;
      }
      w.startElement(this.ns, this.local, this.preferredPrefix).attribute(XSI_NS, 'nil', 'true', 'xsi').endElement();
      return;
    }
    if (isRawXml(value)) {
      w.raw(value.$xml);
      return;
    }
    let codec = this.type ?? this.resolve();
    let typeKey: QNameKey | undefined;
    let content: unknown = value;
    if (isObject(value) && typeof value.$type === 'string') {
      typeKey = value.$type;
      const chosen = this.registry.xsiCodec(codec, typeKey);
      if (chosen === undefined && codec.variety === 'anyType' && typeof value.$value === 'string') {
        // `{ $type, $value }` of a type the schema does not know (decoded under anyType): written back as text.
        w.startElement(this.ns, this.local, this.preferredPrefix);
        w.attribute(XSI_NS, 'type', qnameLexical(w, typeKey), 'xsi');
        w.text(value.$value).endElement();
        return;
      }
      if (!chosen) {
        const words = chosen === null ? `does not derive from ${codec.label}` : 'names no known type';
        ctx.issue(chosen === null ? 'type_not_derived' : 'unknown_type', `$type ${typeKey} ${words}`, '$type');
        return;
      }
      codec = chosen;
      if (codec instanceof SimpleTypeCodec) content = value.$value;
    } else if (codec.variety === 'anyType') {
      typeKey = inferAnyType(value);
      if (typeKey === undefined) {
        if (isPlainObject(value)) {
          w.startElement(this.ns, this.local, this.preferredPrefix);
          encodeUntypedObject(w, this.ns, value, this.registry, ctx);
          w.endElement();
        } else ctx.issue('invalid_type', `an anyType value needs $type (or $xml), got ${preview(value)}`);
        return;
      }
      codec = this.registry.typeCodec(typeKey);
    } else if (codec.abstract) {
      ctx.issue('abstract', `${codec.label} is abstract: give the value a $type naming a concrete subtype`);
      return;
    }
    if (this.declaration.fixed !== undefined && codec instanceof SimpleTypeCodec) this.checkFixed(codec, content, ctx);
    w.startElement(this.ns, this.local, this.preferredPrefix);
    if (typeKey !== undefined) w.attribute(XSI_NS, 'type', qnameLexical(w, typeKey), 'xsi');
    codec.encodeContent(w, content, ctx);
    w.endElement();
  }

  /** Section 3.3.4 (Element Locally Valid): a fixed element's value must equal the fixed value. */
  private checkFixed(codec: SimpleTypeCodec, value: unknown, ctx: EncodeContext): void {
    const fixed = this.declaration.fixed!;
    const expected = codec.value.encode(codec.value.decode(fixed, undefined, false), undefined);
    const given = codec.value.encode(value, ctx.prefixFor);
    // An invalid value is reported by the type codec itself when it is written.
    if (given !== INVALID && given !== (expected === INVALID ? fixed : expected)) {
      ctx.issue('fixed', `must be the fixed value ${JSON.stringify(fixed)}`);
    }
  }
}
