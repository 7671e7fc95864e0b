/** A simple type used as an element's type: the element's text is the value, its attributes are ignored. */

import type { XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { QNameKey } from '../model.js';
import { INVALID, lastValueFailure, type SimpleValueCodec } from '../values/simple-codec.js';
import type { CodecVariety, DecodeContext, EncodeContext, TypeCodec } from './context.js';
import { textContent } from './text-content.js';

/** Wraps a simple value codec as a type codec. */
export class SimpleTypeCodec implements TypeCodec {
  readonly abstract = false;
  readonly label: string;
  constructor(
    readonly key: QNameKey | undefined,
    readonly value: SimpleValueCodec,
    readonly variety: CodecVariety = 'simple',
  ) {
    this.label = value.label;
  }

  decodeContent(el: XmlElement, ctx: DecodeContext): unknown {
    return decodeText(this.value, textContent(el, ctx), el, ctx);
  }

  encodeContent(w: XmlWriter, value: unknown, ctx: EncodeContext): void {
    // Format before writing text: a QName value may still need a declaration on the open start tag.
    const lexical = this.value.encode(value, ctx.prefixFor);
    if (lexical === INVALID) {
      const failure = lastValueFailure();
      ctx.issue(failure.code, failure.message);
      return;
    }
    if (lexical !== '') w.text(lexical);
  }
}

/** Decodes text with a value codec, recording an issue (and giving undefined) when it is invalid. */
export function decodeText(codec: SimpleValueCodec, text: string, el: XmlElement, ctx: DecodeContext): unknown {
  const value = codec.decode(text, el.scope, ctx.strict);
  if (value === INVALID) {
    const failure = lastValueFailure();
    ctx.issue(failure.code, failure.message);
    return undefined;
  }
  return value;
}
