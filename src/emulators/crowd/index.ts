/** The Crowd emulator: an emulated Atlassian Crowd SecurityServer (SOAP, Crowd 2.0.5 WSDL) over a JSON directory. */
export {
  type CrowdApplicationData,
  type CrowdAttributesData,
  type CrowdDirectoryData,
  type CrowdGroupData,
  type CrowdPrincipalData,
  type CrowdSettingsData,
  hashCrowdData,
  loadCrowdData,
  parseCrowdData,
} from './data.js';
export { defaultCrowdData } from './default-data.js';
export {
  type CrowdApplication,
  CrowdDirectory,
  type CrowdDirectoryOptions,
  type CrowdGroup,
  type CrowdPrincipal,
  type CrowdSettings,
  type GroupKind,
} from './directory.js';
export { type CrowdEmulator, type CrowdEmulatorOptions, startCrowdEmulator } from './emulator.js';
export { CrowdEmulatorError, type CrowdEmulatorErrorCode, isCrowdEmulatorError } from './errors.js';
export type { CrowdExceptionName } from './faults.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { SEARCH_KEYS } from './search.js';
export {
  addCrowdService,
  CROWD_EMULATED_OPERATIONS,
  CROWD_SERVICE_PATH,
  type CrowdService,
  type CrowdServiceOptions,
  createCrowdService,
  crowdHandlers,
} from './service.js';
export type { IssuedToken, TokenStore, ValidationFactor } from './tokens.js';
