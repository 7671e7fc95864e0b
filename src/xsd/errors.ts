/**
 * Errors of the schema layer. One class, `SchemaError`, with a stable code per problem:
 * - `XSD_UNRESOLVED_REFERENCE`: a QName (type, element, attribute, group, attributeGroup, base, itemType,
 *   memberTypes, substitutionGroup) names no component of the schema set;
 * - `XSD_INVALID`: a schema document that is not a schema, or a construct that breaks the schema grammar.
 */
import { formatPosition, SoapstackError, type SourcePosition } from '../errors.js';

export type SchemaErrorCode = 'XSD_UNRESOLVED_REFERENCE' | 'XSD_INVALID';

/** One problem found while reading or resolving schemas, before it is rendered into words. */
export interface SchemaIssue {
  readonly code: SchemaErrorCode;
  /** The problem, without the position. */
  readonly message: string;
  readonly position?: SourcePosition;
  /** For unresolved references: the Clark key that names nothing. */
  readonly reference?: string;
}

/** A schema that cannot be read or resolved; the message starts with `file:line:column:` when known. */
export class SchemaError extends SoapstackError {
  override readonly code: SchemaErrorCode;
  readonly position?: SourcePosition;
  readonly reference?: string;

  constructor(issue: SchemaIssue, options?: { cause?: unknown }) {
    super(issue.code, renderIssue(issue), options);
    this.code = issue.code;
    if (issue.position) this.position = issue.position;
    if (issue.reference !== undefined) this.reference = issue.reference;
  }
}

/** Renders an issue as `file:line:column: message`. */
export function renderIssue(issue: SchemaIssue): string {
  const where = formatPosition(issue.position);
  return where ? `${where}: ${issue.message}` : issue.message;
}
