/**
 * The retry interceptor. By default it replays only requests that provably never reached the server
 * (connection refused, DNS failure, connect timeout): a SOAP call is rarely idempotent (Create, Associate),
 * so a request that may have been processed is never sent twice unless the caller says it is safe.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describeTarget } from './classify.js';
import { isTransportError, TransportError, TransportOptionsError } from './errors.js';
import type { Interceptor, TransportRequest, TransportResponse } from './types.js';

/** Options of `retry`. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2, so at most 3 attempts). */
  retries?: number;
  /** Methods that may be retried at all (default POST and GET: the default predicate is safe for both). */
  methods?: ReadonlyArray<'POST' | 'GET'>;
  /**
   * Decides whether a failed attempt is retried (replaces the default, `isUnsentFailure`). `attempt` counts
   * from 1 (the attempt that just failed).
   */
  retryOn?: (error: unknown, attempt: number, request: TransportRequest) => boolean;
  /**
   * Statuses whose response is retried instead of returned (default none: a 500 carries a SOAP fault, and a
   * 503 from a CRM server may follow a processed request). The last attempt's response is returned as is.
   */
  statuses?: readonly number[];
  /** Wait before retry n (1-based), ms: a number, or a function of n (default 100 * 2^(n-1), at most 2000). */
  delay?: number | ((retry: number) => number);
}

/**
 * The default retry predicate: a `TransportError` whose request provably never left (CONNECTION_REFUSED,
 * DNS_FAILED, or a TIMEOUT in the connect phase). Never a response, a reset, or a read timeout.
 */
export function isUnsentFailure(error: unknown): boolean {
  if (!isTransportError(error)) return false;
  if (error.code === 'CONNECTION_REFUSED' || error.code === 'DNS_FAILED') return true;
  return error.code === 'TIMEOUT' && !error.requestSent;
}

function defaultDelay(retry: number): number {
  return Math.min(100 * 2 ** (retry - 1), 2000);
}

/** Retries failed calls as `options` allow; options are checked here, once. */
export function retry(options: RetryOptions = {}): Interceptor {
  const retries = options.retries ?? 2;
  if (!Number.isSafeInteger(retries) || retries < 0) {
    throw new TransportOptionsError('retry.retries', 'expected an integer >= 0');
  }
  const methods = new Set<string>(options.methods ?? ['POST', 'GET']);
  const retryOn = options.retryOn ?? isUnsentFailure;
  const statuses = new Set(options.statuses ?? []);
  const given = options.delay ?? defaultDelay;
  if (typeof given === 'number' && !(given >= 0 && Number.isFinite(given))) {
    throw new TransportOptionsError('retry.delay', 'expected a finite number >= 0');
  }
  const delay = typeof given === 'number' ? () => given : given;

  return (next) => async (request) => {
    if (retries === 0 || !methods.has(request.method ?? 'POST')) return next(request);
    for (let attempt = 1; ; attempt++) {
      let response: TransportResponse;
      try {
        response = await next(request);
      } catch (error) {
        if (attempt > retries || !retryOn(error, attempt, request)) throw error;
        await pause(delay(attempt), request);
        continue;
      }
      if (attempt > retries || !statuses.has(response.status)) return response;
      await pause(delay(attempt), request);
    }
  };
}

/** Waits between attempts; the request's signal cuts the wait short with an ABORTED error. */
async function pause(ms: number, request: TransportRequest): Promise<void> {
  if (ms <= 0 && !request.signal?.aborted) return;
  try {
    await sleep(ms, undefined, request.signal ? { signal: request.signal } : undefined);
  } catch (cause) {
    throw new TransportError('ABORTED', 'request aborted by the caller while waiting to retry', {
      target: describeTarget(request.method ?? 'POST', request.url),
      requestSent: false,
      cause,
    });
  }
}
