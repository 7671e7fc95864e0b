/** The options of `createCrowdClient`, checked once when the client is built. */
import { ClientOptionsError } from '../../client/index.js';
import type { EnvelopeEvent } from '../../client/options.js';
import type { HttpTransportOptions, Interceptor, Transport } from '../../transport/index.js';
import type { CompiledModel } from '../../wsdl/index.js';

/** Options of `createCrowdClient`. */
export interface CrowdClientOptions {
  /** The SecurityServer service URL, e.g. `https://crowd.example.com/crowd/services/SecurityServer`. */
  url: string;
  /** The application's name and password, as configured in Crowd. The password is never logged or put in an error. */
  application: { name: string; password: string };
  /**
   * Another SecurityServer version's WSDL (a path or URL) or compiled model; default: the shipped 2.0.5 model
   * (no parse at start). Operations the WSDL lacks fail with `CLIENT_OPTIONS_INVALID` when called.
   */
  wsdl?: string | CompiledModel;
  /** A transport of your own, or options for the built-in HTTP transport (pool, TLS, proxy). */
  transport?: Transport | HttpTransportOptions;
  /** Interceptors around the transport, outermost first (logging, retries of unsent requests...). */
  interceptors?: Interceptor[];
  /** Milliseconds for each exchange; 0 for none. */
  timeout?: number;
  /** Extra HTTP headers on every call. */
  httpHeaders?: Record<string, string>;
  /** Called with every envelope sent and received (they carry the password and tokens: mask before logging). */
  onEnvelope?: (event: EnvelopeEvent) => void;
  /**
   * Renew the application token before use once it is this many milliseconds old (default: keep it until the
   * server refuses it, then re-authenticate and retry the call once).
   */
  tokenMaxAge?: number;
  /** The clock for `tokenMaxAge`, in milliseconds since the epoch (default `Date.now`). */
  now?: () => number;
  /** The on-disk cache of compiled WSDLs used when `wsdl` is a path or URL (see `createClient`). */
  cache?: false | { dir?: string };
}

/** Checks the options, naming the first wrong one (never quoting the password). */
export function checkCrowdOptions(options: CrowdClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new ClientOptionsError('options must be an object');
  if (typeof options.url !== 'string' || options.url === '') {
    throw new ClientOptionsError('url must be the SecurityServer service URL');
  }
  const app = options.application;
  if (typeof app !== 'object' || app === null || typeof app.name !== 'string' || app.name === '') {
    throw new ClientOptionsError('application.name must be a non-empty string');
  }
  if (typeof app.password !== 'string') throw new ClientOptionsError('application.password must be a string');
  if (options.tokenMaxAge !== undefined && !(options.tokenMaxAge > 0)) {
    throw new ClientOptionsError('tokenMaxAge must be a positive number of milliseconds');
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new ClientOptionsError('now must be a function returning milliseconds');
  }
}
