/**
 * Call plugins: how sign-in and addressing reach every call without the client knowing about them. A plugin
 * contributes header blocks and HTTP headers to each outgoing call (fresh ones each time: a new Timestamp,
 * a new MessageID), and may ask for one retry after a failure (a token the server no longer accepts).
 *
 * Order is decided in one place: plugins run in the order they are listed, and their header blocks are
 * written in that order, after the binding's declared headers and before the caller's own blocks.
 */
import type { SoapVersion } from '../soap/version.js';
import type { Operation } from '../wsdl/model.js';
import type { SoapHeaderBlock } from './options.js';

/** What a plugin knows about the call it prepares. */
export interface CallInfo {
  readonly operation: Operation;
  readonly action: string;
  readonly url: string;
  readonly version: SoapVersion;
  /** 0 for the first attempt, 1 for the retry a plugin asked for. */
  readonly attempt: number;
  readonly signal?: AbortSignal;
}

/** What a plugin adds to one call. */
export interface CallAdditions {
  soapHeaders?: SoapHeaderBlock[];
  httpHeaders?: Record<string, string>;
}

/** A behaviour applied to every call of a client. */
export interface CallPlugin {
  /** A short name for messages (for example `ws-security`). */
  readonly name: string;
  /** Called before each attempt is written; may be async (to acquire a token). */
  prepare?(call: CallInfo): CallAdditions | undefined | Promise<CallAdditions | undefined>;
  /**
   * Called when an attempt failed. Returning true asks the client to retry the call once (after, say,
   * invalidating a cached token); a call is never retried more than once, whatever plugins answer.
   */
  retryAfter?(error: unknown, call: CallInfo): boolean | Promise<boolean>;
}

/** Runs every plugin's `prepare` in order and merges what they add. */
export async function preparePlugins(plugins: readonly CallPlugin[], call: CallInfo): Promise<CallAdditions> {
  const soapHeaders: SoapHeaderBlock[] = [];
  let httpHeaders: Record<string, string> | undefined;
  for (const plugin of plugins) {
    const added = await plugin.prepare?.(call);
    if (added?.soapHeaders) soapHeaders.push(...added.soapHeaders);
    if (added?.httpHeaders) httpHeaders = { ...httpHeaders, ...added.httpHeaders };
  }
  return { soapHeaders, ...(httpHeaders ? { httpHeaders } : {}) };
}

/** True when any plugin asks for a retry of the failed attempt (every plugin is told of the failure). */
export async function pluginsWantRetry(
  plugins: readonly CallPlugin[],
  error: unknown,
  call: CallInfo,
): Promise<boolean> {
  let retry = false;
  for (const plugin of plugins) {
    if (plugin.retryAfter && (await plugin.retryAfter(error, call))) retry = true;
  }
  return retry;
}
