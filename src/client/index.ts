/** The client layer: createClient and its options. */
export { type Client, createClient, type OperationMethod, type RawCallResult, SoapClient } from './client.js';
export { defaultCacheDir, type LoadedModel, loadModel } from './model-source.js';
export {
  type CallOptions,
  type ClientOptions,
  ClientOptionsError,
  type EnvelopeEvent,
  type SoapHeaderBlock,
} from './options.js';
export type { CallAdditions, CallInfo, CallPlugin } from './plugin.js';
export { ResponseError } from './response.js';
