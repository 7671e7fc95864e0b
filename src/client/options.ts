/**
 * The client's options: one typed object checked when the client is built, and the subset a single call may
 * override. Checking once keeps the per-call path free of validation.
 */
import { SoapstackError } from '../errors.js';
import type { CallPlugin, SoapHeaderBlock } from '../soap/call-plugin.js';
import type { HttpTransportOptions, Interceptor, Transport } from '../transport/index.js';
import type { WsdlOptions } from '../wsdl/index.js';
import type { XmlLimits } from '../xml/types.js';
import type { CodecOptions } from '../xsd/codec/index.js';

export type { SoapHeaderBlock } from '../soap/call-plugin.js';

/** What the envelope hook sees: the exact text sent or received. */
export interface EnvelopeEvent {
  direction: 'request' | 'response';
  operation: string;
  url: string;
  envelope: string;
  /** HTTP status of a response. */
  status?: number;
}

/** Options of one call; each overrides the client's option of the same name. */
export interface CallOptions {
  /** The endpoint URL (default: the port's soap:address). */
  endpoint?: string;
  /** Milliseconds for the whole exchange; 0 for none. */
  timeout?: number;
  /** Extra HTTP headers. */
  httpHeaders?: Record<string, string>;
  /** Values of the binding's declared soap:header parts, by part name. */
  headers?: Record<string, unknown>;
  /** Extra header blocks, written after the declared ones and the client's own. */
  soapHeaders?: SoapHeaderBlock[];
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Sign-in and addressing: each adds header blocks and HTTP headers to every call, in this order (see plugin.ts). */
  plugins?: CallPlugin[];
}

/** Options of `createClient`. */
export interface ClientOptions extends Omit<CallOptions, 'signal' | 'headers'> {
  /** The wsdl:service to use (default: the first). */
  service?: string;
  /** The wsdl:port to use (default: the first SOAP port of the service). */
  port?: string;
  /** A transport of your own, or options for the built-in HTTP transport (pool, TLS, proxy). */
  transport?: Transport | HttpTransportOptions;
  /** Interceptors around the transport, outermost first (see `compose`). */
  interceptors?: Interceptor[];
  /** Largest response accepted, in bytes (default 64 MiB). */
  maxResponseSize?: number;
  /** Called with every envelope sent and received (for logging or debugging); costs nothing when absent. */
  onEnvelope?: (event: EnvelopeEvent) => void;
  /** The on-disk cache of compiled WSDLs: `false` to disable, or the directory (default: `SOAPSTACK_CACHE_DIR` or the user's cache folder). */
  cache?: false | { dir?: string };
  /** How the WSDL and its imports are loaded (origin policy, loader, leniency). */
  wsdl?: WsdlOptions;
  /** How responses are decoded (unknown elements, strictness). */
  codecs?: CodecOptions;
  /** Limits of the XML reader for responses. */
  xmlLimits?: Partial<XmlLimits>;
}

/** Invalid client or call options: raised when the client is built or a call starts, never mid-exchange. */
export class ClientOptionsError extends SoapstackError {
  declare readonly code: 'CLIENT_OPTIONS_INVALID';
  constructor(message: string) {
    super('CLIENT_OPTIONS_INVALID', message);
  }
}

/** Checks the options of `createClient`, naming the first wrong one. */
export function checkClientOptions(options: ClientOptions): void {
  checkCallOptions(options);
  if (options.maxResponseSize !== undefined && !(options.maxResponseSize > 0)) {
    throw new ClientOptionsError('maxResponseSize must be a positive number of bytes');
  }
  if (options.interceptors !== undefined && !options.interceptors.every((i) => typeof i === 'function')) {
    throw new ClientOptionsError('interceptors must be functions');
  }
  if (options.plugins !== undefined && !options.plugins.every((p) => typeof p === 'object' && p !== null)) {
    throw new ClientOptionsError('plugins must be objects with prepare and/or retryAfter');
  }
  if (options.onEnvelope !== undefined && typeof options.onEnvelope !== 'function') {
    throw new ClientOptionsError('onEnvelope must be a function');
  }
}

/** Checks the options a call may override. */
export function checkCallOptions(options: CallOptions): void {
  if (options.endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new ClientOptionsError(`endpoint is not a URL: ${options.endpoint}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ClientOptionsError(`endpoint must be http or https, got ${url.protocol}`);
    }
  }
  if (options.timeout !== undefined && !(options.timeout >= 0)) {
    throw new ClientOptionsError('timeout must be a number of milliseconds (0 for none)');
  }
  for (const [name, value] of Object.entries(options.httpHeaders ?? {})) {
    if (typeof value !== 'string' || /[\r\n]/.test(value) || /[\r\n:]/.test(name)) {
      throw new ClientOptionsError(`HTTP header ${JSON.stringify(name)} is not a valid header`);
    }
  }
}
