/** The mock: sample values for any schema type, and a server answering every operation of a WSDL. */
export { createMockServer, type MockServerOptions } from './mock-server.js';
export { recordedResponse } from './recorded.js';
export { sampleElement, sampleMessage, sampleValue } from './sample.js';
