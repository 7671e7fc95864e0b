/**
 * Sign-in: token providers (acquire, cache, renew before expiry, invalidate on an auth fault) and the call
 * plugins that put their tokens on every call.
 */
export { AuthenticationError, AuthOptionsError, isAuthenticationError } from '../ws/trust/errors.js';
export { isAuthFault } from './auth-fault.js';
export { authorizationValue, bearerAuth } from './bearer-auth.js';
export { type CachingOptions, cachingProvider, DEFAULT_RENEW_BEFORE } from './caching.js';
export { type IssuedTokenAuthOptions, issuedTokenAuth } from './issued-token-auth.js';
export { type OAuthClientCredentialsOptions, oauthClientCredentials, requestClientCredentialsToken } from './oauth.js';
export type { BearerToken, Expiring, TokenProvider } from './provider.js';
export { staticBearer } from './static-bearer.js';
export { type UsernameTokenAuthOptions, usernameTokenAuth } from './username-token-auth.js';
export { type WsTrustProviderOptions, wsTrustProvider } from './ws-trust-provider.js';
