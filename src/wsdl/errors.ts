/**
 * Errors of the WSDL layer:
 * - `WSDL_INVALID`: a document that is not WSDL 1.1, or a reference (message, portType, binding, part element)
 *   that names nothing; the message starts with `file:line:column:`;
 * - `WSDL_IMPORT_FORBIDDEN`: an import from an origin the options do not allow (the SSRF rule);
 * - `DOCUMENT_LOAD_FAILED`: a document that could not be read or fetched;
 * - `WSDL_CACHE_INVALID`: a cached compiled model that is not in the expected format (it is then ignored).
 */
import { formatPosition, SoapstackError, type SourcePosition } from '../errors.js';

/** The stable codes of a `WsdlError`. */
export type WsdlErrorCode = 'WSDL_INVALID' | 'WSDL_IMPORT_FORBIDDEN' | 'DOCUMENT_LOAD_FAILED' | 'WSDL_CACHE_INVALID';

/** A WSDL that cannot be loaded or compiled. */
export class WsdlError extends SoapstackError {
  override readonly code: WsdlErrorCode;
  readonly position?: SourcePosition;
  /** The document location concerned (the one that failed to load, or the forbidden import). */
  readonly location?: string;

  constructor(
    code: WsdlErrorCode,
    message: string,
    details: { position?: SourcePosition; location?: string; cause?: unknown } = {},
  ) {
    const where = formatPosition(details.position);
    super(code, where ? `${where}: ${message}` : message, details.cause === undefined ? {} : { cause: details.cause });
    this.code = code;
    if (details.position) this.position = details.position;
    if (details.location !== undefined) this.location = details.location;
  }
}
