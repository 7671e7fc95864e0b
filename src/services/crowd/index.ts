/** Crowd's SecurityServer: the typed client, its errors and its value shapes. */
export { CrowdClient } from './client.js';
export { createCrowdClient } from './create.js';
export {
  CROWD_EXCEPTIONS,
  CROWD_UNKNOWN_FAULT,
  CrowdError,
  type CrowdErrorCode,
  type CrowdExceptionName,
  codeOfException,
  exceptionOfFault,
  isCrowdError,
  SECURITY_SERVER_NS,
  toCrowdError,
} from './errors.js';
export type { CrowdClientOptions } from './options.js';
export { CrowdResponseError } from './session.js';
export { type AcquireToken, ApplicationTokenCache } from './token.js';
export type * from './types.js';
export type { CrowdWireProfile } from './wire-profile.js';
