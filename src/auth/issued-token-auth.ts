/**
 * `issuedTokenAuth`: the issued token (from a WS-Trust provider) in a fresh wsse:Security header on every
 * call, with a new Timestamp each time, plus fresh WS-Addressing headers (new MessageID, Action, To).
 *
 * This is the cure for the article's "session expired after 5 minutes": its readers built the Security
 * header once and reused it, so its 5-minute Timestamp went stale while the token itself was good for hours.
 * Here the header is written per attempt, and the token is renewed before its Lifetime ends; after a
 * security fault the token the call was sent with is invalidated and the call retried once.
 */
import type { CallInfo, CallPlugin } from '../soap/call-plugin.js';
import type { SoapVersion } from '../soap/version.js';
import { type AddressingVersion, newMessageId, writeAddressingHeaders } from '../ws/addressing.js';
import { DEFAULT_TIMESTAMP_VALIDITY, writeSecurityHeader } from '../ws/security/header.js';
import { AuthOptionsError } from '../ws/trust/errors.js';
import type { IssuedToken } from '../ws/trust/rstr.js';
import type { XmlWriter } from '../xml/writer.js';
import { isAuthFault } from './auth-fault.js';
import type { Expiring, TokenProvider } from './provider.js';

/** Options of `issuedTokenAuth`. */
export interface IssuedTokenAuthOptions {
  /** The SOAP version of the calls (default: the call's own). */
  soapVersion?: SoapVersion;
  /** Also write WS-Addressing headers (default true: Dynamics CRM requires them). */
  addressing?: boolean;
  /** The WS-Addressing version (default `2005/08`). */
  addressingVersion?: AddressingVersion;
  /** Validity of each call's Timestamp, seconds (default 300). */
  timestampValidity?: number;
  /** The clock for the Timestamp (default `Date.now`). */
  now?: () => number;
}

/** A call plugin carrying `provider`'s issued token in a fresh Security header (see the file comment). */
export function issuedTokenAuth(
  provider: TokenProvider<IssuedToken>,
  options: IssuedTokenAuthOptions = {},
): CallPlugin {
  if (typeof provider?.getToken !== 'function') throw new AuthOptionsError('provider', 'expected a TokenProvider');
  if (options.soapVersion !== undefined && options.soapVersion !== '1.1' && options.soapVersion !== '1.2') {
    throw new AuthOptionsError('soapVersion', "expected '1.1' or '1.2'");
  }
  const validity = options.timestampValidity ?? DEFAULT_TIMESTAMP_VALIDITY;
  if (!(validity > 0)) throw new AuthOptionsError('timestampValidity', 'expected seconds > 0');
  const addressing = options.addressing ?? true;
  const now = options.now ?? Date.now;
  const used = new WeakMap<CallInfo, Expiring<IssuedToken>>();
  return {
    name: 'issued-token-auth',
    async prepare(call) {
      const token = await provider.getToken(call.signal);
      used.set(call, token);
      const soapVersion = options.soapVersion ?? call.version;
      // Drawn once per attempt: written twice (for a log), the block says the same; a retry gets new ones.
      const created = new Date(now());
      const messageId = newMessageId();
      const blocks: Array<(w: XmlWriter) => void> = [];
      if (addressing) {
        blocks.push((w) =>
          writeAddressingHeaders(w, {
            action: call.action,
            messageId,
            to: call.url,
            soapVersion,
            ...(options.addressingVersion ? { version: options.addressingVersion } : {}),
          }),
        );
      }
      blocks.push((w) => writeSecurityHeader(w, { soapVersion, timestamp: { created, validity }, issuedToken: token }));
      return { soapHeaders: blocks };
    },
    retryAfter(error, call) {
      const token = used.get(call);
      if (!token || !isAuthFault(error)) return false;
      provider.invalidate(token);
      return call.attempt === 0;
    },
  };
}
