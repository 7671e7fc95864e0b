/** The interface through which compiled codecs reach each other (implemented by `createCodecs`). */
import type { ElementDeclaration, QNameKey, SchemaSet, TypeRef } from '../model.js';
import type { SimpleValueCodec } from '../values/simple-codec.js';
import type { TypeCodec } from './context.js';
import type { ElementCodec } from './element-codec.js';
import type { ResolvedCodecOptions } from './options.js';

/** Lazily compiled, cached codecs of one schema set. */
export interface CodecRegistry {
  readonly schema: SchemaSet;
  readonly options: ResolvedCodecOptions;
  /** The codec of a type reference (built-in, named or anonymous). */
  typeCodec(ref: TypeRef | QNameKey): TypeCodec;
  /** The value codec of a simple type reference. */
  simpleCodec(ref: TypeRef | QNameKey): SimpleValueCodec;
  /** The codec of an element declaration (a global one by key). */
  elementCodec(declaration: ElementDeclaration | QNameKey): ElementCodec;
  /** A nillable anyType element `{ns}local`, for the children of a plain object written under anyType. */
  untypedElement(ns: string, local: string): ElementCodec;
  /** The unqualified, nillable `<item>` element of type `type`, for the items of a SOAP-encoded array. */
  arrayItemElement(type: QNameKey): ElementCodec;
  /** True when `key` names a type the codecs can compile (built-in or in the schema set). */
  hasType(key: QNameKey): boolean;
  /** The declaration behind a global element key (for element refs and substitution groups). */
  globalElement(key: QNameKey): ElementDeclaration;
  /**
   * The codec an xsi:type names, when it may stand for `declared`: the codec; `null` when the type exists but
   * does not derive from the declared one; `undefined` when no such type exists.
   */
  xsiCodec(declared: TypeCodec, key: QNameKey): TypeCodec | null | undefined;
}
