/**
 * `requestSecurityToken`: one WS-Trust Issue exchange with a security token service, username and password
 * in, an `IssuedToken` out. The request is `rst.ts`'s envelope, the answer is read by `rstr.ts`.
 */
import { SoapstackError } from '../../errors.js';
import { charsetOf, parseContentType, requestHeaders } from '../../soap/http.js';
import { createHttpTransport, httpStatusError, type Transport, type TransportResponse } from '../../transport/index.js';
import type { AddressingVersion } from '../addressing.js';
import { AuthenticationError, AuthOptionsError } from './errors.js';
import { rstEnvelope } from './rst.js';
import { type IssuedToken, readRstr } from './rstr.js';
import { isTrustVersion, TRUST_VERSIONS, type TrustKeyType, type TrustVersion } from './versions.js';

/** Options of `requestSecurityToken`. */
export interface RequestSecurityTokenOptions {
  /** The STS endpoint (`https://login.microsoftonline.com/RST2.srf`, `https://<host>/adfs/services/trust/13/usernamemixed`). */
  endpoint: string;
  /** The relying party: a region URN for Microsoft Online, the organization URL for AD FS. */
  appliesTo: string;
  username: string;
  password: string;
  trust: TrustVersion;
  /** Default: a fresh HTTP transport, closed after the exchange. */
  transport?: Transport;
  /** Milliseconds for the whole exchange. */
  timeout?: number;
  /** WS-Addressing version of the request headers (default `2005/08`, as the STSs above expect). */
  addressing?: AddressingVersion;
  /** Asks for a kind of proof key (`KeyType`); left out by default. */
  keyType?: TrustKeyType;
  /** Aborts the exchange. */
  signal?: AbortSignal;
  /** The clock for the request Timestamp (default `Date.now`). */
  now?: () => number;
}

/** Checks the options, naming the first wrong one (never showing a password). */
export function checkTrustOptions(options: RequestSecurityTokenOptions): void {
  if (typeof options !== 'object' || options === null) throw new AuthOptionsError('options', 'expected an object');
  let url: URL;
  try {
    url = new URL(options.endpoint);
  } catch {
    throw new AuthOptionsError('endpoint', 'expected an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AuthOptionsError('endpoint', 'expected http or https');
  if (typeof options.appliesTo !== 'string' || options.appliesTo === '') {
    throw new AuthOptionsError('appliesTo', 'expected the relying party URN or URL');
  }
  if (typeof options.username !== 'string' || options.username === '')
    throw new AuthOptionsError('username', 'expected a string');
  if (typeof options.password !== 'string') throw new AuthOptionsError('password', 'expected a string');
  if (!isTrustVersion(options.trust)) throw new AuthOptionsError('trust', "expected '2005/02' or '1.3'");
  if (options.addressing !== undefined && options.addressing !== '2005/08' && options.addressing !== '2004/08') {
    throw new AuthOptionsError('addressing', "expected '2005/08' or '2004/08'");
  }
  if (options.keyType !== undefined && !(options.keyType in TRUST_VERSIONS[options.trust].keyTypes)) {
    throw new AuthOptionsError('keyType', 'expected Bearer, SymmetricKey or PublicKey');
  }
  if (options.timeout !== undefined && !(options.timeout >= 0))
    throw new AuthOptionsError('timeout', 'expected ms >= 0');
}

/**
 * Asks the STS for a token for `appliesTo`. Resolves to the issued token; rejects with `AuthenticationError`
 * (`AUTH_FAILED`) when the STS refuses (its Reason and detail kept, the password never), `TrustResponseError`
 * when the answer holds no token, and the transport's errors when no answer came.
 */
export async function requestSecurityToken(options: RequestSecurityTokenOptions): Promise<IssuedToken> {
  checkTrustOptions(options);
  const info = TRUST_VERSIONS[options.trust];
  const body = rstEnvelope(options);
  const transport = options.transport ?? createHttpTransport();
  let response: TransportResponse;
  try {
    response = await transport.send({
      url: options.endpoint,
      method: 'POST',
      headers: requestHeaders('1.2', info.issueAction),
      body,
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    if (!options.transport) await transport.close();
  }
  return readAnswer(response, options);
}

const XML_TYPES = new Set(['application/soap+xml', 'text/xml', 'application/xml']);

function readAnswer(response: TransportResponse, options: RequestSecurityTokenOptions): IssuedToken {
  const secrets = [options.password];
  const mediaType = parseContentType(response.contentType)?.mediaType;
  if (response.body.length === 0 || mediaType === undefined || !XML_TYPES.has(mediaType)) {
    if (response.status === 401 || response.status === 403) {
      throw new AuthenticationError({
        endpoint: options.endpoint,
        reason: `HTTP ${response.status}`,
        status: response.status,
      });
    }
    throw httpStatusError(response);
  }
  const charset = charsetOf(response.contentType)?.toLowerCase();
  const text = response.body.toString(charset === 'utf-16' || charset === 'utf-16le' ? 'utf16le' : 'utf8');
  try {
    return readRstr(text, options.trust, { source: options.endpoint, secrets, status: response.status });
  } catch (error) {
    // An error page served as XML: the status says more than the parse error.
    if (response.status >= 400 && !(error instanceof AuthenticationError) && error instanceof SoapstackError) {
      throw Object.assign(httpStatusError(response), { cause: error });
    }
    throw error;
  }
}
