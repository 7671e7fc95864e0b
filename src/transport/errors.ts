/**
 * The transport's errors. Every failure of an HTTP exchange is a `TransportError` whose `code` names the kind
 * (one class, a code per kind, so callers switch on `code` rather than on a zoo of classes); an HTTP answer
 * the SOAP layer cannot use becomes an `HttpStatusError`. Messages name the method and the URL without its
 * query, never a request header or body: that is where passwords and tokens live.
 */
import { SoapstackError } from '../errors.js';
import { maskSecrets } from './mask.js';
import type { TransportResponse } from './types.js';

/** The stable codes of `TransportError`, one per kind of failure. */
export type TransportErrorCode =
  /** Nothing listens at the address (ECONNREFUSED): the request never left. */
  | 'CONNECTION_REFUSED'
  /** The socket was closed or reset before the response was complete. */
  | 'CONNECTION_RESET'
  /** The exchange (connect + headers + body) outlived its `timeout`. */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired, or the transport was closed. */
  | 'ABORTED'
  /** The response body exceeded `maxResponseSize`; the connection was dropped. */
  | 'RESPONSE_TOO_LARGE'
  /** The TLS handshake failed (untrusted or invalid certificate, protocol mismatch). */
  | 'TLS_FAILED'
  /** The host name did not resolve. */
  | 'DNS_FAILED'
  /** The proxy could not be reached or refused to carry the request. */
  | 'PROXY_FAILED'
  /** The server answered with something that is not HTTP/1.1 (a parser error). */
  | 'BAD_RESPONSE';

/** Every `TransportErrorCode`, for exhaustive tests and for callers building their own tables. */
export const TRANSPORT_ERROR_CODES: readonly TransportErrorCode[] = [
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'TIMEOUT',
  'ABORTED',
  'RESPONSE_TOO_LARGE',
  'TLS_FAILED',
  'DNS_FAILED',
  'PROXY_FAILED',
  'BAD_RESPONSE',
];

/** A failed HTTP exchange. `cause` holds the underlying undici or socket error. */
export class TransportError extends SoapstackError {
  declare readonly code: TransportErrorCode;
  /** `METHOD url` of the failed request, the URL without query string or credentials. */
  readonly target: string;
  /**
   * False when the request provably never reached the server (refused, DNS, connect timeout, TLS handshake,
   * proxy refusal): such a request may be sent again even when it is not idempotent.
   */
  readonly requestSent: boolean;

  constructor(
    code: TransportErrorCode,
    message: string,
    options: { target: string; requestSent: boolean; cause?: unknown },
  ) {
    super(code, options.target ? `${message} (${options.target})` : message, { cause: options.cause });
    this.target = options.target;
    this.requestSent = options.requestSent;
  }
}

/** True when `value` is a `TransportError` (optionally with the given code). */
export function isTransportError(value: unknown, code?: TransportErrorCode): value is TransportError {
  return value instanceof TransportError && (code === undefined || value.code === code);
}

/** How many characters of a response body `HttpStatusError` keeps. */
const BODY_START_CHARS = 200;
/** How many bytes are decoded to find those characters; secrets are masked over this window, then cut. */
const BODY_SCAN_BYTES = 16 * 1024;

/**
 * An HTTP answer that is not a SOAP message (an HTML 500 page, a 404 from a proxy): raised by the SOAP layer
 * through `httpStatusError`, never by the transport itself, since a SOAP 500 carries a fault to decode.
 */
export class HttpStatusError extends SoapstackError {
  declare readonly code: 'HTTP_STATUS';
  /** The HTTP status code. */
  readonly status: number;
  /** The response's Content-Type (empty when absent). */
  readonly contentType: string;
  /** The first ~200 characters of the body, printable, secrets masked, `…` when cut. */
  readonly bodyStart: string;

  constructor(status: number, contentType: string, bodyStart: string, options?: { cause?: unknown }) {
    const shown = contentType || 'no content type';
    const tail = bodyStart ? `: ${bodyStart}` : ' (empty body)';
    super('HTTP_STATUS', `HTTP ${status} (${shown})${tail}`, options);
    this.status = status;
    this.contentType = contentType;
    this.bodyStart = bodyStart;
  }
}

/** True when `value` is an `HttpStatusError`. */
export function isHttpStatusError(value: unknown): value is HttpStatusError {
  return value instanceof HttpStatusError;
}

/**
 * Builds the error for a response the SOAP layer cannot use: status, content type and the first bytes of the
 * body made printable (control characters dropped, whitespace runs collapsed) with secrets masked.
 */
export function httpStatusError(response: TransportResponse): HttpStatusError {
  return new HttpStatusError(response.status, response.contentType, printableStart(response.body));
}

/** The first `BODY_START_CHARS` printable characters of `body`. */
function printableStart(body: Uint8Array): string {
  if (body.length === 0) return '';
  const window = body.subarray(0, BODY_SCAN_BYTES);
  // Masking before cutting: a secret element that starts inside the kept characters but ends after them
  // must not leak its first half (maskSecrets also masks an element left open at the end of its input).
  const text = maskSecrets(Buffer.from(window.buffer, window.byteOffset, window.length).toString('utf8'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = text.length > BODY_START_CHARS || body.length > BODY_SCAN_BYTES;
  return cut ? `${text.slice(0, BODY_START_CHARS)}…` : text;
}

/**
 * An option (of the transport, an interceptor or one request) that cannot work: a negative timeout, a proxy
 * URL that does not parse, a request URL that is not absolute http(s). Raised when the component is built,
 * so the hot path never re-checks its settings.
 */
export class TransportOptionsError extends SoapstackError {
  declare readonly code: 'TRANSPORT_INVALID_OPTIONS';
  /** The option at fault, such as `timeout` or `proxy.url`. */
  readonly option: string;

  constructor(option: string, problem: string, options?: { cause?: unknown }) {
    super('TRANSPORT_INVALID_OPTIONS', `invalid transport option ${option}: ${problem}`, options);
    this.option = option;
  }
}

/** True when `value` is a `TransportOptionsError`. */
export function isTransportOptionsError(value: unknown): value is TransportOptionsError {
  return value instanceof TransportOptionsError;
}
