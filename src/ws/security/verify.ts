/**
 * The verifying side of WS-Security, for servers and emulators: finds the wsse:Security header block meant for
 * this node, checks its Timestamp, UsernameToken and issued tokens, and refuses with a `SecurityFault` whose
 * code is one of WSS 1.1 section 12's.
 *
 * WSS 1.1 SOAP Message Security, section 6.1: "A message MAY have multiple <wsse:Security> header blocks if they
 * are targeted for separate recipients. However, only one <wsse:Security> header block MAY omit the S11:actor or
 * S12:role attributes." Section 10 (Timestamps): a receiver refuses a message whose Timestamp has expired, and
 * may allow for clock skew between sender and receiver. UsernameToken Profile 1.1 section 4: a receiver keeps
 * the nonces it saw for the freshness window it enforces on Created.
 *
 * Signatures (ds:Signature) and encrypted headers are not processed here: a header that relies on them must be
 * checked by whatever understands them.
 */
import { soapVersionInfo } from '../../soap/version.js';
import type { XmlDocument, XmlElement } from '../../xml/types.js';
import { DSIG_NS, WSSE_NS, WSSE11_NS, WSU_NS, XENC_NS } from './constants.js';
import { SecurityFault } from './fault.js';
import { NonceCache, type NonceStore } from './nonce-cache.js';
import { parseDateTime } from './time.js';
import { readTimestampTexts } from './timestamp.js';
import { verifyUsernameToken } from './verify-username-token.js';

/** Options of `SecurityVerifier`. */
export interface SecurityVerifierOptions {
  /** Allowed difference between the sender's clock and ours, in seconds (default 300, as WCF). */
  clockSkew?: number;
  /**
   * Oldest Created accepted, in seconds: bounds a UsernameToken's Created (default 300, the freshness window
   * the nonce cache covers) and, when given, a Timestamp's Created too.
   */
  maxAge?: number;
  /** The password of a user (undefined when unknown). Without it, a UsernameToken is refused. */
  passwords?: (username: string) => string | undefined | Promise<string | undefined>;
  /** Where accepted nonces are remembered (default: a `NonceCache` of this verifier's own). */
  nonceCache?: NonceStore;
  /**
   * Decides whether an issued token is one the service accepts (its element, and its exact text). Returning
   * false refuses with `wsse:FailedAuthentication`; it may also throw a `SecurityFault` of its own (for example
   * `wsse:MessageExpired` for an expired token). Without it, issued tokens are returned unchecked.
   */
  issuedTokens?: (token: XmlElement, text: string) => boolean | Promise<boolean>;
  /** Refuse a Security header with no Timestamp (default false). */
  requireTimestamp?: boolean;
  /** The clock (default `new Date()`), for tests and emulators. */
  now?: () => Date;
}

/** What a verified Security header established. */
export interface VerifiedSecurity {
  /** The username of an accepted UsernameToken. */
  username?: string;
  /** The first issued token (accepted by the `issuedTokens` lookup when one is given). */
  issuedToken?: XmlElement;
  /** That token's exact text. */
  issuedTokenXml?: string;
  /** The Timestamp's times, when there was one. */
  timestamp?: { created?: Date; expires?: Date };
}

/** SOAP 1.2 Part 1 section 2.2: the role of the ultimate receiver. */
const ULTIMATE_RECEIVER = 'http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver';
const DEFAULT_SKEW = 300;
const DEFAULT_FRESHNESS = 300;

// Children of Security that are not tokens: signatures, confirmations, encryption manifests.
function isToken(el: XmlElement): boolean {
  if (el.ns === WSU_NS && el.local === 'Timestamp') return false;
  if (el.ns === WSSE_NS && el.local === 'UsernameToken') return false;
  if (el.ns === DSIG_NS && el.local === 'Signature') return false;
  if (el.ns === WSSE11_NS && el.local === 'SignatureConfirmation') return false;
  if (el.ns === XENC_NS && el.local === 'ReferenceList') return false;
  return true;
}

function seconds(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!(v >= 0) || !Number.isFinite(v))
    throw new RangeError(`SecurityVerifier: ${name} must be a non-negative number of seconds`);
  return v * 1000;
}

/** Checks the wsse:Security header of incoming messages (see the module comment). */
export class SecurityVerifier {
  private readonly skew: number;
  private readonly freshness: number;
  private readonly maxAge: number | undefined;
  private readonly nonceCache: NonceStore;
  private readonly clock: () => Date;

  constructor(private readonly options: SecurityVerifierOptions = {}) {
    this.skew = seconds(options.clockSkew, DEFAULT_SKEW, 'clockSkew');
    this.freshness = seconds(options.maxAge, DEFAULT_FRESHNESS, 'maxAge');
    this.maxAge = options.maxAge === undefined ? undefined : this.freshness;
    this.nonceCache = options.nonceCache ?? new NonceCache();
    this.clock = options.now ?? (() => new Date());
  }

