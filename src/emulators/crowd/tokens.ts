/**
 * Application and principal tokens: random, opaque, bound to the application or principal they were issued
 * to, with the validation factors given when they were issued. A token lives `ttlMs` from its last use (Crowd's
 * session timeout slides with activity), on the injected clock, and can be invalidated one by one or all at once
 * (a restart of the server).
 */
import { randomBytes } from 'node:crypto';

/** A validation factor (remote_address, User-Agent, ...), as recorded with a token. */
export interface ValidationFactor {
  readonly name: string;
  readonly value: string;
}

/** One issued token. */
export interface IssuedToken {
  readonly token: string;
  /** The application name (application tokens) or the principal name (principal tokens). */
  readonly subject: string;
  /** The application that asked for a principal token (empty for application tokens). */
  readonly application: string;
  readonly factors: readonly ValidationFactor[];
  readonly created: number;
  lastAccessed: number;
}

/**
 * A new token: 16 random bytes in base64url and the `00` suffix real Crowd tokens end with
 * (`J8n5KCem7Djk30zel0rUdA00` in the captures).
 */
export function newToken(): string {
  return `${randomBytes(16).toString('base64url')}00`;
}

/** The tokens of one kind. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  /** @param ttlMs lifetime after the last use, in milliseconds; `now` the clock (ms since the epoch) */
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** Issues a token to `subject`. */
  issue(subject: string, factors: readonly ValidationFactor[], application = ''): IssuedToken {
    const now = this.now();
    this.sweep(now);
    const entry: IssuedToken = {
      token: newToken(),
      subject,
      application,
      factors: factors.map((f) => ({ name: f.name, value: f.value })),
      created: now,
      lastAccessed: now,
    };
    this.tokens.set(entry.token, entry);
    return entry;
  }

  /** The live token `token` (its use moves its expiry), or undefined when unknown or expired. */
  use(token: string): IssuedToken | undefined {
    const entry = this.peek(token);
    if (entry) entry.lastAccessed = this.now();
    return entry;
  }

  /** The live token `token` without touching it. */
  peek(token: string): IssuedToken | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (this.expired(entry, this.now())) {
      this.tokens.delete(token);
      return undefined;
    }
    return entry;
  }

  /** The live tokens `predicate` accepts (a principal's sessions, say), without touching them. */
  find(predicate: (entry: IssuedToken) => boolean): IssuedToken[] {
    const now = this.now();
    return [...this.tokens.values()].filter((e) => !this.expired(e, now) && predicate(e));
  }

  /** Forgets `token`; true when it was known. */
  invalidate(token: string): boolean {
    return this.tokens.delete(token);
  }

  /** Forgets every token whose subject is `subject` (a removed principal or application). */
  invalidateSubject(subject: string): void {
    for (const [token, entry] of this.tokens) if (entry.subject === subject) this.tokens.delete(token);
  }

  /** Forgets every token. */
  clear(): void {
    this.tokens.clear();
  }

  /** How many tokens are held (expired ones included until swept). */
  get size(): number {
    return this.tokens.size;
  }

  private expired(entry: IssuedToken, now: number): boolean {
    return now - entry.lastAccessed >= this.ttlMs;
  }

  /** Drops expired tokens now and then, so that a long run does not grow without bound. */
  private sweep(now: number): void {
    if (this.tokens.size < 1024) return;
    for (const [token, entry] of this.tokens) if (this.expired(entry, now)) this.tokens.delete(token);
  }
}
