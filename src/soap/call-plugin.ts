/**
 * Call plugins: how sign-in and addressing reach every call without the client knowing about them. A plugin
 * contributes header blocks and HTTP headers to each outgoing call (fresh ones each time: a new Timestamp,
 * a new MessageID), and may ask for one retry after a failure (a token the server no longer accepts).
 *
 * The types live in the soap layer so that the WS-* and auth layers can implement plugins without importing
 * the client; the client runs them (src/client/plugin.ts).
 */
import type { Operation } from '../wsdl/model.js';
import type { XmlWriter } from '../xml/writer.js';
import type { SoapVersion } from './version.js';

/** A header block to add to the envelope: raw XML text, a `{ $xml }` value, or a function that writes it. */
export type SoapHeaderBlock = string | { readonly $xml: string } | ((w: XmlWriter) => void);

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
