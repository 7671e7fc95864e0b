/**
 * Errors of the codecs. Problems are collected as issues (a stable code, a zod-like path such as
 * `Create.entity.Attributes[3].value`, and words) and rendered into the error message last.
 */
import { SoapstackError } from '../../errors.js';

/** One problem found while decoding or encoding a value. */
export interface CodecIssue {
  /** Stable code: `invalid_lexical`, `invalid_type`, `pattern`, `required`, `unexpected_element`, ... */
  readonly code: string;
  /** Where: property names and array indices from the top element, e.g. `Create.entity.Attributes[3].value`. */
  readonly path: string;
  readonly message: string;
}

/** Renders path segments: names joined with `.`, indices as `[n]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function render(what: string, issues: readonly CodecIssue[]): string {
  const shown = issues.slice(0, 10).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
  return `${what}: ${shown.join('; ')}${more}`;
}

/** XML that does not match the schema (or a value the types cannot read). */
export class DecodeError extends SoapstackError {
  override readonly code = 'XSD_DECODE_INVALID' as const;
  readonly issues: readonly CodecIssue[];
  constructor(issues: readonly CodecIssue[], options?: { cause?: unknown }) {
    super('XSD_DECODE_INVALID', render('cannot decode', issues), options);
    this.issues = issues;
  }
}

/** A value that cannot be written as valid XML for its schema type (nothing invalid ever reaches the wire). */
export class EncodeError extends SoapstackError {
  override readonly code = 'XSD_ENCODE_INVALID' as const;
  readonly issues: readonly CodecIssue[];
  constructor(issues: readonly CodecIssue[], options?: { cause?: unknown }) {
    super('XSD_ENCODE_INVALID', render('cannot encode', issues), options);
    this.issues = issues;
  }
}

/** A schema the codecs cannot compile (a type or element key that names nothing). */
export class CodecSchemaError extends SoapstackError {
  override readonly code = 'XSD_CODEC_SCHEMA' as const;
  constructor(message: string) {
    super('XSD_CODEC_SCHEMA', message);
  }
}
