/**
 * SOAP-encoded arrays (SOAP 1.1 section 5.4.2): an element of type soapenc:Array, or of a restriction of it
 * that declares no content model of its own, holds one child element per item, whatever their names:
 *
 *   <list soapenc:arrayType="xsd:string[2]" xsi:type="soapenc:Array"><item>a</item><item>b</item></list>
 *
 * It decodes to a JS array. The item type is the instance's `soapenc:arrayType` when it names a known type,
 * else the schema's `wsdl:arrayType` (`ComplexType.arrayItemType`), else anyType (each item then says its type
 * with xsi:type). Encoding writes `soapenc:arrayType="T[n]"` and one unqualified `<item>` per value.
 */
import type { XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { ComplexType, QNameKey, SchemaSet, TypeDefinition } from '../model.js';
import { BUILTIN_NAMESPACES, SOAP_ENC_NS, XS_NS } from '../values/builtin-table.js';
import { preview } from '../values/simple-codec.js';
import type { DecodeContext, EncodeContext, TypeCodec } from './context.js';
import { qnameLexical, resolveQName } from './element-codec.js';
import type { CodecRegistry } from './registry.js';

const SOAP12_ENC_NS = 'http://www.w3.org/2003/05/soap-encoding';
const ANY_TYPE = `{${XS_NS}}anyType`;

/**
 * The encoding namespace of a SOAP array type: set when `type` is soapenc:Array, or restricts it (directly or
 * through other array types) without a content model of its own. A restriction that lists its items in a
 * sequence is an ordinary complex type and keeps the ordinary mapping.
 */
export function soapArrayNamespace(
  key: QNameKey | undefined,
  type: ComplexType,
  schema: SchemaSet,
): string | undefined {
  let current: ComplexType | undefined = type;
  let currentKey = key;
  for (let depth = 0; current !== undefined && depth < 32; depth++) {
    for (const ns of [SOAP_ENC_NS, SOAP12_ENC_NS]) if (currentKey === `{${ns}}Array`) return ns;
    if (current.derivation !== 'restriction' || current.content.kind === 'particle' || current.base === undefined) {
      return undefined;
    }
    currentKey = current.base;
    const base: TypeDefinition | undefined = schema.types[currentKey];
    current = base?.kind === 'complex' ? base : undefined;
  }
  return undefined;
}

/** The codec of a SOAP-encoded array type. */
export class SoapArrayCodec implements TypeCodec {
  readonly variety = 'complex' as const;
  readonly abstract = false;
  readonly label: string;
  private readonly itemType: QNameKey;

  constructor(
    readonly key: QNameKey | undefined,
    type: ComplexType,
    private readonly encodingNs: string,
    private readonly registry: CodecRegistry,
  ) {
    this.label = key ?? 'an anonymous SOAP array type';
    this.itemType = this.known(type.arrayItemType) ?? ANY_TYPE;
  }

  decodeContent(el: XmlElement, ctx: DecodeContext): unknown {
    const item = this.registry.arrayItemElement(this.instanceItemType(el) ?? this.itemType);
    const out: unknown[] = [];
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      ctx.path.push(out.length);
      out.push(item.decode(child, ctx));
      ctx.path.pop();
    }
    return out;
  }

  encodeContent(w: XmlWriter, value: unknown, ctx: EncodeContext): void {
    // rpc/encoded parts arrive as `{ $type, $value }` (soap/message.ts names the part's type on the wire).
    const items = isWrapped(value) ? value.$value : value;
    if (!Array.isArray(items)) {
      ctx.issue('invalid_type', `expected an array for ${this.label}, got ${preview(items)}`);
      return;
    }
    const typeName = qnameLexical(w, this.itemType);
    if (this.encodingNs === SOAP12_ENC_NS) {
      // SOAP 1.2 Part 2, section 4.1.2: the item type and the size are two attributes.
      w.attribute(this.encodingNs, 'itemType', typeName, 'enc');
      w.attribute(this.encodingNs, 'arraySize', String(items.length), 'enc');
    } else w.attribute(this.encodingNs, 'arrayType', `${typeName}[${items.length}]`, 'soapenc');
    const item = this.registry.arrayItemElement(this.itemType);
    for (let i = 0; i < items.length; i++) {
      if (items[i] === undefined) continue;
      ctx.path.push(i);
      item.encode(w, items[i], ctx);
      ctx.path.pop();
    }
  }

  /** The type an instance's `soapenc:arrayType="p:T[n]"` names, when the schema set knows it. */
  private instanceItemType(el: XmlElement): QNameKey | undefined {
    const soap12 = this.encodingNs === SOAP12_ENC_NS;
    const name = soap12 ? 'itemType' : 'arrayType';
    let text = el.attrs.find((a) => a.local === name && a.ns === this.encodingNs)?.value.trim();
    if (soap12 && text !== undefined) text = `${text}[]`;
    const open = text?.indexOf('[') ?? -1;
    if (text === undefined || open <= 0 || text.indexOf('[', text.indexOf(']')) >= 0) return undefined;
    const key = resolveQName(text.slice(0, open), el.scope);
    return this.known(key);
  }

  /** `key` when it names a type the codecs can compile; `xsd:ur-type` (the 1999 anyType) is anyType. */
  private known(key: QNameKey | undefined): QNameKey | undefined {
    if (key === undefined) return undefined;
    const close = key.indexOf('}');
    if (key.slice(close + 1) === 'ur-type' && BUILTIN_NAMESPACES.has(key.slice(1, close))) return ANY_TYPE;
    return this.registry.hasType(key) ? key : undefined;
  }
}

function isWrapped(value: unknown): value is { $value: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, '$value');
}
