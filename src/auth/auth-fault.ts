/**
 * `isAuthFault`: the one rule deciding whether a failed call was refused for its credential, so that a plugin
 * may drop the token, acquire a new one and retry once. The rule:
 *
 * 1. HTTP 401 (RFC 9110 15.5.2; RFC 6750 section 3: an invalid or expired bearer token is answered 401 with
 *    `WWW-Authenticate: Bearer error="invalid_token"`) — any error carrying `status: 401`;
 * 2. a SOAP fault whose code or any subcode is one of WS-Security's authentication fault codes (WSS 1.1 SOAP
 *    Message Security section 12): `wsse:FailedAuthentication`, `wsse:InvalidSecurity`,
 *    `wsse:InvalidSecurityToken`, `wsse:SecurityTokenUnavailable`, `wsse:MessageExpired`; or one of WS-Trust's
 *    (1.3 section 11, and the Feb 2005 submission): `FailedAuthentication`, `InvalidSecurityToken`,
 *    `ExpiredData`, `RenewNeeded`. A code written with an undeclared `wsse:` prefix (seen in the field) counts
 *    too, by its local name;
 * 3. a SOAP fault whose reason says the security token is expired or invalid ("The security token is
 *    expired", "An error occurred when verifying security for the message" — WCF's words for an expired or
 *    unreadable issued token, as Dynamics CRM answers after the token's lifetime).
 *
 * Everything else (a business fault, a transport error, a refused sign-in at the STS) is not an auth fault:
 * retrying it with a new token would not help. Plugins retry at most once, so even a wrong "yes" cannot loop.
 */
import { isSoapFault, type SoapFault } from '../soap/fault.js';
import { WSSE_NS } from '../ws/security/constants.js';
import { TRUST_VERSIONS } from '../ws/trust/versions.js';

const WSS_CODES = new Set([
  'FailedAuthentication',
  'InvalidSecurity',
  'InvalidSecurityToken',
  'SecurityTokenUnavailable',
  'MessageExpired',
]);
const TRUST_CODES = new Set(['FailedAuthentication', 'InvalidSecurityToken', 'ExpiredData', 'RenewNeeded']);
const TRUST_NAMESPACES = new Set(Object.values(TRUST_VERSIONS).map((v) => v.ns));

const REASONS = [
  /\b(security )?token\b[^.]*\b(expired|invalid|not valid|no longer valid|could not be authenticated)/i,
  /\b(expired|invalid)\b[^.]*\bsecurity token\b/i,
  /error occurred when verifying security for the message/i,
  /\bmessage (has )?expired\b/i,
];

/** True when `error` says the call's credential was refused (see the rule in the file comment). */
export function isAuthFault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { status?: unknown }).status === 401 && (error as { code?: unknown }).code !== 'AUTH_FAILED')
    return true;
  if (!isSoapFault(error)) return false;
  return [error.faultCode, ...error.subcodes].some(isAuthCode) || REASONS.some((r) => r.test(reasonsOf(error)));
}

function reasonsOf(fault: SoapFault): string {
  return fault.reasons.map((r) => r.text).join(' ') || fault.reason;
}

/** A Clark key `{ns}local` (or a bare/prefixed name from a lenient reader) that names an auth fault code. */
function isAuthCode(key: string): boolean {
  let ns = '';
  let local = key;
  if (key.startsWith('{')) {
    const close = key.indexOf('}');
    ns = key.slice(1, close);
    local = key.slice(close + 1);
  }
  const colon = local.lastIndexOf(':');
  const prefix = colon === -1 ? '' : local.slice(0, colon);
  if (colon !== -1) local = local.slice(colon + 1);
  if (ns === WSSE_NS) return WSS_CODES.has(local);
  if (TRUST_NAMESPACES.has(ns)) return TRUST_CODES.has(local);
  // An unresolved `wsse:Code` (prefix not declared) or a 1.1 dotted subcode: judged by name.
  if (ns === '' || prefix === 'wsse') return WSS_CODES.has(local) || TRUST_CODES.has(local);
  return false;
}
