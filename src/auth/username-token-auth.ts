/**
 * `usernameTokenAuth`: a fresh wsse:Security header on every call with a Timestamp and a UsernameToken
 * (PasswordText, or PasswordDigest with a new Nonce and Created each time). No retry: a refused password is
 * not cured by sending it again.
 */
import type { CallPlugin } from '../soap/call-plugin.js';
import { wsSecurity } from '../ws/security/plugin.js';
import { AuthOptionsError } from '../ws/trust/errors.js';

/** Options of `usernameTokenAuth`. */
export interface UsernameTokenAuthOptions {
  username: string;
  password: string;
  /** Send `#PasswordDigest` instead of `#PasswordText`. */
  digest?: boolean;
  /** Validity of each call's Timestamp, seconds (default 300). */
  timestampValidity?: number;
}

/** A call plugin signing every call in with a username and password (WSS UsernameToken Profile). */
export function usernameTokenAuth(options: UsernameTokenAuthOptions): CallPlugin {
  if (typeof options?.username !== 'string' || options.username === '')
    throw new AuthOptionsError('username', 'expected a string');
  if (typeof options.password !== 'string') throw new AuthOptionsError('password', 'expected a string');
  const plugin = wsSecurity({
    timestamp: options.timestampValidity !== undefined ? { validity: options.timestampValidity } : true,
    usernameToken: { username: options.username, password: options.password, digest: options.digest === true },
  });
  return { ...plugin, name: 'username-token-auth' };
}
