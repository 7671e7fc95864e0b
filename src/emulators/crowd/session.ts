/**
 * The checks every call goes through: the application token in `in0` (every operation but
 * authenticateApplication), the application's allowed remote addresses, and a principal's right to sign in
 * through an application (active, credential not expired, member of one of the application's allowed groups).
 */
import type { RequestContext } from '../../server/index.js';
import type { CrowdApplication, CrowdDirectory, CrowdPrincipal } from './directory.js';
import { CROWD_CLASSES, classMessage, crowdFault, invalidApplicationToken } from './faults.js';
import type { ValidationFactor } from './tokens.js';
import { objectOf, type WireToken } from './wire.js';

/** What an operation's handler gets besides its input. */
export interface CrowdCall {
  readonly ctx: RequestContext;
  readonly directory: CrowdDirectory;
  /** The application whose token came in `in0`. */
  readonly application: CrowdApplication;
  /** Called with a principal's new password by resetPrincipalCredential (Crowd e-mails it). */
  readonly onPasswordReset: ((principal: string, password: string) => void) | undefined;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/i, '');
}

/** Refuses a request from an address the application does not allow. */
export function checkRemoteAddress(
  ctx: RequestContext,
  application: CrowdApplication,
  refuse: (message: string) => Error,
): void {
  const allowed = application.remoteAddresses;
  if (!allowed || allowed.length === 0) return;
  const address = plainAddress(ctx.remoteAddress);
  if (allowed.some((a) => plainAddress(a) === address)) return;
  throw refuse(`Client with address "${address}" is forbidden from making requests to application ${application.name}`);
}

/** The application a valid `in0` token belongs to; the InvalidAuthorizationTokenException fault otherwise. */
export function checkApplicationToken(dir: CrowdDirectory, ctx: RequestContext, in0: unknown): CrowdApplication {
  const given = objectOf<WireToken>(in0);
  const name = typeof given.name === 'string' ? given.name : '';
  const token = typeof given.token === 'string' ? given.token : '';
  if (name === '' || token === '') throw invalidApplicationToken(ctx, 'No application token was given');
  const entry = dir.applicationTokens.peek(token);
  // One message for unknown, expired, forged and another application's token: nothing to probe with.
  const refused = `The application token for ${name} is not valid, or has expired`;
  if (!entry || entry.subject.toLowerCase() !== name.toLowerCase()) throw invalidApplicationToken(ctx, refused);
  const application = dir.application(entry.subject);
  if (!application) throw invalidApplicationToken(ctx, refused);
  checkRemoteAddress(ctx, application, (message) => invalidApplicationToken(ctx, message));
  dir.applicationTokens.use(token);
  return application;
}

/** Refuses a principal the application may not let in (an inactive account, an expired credential, no access). */
export function checkPrincipalAccess(call: CrowdCall, principal: CrowdPrincipal): void {
  const { ctx, directory, application } = call;
  if (!principal.active) {
    throw crowdFault(
      ctx,
      'InactiveAccountException',
      classMessage('InactiveAccountException', `Account with name <${principal.name}> is inactive`),
    );
  }
  if (principal.attributes.get('requiresPasswordChange')?.[0] === 'true') {
    throw crowdFault(
      ctx,
      'ExpiredCredentialException',
      classMessage('ExpiredCredentialException', `The credential of ${principal.name} has expired`),
    );
  }
  const allowed = application.allowedGroups;
  if (allowed && !allowed.some((g) => directory.membershipsOf(principal.name).some((m) => m === g))) {
    throw crowdFault(
      ctx,
      'ApplicationAccessDeniedException',
      `${CROWD_CLASSES.accessDenied}: User does not have access to application ${application.name}`,
    );
  }
}

/** True when both lists hold the same factors (order aside). */
export function sameFactors(a: readonly ValidationFactor[], b: readonly ValidationFactor[]): boolean {
  const text = (list: readonly ValidationFactor[]) =>
    list
      .map((f) => `${f.name}\u0000${f.value}`)
      .sort()
      .join('\u0001');
  return text(a) === text(b);
}

/**
 * A principal token for `principal` through the calling application: an existing live one issued with the same
 * validation factors is returned again (Crowd gives one session per user and factors), else a new one.
 */
export function principalToken(
  call: CrowdCall,
  principal: CrowdPrincipal,
  factors: readonly ValidationFactor[],
): string {
  const tokens = call.directory.principalTokens;
  const existing = tokens.find(
    (t) => t.subject === principal.name && t.application === call.application.name && sameFactors(t.factors, factors),
  )[0];
  if (existing) {
    tokens.use(existing.token);
    return existing.token;
  }
  return tokens.issue(principal.name, factors, call.application.name).token;
}
