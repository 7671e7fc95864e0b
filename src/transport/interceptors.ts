/**
 * Interceptors and `compose`, the one place where their order is decided.
 *
 * `compose(transport, a, b, c)` builds `a(b(c(transport.send)))`: on the way out `a` runs first, then `b`,
 * then `c`, then the network; on the way back `c` sees the response (or the error) first and `a` last.
 * Read the list as "outermost first". The order matters and is the caller's choice:
 * `compose(t, logging(...), retry(...))` logs one line per logical call (retries hidden inside);
 * `compose(t, retry(...), logging(...))` logs every attempt.
 */
import type { Interceptor, Send, Transport, TransportRequest } from './types.js';

export { type LogEntry, type LoggingOptions, type LogLevel, logging } from './logging.js';
export { isUnsentFailure, type RetryOptions, retry } from './retry.js';
export type { Interceptor, Send } from './types.js';

/**
 * Wraps `transport` with `interceptors`, outermost first (see the module comment). `close` closes the
 * underlying transport. With no interceptors the transport's own `send` is used, at no cost.
 */
export function compose(transport: Transport, ...interceptors: Interceptor[]): Transport {
  let send: Send = transport.send.bind(transport);
  for (let i = interceptors.length - 1; i >= 0; i--) send = interceptors[i]!(send);
  return { send, close: () => transport.close() };
}

/**
 * Adds `extra` headers to every request. A header the request already carries (compared without regard to
 * case, as HTTP names are) keeps the request's value: these are defaults, and the layer that built the
 * request knows better (a SOAPAction, a per-call Authorization).
 */
export function headers(extra: Readonly<Record<string, string>>): Interceptor {
  const entries = Object.entries(extra).map(([name, value]) => [name, value, name.toLowerCase()] as const);
  return (next) => (request: TransportRequest) => {
    const own = request.headers;
    const ownNames = Object.keys(own).map((name) => name.toLowerCase());
    const merged: Record<string, string> = {};
    for (const [name, value, lower] of entries) if (!ownNames.includes(lower)) merged[name] = value;
    Object.assign(merged, own);
    return next({ ...request, headers: merged });
  };
}
