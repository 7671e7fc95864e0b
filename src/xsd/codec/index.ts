/** The codecs: typed values to and from XML for a resolved schema set (mapping in docs/mapping.md). */
export { createCodecs, type SchemaCodecs } from './codecs.js';
export { type CodecIssue, CodecSchemaError, DecodeError, EncodeError } from './errors.js';
export type { CodecOptions } from './options.js';
export { isRawXml, type RawXml } from './raw-xml.js';
