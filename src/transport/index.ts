/**
 * The transport layer's public surface: the `Transport` interface, the HTTP transport, its errors, the
 * interceptors with `compose`, and secret masking.
 */
export {
  HttpStatusError,
  httpStatusError,
  isHttpStatusError,
  isTransportError,
  isTransportOptionsError,
  TRANSPORT_ERROR_CODES,
  TransportError,
  type TransportErrorCode,
  TransportOptionsError,
} from './errors.js';
export { createHttpTransport } from './http.js';
export {
  compose,
  headers,
  isUnsentFailure,
  type LogEntry,
  type LoggingOptions,
  type LogLevel,
  logging,
  type RetryOptions,
  retry,
} from './interceptors.js';
export { MASK, maskHeaders, maskSecrets } from './mask.js';
export {
  checkRequestLimits,
  HTTP_DEFAULTS,
  type HttpTransportOptions,
  type ProxyOptions,
  type TlsOptions,
} from './options.js';
export type { Interceptor, Send, Transport, TransportRequest, TransportResponse } from './types.js';
