/**
 * Character-level helpers shared by the value handlers: whiteSpace processing (XML Schema Part 2, section
 * 4.3.6) and the XML name productions (XML 1.0 fifth edition, section 2.3). Written as charCode loops because
 * they run on every decoded value.
 */

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

// XML 1.0 (fifth edition) section 2.3, production [4] NameStartChar. Surrogates are accepted as a pair's halves.
function isNameStartChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

// Production [4a] NameChar.
function isNameChar(c: number): boolean {
  if (isNameStartChar(c)) return true;
  return (
    c === 0x2d ||
    c === 0x2e ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0xb7 ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x203f && c <= 0x2040)
  );
}

/** XML 1.0 production [5] Name. */
export function isName(s: string): boolean {
  if (s.length === 0 || !isNameStartChar(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}

/** Namespaces in XML production [4] NCName: a Name without colons. */
export function isNCName(s: string): boolean {
  return isName(s) && s.indexOf(':') < 0;
}

/** XML 1.0 production [7] Nmtoken. */
export function isNmtoken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
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
