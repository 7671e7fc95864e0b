/**
 * The tokens the emulator issues and accepts. A WS-Trust token is opaque to its holder (an EncryptedData
 * whose two CipherValues are random bytes, as the real one is opaque to everyone but the service): the
 * service recognises it by those two values, compared in constant time, and refuses it once its lifetime is
 * over. An OAuth access token is 32 random bytes. Nothing here is ever logged.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Who a token was issued to. */
export interface TokenSubject {
  readonly userId: string;
  readonly username: string;
}

/** A WS-Trust token, as the STS writes it. */
export interface IssuedTrustToken {
  /** The EncryptedKey's CipherValue (base64). */
  readonly keyCipher: string;
  /** The EncryptedData's CipherValue (base64). */
  readonly dataCipher: string;
  /** The SAML assertion id the attached references name. */
  readonly assertionId: string;
  /** The proof key (base64). */
  readonly proofKey: string;
  readonly created: Date;
  readonly expires: Date;
}

interface Entry {
  readonly subject: TokenSubject;
  readonly expires: number;
  readonly secret: Buffer;
}

/** What a lookup found. */
export type TokenLookup =
  | { readonly ok: true; readonly subject: TokenSubject }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

/** Issued tokens, by the value that names them. */
export class TokenRegistry {
  private readonly trust = new Map<string, Entry>();
  private readonly bearer = new Map<string, Entry>();

  /**
   * @param ttl lifetime of every token, in seconds
   * @param now the clock, in milliseconds since the epoch
   */
  constructor(
    readonly ttl: number,
    private readonly now: () => number,
  ) {}

  /** Issues a WS-Trust token to `subject`. */
  issueTrustToken(subject: TokenSubject): IssuedTrustToken {
    const created = this.now();
    const expires = created + this.ttl * 1000;
    const keyCipher = randomBytes(256).toString('base64');
    const dataCipher = randomBytes(768).toString('base64');
    this.trust.set(dataCipher, { subject, expires, secret: Buffer.from(keyCipher) });
    this.sweep(this.trust);
    return {
      keyCipher,
      dataCipher,
      assertionId: `uuid-${randomUUID()}`,
      proofKey: randomBytes(24).toString('base64'),
      created: new Date(created),
      expires: new Date(expires),
    };
  }

  /** The subject of the WS-Trust token with these CipherValues. */
  findTrustToken(keyCipher: string, dataCipher: string): TokenLookup {
    return this.check(this.trust.get(dataCipher), keyCipher);
  }

  /** Issues an OAuth access token; resolves to the token and its lifetime in seconds. */
  issueBearer(subject: TokenSubject): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.bearer.set(token.slice(0, 16), { subject, expires: this.now() + this.ttl * 1000, secret: Buffer.from(token) });
    this.sweep(this.bearer);
    return { token, expiresIn: this.ttl };
  }

  /** The subject of an OAuth access token. */
  findBearer(token: string): TokenLookup {
    return this.check(this.bearer.get(token.slice(0, 16)), token);
  }

  /** Forgets every token. */
  clear(): void {
    this.trust.clear();
    this.bearer.clear();
  }

  private check(entry: Entry | undefined, secret: string): TokenLookup {
    const given = Buffer.from(secret);
    if (!entry || entry.secret.length !== given.length || !timingSafeEqual(entry.secret, given))
      return { ok: false, reason: 'unknown' };
    if (entry.expires <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, subject: entry.subject };
  }

  /** Drops expired tokens now and then, so a long run does not grow without bound. */
  private sweep(map: Map<string, Entry>): void {
    if (map.size % 256 !== 0) return;
    const now = this.now();
    for (const [key, entry] of map) if (entry.expires <= now) map.delete(key);
  }
}
