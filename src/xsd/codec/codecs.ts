/**
 * `createCodecs`: the typed decoders and encoders of one schema set. Every type, element and simple type is
 * compiled once, on first use, and cached (a Map by key for named components, a WeakMap for anonymous ones),
 * so a schema of thousands of types costs only what a message touches.
 */
import type { NamespaceScope, XmlDocument, XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { ComplexType, ElementDeclaration, QName, QNameKey, SchemaSet, TypeDefinition, TypeRef } from '../model.js';
import { BUILTIN_NAMESPACES, builtinDerivesFrom, builtinName, XS_NS } from '../values/builtin-table.js';
import { builtinCodec, compileSimpleType } from '../values/compile-simple.js';
import { INVALID, lastValueFailure, type SimpleValueCodec } from '../values/simple-codec.js';
import { AnyTypeCodec } from './any-type-codec.js';
import { ComplexCodec } from './complex-codec.js';
import { DecodeContext, EncodeContext, type TypeCodec } from './context.js';
import { ElementCodec } from './element-codec.js';
import { CodecSchemaError, DecodeError, EncodeError } from './errors.js';
import { type CodecOptions, type ResolvedCodecOptions, resolveCodecOptions } from './options.js';
import type { CodecRegistry } from './registry.js';
import { SimpleTypeCodec } from './simple-type-codec.js';
import { SoapArrayCodec, soapArrayNamespace } from './soap-array-codec.js';

/** The codecs of one schema set. Each method throws `DecodeError` / `EncodeError` with every issue found. */
export interface SchemaCodecs {
  /** Decodes an element as the given declaration (a global one by key): nil, xsi:type and defaults included. */
  decodeElement(el: XmlElement, declaration: ElementDeclaration | QNameKey, doc: XmlDocument): unknown;
  /** Decodes an element's content as a type (xsi:nil and xsi:type still apply). */
  decodeType(el: XmlElement, type: TypeRef | QNameKey, doc: XmlDocument): unknown;
  /** Writes an element for the declaration (a global one by key). */
  encodeElement(w: XmlWriter, declaration: ElementDeclaration | QNameKey, value: unknown): void;
  /** Writes an element named `name` whose content has the given type. */
  encodeType(w: XmlWriter, name: QName, type: TypeRef | QNameKey, value: unknown): void;
  /** Decodes attribute or text content as a simple type; `scope` resolves QName prefixes. */
  decodeSimple(text: string, type: TypeRef | QNameKey, scope?: NamespaceScope): unknown;
  /** Encodes a simple value to its lexical form; QName values in a namespace need the writer `w`. */
  encodeSimple(value: unknown, type: TypeRef | QNameKey, w?: XmlWriter): string;
}

/** Builds the codecs of a schema set. Nothing is compiled until a type is used. */
export function createCodecs(schema: SchemaSet, options?: CodecOptions): SchemaCodecs {
  return new Codecs(schema, resolveCodecOptions(options));
}

const ANY_TYPE_LOCAL = 'anyType';

class Codecs implements SchemaCodecs, CodecRegistry {
  private readonly anyType = new AnyTypeCodec();
  private readonly typesByKey = new Map<QNameKey, TypeCodec>();
  private readonly anonymousTypes = new WeakMap<TypeDefinition, TypeCodec>();
  private readonly simpleByKey = new Map<QNameKey, SimpleValueCodec>();
  private readonly anonymousSimple = new WeakMap<TypeDefinition, SimpleValueCodec>();
  private readonly elementsByKey = new Map<QNameKey, ElementCodec>();
  private readonly localElements = new WeakMap<ElementDeclaration, ElementCodec>();
  /** The `<item>` elements of SOAP-encoded arrays, by item type. */
  private readonly arrayItems = new Map<QNameKey, ElementCodec>();
  /** The children of plain objects written under anyType, by `{ns}local`. */
  private readonly untypedElements = new Map<QNameKey, ElementCodec>();
  /** decodeType's stand-in declarations, by type. */
  private readonly typeElements = new Map<unknown, ElementCodec>();
  private readonly xsiCache = new WeakMap<TypeCodec, Map<QNameKey, TypeCodec | null | undefined>>();

  constructor(
    readonly schema: SchemaSet,
    readonly options: ResolvedCodecOptions,
  ) {}

  // --- CodecRegistry -------------------------------------------------------------------------------------

  typeCodec(ref: TypeRef | QNameKey): TypeCodec {
    if (typeof ref === 'string') return this.namedType(ref);
    if ('ref' in ref) return this.namedType(ref.ref);
    let codec = this.anonymousTypes.get(ref);
    if (!codec) {
      codec =
        ref.kind === 'complex'
          ? this.complexCodec(undefined, ref)
          : new SimpleTypeCodec(undefined, this.simpleCodec(ref));
      this.anonymousTypes.set(ref, codec);
    }
    return codec;
  }

  private namedType(key: QNameKey): TypeCodec {
    const codec = this.typesByKey.get(key) ?? this.findType(key);
    if (!codec) throw new CodecSchemaError(`type ${key} is not in the schema set`);
    return codec;
  }

  /** The codec of a named type, or undefined when the key names none. */
  private findType(key: QNameKey): TypeCodec | undefined {
    let codec: TypeCodec | undefined;
    const name = builtinName(key);
    if (name) {
      const variety = name === 'anySimpleType' || name === 'anyAtomicType' ? 'anySimpleType' : 'simple';
      codec = new SimpleTypeCodec(`{${XS_NS}}${name}`, this.simpleCodec(key), variety);
    } else if (this.isAnyType(key)) {
      codec = this.anyType;
    } else {
      const definition = this.schema.types[key];
      if (definition === undefined) return undefined;
      codec =
        definition.kind === 'complex'
          ? this.complexCodec(key, definition)
          : new SimpleTypeCodec(key, this.simpleCodec(key));
    }
    this.typesByKey.set(key, codec);
    return codec;
  }

  /** A complex type's codec: a SOAP-encoded array's (a JS array), or the content-model codec. */
  private complexCodec(key: QNameKey | undefined, definition: ComplexType): TypeCodec {
    const arrayNs = soapArrayNamespace(key, definition, this.schema);
    return arrayNs === undefined
      ? new ComplexCodec(key, definition, this)
      : new SoapArrayCodec(key, definition, arrayNs, this);
  }

  private isAnyType(key: QNameKey): boolean {
    const close = key.indexOf('}');
    return key.slice(close + 1) === ANY_TYPE_LOCAL && BUILTIN_NAMESPACES.has(key.slice(1, close));
  }

  simpleCodec(ref: TypeRef | QNameKey): SimpleValueCodec {
    if (typeof ref !== 'string' && !('ref' in ref)) {
      let codec = this.anonymousSimple.get(ref);
      if (!codec) {
        if (ref.kind !== 'simple') throw new CodecSchemaError('a complex type cannot type an attribute or list item');
        codec = compileSimpleType(ref, `an anonymous type (${ref.builtin ?? ref.variety})`, this);
        this.anonymousSimple.set(ref, codec);
      }
      return codec;
    }
    const key = typeof ref === 'string' ? ref : ref.ref;
    let codec = this.simpleByKey.get(key);
    if (codec) return codec;
    const name = builtinName(key) ?? (this.isAnyType(key) ? 'anySimpleType' : undefined);
    if (name) codec = builtinCodec(name);
    else {
      const definition = this.schema.types[key];
      if (definition?.kind !== 'simple') {
        throw new CodecSchemaError(`type ${key} is ${definition ? 'not a simple type' : 'not in the schema set'}`);
      }
      // Cache a forwarding codec first, so a (malformed) self-referencing list or union cannot recurse forever.
      codec = compileSimpleType(definition, key, this);
    }
    this.simpleByKey.set(key, codec);
    return codec;
  }

  definition(key: QNameKey): TypeDefinition | undefined {
    return this.schema.types[key];
  }

  elementCodec(declaration: ElementDeclaration | QNameKey): ElementCodec {
    if (typeof declaration === 'string') {
      let codec = this.elementsByKey.get(declaration);
      if (!codec) {
        codec = new ElementCodec(this.globalElement(declaration), this);
        this.elementsByKey.set(declaration, codec);
      }
      return codec;
    }
    let codec = this.localElements.get(declaration);
    if (!codec) {
      codec = new ElementCodec(declaration, this);
      this.localElements.set(declaration, codec);
    }
    return codec;
  }

  arrayItemElement(type: QNameKey): ElementCodec {
    let codec = this.arrayItems.get(type);
    if (!codec) {
      codec = new ElementCodec(
        { name: { ns: '', local: 'item' }, type: { ref: type }, nillable: true, abstract: false },
        this,
      );
      this.arrayItems.set(type, codec);
    }
    return codec;
  }

  hasType(key: QNameKey): boolean {
    return this.typesByKey.has(key) || this.findType(key) !== undefined;
  }

  untypedElement(ns: string, local: string): ElementCodec {
    const key = `{${ns}}${local}`;
    let codec = this.untypedElements.get(key);
    if (!codec) {
      const declaration = { name: { ns, local }, type: { ref: `{${XS_NS}}anyType` }, nillable: true, abstract: false };
      codec = new ElementCodec(declaration, this);
      // Names come from callers' data: keep the cache bounded.
      if (this.untypedElements.size < 1024) this.untypedElements.set(key, codec);
    }
    return codec;
  }

  globalElement(key: QNameKey): ElementDeclaration {
    const declaration = this.schema.elements[key];
    if (!declaration) throw new CodecSchemaError(`element ${key} is not in the schema set`);
    return declaration;
  }

  xsiCodec(declared: TypeCodec, key: QNameKey): TypeCodec | null | undefined {
    let cache = this.xsiCache.get(declared);
    if (!cache) {
      cache = new Map();
      this.xsiCache.set(declared, cache);
    }
    if (cache.has(key)) return cache.get(key);
    const target = this.typesByKey.get(key) ?? this.findType(key);
    let result: TypeCodec | null | undefined = target;
    if (target && target !== declared && declared.variety !== 'anyType') {
      if (declared.variety === 'anySimpleType') result = target instanceof SimpleTypeCodec ? target : null;
      else result = declared.key !== undefined && this.derives(target.key!, declared.key) ? target : null;
    }
    cache.set(key, result);
    return result;
  }

  /** True when type `sub` is `base` or derives from it (XML Schema Part 1, section 3.4.6, Type Derivation OK). */
  private derives(sub: QNameKey, base: QNameKey): boolean {
    if (sub === base || this.schema.derivedTypes[base]?.includes(sub)) return true;
    const baseName = builtinName(base);
    let current: QNameKey | undefined = sub;
    for (let depth = 0; current !== undefined && depth < 64; depth++) {
      if (current === base) return true;
      const name = builtinName(current);
      if (name) return baseName !== undefined && builtinDerivesFrom(name, baseName);
      current = this.schema.types[current]?.base;
    }
    return false;
  }

  // --- SchemaCodecs --------------------------------------------------------------------------------------

  decodeElement(el: XmlElement, declaration: ElementDeclaration | QNameKey, doc: XmlDocument): unknown {
    return this.decodeWith(this.elementCodec(declaration), el, doc);
  }

  decodeType(el: XmlElement, type: TypeRef | QNameKey, doc: XmlDocument): unknown {
    return this.decodeWith(this.typeElement(type, { ns: el.ns, local: el.local }), el, doc);
  }

  private decodeWith(codec: ElementCodec, el: XmlElement, doc: XmlDocument): unknown {
    const ctx = new DecodeContext(doc, this.options.strict, this.options.unknownElements === 'keep');
    ctx.path.push(el.local);
    const value = codec.decode(el, ctx);
    if (ctx.issues.length) throw new DecodeError(ctx.issues);
    return value;
  }

  /** A stand-in nillable declaration of `type`, for decodeType and encodeType. */
  private typeElement(type: TypeRef | QNameKey, name: QName): ElementCodec {
    const cacheKey = typeof type === 'string' ? type : 'ref' in type ? type.ref : type;
    let codec = this.typeElements.get(cacheKey);
    if (!codec || codec.ns !== name.ns || codec.local !== name.local) {
      codec = new ElementCodec(
        { name, type: typeof type === 'string' ? { ref: type } : type, nillable: true, abstract: false },
        this,
      );
      this.typeElements.set(cacheKey, codec);
    }
    return codec;
  }

  encodeElement(w: XmlWriter, declaration: ElementDeclaration | QNameKey, value: unknown): void {
    this.encodeWith(this.elementCodec(declaration), w, value);
  }

  encodeType(w: XmlWriter, name: QName, type: TypeRef | QNameKey, value: unknown): void {
    this.encodeWith(this.typeElement(type, name), w, value);
  }

  private encodeWith(codec: ElementCodec, w: XmlWriter, value: unknown): void {
    const ctx = new EncodeContext(w);
    ctx.path.push(codec.local);
    if (value === undefined) ctx.issue('required', `no value given for element ${codec.local}`);
    else codec.encode(w, value, ctx);
    if (ctx.issues.length) throw new EncodeError(ctx.issues);
  }

  decodeSimple(text: string, type: TypeRef | QNameKey, scope?: NamespaceScope): unknown {
    const value = this.simpleCodec(type).decode(text, scope, this.options.strict);
    if (value === INVALID) {
      const failure = lastValueFailure();
      throw new DecodeError([{ code: failure.code, path: '', message: failure.message }]);
    }
    return value;
  }

  encodeSimple(value: unknown, type: TypeRef | QNameKey, w?: XmlWriter): string {
    const lexical = this.simpleCodec(type).encode(value, w ? (ns) => w.prefixFor(ns) : undefined);
    if (lexical === INVALID) {
      const failure = lastValueFailure();
      throw new EncodeError([{ code: failure.code, path: '', message: failure.message }]);
    }
    return lexical;
  }
}
