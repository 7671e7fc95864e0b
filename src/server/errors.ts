/** Errors raised while configuring a SOAP server (never while answering a request: those become faults). */
import { SoapstackError } from '../errors.js';

/** The stable codes a `ServerError` carries. */
export type ServerErrorCode =
  | 'SERVER_OPTIONS_INVALID'
  | 'SERVER_SERVICE_NOT_FOUND'
  | 'SERVER_PATH_CONFLICT'
  | 'SERVER_UNKNOWN_OPERATION'
  | 'SERVER_NOT_LISTENING'
  | 'SERVER_WSDL_UNAVAILABLE';

/**
 * A server that cannot be built or started as asked: a bad option, a service or port the model lacks, two
 * ports claiming one path and SOAP version, a handler for an operation the port does not have.
 */
export class ServerError extends SoapstackError {
  declare readonly code: ServerErrorCode;
  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
