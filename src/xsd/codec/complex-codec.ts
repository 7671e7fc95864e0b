/**
 * complexType (XML Schema Part 1, section 3.4) compiled: attributes, then empty, simple (`$value`) or
 * element content (mixed text in `$text`). Decoding dispatches each child by a Map lookup and stores it in
 * its slot; encoding walks the content model in order. The plan is compiled on first use, so recursive types
 * and large schemas cost nothing until a value of the type is met.
 */
import { type XmlElement, XSI_NS } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { ComplexType, QNameKey } from '../model.js';
import { isBlank } from '../values/lexical.js';
import { INVALID, lastValueFailure, preview, type SimpleValueCodec } from '../values/simple-codec.js';
import { type AttributePlan, compileAttributes } from './attribute-plan.js';
import { encodeElements } from './content-encoder.js';
import { type ChildSlot, type ContentPlan, compileContent } from './content-plan.js';
import type { DecodeContext, EncodeContext, TypeCodec } from './context.js';
import { defineOwn, getOwn, PropertyNamer } from './names.js';
import { isRawXml, rawXmlOf } from './raw-xml.js';
import type { CodecRegistry } from './registry.js';
import { decodeText } from './simple-type-codec.js';
import { type NamespaceTest, namespaceTest } from './wildcard.js';

const XSI_1999 = 'http://www.w3.org/1999/XMLSchema-instance';
const CONTENT_EMPTY = 0;
const CONTENT_SIMPLE = 1;
const CONTENT_ELEMENTS = 2;

/** The codec of one complex type. */
export class ComplexCodec implements TypeCodec {
  readonly variety = 'complex' as const;
  readonly abstract: boolean;
  readonly label: string;
  private compiled = false;
  private contentKind = CONTENT_EMPTY;
  private mixed = false;
  private attributes!: AttributePlan;
  private content: ContentPlan | undefined;
  private simpleContent: SimpleValueCodec | undefined;
  private anyAttribute: NamespaceTest | undefined;
  /** Property names an encoded value may carry. */
  private allowedKeys!: Set<string>;

  constructor(
    readonly key: QNameKey | undefined,
    private readonly type: ComplexType,
    private readonly registry: CodecRegistry,
  ) {
    this.abstract = type.abstract;
    this.label = key ?? 'an anonymous complex type';
  }

  private compile(): void {
    const type = this.type;
    const namer = new PropertyNamer(this.registry.options.namespacePrefixes);
    const allowed = new Set(['$type', '$unknown']);
    if (type.content.kind === 'particle') {
      this.content = compileContent(type.content.particle, namer, this.registry);
      this.contentKind = CONTENT_ELEMENTS;
      this.mixed = type.mixed;
      for (const slot of this.content.slots) allowed.add(slot.name);
      if (type.mixed) allowed.add('$text');
    } else if (type.content.kind === 'simple') {
      this.simpleContent = this.registry.simpleCodec(type.content.type);
      this.contentKind = CONTENT_SIMPLE;
      allowed.add('$value');
    } else if (type.mixed) {
      // Mixed with no particle: text only (section 3.4.2, {content type} mixed with an empty particle).
      this.contentKind = CONTENT_ELEMENTS;
      this.mixed = true;
      allowed.add('$text');
    }
    this.attributes = compileAttributes(type.attributes, namer, this.registry);
    for (const slot of this.attributes.slots) allowed.add(slot.name);
    if (type.anyAttribute) {
      this.anyAttribute = namespaceTest(type.anyAttribute);
      allowed.add('$attributes');
    }
    this.allowedKeys = allowed;
    this.compiled = true;
  }

