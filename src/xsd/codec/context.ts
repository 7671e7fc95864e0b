/**
 * The state of one decode or encode call, and the interface every type codec implements. A context is
 * created per top-level call; the compiled codecs themselves hold no per-call state, so they are shared.
 */

import type { XmlDocument, XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { QNameKey } from '../model.js';
import type { PrefixLookup } from '../values/simple-codec.js';
import { type CodecIssue, formatPath } from './errors.js';

/** Per-call state of a decode: where we are (path segments) and what went wrong so far. */
export class DecodeContext {
  readonly path: (string | number)[] = [];
  readonly issues: CodecIssue[] = [];
  constructor(
    readonly doc: XmlDocument,
    readonly strict: boolean,
    readonly keepUnknown: boolean,
  ) {}

  /** Records a problem at the current path (plus `last`, when given). */
  issue(code: string, message: string, last?: string | number): void {
    const path = last === undefined ? formatPath(this.path) : formatPath([...this.path, last]);
    this.issues.push({ code, path, message });
  }
}

/** Per-call state of an encode. */
export class EncodeContext {
  readonly path: (string | number)[] = [];
  readonly issues: CodecIssue[] = [];
  /** Prefix lookup for QName values, bound to the writer of this call. */
  readonly prefixFor: PrefixLookup;
  constructor(readonly writer: XmlWriter) {
    this.prefixFor = (ns) => writer.prefixFor(ns);
  }

  /** Records a problem at the current path (plus `last`, when given). */
  issue(code: string, message: string, last?: string | number): void {
    const path = last === undefined ? formatPath(this.path) : formatPath([...this.path, last]);
    this.issues.push({ code, path, message });
  }
}

/** What kind of codec a type compiled to. */
export type CodecVariety = 'simple' | 'complex' | 'anyType' | 'anySimpleType';

/** The compiled form of one type: reads and writes an element's attributes and content. */
export interface TypeCodec {
  /** The type's key when it is named (built-ins included). */
  readonly key: QNameKey | undefined;
  /** How messages name the type. */
  readonly label: string;
  readonly variety: CodecVariety;
  /** An abstract complex type: an element of it needs an xsi:type naming a concrete subtype. */
  readonly abstract: boolean;
  /** Decodes `el`'s attributes and content. `xsiType` is set when an xsi:type chose this codec. */
  decodeContent(el: XmlElement, ctx: DecodeContext, xsiType: QNameKey | undefined): unknown;
  /** Writes attributes and content; the start tag is open, the caller closes the element. */
  encodeContent(w: XmlWriter, value: unknown, ctx: EncodeContext): void;
}
