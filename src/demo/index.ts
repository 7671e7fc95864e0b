/** The demo (`soapstack demo`, `npm start`): soapstack's reference flows against its emulators, as a transcript. */
export { CROWD_DEMO, runCrowdFlow } from './crowd-flow.js';
export {
  type DemoDynamicsEmulator,
  DYNAMICS_DEMO,
  findDynamicsEmulator,
  type StartDynamicsEmulator,
} from './dynamics-emulator.js';
export { DEMO_ACCOUNT, runDynamicsFlow } from './dynamics-flow.js';
export { type DemoOptions, runDemo } from './run.js';
export { SecretRegistry, secretPartsOfToken } from './secrets.js';
export { type ObservedSignIn, type SignInEndpoints, SignInObserver } from './sign-in-observer.js';
export { DemoStepError, describeError, type LineWriter, Transcript } from './transcript.js';
