/**
 * The sign-in options of `soapstack call`, and how they become call plugins:
 *
 * - `--username U --password P [--password-digest]`: a UsernameToken (+ Timestamp) on every call;
 * - `--sts URL --applies-to URN [--trust 2005|1.3] --username U --password P`: a token from a WS-Trust STS,
 *   carried in a fresh Security header with WS-Addressing headers on every call;
 * - `--bearer TOKEN`: `Authorization: Bearer TOKEN`;
 * - `--oauth-token-url URL --client-id ID --client-secret SECRET [--scope S] [--resource R]`: OAuth 2.0 client
 *   credentials, the token renewed before it expires.
 *
 * Secrets may come from the environment instead of the command line (where other users can see them in the
 * process list): `SOAPSTACK_PASSWORD`, `SOAPSTACK_BEARER_TOKEN`, `SOAPSTACK_CLIENT_SECRET`.
 */
import { type Command, Option } from 'commander';
import { bearerAuth } from '../auth/bearer-auth.js';
import { issuedTokenAuth } from '../auth/issued-token-auth.js';
import { oauthClientCredentials } from '../auth/oauth.js';
import { staticBearer } from '../auth/static-bearer.js';
import { usernameTokenAuth } from '../auth/username-token-auth.js';
import { wsTrustProvider } from '../auth/ws-trust-provider.js';
import type { CallPlugin } from '../client/plugin.js';
import { SoapstackError } from '../errors.js';
import type { SoapVersion } from '../soap/version.js';
import type { Transport } from '../transport/index.js';
import type { TrustVersion } from '../ws/trust/versions.js';

/** The parsed sign-in options (commander's camelCase names). */
export interface SignInOptions {
  username?: string;
  password?: string;
  passwordDigest?: boolean;
  sts?: string;
  appliesTo?: string;
  trust?: string;
  bearer?: string;
  oauthTokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  resource?: string;
}

/** A sign-in command line that cannot work (exit 2, like every `CLI_` error). */
export class SignInUsageError extends SoapstackError {
  declare readonly code: 'CLI_USAGE';
  constructor(message: string) {
    super('CLI_USAGE', message);
  }
}

/** Adds the sign-in options to `command` and returns it. */
export function addSignInOptions(command: Command): Command {
  return command
    .option('--username <name>', 'user name: a UsernameToken on every call, or the STS sign-in with --sts')
    .addOption(new Option('--password <password>', 'password (or set SOAPSTACK_PASSWORD)').env('SOAPSTACK_PASSWORD'))
    .option('--password-digest', 'send the UsernameToken password as a digest (PasswordDigest)')
    .option('--sts <url>', 'sign in at this WS-Trust security token service with --username/--password')
    .option('--applies-to <urn>', 'the relying party to ask the STS a token for (urn:crmna:dynamics.com, an org URL)')
    .addOption(
      new Option('--trust <version>', 'WS-Trust version of the STS (default: from the URL)').choices([
        '2005',
        '2005/02',
        '1.3',
      ]),
    )
    .addOption(
      new Option('--bearer <token>', 'send Authorization: Bearer TOKEN (or set SOAPSTACK_BEARER_TOKEN)').env(
        'SOAPSTACK_BEARER_TOKEN',
      ),
    )
    .option('--oauth-token-url <url>', 'get a bearer token from this OAuth 2.0 token endpoint (client credentials)')
    .option('--client-id <id>', 'OAuth client id')
    .addOption(
      new Option('--client-secret <secret>', 'OAuth client secret (or set SOAPSTACK_CLIENT_SECRET)').env(
        'SOAPSTACK_CLIENT_SECRET',
      ),
    )
    .option('--scope <scope>', 'OAuth scope, e.g. https://contoso.crm.dynamics.com/.default')
    .option('--resource <uri>', 'OAuth resource (Azure AD v1), e.g. https://contoso.crm.dynamics.com');
}

/** Test and embedding hooks of `signInPlugins`. */
export interface SignInContext {
  /** The transport for token requests (default: a fresh HTTP transport per request). */
  transport?: Transport;
  /** The clock (default `Date.now`). */
  now?: () => number;
}

