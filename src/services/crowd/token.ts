/**
 * The application token's life in the client: acquired on first use, one acquisition shared by every call
 * that needs it meanwhile, reused until the server refuses it, then forgotten once (not once per refused
 * call) so that a burst of calls refused with the same stale token causes one re-authentication.
 *
 * Crowd's documentation: "If you receive a SOAP fault for an invalid application client you will need to
 * re-authenticate your application client and re-invoke the SOAP service."
 */
import type { ApplicationToken } from './types.js';

/** Acquires a new application token (calls `authenticateApplication`). */
export type AcquireToken = () => Promise<ApplicationToken>;

/** Caches the application token; see the file comment for the rules. */
export class ApplicationTokenCache {
  private current: ApplicationToken | undefined;
  private acquiredAt = 0;
  private pending: Promise<ApplicationToken> | undefined;

  /**
   * @param acquire how to get a new token
   * @param maxAge milliseconds after which a cached token is renewed before use (undefined: until refused)
   * @param now the clock for `maxAge`
   */
  constructor(
    private readonly acquire: AcquireToken,
    private readonly maxAge: number | undefined,
    private readonly now: () => number,
  ) {}

  /** The cached token, or the one being acquired, or a newly acquired one. */
  get(): Promise<ApplicationToken> {
    const current = this.current;
    if (current && (this.maxAge === undefined || this.now() - this.acquiredAt < this.maxAge)) {
      return Promise.resolve(current);
    }
    return this.renew();
  }

  /** Acquires a new token now (joining an acquisition already under way) and caches it. */
  renew(): Promise<ApplicationToken> {
    if (this.pending) return this.pending;
    this.current = undefined;
    const pending = this.acquire().then(
      (token) => {
        if (this.pending === pending) {
          this.current = token;
          this.acquiredAt = this.now();
          this.pending = undefined;
        }
        return token;
      },
      (error: unknown) => {
        if (this.pending === pending) this.pending = undefined;
        throw error;
      },
    );
    this.pending = pending;
    return pending;
  }

  /** Forgets `token` if it is still the cached one (a newer token is kept); with no argument, forgets any. */
  invalidate(token?: ApplicationToken): void {
    if (token === undefined || this.current === token) this.current = undefined;
  }

  /** The token cached now, if any (no acquisition). */
  peek(): ApplicationToken | undefined {
    return this.current;
  }
}
