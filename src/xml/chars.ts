/**
 * Character classes of XML 1.0 (fifth edition) and the decoding of character data: references, line ends and
 * attribute value normalisation. The reader scans with `charCodeAt`; these tables keep its ASCII fast path cheap.
 */

/** ASCII class bits: `NAME_START` for NameStartChar, `NAME_CHAR` for NameChar (section 2.3). */
export const NAME_START = 1;
export const NAME_CHAR = 2;
/** Per ASCII code: the NAME_* bits that apply. `:` is a name character; the reader treats it as the QName separator. */
export const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a;
  const other = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
  ASCII_NAME[c] = start ? NAME_START | NAME_CHAR : other ? NAME_CHAR : 0;
}

/**
 * NameStartChar beyond ASCII (section 2.3, production [4]):
 *   [#xC0-#xD6] | [#xD8-#xF6] | [#xF8-#x2FF] | [#x370-#x37D] | [#x37F-#x1FFF] | [#x200C-#x200D] | [#x2070-#x218F]
 *   | [#x2C00-#x2FEF] | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD] | [#x10000-#xEFFFF]
 */
export function isNameStartCodePoint(c: number): boolean {
  if (c < 0x80) return (ASCII_NAME[c]! & NAME_START) !== 0;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0xeffff)
  );
}

/** NameChar (production [4a]): NameStartChar | "-" | "." | [0-9] | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]. */
export function isNameCodePoint(c: number): boolean {
  if (c < 0x80) return ASCII_NAME[c]! !== 0;
  return isNameStartCodePoint(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Char (production [2]): #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
export function isXmlCharCodePoint(c: number): boolean {
  return c >= 0x20
    ? c <= 0xd7ff || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
    : c === 0x9 || c === 0xa || c === 0xd;
}

/** Matches the first character that is not a Char (a lone surrogate included, thanks to the `u` flag). */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** S (production [3]): #x20 | #x9 | #xD | #xA. */
export function isXmlWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Describes a character for a message: `'x'` when printable, `U+0007` otherwise. */
export function describeChar(text: string, offset: number): string {
  const c = text.codePointAt(offset);
  if (c === undefined) return 'end of input';
  if (c > 0x20 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Reports a problem at an offset of the text being decoded; never returns. */
export type Fail = (offset: number, problem: string) => never;

/**
 * Decodes the source `text[start, end)` of character data or of an attribute value (section 2.4, 2.11, 3.3.3, 4.1,
 * 4.6): resolves references to the five predefined entities and character references, turns CRLF and CR into LF in
 * character data, and in an attribute value turns each literal tab, CR, LF (and CRLF) into one space. Characters
 * produced by references are never normalised. Only called when the run holds `&` or a character to normalise.
 */
export function decodeCharData(text: string, start: number, end: number, attribute: boolean, fail: Fail): string {
  let out = '';
  let segment = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x26) {
      out += text.slice(segment, i);
      const semi = text.indexOf(';', i + 1);
      if (semi < 0 || semi >= end) fail(i, "'&' must start a reference such as &amp; (missing ';')");
      out += decodeReference(text, i, semi, fail);
      i = semi;
      segment = semi + 1;
    } else if (c === 0x0d) {
      out += text.slice(segment, i) + (attribute ? ' ' : '\n');
      if (i + 1 < end && text.charCodeAt(i + 1) === 0x0a) i++;
      segment = i + 1;
    } else if (attribute && (c === 0x0a || c === 0x09)) {
      out += text.slice(segment, i) + ' ';
      segment = i + 1;
    }
  }
  return segment === start ? text.slice(start, end) : out + text.slice(segment, end);
}

/** The replacement of the reference `text[amp, semi]` (`&name;`, `&#123;` or `&#x1F;`), checked (section 4.1). */
function decodeReference(text: string, amp: number, semi: number, fail: Fail): string {
  if (text.charCodeAt(amp + 1) === 0x23) {
    const hex = text.charCodeAt(amp + 2) === 0x78;
    const digits = text.slice(amp + (hex ? 3 : 2), semi);
    if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      fail(amp, `malformed character reference '${text.slice(amp, semi + 1)}'`);
    }
    // Leading zeros are allowed; past 8 significant digits the value is out of range anyway.
    const significant = digits.replace(/^0+(?=.)/, '');
    const code = significant.length > 8 ? Number.POSITIVE_INFINITY : Number.parseInt(significant, hex ? 16 : 10);
    if (!isXmlCharCodePoint(code)) {
      fail(amp, `character reference '${text.slice(amp, semi + 1)}' does not name a legal XML character`);
    }
    return String.fromCodePoint(code);
  }
  const name = text.slice(amp + 1, semi);
  const value = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  if (value === undefined) {
    if (/^[A-Za-z_:][\w.:-]*$/.test(name)) {
      fail(amp, `undefined entity '&${name};' (only &lt; &gt; &amp; &quot; &apos; and character references exist)`);
    }
    fail(amp, "'&' must start a reference such as &amp;");
  }
  return value;
}
