/** The emulators (`soapstack/emulators`): local stand-ins for the services soapstack talks to. */
export * from './crowd/index.js';
export * from './dynamics/index.js';
