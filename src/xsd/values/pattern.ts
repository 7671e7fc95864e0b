/**
 * The `pattern` facet (XML Schema Part 2, section 4.3.4 and Appendix F): XML Schema regular expressions are
 * translated to ECMAScript ones with the `u` flag. The differences handled: patterns are implicitly anchored;
 * `^` and `$` are ordinary characters; `\i`, `\c` and their complements are the XML name classes; `\d` and
 * `\w` are Unicode classes; character class subtraction `[a-z-[aeiou]]` becomes a lookahead; a few `\p{IsBlock}`
 * block escapes are mapped to ranges. A pattern that cannot be translated is reported as `undefined` and not
 * enforced (the caller documents this), rather than rejecting valid data.
 */

const NAME_START =
  'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const BLOCKS: Record<string, string> = {
  BasicLatin: '\\u0000-\\u007F',
  'Latin-1Supplement': '\\u0080-\\u00FF',
  LatinExtended: '\\u0100-\\u024F',
  'LatinExtended-A': '\\u0100-\\u017F',
  'LatinExtended-B': '\\u0180-\\u024F',
  Greek: '\\u0370-\\u03FF',
  Cyrillic: '\\u0400-\\u04FF',
  Hebrew: '\\u0590-\\u05FF',
  Arabic: '\\u0600-\\u06FF',
  CJKUnifiedIdeographs: '\\u4E00-\\u9FFF',
};

class Untranslatable extends Error {}

/** Translates one XML Schema pattern to an anchored RegExp, or returns undefined when it cannot. */
export function compilePattern(pattern: string): RegExp | undefined {
  try {
    const translator = new Translator(pattern);
    return new RegExp(`^(?:${translator.branch(false)})$`, 'u');
  } catch {
    return undefined;
  }
}

class Translator {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Translates up to the end (or the `)` closing a group when `nested`). */
  branch(nested: boolean): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === ')') {
        if (!nested) throw new Untranslatable();
        return out;
      }
      this.pos++;
      if (c === '(') {
        out += `(?:${this.branch(true)})`;
        if (this.src[this.pos++] !== ')') throw new Untranslatable();
      } else if (c === '[') out += this.charClass();
      else if (c === '\\') out += this.escape(false);
      else if (c === '^' || c === '$') out += `\\${c}`;
      else out += c;
    }
    if (nested) throw new Untranslatable();
    return out;
  }

  /** `[...]`, `[^...]` and `[...-[...]]` (subtraction, rendered as a negative lookahead). */
  private charClass(): string {
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    let body = '';
    let subtract: string | undefined;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++]!;
      if (c === ']') {
        const positive = `[${negated ? '^' : ''}${body}]`;
        return subtract === undefined ? positive : `(?:(?!${subtract})${positive})`;
      }
      if (c === '-' && this.src[this.pos] === '[') {
        this.pos++;
        subtract = this.charClass();
        if (this.src[this.pos] !== ']') throw new Untranslatable();
        continue;
      }
      if (c === '\\') body += this.escape(true);
      else if (c === '[' || c === '/') body += `\\${c}`;
      else body += c;
    }
    throw new Untranslatable();
  }

  private escape(inClass: boolean): string {
    const c = this.src[this.pos++];
    switch (c) {
      case 'n':
      case 'r':
      case 't':
        return `\\${c}`;
      case 'i':
        return inClass ? NAME_START : `[${NAME_START}]`;
      case 'c':
        return inClass ? NAME_CHAR : `[${NAME_CHAR}]`;
      case 'I':
      case 'C':
        if (inClass) throw new Untranslatable();
        return `[^${c === 'I' ? NAME_START : NAME_CHAR}]`;
      case 'd':
        return '\\p{Nd}';
      case 'D':
        return '\\P{Nd}';
      case 's':
        return inClass ? ' \\t\\n\\r' : '[ \\t\\n\\r]';
      case 'S':
        if (inClass) throw new Untranslatable();
        return '[^ \\t\\n\\r]';
      case 'w':
        // Appendix F: all characters except punctuation, separators and "other".
        if (inClass) throw new Untranslatable();
        return '[^\\p{P}\\p{Z}\\p{C}]';
      case 'W':
        return inClass ? '\\p{P}\\p{Z}\\p{C}' : '[\\p{P}\\p{Z}\\p{C}]';
      case 'p':
      case 'P':
        return this.property(c, inClass);
      case undefined:
        throw new Untranslatable();
      default:
        // Single-character escapes: \\ \| \. \- \^ \? \* \+ \{ \} \( \) \[ \]
        if ('\\|.-^?*+{}()[]$/'.includes(c)) return c === '-' && !inClass ? '-' : `\\${c}`;
        throw new Untranslatable();
    }
  }

  private property(c: 'p' | 'P', inClass: boolean): string {
    if (this.src[this.pos++] !== '{') throw new Untranslatable();
    const close = this.src.indexOf('}', this.pos);
    if (close < 0) throw new Untranslatable();
    const name = this.src.slice(this.pos, close);
    this.pos = close + 1;
    if (!name.startsWith('Is')) return `\\${c}{${name}}`;
    const range = BLOCKS[name.slice(2)];
    if (range === undefined) throw new Untranslatable();
    if (c === 'p') return inClass ? range : `[${range}]`;
    if (inClass) throw new Untranslatable();
    return `[^${range}]`;
  }
}
