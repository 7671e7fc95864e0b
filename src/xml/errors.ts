/**
 * The XML layer's errors. Each one carries the position of the problem in its source and a message of the form
 * `<source>:<line>:<column>: <problem>`; the position is computed from the offset only when an error is raised.
 */
import { formatPosition, SoapstackError, type SourcePosition } from '../errors.js';
import type { XmlLimits } from './types.js';

/** Base of the positioned XML errors: a problem, and where it is. */
export abstract class XmlError extends SoapstackError {
  /** Where the problem is (1-based line and column, counted in UTF-16 code units). */
  readonly position: SourcePosition;
  /** The problem in words, without the position. */
  readonly problem: string;

  constructor(code: string, problem: string, position: SourcePosition, options?: { cause?: unknown }) {
    super(code, `${formatPosition(position)}: ${problem}`, options);
    this.position = position;
    this.problem = problem;
  }
}

/** The input is not well-formed XML 1.0 with namespaces (or cannot be decoded). */
export class XmlSyntaxError extends XmlError {
  declare readonly code: 'XML_SYNTAX';

  constructor(problem: string, position: SourcePosition, options?: { cause?: unknown }) {
    super('XML_SYNTAX', problem, position, options);
  }
}

/** The input passed one of the reader's limits (`limit` names which); reading stopped there. */
export class XmlLimitError extends XmlError {
  declare readonly code: 'XML_LIMIT_EXCEEDED';
  /** The limit that was passed. */
  readonly limit: keyof XmlLimits;

  constructor(limit: keyof XmlLimits, problem: string, position: SourcePosition) {
    super('XML_LIMIT_EXCEEDED', `${problem} (limit ${limit})`, position);
    this.limit = limit;
  }
}

/**
 * The input has a document type declaration (or another DTD declaration). It is refused before anything in it is
 * read, so entity expansion and external entities can never happen.
 */
export class XmlForbiddenError extends XmlError {
  declare readonly code: 'XML_DOCTYPE_FORBIDDEN';

  constructor(problem: string, position: SourcePosition) {
    super('XML_DOCTYPE_FORBIDDEN', problem, position);
  }
}
