/**
 * The errors of sign-in. `AuthenticationError` (`AUTH_FAILED`) is what every failed sign-in becomes, whatever
 * the mechanism (a WS-Trust fault, an OAuth error response): it carries the service's own words (`reason`,
 * `detail`) and never a password, token or client secret. It lives here, at the lowest layer that raises it;
 * `src/auth` re-exports it.
 */
import { SoapstackError } from '../../errors.js';

/** What an `AuthenticationError` is built from. */
export interface AuthenticationErrorInit {
  /** The URL of the token service, shown without query string or user info. */
  endpoint: string;
  /** The service's short reason (SOAP fault Reason, OAuth `error`), when it gave one. */
  reason?: string;
  /** The service's longer explanation (fault detail text, OAuth `error_description`). */
  detail?: string;
  /** The HTTP status of the answer, when known. */
  status?: number;
  /** Secret values to scrub from `reason` and `detail` should the service echo one back. */
  secrets?: readonly string[];
  cause?: unknown;
}

/** A sign-in refused by the token service (bad credentials, unknown relying party, disabled client...). */
export class AuthenticationError extends SoapstackError {
  declare readonly code: 'AUTH_FAILED';
  /** The token service URL (no query string, no user info). */
  readonly endpoint: string;
  /** The service's reason, e.g. `Authentication Failure` or `invalid_client`. */
  readonly reason: string;
  /** The service's detail, e.g. `The entered and stored passwords do not match.` */
  readonly detail: string;
  /** HTTP status of the answer, when known. */
  declare readonly status?: number;

  constructor(init: AuthenticationErrorInit) {
    const reason = scrub(init.reason ?? '', init.secrets);
    const detail = scrub(init.detail ?? '', init.secrets);
    const endpoint = safeUrl(init.endpoint);
    const said = [reason, detail].filter(Boolean).join(': ');
    super('AUTH_FAILED', `sign-in at ${endpoint} failed${said ? `: ${said}` : ''}`, { cause: init.cause });
    this.endpoint = endpoint;
    this.reason = reason;
    this.detail = detail;
    if (init.status !== undefined) this.status = init.status;
  }
}

/** True when `value` is an `AuthenticationError`. */
export function isAuthenticationError(value: unknown): value is AuthenticationError {
  return value instanceof AuthenticationError;
}

/** An RSTR that does not hold what a token response must (no RequestedSecurityToken, not an RSTR at all). */
export class TrustResponseError extends SoapstackError {
  declare readonly code: 'TRUST_INVALID_RESPONSE';
  constructor(message: string, options?: { cause?: unknown }) {
    super('TRUST_INVALID_RESPONSE', message, options);
  }
}

/** Sign-in options that cannot work (missing endpoint, unknown trust version...), raised when built. */
export class AuthOptionsError extends SoapstackError {
  declare readonly code: 'AUTH_INVALID_OPTIONS';
  /** The option at fault. */
  readonly option: string;
  constructor(option: string, problem: string) {
    super('AUTH_INVALID_OPTIONS', `invalid sign-in option ${option}: ${problem}`);
    this.option = option;
  }
}

/** Replaces every occurrence of each secret (of 3+ characters) by `***`. */
export function scrub(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const secret of secrets ?? []) {
    if (secret.length >= 3 && out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** A URL without query, fragment or user info, for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
