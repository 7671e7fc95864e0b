/**
 * Turns whatever undici or the socket raised into a `TransportError` with a stable code. This is the one
 * table that knows undici's codes (`UND_ERR_*`) and Node's (`ECONNREFUSED`, TLS verification codes), so
 * nothing above the transport ever inspects a foreign error.
 */
import { TransportError, type TransportErrorCode } from './errors.js';

/** What the exchange knew when it failed. */
export interface FailureContext {
  /** `METHOD url` for the message, already stripped of query and credentials. */
  target: string;
  /** Whether undici had started writing the request (it calls `onRequestStart` just before). */
  sent: boolean;
  /** Whether the connection goes through a proxy (then connect-phase failures are the proxy's). */
  proxied: boolean;
}

/** Connect-phase socket codes: the request cannot have been sent. */
const REFUSED = new Set(['ECONNREFUSED']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
/** Undici's codes for a socket that went away under a request, and Node's. */
const RESET = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ENETRESET',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Node's TLS failures: `ERR_TLS_*`, `ERR_SSL_*` and OpenSSL's verification codes. */
function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.includes('CERT') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'EPROTO'
  );
}

/** Maps an error raised during an exchange to a `TransportError`; a `TransportError` passes through. */
export function toTransportError(error: unknown, context: FailureContext): TransportError {
  if (error instanceof TransportError) return error;
  const code = errorCode(error);
  const make = (kind: TransportErrorCode, message: string, requestSent: boolean): TransportError =>
    new TransportError(kind, message, { target: context.target, requestSent, cause: error });

  if (REFUSED.has(code)) {
    return context.proxied
      ? make('PROXY_FAILED', 'proxy refused the connection', false)
      : make('CONNECTION_REFUSED', 'connection refused', false);
  }
  if (DNS.has(code)) {
    return context.proxied
      ? make('PROXY_FAILED', 'proxy host name did not resolve', false)
      : make('DNS_FAILED', 'host name did not resolve', false);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return make('TIMEOUT', 'connect timed out', false);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return make('TIMEOUT', 'response headers timed out', true);
  if (code === 'UND_ERR_BODY_TIMEOUT') return make('TIMEOUT', 'response body timed out', true);
  if (code === 'ETIMEDOUT') return make('TIMEOUT', 'socket timed out', context.sent);
  if (code === 'UND_ERR_PRX_TLS') return make('PROXY_FAILED', 'TLS to the proxy failed', false);
  if (code === 'UND_ERR_ABORTED' && /proxy/i.test(messageOf(error))) {
    // ProxyAgent reports a refused CONNECT as an abort carrying the proxy's status in its message.
    return make('PROXY_FAILED', `proxy refused the tunnel: ${proxyStatus(error)}`, false);
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return make('RESPONSE_TOO_LARGE', 'response too large', true);
  if (code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED') {
    return make('ABORTED', 'transport is closed', false);
  }
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || nameOf(error) === 'AbortError') {
    return make('ABORTED', 'request aborted', context.sent);
  }
  if (isTlsCode(code)) return make('TLS_FAILED', `TLS handshake failed: ${code}`, false);
  if (code.startsWith('HPE_')) return make('BAD_RESPONSE', `malformed HTTP response: ${code}`, true);
  if (RESET.has(code)) {
    return make('CONNECTION_RESET', 'connection closed before the response was complete', context.sent);
  }
  // An unknown failure is treated as a lost connection: the one kind callers must already handle, and one
  // the default retry never replays (it may have reached the server).
  return make('CONNECTION_RESET', `connection failed${code ? `: ${code}` : ''}`, context.sent);
}

function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** The status undici quotes in "Proxy response (407) !== 200 when HTTP Tunneling". */
function proxyStatus(error: unknown): string {
  const status = /\((\d{3})\)/.exec(messageOf(error));
  return status ? `HTTP ${status[1]}` : 'no status';
}

/** `METHOD url` with the query, fragment and credentials removed: all may carry secrets. */
export function describeTarget(method: string, url: string): string {
  let cut = url.length;
  const query = url.indexOf('?');
  if (query !== -1) cut = query;
  const hash = url.indexOf('#');
  if (hash !== -1 && hash < cut) cut = hash;
  let shown = url.slice(0, cut);
  const at = shown.indexOf('@');
  const scheme = shown.indexOf('://');
  if (at !== -1 && scheme !== -1 && at > scheme) {
    const slash = shown.indexOf('/', scheme + 3);
    if (slash === -1 || at < slash) shown = shown.slice(0, scheme + 3) + shown.slice(at + 1);
  }
  return `${method} ${shown}`;
}
