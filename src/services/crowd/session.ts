/**
 * The application session under every Crowd call: it puts the application token into `in0`, turns faults into
 * `CrowdError`s, and, when the server answers `InvalidAuthorizationTokenException` (the token expired or the
 * server forgot it on restart), forgets the token, authenticates the application again and re-invokes the call
 * ONCE. A second refusal is thrown to the caller: a server that keeps refusing can never cause a loop.
 */
import type { CallOptions, SoapClient } from '../../client/index.js';
import { SoapstackError } from '../../errors.js';
import { isCrowdError, toCrowdError } from './errors.js';
import { ApplicationTokenCache } from './token.js';
import type { ApplicationToken } from './types.js';
import type { CrowdWireProfile } from './wire-profile.js';

/** An answer of SecurityServer that is not what its WSDL promises (e.g. `authenticateApplication` with no token). */
export class CrowdResponseError extends SoapstackError {
  declare readonly code: 'CROWD_UNEXPECTED_RESPONSE';
  constructor(message: string) {
    super('CROWD_UNEXPECTED_RESPONSE', message);
  }
}

/** Builds an operation's wrapper value from the application token. */
export type BuildArgs = (token: ApplicationToken) => Record<string, unknown>;

/** The application session of one Crowd client. */
export class CrowdSession {
  /** The application token cache (acquired on first use, shared, renewed once per refusal). */
  readonly tokens: ApplicationTokenCache;

  constructor(
    readonly soap: SoapClient,
    readonly profile: CrowdWireProfile,
    private readonly application: { readonly name: string; readonly password: string },
    options: { tokenMaxAge?: number | undefined; now?: (() => number) | undefined },
  ) {
    this.tokens = new ApplicationTokenCache(() => this.authenticate(), options.tokenMaxAge, options.now ?? Date.now);
  }

  /** Calls `authenticateApplication` with the configured name and password. */
  private async authenticate(): Promise<ApplicationToken> {
    const { name, password } = this.application;
    let value: unknown;
    try {
      value = await this.soap.call('authenticateApplication', {
        in0: { credential: { credential: password }, name, validationFactors: null },
      });
    } catch (error) {
      throw toCrowdError(error, 'authenticateApplication', [password]);
    }
    const out = (value as { out?: { name?: unknown; token?: unknown } | null } | undefined)?.out;
    if (typeof out?.token !== 'string' || out.token === '') {
      throw new CrowdResponseError('authenticateApplication answered without an application token');
    }
    return { name: typeof out.name === 'string' && out.name !== '' ? out.name : name, token: out.token };
  }

  /**
   * Calls `operation` with the wrapper `build` makes from the application token; resolves to the decoded
   * wrapper. `secrets` (passwords, principal tokens among the arguments) are masked in any error's reason.
   */
  async invoke(
    operation: string,
    build: BuildArgs,
    secrets: readonly string[] = [],
    options?: CallOptions,
  ): Promise<unknown> {
    const token = await this.tokens.get();
    try {
      return await this.soap.call(operation, build(token), options);
    } catch (error) {
      const crowd = toCrowdError(error, operation, this.secrets(secrets, token));
      if (!isCrowdError(crowd, 'CROWD_INVALID_AUTHORIZATION_TOKEN')) throw crowd;
      // The token was refused: forget it (unless another call already replaced it) and re-invoke once.
      this.tokens.invalidate(token);
    }
    const fresh = await this.tokens.get();
    try {
      return await this.soap.call(operation, build(fresh), options);
    } catch (error) {
      throw toCrowdError(error, operation, this.secrets(secrets, fresh));
    }
  }

  /** Calls an operation whose arguments after `in0` are `args`; resolves to its `out` (undefined when void). */
  async out(operation: string, args: Record<string, unknown>, secrets: readonly string[] = []): Promise<unknown> {
    const value = await this.invoke(operation, (in0) => ({ in0, ...args }), secrets);
    return (value as { out?: unknown } | undefined)?.out;
  }

  /**
   * The escape hatch: calls `operation` with the raw wrapper value `args` and resolves to the raw decoded
   * wrapper (`{ out }`). When the operation takes the application token and `args.in0` is absent, the session
   * fills it in (with the same one retry); otherwise the call goes out as given.
   */
  async raw(operation: string, args: Record<string, unknown> = {}, options?: CallOptions): Promise<unknown> {
    if (args.in0 === undefined && this.profile.tokenOperations.has(operation)) {
      return this.invoke(operation, (in0) => ({ ...args, in0 }), [], options);
    }
    try {
      return await this.soap.call(operation, args, options);
    } catch (error) {
      throw toCrowdError(error, operation, [this.application.password]);
    }
  }

  private secrets(extra: readonly string[], token: ApplicationToken): string[] {
    return [...extra, token.token, this.application.password];
  }
}
