/**
 * Checking a received wsse:UsernameToken (UsernameToken Profile 1.1, sections 3.1 and 4): the password (text
 * or digest, compared in constant time), the freshness of Created, and the nonce against replay.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { XmlElement } from '../../xml/types.js';
import { BASE64_BINARY, PASSWORD_DIGEST, PASSWORD_TEXT, WSSE_NS, WSU_NS } from './constants.js';
import { SecurityFault } from './fault.js';
import type { NonceStore } from './nonce-cache.js';
import { parseDateTime } from './time.js';
import { textContent } from './timestamp.js';
import { passwordDigest } from './username-token.js';

/** What the token check needs from the verifier's options. */
export interface UsernameTokenPolicy {
  passwords: ((username: string) => string | undefined | Promise<string | undefined>) | undefined;
  nonceCache: NonceStore;
  /** Milliseconds. */
  skew: number;
  /** Milliseconds: how old a Created may be. */
  freshness: number;
  now: number;
}

interface TokenParts {
  username: string;
  password?: { type: string; value: string };
  nonce?: { bytes: Buffer; text: string };
  created?: { text: string; time: number };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function only(token: XmlElement, ns: string, local: string): XmlElement | undefined {
  let found: XmlElement | undefined;
  for (const child of token.children) {
    if (typeof child === 'string' || child.ns !== ns || child.local !== local) continue;
    if (found) throw new SecurityFault('wsse:InvalidSecurityToken', `UsernameToken has more than one ${local}`);
    found = child;
  }
  return found;
}

function rawText(el: XmlElement): string {
  let out = '';
  for (const child of el.children) if (typeof child === 'string') out += child;
  return out;
}

function attr(el: XmlElement, local: string): string | undefined {
  return el.attrs.find((a) => a.ns === '' && a.local === local)?.value.trim();
}

/** Reads the token's parts; a malformed token is `wsse:InvalidSecurityToken` (WSS 1.1 section 12). */
function readToken(token: XmlElement): TokenParts {
  const user = only(token, WSSE_NS, 'Username');
  if (!user) throw new SecurityFault('wsse:InvalidSecurityToken', 'UsernameToken has no Username');
  const parts: TokenParts = { username: rawText(user) };
  const password = only(token, WSSE_NS, 'Password');
  // Profile 1.1 section 3.1: Type is optional and defaults to #PasswordText.
  if (password) parts.password = { type: attr(password, 'Type') || PASSWORD_TEXT, value: rawText(password) };
  const nonce = only(token, WSSE_NS, 'Nonce');
  if (nonce) {
    const encoding = attr(nonce, 'EncodingType') || BASE64_BINARY;
    if (encoding !== BASE64_BINARY)
      throw new SecurityFault('wsse:InvalidSecurityToken', 'Nonce has an unsupported EncodingType');
    const text = textContent(nonce).replace(/[ \t\r\n]+/g, '');
    if (text === '' || text.length % 4 !== 0 || !BASE64.test(text)) {
      throw new SecurityFault('wsse:InvalidSecurityToken', 'Nonce is not base64');
    }
    parts.nonce = { bytes: Buffer.from(text, 'base64'), text };
  }
  const created = only(token, WSU_NS, 'Created');
  if (created) {
    // The digest covers Created's text as sent; the time is parsed from the same text, trimmed.
    const text = rawText(created);
    const time = parseDateTime(text);
    if (time === undefined)
      throw new SecurityFault('wsse:InvalidSecurityToken', 'UsernameToken Created is not a dateTime');
    parts.created = { text, time };
  }
  return parts;
}

/** Constant-time equality of two secrets of any lengths (each is hashed first, so lengths leak nothing). */
function sameSecret(a: Buffer, b: Buffer): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

// Used when the user is unknown, so that an unknown name costs the same time as a wrong password.
const NO_PASSWORD = 'soapstack:no-such-user';

/** Verifies a UsernameToken and returns the authenticated username, or throws a `SecurityFault`. */
export async function verifyUsernameToken(token: XmlElement, policy: UsernameTokenPolicy): Promise<string> {
  const parts = readToken(token);
  const { now, skew, freshness } = policy;
  if (!parts.password) throw new SecurityFault('wsse:FailedAuthentication', 'UsernameToken carries no Password');
  const digest = parts.password.type === PASSWORD_DIGEST;
  if (!digest && parts.password.type !== PASSWORD_TEXT) {
    throw new SecurityFault('wsse:UnsupportedSecurityToken', 'UsernameToken Password has an unknown Type');
  }
  if (digest && (!parts.nonce || !parts.created)) {
    // Profile 1.1 section 4: without both, a captured digest could be replayed at will.
    throw new SecurityFault('wsse:InvalidSecurityToken', 'a PasswordDigest needs a Nonce and a Created');
  }
  if (parts.created) {
    if (parts.created.time > now + skew) {
      throw new SecurityFault('wsse:MessageExpired', 'UsernameToken Created is in the future');
    }
    if (parts.created.time < now - freshness - skew) {
      throw new SecurityFault('wsse:MessageExpired', 'UsernameToken Created is older than the freshness window');
    }
  }
  if (!policy.passwords) throw new SecurityFault('wsse:FailedAuthentication', 'no password lookup is configured');

  const known = await policy.passwords(parts.username);
  const secret = known ?? NO_PASSWORD;
  let match: boolean;
  if (digest) {
    const expected = Buffer.from(passwordDigest(parts.nonce!.bytes, parts.created!.text, secret), 'base64');
    const received = Buffer.from(parts.password.value.trim(), 'base64');
    match = sameSecret(expected, received);
  } else {
    match = sameSecret(Buffer.from(secret, 'utf8'), Buffer.from(parts.password.value, 'utf8'));
  }
  // One reason for both: an attacker must not learn which usernames exist.
  if (!match || known === undefined) {
    throw new SecurityFault('wsse:FailedAuthentication', 'the username or password is not accepted');
  }

  if (parts.nonce) {
    // Recorded only once authenticated, so a forged token cannot burn a genuine nonce in flight. Kept until
    // the token's Created leaves the window, after which the check above refuses it anyway.
    const from = parts.created?.time ?? now;
    const key = `${parts.nonce.text}\u0000${parts.created?.text.trim() ?? ''}`;
    const fresh = await policy.nonceCache.remember(key, from + freshness + skew, now);
    if (!fresh) throw new SecurityFault('wsse:FailedAuthentication', 'the nonce was already used (replay)');
  }
  return parts.username;
}
