/**
 * The text emitter of the code generator: TypeScript source built line by line, with the quoting rules for
 * string literals, property keys and doc comments in one place. Nothing here knows about schemas; the
 * generator decides what to write and in which (deterministic) order.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A single-quoted TypeScript string literal (also a string-literal type). */
export function quote(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}'`;
}

/** A property key as written in an interface or object literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** Text made safe inside a `/** ... *\/` comment (no comment terminator, one line per source line). */
export function commentLines(text: string): string[] {
  return text
    .replace(/\*\//g, '*\\/')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1));
}

/** Builds a source file: lines with the current indentation, doc comments, blank lines between blocks. */
export class SourceWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** Appends one line at the current indentation (an empty string gives an empty line). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  /** A `/** ... *\/` block; nothing when the text is empty. */
  doc(text: string | undefined): this {
    const lines = text === undefined ? [] : commentLines(text.trim());
    if (lines.length === 0) return this;
    if (lines.length === 1) return this.line(`/** ${lines[0]} */`);
    this.line('/**');
    for (const l of lines) this.line(l === '' ? ' *' : ` * ${l}`);
    return this.line(' */');
  }

  /** Writes `open`, the body one level deeper, then `close`. */
  block(open: string, body: () => void, close = '}'): this {
    this.line(open);
    this.depth++;
    body();
    this.depth--;
    return this.line(close);
  }

  /** The file's text, ending with one newline. */
  toString(): string {
    const text = this.lines.join('\n').replace(/\n{3,}/g, '\n\n');
    return `${text.trimEnd()}\n`;
  }
}
