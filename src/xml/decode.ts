/**
 * Bytes to text for the reader (XML 1.0 section 4.3.3 and appendix F): a byte order mark decides first (UTF-8,
 * UTF-16 LE/BE), then the `encoding` of the XML declaration, read in ASCII; without either the text is UTF-8.
 */
import { XmlSyntaxError } from './errors.js';
import { positionIn } from './position.js';

/** Encodings read by name from the XML declaration (lower-cased), to the WHATWG label that decodes them. */
const ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'ascii',
  ascii: 'ascii',
  'iso-8859-1': 'latin1',
  iso_8859_1: 'latin1',
  'iso-8859-1:1987': 'latin1',
  latin1: 'latin1',
  'latin-1': 'latin1',
  l1: 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  // .NET writes encoding="utf-16" into documents it then sends as UTF-8; with no UTF-16 byte order mark and an
  // ASCII-readable declaration the bytes cannot be UTF-16, so they are read as UTF-8.
  'utf-16': 'utf-8',
  utf16: 'utf-8',
};

/**
 * windows-1252 bytes 0x80-0x9F (the rest is ISO-8859-1). Decoded here: some Node versions' TextDecoder decodes the
 * label as ISO-8859-1; undefined bytes map to the same code point, as the WHATWG decoder does.
 */
const WINDOWS_1252 =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** The declaration's encoding name, when the bytes start with an ASCII `<?xml ... ?>`. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (bytes.length < 6 || bytes[0] !== 0x3c || bytes[1] !== 0x3f) return undefined;
  let end = 2;
  while (end < bytes.length && end < 512 && bytes[end] !== 0x3e) end++;
  let head = '';
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  if (!/^<\?xml[ \t\r\n]/.test(head)) return undefined;
  return /[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._:-]*)\1/.exec(head)?.[2];
}

function decode(label: string, bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new XmlSyntaxError(`the bytes are not valid ${label}`, { source, line: 1, column: 1 }, { cause: error });
  }
}

/**
 * Decodes the bytes of an XML document to text: UTF-8 (with or without a byte order mark), UTF-16 LE/BE by byte
 * order mark (or by the `<?` of a declaration written in UTF-16), else the encoding the XML declaration names
 * (utf-8, us-ascii, iso-8859-1/latin1, windows-1252). A malformed byte sequence or an unsupported encoding is an
 * `XmlSyntaxError`. The byte order mark is not part of the result.
 */
export function decodeXmlBytes(bytes: Uint8Array, source = '<input>'): string {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode('utf-8', bytes, source);
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes, source);
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes, source);
  // Appendix F.1: '<?' in UTF-16 without a byte order mark.
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return decode('utf-16le', bytes, source);
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return decode('utf-16be', bytes, source);
  const declared = declaredEncoding(bytes);
  if (declared === undefined) return decode('utf-8', bytes, source);
  const label = Object.hasOwn(ENCODINGS, declared.toLowerCase()) ? ENCODINGS[declared.toLowerCase()] : undefined;
  if (label === undefined) {
    throw new XmlSyntaxError(
      `unsupported encoding '${declared}' (supported: UTF-8, UTF-16, US-ASCII, ISO-8859-1, windows-1252)`,
      { source, line: 1, column: 1 },
    );
  }
  if (label === 'ascii') {
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad >= 0) {
      // Before the bad byte all is ASCII, so lines and columns count as in the text.
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bad).toString('latin1');
      throw new XmlSyntaxError(`byte 0x${bytes[bad]!.toString(16)} is not US-ASCII`, positionIn(text, bad, source));
    }
    return decode('utf-8', bytes, source);
  }
  // WHATWG decoders map the label 'latin1' to windows-1252; ISO-8859-1 proper maps each byte to the same code point.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (label === 'latin1') return latin1;
  if (label === 'windows-1252')
    return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252.charAt(c.charCodeAt(0) - 0x80));
  return decode(label, bytes, source);
}
