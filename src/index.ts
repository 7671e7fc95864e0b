/**
 * soapstack: load a WSDL, call its operations with typed values, host or mock a service, sign in the way the
 * service wants. This entry point exports the general toolkit; the Dynamics and Crowd clients and the
 * emulators have their own entry points (`soapstack/dynamics`, `soapstack/crowd`, `soapstack/emulators`).
 */
export * from './auth/index.js';
export * from './client/index.js';
export { type GenerateOptions, generateClient } from './codegen/index.js';
export { formatPosition, isSoapstackError, SoapstackError, type SourcePosition } from './errors.js';
export * from './mock/index.js';
export * from './server/index.js';
export * from './soap/index.js';
export * from './transport/index.js';
export * from './ws/index.js';
export * from './wsdl/index.js';
export * from './xml/index.js';
export * from './xsd/codec/index.js';
export type * from './xsd/model.js';
