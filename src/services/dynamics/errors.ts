/**
 * The Dynamics client's errors. A fault from the Organization service becomes a `DynamicsError` carrying
 * the `OrganizationServiceFault`'s ErrorCode and Message (the SoapFault kept as `cause`); a value the client
 * cannot put on the wire is a `DynamicsValueError`, raised before anything is sent.
 */
import { SoapstackError } from '../../errors.js';
import { SoapFault } from '../../soap/fault.js';

/** The decoded `OrganizationServiceFault` (detail of every Organization service fault). */
export interface OrganizationServiceFault {
  ErrorCode?: number;
  Message?: string | null;
  Timestamp?: Date;
  TraceText?: string | null;
  InnerFault?: OrganizationServiceFault | null;
}

/** A fault of the Organization service. */
export class DynamicsError extends SoapstackError {
  declare readonly code: 'DYNAMICS_FAULT';
  /** The fault's ErrorCode (e.g. -2147217149), when the server sent an OrganizationServiceFault. */
  declare readonly errorCode?: number;
  /** The ErrorCode as the SDK documents it, `0x80040217`-style hex (when known). */
  declare readonly errorCodeHex?: string;
  /** The server's trace text, when it sent one. */
  declare readonly traceText?: string;
  /** The inner fault, when the server nested one. */
  declare readonly innerFault?: DynamicsError;

  constructor(message: string, detail: OrganizationServiceFault | undefined, options?: { cause?: unknown }) {
    super('DYNAMICS_FAULT', message, options);
    if (typeof detail?.ErrorCode === 'number') {
      this.errorCode = detail.ErrorCode;
      this.errorCodeHex = `0x${(detail.ErrorCode >>> 0).toString(16).padStart(8, '0')}`;
    }
    if (typeof detail?.TraceText === 'string') this.traceText = detail.TraceText;
    if (detail?.InnerFault) this.innerFault = DynamicsError.fromDetail(detail.InnerFault);
  }

  /** A DynamicsError from a decoded OrganizationServiceFault (an ExecuteMultiple item, an inner fault). */
  static fromDetail(detail: OrganizationServiceFault, cause?: unknown): DynamicsError {
    const message = detail.Message || `Organization service fault ${detail.ErrorCode ?? ''}`.trim();
    return new DynamicsError(message, detail, cause === undefined ? undefined : { cause });
  }
}

/** True when `value` is a DynamicsError (optionally with the given ErrorCode). */
export function isDynamicsError(value: unknown, errorCode?: number): value is DynamicsError {
  return value instanceof DynamicsError && (errorCode === undefined || value.errorCode === errorCode);
}

/** A value or query the client cannot write (a bad GUID, a decimal with letters, an unknown operator). */
export class DynamicsValueError extends SoapstackError {
  declare readonly code: 'DYNAMICS_VALUE_INVALID';
  constructor(message: string) {
    super('DYNAMICS_VALUE_INVALID', message);
  }
}

/** Options of the Dynamics client that do not fit together (checked by `createDynamicsClient`). */
export class DynamicsOptionsError extends SoapstackError {
  declare readonly code: 'DYNAMICS_OPTIONS_INVALID';
  constructor(message: string) {
    super('DYNAMICS_OPTIONS_INVALID', message);
  }
}

/** Turns a SoapFault from the Organization service into a DynamicsError; other errors pass unchanged. */
export function toDynamicsError(error: unknown): unknown {
  if (!(error instanceof SoapFault)) return error;
  const detail = isFaultDetail(error.decodedDetail) ? error.decodedDetail : undefined;
  return new DynamicsError(detail?.Message || error.reason, detail, { cause: error });
}

function isFaultDetail(value: unknown): value is OrganizationServiceFault {
  return typeof value === 'object' && value !== null && ('ErrorCode' in value || 'Message' in value);
}
