/**
 * The input side of the reader: the buffer that chunks are appended to, what is consumed of it, the size and
 * text limits, and errors with their positions. `XmlReader` (reader.ts) scans tokens on top of it.
 */
import { SoapstackError, type SourcePosition } from '../errors.js';
import { describeChar, NOT_XML_CHAR } from './chars.js';
import { XmlLimitError, XmlSyntaxError } from './errors.js';
import { countLines, type LineState } from './position.js';
import { DEFAULT_XML_LIMITS, type XmlLimits, type XmlReadOptions } from './types.js';

/** What a scanning method returns when its token runs past the end of the buffer and more input may come. */
export const INCOMPLETE = -1;

/** Markup pending longer than this is rescanned only once the buffer has doubled (or at close). */
const RESCAN_ON_GT_LIMIT = 4096;

/** A limit from the options, or its default; an absent (undefined) limit never turns the check off. */
export function limitOption(options: XmlReadOptions, name: keyof XmlLimits): number {
  const value = options.limits?.[name] ?? DEFAULT_XML_LIMITS[name];
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new SoapstackError('XML_INVALID_OPTIONS', `limits.${name} must be a number >= 0, not ${String(value)}`);
  }
  return value;
}

/**
 * Buffers pushed input for a scanner. A token cut by a chunk boundary stays in the buffer and is scanned again when
 * more input arrives; markup waits until a chunk brings a `>` or the pending part has doubled, so that a hostile
 * sender cannot make rescanning quadratic.
 */
export abstract class ReaderInput {
  protected readonly source: string;
  protected readonly maxSize: number;
  protected readonly maxTextLength: number;

  /** Input not yet consumed; `buf[0]` is at absolute offset `base`. */
  protected buf = '';
  protected pos = 0;
  protected base = 0;
  /** True once `close` has been called: running out of input is then an error. */
  protected final = false;
  /** Length of the incomplete markup left at `pos` by the last scan (0 when none). */
  protected pendingMarkup = 0;
  private received = 0;
  private state: 'open' | 'closed' | 'failed' = 'open';
  /** Line count up to `base`, for positions in messages. */
  private readonly lines: LineState = { line: 1, lineStart: 0 };

  /** Reports `problem` at `offset` of the buffer as a syntax error; for helpers that take a callback. */
  protected readonly failAt = (offset: number, problem: string): never => this.fail(offset, problem);

  constructor(options: XmlReadOptions) {
    this.source = options.source ?? '<input>';
    this.maxSize = limitOption(options, 'maxSize');
    this.maxTextLength = limitOption(options, 'maxTextLength');
  }

  /** Consumes every complete token in `buf` from `pos` (every token, when `final`). */
  protected abstract scan(): void;

  /** Checks, once the input has ended and been scanned, that the document is complete. */
  protected abstract finish(): void;

  /** Reads the next chunk of the document. */
  write(chunk: string): this {
    this.checkUsable();
    try {
      if (this.pos > 0) {
        countLines(this.buf, 0, this.pos, this.base, this.lines);
        this.buf = this.buf.slice(this.pos) + chunk;
        this.base += this.pos;
        this.pos = 0;
      } else {
        this.buf += chunk;
      }
      this.received += chunk.length;
      if (this.received > this.maxSize) {
        this.limit('maxSize', this.maxSize - this.base, `document longer than ${this.maxSize} characters`);
      }
      if (this.pendingMarkup > 0) {
        // Markup cut by the previous chunk can only be complete once a '>' has arrived.
        const pending = this.buf.length - this.pos;
        const worth =
          pending >= 2 * this.pendingMarkup || (this.pendingMarkup <= RESCAN_ON_GT_LIMIT && chunk.includes('>'));
        if (!worth) return this;
      }
      this.scan();
    } catch (error) {
      this.state = 'failed';
      throw error;
    }
    return this;
  }

  /** Ends the document: reads what is left and checks that the root element is complete. */
  close(): void {
    this.checkUsable();
    try {
      this.final = true;
      this.scan();
      this.finish();
      this.state = 'closed';
    } catch (error) {
      this.state = 'failed';
      throw error;
    }
  }

  private checkUsable(): void {
    if (this.state !== 'open') {
      throw new SoapstackError(
        'XML_READER_STATE',
        `${this.source}: the reader is ${this.state === 'closed' ? 'closed' : 'stopped by an error'}`,
      );
    }
  }

  /** Checks `buf[from, to)` for characters that are not XML Chars (comments, PIs, CDATA sections). */
  protected checkChars(from: number, to: number): void {
    const match = NOT_XML_CHAR.exec(this.buf.slice(from, to));
    if (match) {
      this.fail(from + match.index, `character ${describeChar(this.buf, from + match.index)} is not allowed in XML`);
    }
  }

  /** A token runs past the end of the buffer: wait for more input, or fail when there is none. */
  protected needMore(tokenStart: number, what: string): number {
    if (this.final) this.fail(tokenStart, `unexpected end of input in ${what}`);
    return INCOMPLETE;
  }

  /** Raises the text-length limit error for a run of text at `at`. */
  protected textTooLong(at: number): never {
    return this.limit('maxTextLength', at, `text longer than ${this.maxTextLength} characters`);
  }

  /** Raises the text-length limit error for an attribute value at `at`. */
  protected valueTooLong(at: number): never {
    return this.limit('maxTextLength', at, `attribute value longer than ${this.maxTextLength} characters`);
  }

  /** Raises `XmlLimitError` naming the limit, with the position of `offset`. */
  protected limit(limit: keyof XmlLimits, offset: number, problem: string): never {
    throw new XmlLimitError(limit, problem, this.position(offset));
  }

  /** Raises `XmlSyntaxError` with the position of `offset`. */
  protected fail(offset: number, problem: string): never {
    throw new XmlSyntaxError(problem, this.position(offset));
  }

  /** The position of `buf[offset]` (offset may run past the buffer, for the size limit). */
  protected position(offset: number): SourcePosition {
    const state: LineState = { line: this.lines.line, lineStart: this.lines.lineStart };
    countLines(this.buf, 0, Math.min(offset, this.buf.length), this.base, state);
    return { source: this.source, line: state.line, column: this.base + offset - state.lineStart + 1 };
  }
}
