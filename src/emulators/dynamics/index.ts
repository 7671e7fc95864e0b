/** The Dynamics CRM emulator: security token services, an OAuth token endpoint and the Organization service over an entity store. */
export { Accounts } from './accounts.js';
export {
  type DynamicsAssociationData,
  type DynamicsData,
  type DynamicsOAuthClientData,
  type DynamicsOrganizationData,
  type DynamicsUserData,
  hashDynamicsData,
  loadDynamicsData,
  parseDynamicsData,
  type StoredRecord,
  type StoredReference,
  type StoredValue,
} from './data.js';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  defaultDynamicsData,
} from './default-data.js';
export {
  ATTRIBUTE_TYPES,
  type AttributeDefinition,
  type AttributeType,
  DEFAULT_ENTITIES,
  DEFAULT_RELATIONSHIPS,
  type EntityDefinition,
  type OptionDefinition,
  type RelationshipDefinition,
} from './definitions.js';
export {
  DEFAULT_TOKEN_TTL,
  DYNAMICS_PATHS,
  type DynamicsEmulator,
  type DynamicsEmulatorOptions,
  startDynamicsEmulator,
} from './emulator.js';
export { DynamicsEmulatorError, type DynamicsEmulatorErrorCode, isDynamicsEmulatorError } from './errors.js';
export { EXECUTE_MESSAGES, MAX_BATCH } from './execute.js';
export { ERROR_CODES, OrganizationFault } from './faults.js';
export { FETCH_OPERATORS } from './fetch-xml.js';
export { WCF_SECURITY_REASON } from './security.js';
export { type AttributeInput, EntityStore, type EntityStoreOptions } from './store.js';
export type { TokenSubject } from './tokens.js';
