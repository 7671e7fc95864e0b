/**
 * `wsTrustProvider`: issued tokens from a WS-Trust STS, cached and renewed by `cachingProvider`.
 *
 * Expiry is worked out on the local clock: the token's lifetime (`Lifetime/Expires - Lifetime/Created`, both
 * on the STS's clock) is added to the local time the request was sent, so a skew between the two clocks
 * cannot make a fresh token look expired (or an old one fresh). Without Created, Expires is taken as it is.
 */
import { checkTrustOptions, type RequestSecurityTokenOptions, requestSecurityToken } from '../ws/trust/request.js';
import type { IssuedToken } from '../ws/trust/rstr.js';
import { type CachingOptions, cachingProvider } from './caching.js';
import type { Expiring, TokenProvider } from './provider.js';

/** Options of `wsTrustProvider`: the STS request's, plus the cache's. */
export interface WsTrustProviderOptions extends Omit<RequestSecurityTokenOptions, 'signal'>, CachingOptions {}

/** A provider of tokens issued by the STS of `options` (checked now, acquired on first use). */
export function wsTrustProvider(options: WsTrustProviderOptions): TokenProvider<IssuedToken> {
  checkTrustOptions(options);
  const { renewBefore, retryPause, ...request } = options;
  const now = options.now ?? Date.now;
  return cachingProvider<IssuedToken>(
    async (signal) => {
      const sentAt = now();
      const token: Expiring<IssuedToken> = await requestSecurityToken({ ...request, ...(signal ? { signal } : {}) });
      const expiresAt = localExpiry(token, sentAt);
      if (expiresAt !== undefined) token.expiresAt = expiresAt;
      return token;
    },
    {
      now,
      ...(renewBefore !== undefined ? { renewBefore } : {}),
      ...(retryPause !== undefined ? { retryPause } : {}),
    },
  );
}

function localExpiry(token: IssuedToken, sentAt: number): number | undefined {
  if (!token.expires) return undefined;
  if (!token.created) return token.expires.getTime();
  return sentAt + Math.max(0, token.expires.getTime() - token.created.getTime());
}
