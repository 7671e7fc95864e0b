/** Errors of the Crowd emulator's own set-up (a bad data file, a bad option); request problems become SOAP faults. */
import { SoapstackError } from '../../errors.js';

/** The stable codes a `CrowdEmulatorError` carries. */
export type CrowdEmulatorErrorCode = 'CROWD_DATA_INVALID' | 'CROWD_EMULATOR_OPTIONS';

/** A directory data file that does not follow the documented format, or an emulator option out of range. */
export class CrowdEmulatorError extends SoapstackError {
  declare readonly code: CrowdEmulatorErrorCode;
  constructor(code: CrowdEmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** True when `value` is a `CrowdEmulatorError`. */
export function isCrowdEmulatorError(value: unknown): value is CrowdEmulatorError {
  return value instanceof CrowdEmulatorError;
}
