/** The `soapstack/crowd` entry point: a typed client for Atlassian Crowd's SecurityServer SOAP API. */
export * from './services/crowd/index.js';
