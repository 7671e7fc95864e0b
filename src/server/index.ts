/** The server layer: host WSDL services on node:http with the same codecs as the client; serve `?wsdl`. */
export type { Answer } from './answer.js';
export { type HeaderVerifier, type OperationHandler, RawResponse, type RequestContext } from './context.js';
export { DeclaredFault, type DeclaredFaultOptions, isDeclaredFault } from './declared-fault.js';
export type { ServiceOptions } from './endpoint.js';
export { ServerError, type ServerErrorCode } from './errors.js';
export { DEFAULT_MAX_REQUEST_SIZE, type ServerLogEntry, type SoapServerOptions } from './options.js';
export { createSoapServer, type HostedPort, SoapServer } from './soap-server.js';
export type { WsdlSourceOptions } from './wsdl-documents.js';
