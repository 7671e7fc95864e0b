/**
 * The memory of nonces already seen, against replay.
 *
 * UsernameToken Profile 1.1, section 4 (Threat Model) and section 3.1: a nonce is a counter-measure against
 * replay only if the receiver remembers the nonces it accepted; combined with Created, the receiver need only
 * remember them for the freshness window it enforces on Created, which bounds the memory needed. This cache
 * holds each `nonce + created` until that window closes for it, and never more than `maxEntries` of them.
 *
 * When it is full of entries still inside their window, the oldest is dropped and its expiry becomes a floor:
 * from then on a token whose window would close at or before the floor is refused as a possible replay (it
 * might be the one dropped). Under a flood the cache thus refuses older tokens rather than forgetting them.
 */

/** Where a verifier records the nonces it accepted (the in-memory `NonceCache`, or a shared store). */
export interface NonceStore {
  /**
   * Records `key` until `expiresAt` (milliseconds since the epoch) and returns true, or returns false when it
   * cannot be accepted as new: already seen and not yet expired, or older than what the store could keep.
   */
  remember(key: string, expiresAt: number, now: number): boolean | Promise<boolean>;
}

/** Options of `NonceCache`. */
export interface NonceCacheOptions {
  /** The most entries kept (default 100,000: a few MB). */
  maxEntries?: number;
}

/** An in-memory `NonceStore`, bounded in size, for one process. */
export class NonceCache implements NonceStore {
  private readonly entries = new Map<string, number>();
  private readonly maxEntries: number;
  /** Tokens whose window closes at or before this instant may have been dropped early: refused. */
  private floor = Number.NEGATIVE_INFINITY;

  constructor(options: NonceCacheOptions = {}) {
    const max = options.maxEntries ?? 100_000;
    if (!Number.isInteger(max) || max < 1) throw new RangeError('NonceCache: maxEntries must be a positive integer');
    this.maxEntries = max;
  }

  /** How many nonces are remembered now. */
  get size(): number {
    return this.entries.size;
  }

  remember(key: string, expiresAt: number, now: number): boolean {
    this.sweep(now);
    const seen = this.entries.get(key);
    if (seen !== undefined && seen > now) return false;
    if (expiresAt <= this.floor) return false;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const [oldest, until] = this.entries.entries().next().value as [string, number];
      this.entries.delete(oldest);
      if (until > this.floor) this.floor = until;
    }
    this.entries.set(key, expiresAt);
    return true;
  }

  /** Drops expired entries from the front (entries are added roughly in expiry order, so this is cheap). */
  private sweep(now: number): void {
    for (const [key, until] of this.entries) {
      if (until > now) break;
      this.entries.delete(key);
    }
  }
}