  /**
   * Verifies the Security header among `headerBlocks` (the envelope's header blocks; `doc` is the parsed
   * envelope they came from, of which only the text is read, to cut tokens byte-exact: a server's request context
   * can pass `{ text: ctx.envelopeText }`). Resolves with what it established, or rejects with a `SecurityFault`.
   */
  async verify(
    headerBlocks: readonly XmlElement[],
    doc: Pick<XmlDocument, 'text'>,
    soapVersion: '1.1' | '1.2',
  ): Promise<VerifiedSecurity> {
    const now = this.clock().getTime();
    const security = findSecurity(headerBlocks, soapVersion);
    const timestamps: XmlElement[] = [];
    const usernameTokens: XmlElement[] = [];
    const tokens: XmlElement[] = [];
    for (const child of security.children) {
      if (typeof child === 'string') continue;
      if (child.ns === WSU_NS && child.local === 'Timestamp') timestamps.push(child);
      else if (child.ns === WSSE_NS && child.local === 'UsernameToken') usernameTokens.push(child);
      else if (isToken(child)) tokens.push(child);
    }

    const result: VerifiedSecurity = {};
    if (timestamps.length > 1) throw new SecurityFault('wsse:InvalidSecurity', 'more than one Timestamp');
    if (timestamps[0]) result.timestamp = this.checkTimestamp(timestamps[0], now);
    else if (this.options.requireTimestamp) throw new SecurityFault('wsse:InvalidSecurity', 'no Timestamp');

    if (usernameTokens.length > 1) throw new SecurityFault('wsse:InvalidSecurity', 'more than one UsernameToken');
    if (usernameTokens[0]) {
      result.username = await verifyUsernameToken(usernameTokens[0], {
        passwords: this.options.passwords,
        nonceCache: this.nonceCache,
        skew: this.skew,
        freshness: this.freshness,
        now,
      });
    }

    const lookup = this.options.issuedTokens;
    for (const token of tokens) {
      const text = doc.text.slice(token.start, token.end);
      if (lookup && !(await lookup(token, text))) {
        throw new SecurityFault(
          'wsse:FailedAuthentication',
          `the issued token ({${token.ns}}${token.local}) is not accepted`,
        );
      }
      if (!result.issuedToken) {
        result.issuedToken = token;
        result.issuedTokenXml = text;
      }
    }

    const authenticating = this.options.passwords !== undefined || lookup !== undefined;
    if (authenticating && result.username === undefined && result.issuedToken === undefined) {
      throw new SecurityFault('wsse:InvalidSecurity', 'the Security header carries no token');
    }
    return result;
  }

  /** WSS 1.1 section 10: Created not in the future, Expires not past (both give or take the skew). */
  private checkTimestamp(el: XmlElement, now: number): { created?: Date; expires?: Date } {
    const texts = readTimestampTexts(el);
    if (texts.created.length > 1 || texts.expires.length > 1) {
      throw new SecurityFault('wsse:InvalidSecurity', 'Timestamp has more than one Created or Expires');
    }
    const createdAt = texts.order.indexOf('Created');
    if (createdAt > 0 || (createdAt === -1 && texts.created.length > 0)) {
      throw new SecurityFault('wsse:InvalidSecurity', 'Timestamp Created must come first');
    }
    const created = texts.created[0] === undefined ? undefined : parseDateTime(texts.created[0]);
    const expires = texts.expires[0] === undefined ? undefined : parseDateTime(texts.expires[0]);
    if (
      (texts.created[0] !== undefined && created === undefined) ||
      (texts.expires[0] !== undefined && expires === undefined)
    ) {
      throw new SecurityFault('wsse:InvalidSecurity', 'Timestamp holds a time that is not an xsd:dateTime');
    }
    if (created !== undefined && expires !== undefined && expires < created) {
      throw new SecurityFault('wsse:InvalidSecurity', 'Timestamp Expires is before Created');
    }
    if (created !== undefined && created > now + this.skew) {
      throw new SecurityFault('wsse:MessageExpired', 'Timestamp Created is in the future');
    }
    if (expires !== undefined && expires < now - this.skew) {
      throw new SecurityFault('wsse:MessageExpired', 'Timestamp has expired');
    }
    if (created !== undefined && this.maxAge !== undefined && created < now - this.maxAge - this.skew) {
      throw new SecurityFault('wsse:MessageExpired', 'Timestamp Created is older than maxAge');
    }
    return {
      ...(created !== undefined ? { created: new Date(created) } : {}),
      ...(expires !== undefined ? { expires: new Date(expires) } : {}),
    };
  }
}

/**
 * The Security block targeted at this node: no actor/role, or the ultimate receiver (1.2), or "next".
 * None is `wsse:InvalidSecurity`; more than one for this node too (section 6.1).
 */
export function findSecurity(headerBlocks: readonly XmlElement[], soapVersion: '1.1' | '1.2'): XmlElement {
  const info = soapVersionInfo(soapVersion);
  const mine = headerBlocks.filter((block) => {
    if (block.ns !== WSSE_NS || block.local !== 'Security') return false;
    const role = block.attrs.find((a) => a.ns === info.envelopeNs && a.local === info.roleAttribute)?.value.trim();
    return !role || role === info.nextRole || role === ULTIMATE_RECEIVER;
  });
  if (mine.length === 0) throw new SecurityFault('wsse:InvalidSecurity', 'no wsse:Security header for this node');
  if (mine.length > 1)
    throw new SecurityFault('wsse:InvalidSecurity', 'more than one wsse:Security header for this node');
  return mine[0]!;
}
