/**
 * xs:base64Binary (RFC 2045 alphabet, XML Schema Part 2, section 3.2.16) and xs:hexBinary (section 3.2.15),
 * both decoded to `Buffer`. Node's own decoders are lenient, so the lexical form is checked first.
 */

function isBase64Char(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/** Decodes base64 text (spaces between characters allowed, as the collapsed lexical form permits). */
export function parseBase64(s: string): Buffer | undefined {
  let count = 0;
  let padding = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) continue;
    if (c === 0x3d /* = */) {
      padding++;
    } else if (padding > 0 || !isBase64Char(c)) {
      return undefined;
    }
    count++;
  }
  if (count % 4 !== 0 || padding > 2) return undefined;
  return Buffer.from(s, 'base64');
}

/** Decodes hex text (an even number of hex digits, either case). */
export function parseHex(s: string): Buffer | undefined {
  if (s.length % 2 !== 0) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return undefined;
  }
  return Buffer.from(s, 'hex');
}

/** The bytes of a Buffer, Uint8Array or ArrayBuffer, or undefined for anything else. */
export function toBytes(value: unknown): Buffer | undefined {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  return undefined;
}
