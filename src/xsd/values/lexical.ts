/**
 * Character-level helpers shared by the value handlers: whiteSpace processing (XML Schema Part 2, section
 * 4.3.6) and the XML name productions (XML 1.0 fifth edition, section 2.3). Written as charCode loops because
 * they run on every decoded value. The name character classes are the XML reader's own.
 */
import { isNameCodePoint, isNameStartCodePoint } from '../../xml/chars.js';

/** XML whitespace: space, tab, line feed, carriage return (XML 1.0, production [3] S). */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** `whiteSpace="replace"`: every tab, line feed and carriage return becomes a space. */
export function replaceWhitespace(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return s.replace(/[\t\n\r]/g, ' ');
  }
  return s;
}

/** `whiteSpace="collapse"`: replace, then squeeze runs of spaces to one and trim both ends. */
export function collapseWhitespace(s: string): string {
  const n = s.length;
  let previousSpace = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return collapseSlow(s);
      previousSpace = true;
    } else if (c === 0x09 || c === 0x0a || c === 0x0d) {
      return collapseSlow(s);
    } else {
      previousSpace = false;
    }
  }
  return previousSpace && n > 0 ? collapseSlow(s) : s;
}

function collapseSlow(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isXmlSpace(c)) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += s[i];
    }
  }
  return out;
}

/** True when `s` is only XML whitespace (or empty). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isXmlSpace(s.charCodeAt(i))) return false;
  return true;
}

/** True for an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** XML 1.0 production [5] Name (the character classes are the XML reader's, applied per code point). */
export function isName(s: string): boolean {
  if (s.length === 0) return false;
  let first = true;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (first ? !isNameStartCodePoint(c) : !isNameCodePoint(c)) return false;
    first = false;
  }
  return true;
}

/** Namespaces in XML production [4] NCName: a Name without colons. */
export function isNCName(s: string): boolean {
  return isName(s) && s.indexOf(':') < 0;
}

/** XML 1.0 production [7] Nmtoken. */
export function isNmtoken(s: string): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!isNameCodePoint(ch.codePointAt(0)!)) return false;
  return true;
}

/** The lexical space of xs:language (Part 2, section 3.3.3): `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`. */
export function isLanguage(s: string): boolean {
  let run = 0;
  let first = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2d) {
      if (run === 0) return false;
      run = 0;
      first = false;
      continue;
    }
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
    if (!letter && (first || !isDigit(c))) return false;
    if (++run > 8) return false;
  }
  return run > 0;
}

/** Counts characters as XML Schema does (Unicode code points, not UTF-16 units), for the length facets. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
