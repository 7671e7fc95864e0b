/** The `soapstack/dynamics` entry point: a typed client for the Dynamics CRM Organization service. */
export * from './services/dynamics/index.js';
