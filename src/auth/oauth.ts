/**
 * `oauthClientCredentials`: OAuth 2.0 client credentials grant (RFC 6749 section 4.4), the sign-in of today's
 * Dynamics 365 (Azure AD) on the same SOAP endpoint.
 *
 * 4.4.2: the client POSTs `application/x-www-form-urlencoded` with `grant_type=client_credentials` and an
 * optional `scope`, authenticating itself (section 2.3.1) either with HTTP Basic or with `client_id` and
 * `client_secret` in the body ("MAY", and what Azure AD expects; the default here). `resource` is Azure AD
 * v1's extension naming the API. 5.1: the answer is JSON with `access_token`, `token_type` and
 * `expires_in` (seconds). 5.2: an error answer is JSON with `error` and `error_description`; it becomes an
 * `AuthenticationError` carrying both, never the secret.
 */
import { createHttpTransport, type Transport, type TransportResponse } from '../transport/index.js';
import { AuthenticationError, AuthOptionsError } from '../ws/trust/errors.js';
import { type CachingOptions, cachingProvider } from './caching.js';
import type { BearerToken, Expiring, TokenProvider } from './provider.js';

/** Options of `oauthClientCredentials`. */
export interface OAuthClientCredentialsOptions extends CachingOptions {
  /** The token endpoint, e.g. `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** `scope` (space-separated), e.g. `https://contoso.crm.dynamics.com/.default`. */
  scope?: string;
  /** Azure AD v1's `resource`, e.g. `https://contoso.crm.dynamics.com`. */
  resource?: string;
  /** How the client authenticates (RFC 6749 2.3.1): `body` (default) or HTTP `basic`. */
  clientAuth?: 'body' | 'basic';
  /** Default: a shared HTTP transport created on first use. */
  transport?: Transport;
  /** Milliseconds for each token request. */
  timeout?: number;
}

function checkOptions(options: OAuthClientCredentialsOptions): void {
  if (typeof options !== 'object' || options === null) throw new AuthOptionsError('options', 'expected an object');
  let url: URL;
  try {
    url = new URL(options.tokenUrl);
  } catch {
    throw new AuthOptionsError('tokenUrl', 'expected an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AuthOptionsError('tokenUrl', 'expected http or https');
  if (typeof options.clientId !== 'string' || options.clientId === '')
    throw new AuthOptionsError('clientId', 'expected a string');
  if (typeof options.clientSecret !== 'string' || options.clientSecret === '') {
    throw new AuthOptionsError('clientSecret', 'expected a non-empty string');
  }
  if (options.clientAuth !== undefined && options.clientAuth !== 'body' && options.clientAuth !== 'basic') {
    throw new AuthOptionsError('clientAuth', "expected 'body' or 'basic'");
  }
  if (options.timeout !== undefined && !(options.timeout >= 0))
    throw new AuthOptionsError('timeout', 'expected ms >= 0');
}

/** Requests one access token with the client credentials grant. */
export async function requestClientCredentialsToken(
  options: OAuthClientCredentialsOptions,
  signal?: AbortSignal,
): Promise<Expiring<BearerToken>> {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (options.clientAuth === 'basic') {
    // RFC 6749 2.3.1: client id and secret are form-urlencoded before Basic encoding.
    const pair = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    form.set('client_id', options.clientId);
    form.set('client_secret', options.clientSecret);
  }
  if (options.scope !== undefined) form.set('scope', options.scope);
  if (options.resource !== undefined) form.set('resource', options.resource);
  const transport = options.transport ?? createHttpTransport();
  const sentAt = now();
  let response: TransportResponse;
  try {
    response = await transport.send({
      url: options.tokenUrl,
      method: 'POST',
      headers,
      body: form.toString(),
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(signal ? { signal } : {}),
    });
  } finally {
    if (!options.transport) await transport.close();
  }
  return readTokenResponse(response, options, sentAt);
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function readTokenResponse(
  response: TransportResponse,
  options: OAuthClientCredentialsOptions,
  sentAt: number,
): Expiring<BearerToken> {
  const secrets = [options.clientSecret];
  const fail = (reason: string, detail?: string): AuthenticationError =>
    new AuthenticationError({
      endpoint: options.tokenUrl,
      reason,
      status: response.status,
      secrets,
      ...(detail !== undefined ? { detail } : {}),
    });
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw fail(`HTTP ${response.status}`, 'the token endpoint did not answer with JSON');
  }
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (response.status !== 200 || typeof body.error === 'string') {
    const error = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw fail(error, typeof body.error_description === 'string' ? body.error_description : undefined);
  }
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw fail('invalid_response', 'the token response has no access_token');
  }
  const token: Expiring<BearerToken> = { accessToken: body.access_token };
  if (typeof body.token_type === 'string') token.tokenType = body.token_type;
  // expires_in is RECOMMENDED (5.1); some servers send it as a string.
  const expiresIn = Number(body.expires_in);
  if (body.expires_in !== undefined && Number.isFinite(expiresIn) && expiresIn >= 0)
    token.expiresAt = sentAt + expiresIn * 1000;
  return token;
}

/** A provider of access tokens from the client credentials grant, cached and renewed before `expires_in`. */
export function oauthClientCredentials(options: OAuthClientCredentialsOptions): TokenProvider<BearerToken> {
  checkOptions(options);
  const { renewBefore, retryPause, now } = options;
  return cachingProvider<BearerToken>((signal) => requestClientCredentialsToken(options, signal), {
    ...(renewBefore !== undefined ? { renewBefore } : {}),
    ...(retryPause !== undefined ? { retryPause } : {}),
    ...(now !== undefined ? { now } : {}),
  });
}
