/**
 * `cachingProvider`: turns an acquisition function into a `TokenProvider` that caches the token, renews it a
 * set time before it expires, and lets concurrent callers share one acquisition in flight.
 *
 * The rules, in order, for `getToken`:
 * 1. a cached token outside its renewal window is returned as it is;
 * 2. a cached token inside its renewal window but not yet expired is returned as it is, and a renewal starts
 *    in the background (one at a time; a failed background renewal is tried again after a pause), so no
 *    caller waits while the old token is still good;
 * 3. otherwise (nothing cached, or expired) the caller waits for the acquisition in flight, starting one if
 *    there is none: a hundred callers arriving together cause one acquisition.
 *
 * The renewal window is `renewBefore` ms before `expiresAt`, but never more than half the token's lifetime as
 * seen when it was acquired, so a short-lived token is not renewed on every call. A token without `expiresAt`
 * is kept until invalidated.
 */
import { AuthOptionsError } from '../ws/trust/errors.js';
import type { Expiring, TokenProvider } from './provider.js';

/** Options of `cachingProvider`. */
export interface CachingOptions {
  /** Renew this many ms before expiry (default 60 s). */
  renewBefore?: number;
  /** The clock, ms since the epoch (default `Date.now`); tests inject their own. */
  now?: () => number;
  /** Pause after a failed background renewal before another is tried, ms (default 5 s). */
  retryPause?: number;
}

/** The default `renewBefore`: one minute. */
export const DEFAULT_RENEW_BEFORE = 60_000;

interface Cached<T> {
  token: Expiring<T>;
  /** When the cached token enters its renewal window. */
  renewAt: number;
}

interface InFlight<T> {
  promise: Promise<Expiring<T>>;
  controller: AbortController;
  /** Callers still waiting; when the last one gives up, the acquisition is aborted. */
  waiting: number;
  /** A background renewal has no waiting caller and is never aborted that way. */
  background: boolean;
}

/** Wraps `acquire` in a cache with renewal, single flight and guarded invalidation (see the file comment). */
export function cachingProvider<T>(
  acquire: (signal?: AbortSignal) => Promise<Expiring<T>>,
  options: CachingOptions = {},
): TokenProvider<T> {
  if (typeof acquire !== 'function') throw new AuthOptionsError('acquire', 'expected a function');
  const renewBefore = options.renewBefore ?? DEFAULT_RENEW_BEFORE;
  if (!(renewBefore >= 0)) throw new AuthOptionsError('renewBefore', 'expected ms >= 0');
  const retryPause = options.retryPause ?? 5_000;
  if (!(retryPause >= 0)) throw new AuthOptionsError('retryPause', 'expected ms >= 0');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new AuthOptionsError('now', 'expected a function');

  let cached: Cached<T> | undefined;
  let inFlight: InFlight<T> | undefined;
  let pausedUntil = Number.NEGATIVE_INFINITY;

  const start = (background: boolean): InFlight<T> => {
    const controller = new AbortController();
    const startedAt = now();
    const flight: InFlight<T> = { controller, waiting: 0, background, promise: undefined as never };
    flight.promise = (async () => {
      try {
        const token = await acquire(controller.signal);
        if (inFlight === flight) {
          const expiresAt = token.expiresAt;
          const lifetime = expiresAt === undefined ? 0 : expiresAt - startedAt;
          const window = Math.min(renewBefore, Math.max(0, lifetime / 2));
          cached = { token, renewAt: expiresAt === undefined ? Number.POSITIVE_INFINITY : expiresAt - window };
        }
        return token;
      } finally {
        if (inFlight === flight) inFlight = undefined;
      }
    })();
    inFlight = flight;
    return flight;
  };

  const wait = (flight: InFlight<T>, signal: AbortSignal | undefined): Promise<Expiring<T>> => {
    if (!signal) {
      flight.waiting++;
      return flight.promise;
    }
    signal.throwIfAborted();
    flight.waiting++;
    return new Promise<Expiring<T>>((resolve, reject) => {
      const onAbort = (): void => {
        flight.waiting--;
        if (flight.waiting === 0 && !flight.background) flight.controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (token) => {
          signal.removeEventListener('abort', onAbort);
          resolve(token);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };

  return {
    async getToken(signal) {
      const current = cached;
      if (current) {
        const t = now();
        if (t < current.renewAt) return current.token;
        const expiresAt = current.token.expiresAt;
        if (expiresAt !== undefined && t < expiresAt) {
          if (!inFlight && t >= pausedUntil) {
            const flight = start(true);
            flight.promise.catch(() => {
              pausedUntil = now() + retryPause;
            });
          }
          return current.token;
        }
        cached = undefined;
      }
      const flight = inFlight ?? start(false);
      // A background renewal that a caller now needs becomes a foreground one for it.
      return wait(flight, signal);
    },
    invalidate(token) {
      if (token === undefined || cached?.token === token) cached = undefined;
    },
  };
}
