/** Options of `createCodecs`, checked once when the codecs are created. */
import { SoapstackError } from '../../errors.js';

/** How the codecs treat data that the schema does not describe. */
export interface CodecOptions {
  /**
   * A child element that is not in the content model (and matches no wildcard): `'error'` (default) makes it
   * a decode issue; `'keep'` keeps it as raw XML in the `$unknown` array of its parent.
   */
  unknownElements?: 'error' | 'keep';
  /**
   * Decoding checks the lexical form of every value. With `strict`, it also reports facet violations,
   * missing required elements and attributes, undeclared attributes, nil on a non-nillable element and text
   * in element-only content (servers break these often, so they are not errors by default).
   */
  strict?: boolean;
  /**
   * Short names for namespaces, used to name a property when two child elements (or attributes) of one type
   * share a local name in different namespaces: the second gets `prefix_local`. Without an entry the prefix
   * is derived from the namespace URI (see docs/mapping.md).
   */
  namespacePrefixes?: Readonly<Record<string, string>>;
}

/** Options with their defaults applied. */
export interface ResolvedCodecOptions {
  readonly unknownElements: 'error' | 'keep';
  readonly strict: boolean;
  readonly namespacePrefixes: Readonly<Record<string, string>>;
}

/** Applies defaults and rejects nonsense values early. */
export function resolveCodecOptions(options: CodecOptions = {}): ResolvedCodecOptions {
  const unknownElements = options.unknownElements ?? 'error';
  if (unknownElements !== 'error' && unknownElements !== 'keep') {
    throw new SoapstackError(
      'XSD_CODEC_OPTIONS',
      `unknownElements must be 'error' or 'keep', got ${String(unknownElements)}`,
    );
  }
  return {
    unknownElements,
    strict: options.strict === true,
    namespacePrefixes: options.namespacePrefixes ?? {},
  };
}
