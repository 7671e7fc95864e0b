/**
 * The `wsSecurity` call plugin: a fresh wsse:Security header on every call (a new Timestamp, a new Nonce and
 * Created, the current issued token), so a client kept for hours never sends a stale one.
 */
import { randomBytes } from 'node:crypto';
import type { CallPlugin } from '../../soap/call-plugin.js';
import type { XmlWriter } from '../../xml/writer.js';
import { DEFAULT_TIMESTAMP_VALIDITY, type SecurityHeaderOptions, writeSecurityHeader } from './header.js';
import type { IssuedTokenInput } from './issued-token.js';
import { NONCE_BYTES } from './username-token.js';

/** Options of `wsSecurity`. */
export interface WsSecurityOptions {
  /** Add a wsu:Timestamp (default true), optionally with its validity in seconds (default 300). */
  timestamp?: boolean | { validity?: number };
  /** Add a UsernameToken; `digest` sends `#PasswordDigest` with a fresh Nonce and Created. */
  usernameToken?: { username: string; password: string; digest?: boolean };
  /** The issued token to carry, asked for on every call (a token provider's cached, renewed token). */
  issuedToken?: () => Promise<IssuedTokenInput> | IssuedTokenInput;
  /** `mustUnderstand` on the Security block (default true). */
  mustUnderstand?: boolean;
  /** The clock (default `new Date()`), read once per call. */
  now?: () => Date;
}

/** A call plugin that writes a fresh wsse:Security header block on every call. */
export function wsSecurity(options: WsSecurityOptions): CallPlugin {
  const stamp = options.timestamp ?? true;
  const validity =
    typeof stamp === 'object' ? (stamp.validity ?? DEFAULT_TIMESTAMP_VALIDITY) : DEFAULT_TIMESTAMP_VALIDITY;
  if (!(validity > 0)) throw new RangeError('wsSecurity: timestamp validity must be a positive number of seconds');
  const user = options.usernameToken;
  const clock = options.now ?? (() => new Date());
  return {
    name: 'ws-security',
    async prepare(call) {
      // Every time and random value is drawn here, once per attempt: the block writes the same text if the
      // client writes it twice (for a log, say), and a retry gets new ones.
      const now = clock();
      const header: SecurityHeaderOptions = { soapVersion: call.version };
      if (options.mustUnderstand !== undefined) header.mustUnderstand = options.mustUnderstand;
      if (stamp !== false) header.timestamp = { created: now, validity };
      if (user) {
        header.usernameToken = {
          username: user.username,
          password: user.password,
          ...(user.digest ? { digest: true, nonce: randomBytes(NONCE_BYTES), created: now } : {}),
        };
      }
      if (options.issuedToken) header.issuedToken = await options.issuedToken();
      return { soapHeaders: [(w: XmlWriter) => writeSecurityHeader(w, header)] };
    },
  };
}