/** The WS-Trust version of `--trust`, or guessed from the STS URL (Microsoft Online's RST2.srf speaks 2005/02). */
export function trustVersionOf(trust: string | undefined, sts: string): TrustVersion {
  if (trust === '2005' || trust === '2005/02') return '2005/02';
  if (trust === '1.3') return '1.3';
  if (trust !== undefined) throw new SignInUsageError(`--trust must be 2005 or 1.3, not ${JSON.stringify(trust)}`);
  return /\/RST2\.srf$/i.test(new URL(sts).pathname) || /\/trust\/2005\b/i.test(sts) ? '2005/02' : '1.3';
}

function given(options: SignInOptions, names: ReadonlyArray<keyof SignInOptions>): string[] {
  return names.filter((n) => options[n] !== undefined && options[n] !== false).map(flagOf);
}

function flagOf(name: keyof SignInOptions): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function requireAll(options: SignInOptions, names: ReadonlyArray<keyof SignInOptions>, context: string): void {
  const missing = names.filter((n) => options[n] === undefined || options[n] === '').map(flagOf);
  if (missing.length) throw new SignInUsageError(`${context} needs ${missing.join(' and ')}`);
}

function refuse(options: SignInOptions, names: ReadonlyArray<keyof SignInOptions>, context: string): void {
  const extra = given(options, names);
  if (extra.length) throw new SignInUsageError(`${extra.join(', ')} cannot be used with ${context}`);
}

function checkUrl(value: string, flag: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SignInUsageError(`${flag} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SignInUsageError(`${flag} must be http or https`);
}

/**
 * The call plugins the sign-in options ask for (none when no sign-in option is given). A token is acquired
 * now, so a refused sign-in is reported (as `AuthenticationError`, `AUTH_FAILED`, with the service's reason)
 * before any call is made. Throws `SignInUsageError` (`CLI_USAGE`) for a combination that cannot work.
 */
export async function signInPlugins(
  options: SignInOptions,
  soapVersion: SoapVersion,
  context: SignInContext = {},
): Promise<CallPlugin[]> {
  const oauthOnly = ['clientId', 'clientSecret', 'scope', 'resource'] as const;
  const stsOnly = ['appliesTo', 'trust'] as const;
  const transport = context.transport ? { transport: context.transport } : {};
  const now = context.now ? { now: context.now } : {};

  if (options.bearer !== undefined) {
    refuse(
      options,
      ['username', 'password', 'passwordDigest', 'sts', 'oauthTokenUrl', ...oauthOnly, ...stsOnly],
      '--bearer',
    );
    if (options.bearer === '') throw new SignInUsageError('--bearer needs a token');
    return [bearerAuth(staticBearer(options.bearer))];
  }
  if (options.oauthTokenUrl !== undefined) {
    refuse(options, ['username', 'password', 'passwordDigest', 'sts', ...stsOnly], '--oauth-token-url');
    requireAll(options, ['clientId', 'clientSecret'], '--oauth-token-url');
    checkUrl(options.oauthTokenUrl, '--oauth-token-url');
    const provider = oauthClientCredentials({
      tokenUrl: options.oauthTokenUrl,
      clientId: options.clientId!,
      clientSecret: options.clientSecret!,
      ...(options.scope !== undefined ? { scope: options.scope } : {}),
      ...(options.resource !== undefined ? { resource: options.resource } : {}),
      ...transport,
      ...now,
    });
    await provider.getToken();
    return [bearerAuth(provider)];
  }
  refuse(options, oauthOnly, 'no --oauth-token-url');
  if (options.sts !== undefined) {
    refuse(options, ['passwordDigest'], '--sts (the STS takes the password as text)');
    requireAll(options, ['appliesTo', 'username', 'password'], '--sts');
    checkUrl(options.sts, '--sts');
    const provider = wsTrustProvider({
      endpoint: options.sts,
      appliesTo: options.appliesTo!,
      username: options.username!,
      password: options.password!,
      trust: trustVersionOf(options.trust, options.sts),
      ...transport,
      ...now,
    });
    await provider.getToken();
    return [issuedTokenAuth(provider, { soapVersion, addressing: true, ...now })];
  }
  refuse(options, stsOnly, 'no --sts');
  if (options.username !== undefined || options.password !== undefined) {
    requireAll(options, ['username', 'password'], 'a UsernameToken');
    return [
      usernameTokenAuth({
        username: options.username!,
        password: options.password!,
        digest: options.passwordDigest === true,
      }),
    ];
  }
  refuse(options, ['passwordDigest'], 'no --username');
  return [];
}
