/** Errors of the Dynamics emulator's own set-up (a bad data file, a bad option); request problems become SOAP faults. */
import { SoapstackError } from '../../errors.js';

/** The stable codes a `DynamicsEmulatorError` carries. */
export type DynamicsEmulatorErrorCode = 'DYNAMICS_DATA_INVALID' | 'DYNAMICS_EMULATOR_OPTIONS';

/** A data file that does not follow the documented format, or an emulator option out of range. */
export class DynamicsEmulatorError extends SoapstackError {
  declare readonly code: DynamicsEmulatorErrorCode;
  constructor(code: DynamicsEmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** True when `value` is a `DynamicsEmulatorError`. */
export function isDynamicsEmulatorError(value: unknown): value is DynamicsEmulatorError {
  return value instanceof DynamicsEmulatorError;
}
