/**
 * `bearerAuth`: `Authorization: Bearer <token>` on every call (RFC 6750 section 2.1), the token from a
 * provider; after an auth fault (HTTP 401, or a SOAP fault `isAuthFault` recognises) the token the call was
 * sent with is invalidated and the call retried once with a new one.
 */
import type { CallInfo, CallPlugin } from '../soap/call-plugin.js';
import { AuthOptionsError } from '../ws/trust/errors.js';
import { isAuthFault } from './auth-fault.js';
import type { BearerToken, Expiring, TokenProvider } from './provider.js';

/** The Authorization header value for a token: RFC 6750's `Bearer` scheme whatever case the server used. */
export function authorizationValue(token: BearerToken): string {
  const type = token.tokenType === undefined || /^bearer$/i.test(token.tokenType) ? 'Bearer' : token.tokenType;
  return `${type} ${token.accessToken}`;
}

/** A call plugin that signs every call in with a bearer token from `provider`. */
export function bearerAuth(provider: TokenProvider<BearerToken>): CallPlugin {
  if (typeof provider?.getToken !== 'function') throw new AuthOptionsError('provider', 'expected a TokenProvider');
  // The token each attempt was sent with, so a refusal invalidates exactly that one.
  const used = new WeakMap<CallInfo, Expiring<BearerToken>>();
  return {
    name: 'bearer-auth',
    async prepare(call) {
      const token = await provider.getToken(call.signal);
      used.set(call, token);
      return { httpHeaders: { Authorization: authorizationValue(token) } };
    },
    retryAfter(error, call) {
      const token = used.get(call);
      if (!token || !isAuthFault(error)) return false;
      provider.invalidate(token);
      return call.attempt === 0;
    },
  };
}
