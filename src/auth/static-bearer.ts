/** `staticBearer`: a bearer token the caller already has (from `--bearer`, an environment variable...). */
import { AuthOptionsError } from '../ws/trust/errors.js';
import type { BearerToken, TokenProvider } from './provider.js';

/**
 * A provider that always hands out `token`. It cannot renew: after an auth fault the call fails with the
 * server's answer (invalidating it does nothing).
 */
export function staticBearer(token: string, tokenType = 'Bearer'): TokenProvider<BearerToken> {
  if (typeof token !== 'string' || token === '' || /[\r\n]/.test(token)) {
    throw new AuthOptionsError('token', 'expected a non-empty token on one line');
  }
  const value: BearerToken = { accessToken: token, tokenType };
  return {
    getToken: async () => value,
    invalidate: () => {},
  };
}