  decodeContent(el: XmlElement, ctx: DecodeContext, xsiType: QNameKey | undefined): unknown {
    if (!this.compiled) this.compile();
    const obj: Record<string, unknown> = {};
    if (xsiType !== undefined) obj.$type = xsiType;
    if (el.attrs.length !== 0) this.decodeAttributes(el, obj, ctx);
    if (this.attributes.defaulted.length !== 0) this.applyDefaults(el, obj, ctx);
    if (this.contentKind === CONTENT_ELEMENTS) this.decodeChildren(el, obj, ctx);
    else if (this.contentKind === CONTENT_SIMPLE) {
      let text = '';
      const children = el.children;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (typeof child === 'string') text += child;
        else this.unexpected(child, obj, ctx);
      }
      ctx.path.push('$value');
      obj.$value = decodeText(this.simpleContent!, text, el, ctx);
      ctx.path.pop();
    } else {
      const children = el.children;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (typeof child !== 'string') this.unexpected(child, obj, ctx);
        else if (ctx.strict && !isBlank(child)) ctx.issue('unexpected_text', `${this.label} has empty content`);
      }
    }
    if (ctx.strict) this.checkRequired(obj, ctx);
    return obj;
  }

  private decodeAttributes(el: XmlElement, obj: Record<string, unknown>, ctx: DecodeContext): void {
    const dispatch = this.attributes.dispatch;
    const attrs = el.attrs;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if (a.ns === XSI_NS || a.ns === XSI_1999) continue;
      const slot = dispatch.get(a.ns)?.get(a.local);
      if (slot !== undefined) {
        ctx.path.push(slot.name);
        const value = decodeText(slot.codec, a.value, el, ctx);
        ctx.path.pop();
        if (slot.unsafe) defineOwn(obj, slot.name, value);
        else obj[slot.name] = value;
      } else if (this.anyAttribute?.(a.ns)) {
        if (obj.$attributes === undefined) obj.$attributes = {};
        (obj.$attributes as Record<string, string>)[`{${a.ns}}${a.local}`] = a.value;
      } else if (ctx.strict) {
        ctx.issue('unexpected_attribute', `attribute ${a.local} is not declared by ${this.label}`, `@${a.local}`);
      }
    }
  }

  private applyDefaults(el: XmlElement, obj: Record<string, unknown>, ctx: DecodeContext): void {
    for (const slot of this.attributes.defaulted) {
      if (Object.hasOwn(obj, slot.name)) continue;
      const value = decodeText(slot.codec, slot.defaultText!, el, ctx);
      if (slot.unsafe) defineOwn(obj, slot.name, value);
      else obj[slot.name] = value;
    }
  }

  private decodeChildren(el: XmlElement, obj: Record<string, unknown>, ctx: DecodeContext): void {
    const content = this.content;
    const dispatch = content?.dispatch;
    const path = ctx.path;
    const children = el.children;
    let text: string | undefined;
    let sawElement = false;
    // The previous child's name and slot: repeated elements (the bulk of a large message) skip the lookup.
    // Names come interned from the reader, so these comparisons are usually pointer checks.
    let lastLocal: string | undefined;
    let lastNs: string | undefined;
    let lastSlot: ChildSlot | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (typeof child === 'string') {
        if (this.mixed) text = text === undefined ? child : text + child;
        else if (ctx.strict && !isBlank(child)) ctx.issue('unexpected_text', `${this.label} has element-only content`);
        continue;
      }
      sawElement = true;
      let slot: ChildSlot | undefined;
      if (child.local === lastLocal && child.ns === lastNs) slot = lastSlot;
      else {
        slot = dispatch?.get(child.local);
        while (slot !== undefined && slot.ns !== child.ns) slot = slot.sameLocal;
        if (slot !== undefined) slot.ns = child.ns;
        lastLocal = child.local;
        lastNs = child.ns;
        lastSlot = slot;
      }
      if (slot === undefined) {
        slot = this.unmatched(child, obj, ctx);
        if (slot === undefined) continue;
      }
      const name = slot.name;
      if (slot.repeated) {
        let list = slot.unsafe ? getOwn(obj, name) : obj[name];
        if (list === undefined) {
          list = [];
          if (slot.unsafe) defineOwn(obj, name, list);
          else obj[name] = list;
        }
        const items = list as unknown[];
        path.push(name, items.length);
        items.push(slot.element!.decode(child, ctx));
        path.pop();
        path.pop();
      } else {
        path.push(name);
        const value = slot.element!.decode(child, ctx);
        path.pop();
        if (slot.unsafe) {
          if (Object.hasOwn(obj, name)) ctx.issue('too_many', `element ${child.local} may occur only once`, name);
          defineOwn(obj, name, value);
        } else {
          if (obj[name] !== undefined) ctx.issue('too_many', `element ${child.local} may occur only once`, name);
          obj[name] = value;
        }
      }
    }
    // Indentation between child elements of mixed content is not content worth keeping (docs/mapping.md).
    if (text !== undefined && !(sawElement && isBlank(text))) obj.$text = text;
  }

  /**
   * A child that no element particle names exactly: a wildcard's, one qualified the other way from its
   * declaration (returned: the caller decodes it into that slot), an unknown one kept, or an issue.
   */
  private unmatched(child: XmlElement, obj: Record<string, unknown>, ctx: DecodeContext): ChildSlot | undefined {
    const content = this.content;
    if (content?.anySlot !== undefined) {
      for (const test of content.wildcards) {
        if (!test(child.ns)) continue;
        const raw = rawXmlOf(child, ctx.doc);
        if (!content.anySlot.repeated) obj.$any = raw;
        else if (obj.$any === undefined) obj.$any = [raw];
        else (obj.$any as unknown[]).push(raw);
        return undefined;
      }
    }
    const slot = this.misqualified(child);
    if (slot !== undefined) {
      if (ctx.strict) {
        const declared = slot.ns === '' ? 'unqualified' : `in namespace ${slot.ns}`;
        ctx.issue('wrong_namespace', `element ${child.local} is declared ${declared}`, child.local);
      }
      return slot;
    }
    this.unexpected(child, obj, ctx);
    return undefined;
  }

  /**
   * Decode leniency for servers that get elementFormDefault or form wrong (XML Schema Part 1, section 3.3.2:
   * a local element's namespace is the target namespace only when qualified): a child in a namespace where the
   * declaration is unqualified, or unqualified where it is qualified, matches the one declaration of that
   * local name qualified the other way. Two candidates are ambiguous and match neither; two different
   * namespaces never match. Strict mode reports it as `wrong_namespace`.
   */
  private misqualified(child: XmlElement): ChildSlot | undefined {
    let found: ChildSlot | undefined;
    for (let s = this.content?.dispatch.get(child.local); s !== undefined; s = s.sameLocal) {
      if ((s.ns === '') === (child.ns === '')) continue;
      if (found !== undefined) return undefined;
      found = s;
    }
    return found;
  }

  private unexpected(child: XmlElement, obj: Record<string, unknown>, ctx: DecodeContext): void {
    if (!ctx.keepUnknown) {
      const where = `{${child.ns}}${child.local}`;
      ctx.issue('unexpected_element', `element ${where} is not allowed here by ${this.label}`, child.local);
    } else if (obj.$unknown === undefined) obj.$unknown = [rawXmlOf(child, ctx.doc)];
    else (obj.$unknown as unknown[]).push(rawXmlOf(child, ctx.doc));
  }

  private checkRequired(obj: Record<string, unknown>, ctx: DecodeContext): void {
    for (const slot of this.content?.required ?? []) {
      if (!Object.hasOwn(obj, slot.name)) ctx.issue('required', `required element ${slot.name} is missing`, slot.name);
    }
    for (const slot of this.attributes.slots) {
      if (slot.required && !Object.hasOwn(obj, slot.name)) {
        ctx.issue('required', `required attribute ${slot.local} is missing`, slot.name);
      }
    }
  }

  encodeContent(w: XmlWriter, value: unknown, ctx: EncodeContext): void {
    if (!this.compiled) this.compile();
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
      ctx.issue('invalid_type', `expected an object for ${this.label}, got ${preview(value)}`);
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!this.allowedKeys.has(key) && obj[key] !== undefined) {
        ctx.issue('unrecognized_key', `${this.label} has no property ${key}`, key);
      }
    }
    this.encodeAttributes(w, obj, ctx);
    if (this.contentKind === CONTENT_SIMPLE) {
      ctx.path.push('$value');
      const lexical = this.simpleContent!.encode(obj.$value, ctx.prefixFor);
      if (lexical === INVALID) ctx.issue(lastValueFailure().code, lastValueFailure().message);
      else if (lexical !== '') w.text(lexical);
      ctx.path.pop();
    } else if (this.contentKind === CONTENT_ELEMENTS) {
      if (this.mixed && obj.$text !== undefined) {
        if (typeof obj.$text === 'string') w.text(obj.$text);
        else ctx.issue('invalid_type', `expected a string, got ${preview(obj.$text)}`, '$text');
      }
      if (this.content) encodeElements(w, obj, this.content, ctx);
    }
    const unknown = obj.$unknown;
    if (Array.isArray(unknown)) {
      for (const raw of unknown) {
        if (isRawXml(raw)) w.raw(raw.$xml);
        else ctx.issue('invalid_type', `$unknown items must be raw XML ({ $xml })`, '$unknown');
      }
    }
  }

  private encodeAttributes(w: XmlWriter, obj: Record<string, unknown>, ctx: EncodeContext): void {
    for (const slot of this.attributes.slots) {
      const value = slot.unsafe ? getOwn(obj, slot.name) : obj[slot.name];
      if (value === undefined || value === null) {
        if (slot.required && slot.fixed === undefined) {
          ctx.issue('required', `required attribute ${slot.local} is missing`, slot.name);
        }
        continue;
      }
      const lexical = slot.codec.encode(value, ctx.prefixFor);
      if (lexical === INVALID) {
        ctx.issue(lastValueFailure().code, lastValueFailure().message, slot.name);
        continue;
      }
      if (slot.fixed !== undefined) {
        const fixed = slot.codec.encode(slot.codec.decode(slot.fixed, undefined, false), undefined);
        if (lexical !== (fixed === INVALID ? slot.fixed : fixed)) {
          ctx.issue('fixed', `must be the fixed value ${JSON.stringify(slot.fixed)}`, slot.name);
          continue;
        }
      }
      w.attribute(slot.ns, slot.local, lexical);
    }
    const extra = obj.$attributes;
    if (extra !== undefined && this.anyAttribute) {
      for (const [key, text] of Object.entries(extra as Record<string, unknown>)) {
        const close = key.indexOf('}');
        if (key.charCodeAt(0) !== 0x7b || close < 0 || typeof text !== 'string') {
          ctx.issue('invalid_type', `$attributes keys are {ns}local and values strings`, '$attributes');
          continue;
        }
        w.attribute(key.slice(1, close), key.slice(close + 1), text);
      }
    }
  }
}
