/**
 * Line and column of an offset, computed only when a position is needed (an error, a helper call). Line ends are
 * counted as XML counts them (section 2.11): LF, CRLF and a lone CR each end one line.
 */
import type { SourcePosition } from '../errors.js';
import type { XmlDocument } from './types.js';

/** A running count: the current line number and the offset at which it starts. */
export interface LineState {
  line: number;
  lineStart: number;
}

/**
 * Advances `state` over `text[from, to)`; offsets recorded in `state.lineStart` are `shift` + the index in `text`
 * (so a streaming reader can count in absolute offsets over a buffer that starts mid-document).
 */
export function countLines(text: string, from: number, to: number, shift: number, state: LineState): void {
  const cr = text.indexOf('\r', from);
  if (cr < 0 || cr >= to) {
    // The common case, no CR at all: let indexOf find the LFs.
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      state.line++;
      state.lineStart = shift + i + 1;
    }
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      state.line++;
      state.lineStart = shift + i + 1;
    }
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function positionIn(text: string, offset: number, source: string): SourcePosition {
  const state: LineState = { line: 1, lineStart: 0 };
  countLines(text, 0, Math.min(offset, text.length), 0, state);
  return { source, line: state.line, column: offset - state.lineStart + 1 };
}

/** The source position of an offset into a parsed document's text (for example an element's `start`). */
export function positionOf(doc: XmlDocument, offset: number): SourcePosition {
  return positionIn(doc.text, offset, doc.source);
}
