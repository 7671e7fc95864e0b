/**
 * Token providers: where a plugin gets the credential it puts on each call. A provider hands out a token,
 * possibly cached, and forgets it when told the server no longer accepts it.
 */

/** A token with, when known, the time it stops being valid (ms since the epoch, on the provider's clock). */
export type Expiring<T> = T & { expiresAt?: number };

/** Hands out tokens of type `T` (an issued token, a bearer token...). */
export interface TokenProvider<T> {
  /** A valid token: the cached one, or a newly acquired one. Rejects with the acquisition's error. */
  getToken(signal?: AbortSignal): Promise<Expiring<T>>;
  /**
   * Forgets `token` (the one a call was refused with) so the next `getToken` acquires a new one. A token that
   * is no longer the cached one is ignored, so many calls refused with the same stale token cause one
   * re-acquisition. With no argument, forgets whatever is cached.
   */
  invalidate(token?: Expiring<T>): void;
}

/** A bearer credential for the HTTP Authorization header (RFC 6750 section 2.1). */
export interface BearerToken {
  /** The access token itself. */
  accessToken: string;
  /** The scheme; default `Bearer`. */
  tokenType?: string;
}
