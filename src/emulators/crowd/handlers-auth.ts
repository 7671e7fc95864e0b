/**
 * Authentication operations: authenticateApplication (the only one without an application token),
 * authenticatePrincipal, authenticatePrincipalSimple, createPrincipalToken, isValidPrincipalToken,
 * invalidatePrincipalToken. Faultstrings are the captured Crowd 2.0.5 ones.
 */
import type { RequestContext } from '../../server/index.js';
import type { CrowdDirectory, CrowdPrincipal } from './directory.js';
import { CROWD_CLASSES, crowdFault, notFoundMessage } from './faults.js';
import { type CrowdCall, checkPrincipalAccess, checkRemoteAddress, principalToken, sameFactors } from './session.js';
import type { ValidationFactor } from './tokens.js';
import { objectOf, stringOf, validationFactorsOf, type WireCredential } from './wire.js';

/** A handler that runs after the application token was checked. */
export type CrowdHandler = (input: Record<string, unknown>, call: CrowdCall) => unknown;

/** authenticateApplication(ApplicationAuthenticationContext) -> AuthenticatedToken. */
export async function authenticateApplication(
  directory: CrowdDirectory,
  input: Record<string, unknown>,
  ctx: RequestContext,
): Promise<unknown> {
  const context = objectOf<{ credential: unknown; name: unknown; validationFactors: unknown }>(input.in0);
  const name = stringOf(context.name);
  const password = stringOf(objectOf<WireCredential>(context.credential).credential);
  const passwordOk = await directory.checkApplicationPassword(name, password);
  const application = directory.application(name);
  if (!application) {
    throw crowdFault(ctx, 'InvalidAuthenticationException', notFoundMessage(CROWD_CLASSES.application, name));
  }
  if (!passwordOk) {
    throw crowdFault(
      ctx,
      'InvalidAuthenticationException',
      `The password in the application's crowd.properties file does not match the password in Crowd. Application with invalid password: ${application.name}`,
    );
  }
  checkRemoteAddress(ctx, application, (message) => crowdFault(ctx, 'InvalidAuthenticationException', message));
  const token = directory.applicationTokens.issue(application.name, validationFactorsOf(context.validationFactors));
  return { out: { name: application.name, token: token.token } };
}

/** Records a sign-in attempt in the attributes Crowd keeps for it. */
function recordAttempt(call: CrowdCall, principal: CrowdPrincipal, ok: boolean): void {
  const attributes = principal.attributes;
  if (ok) {
    attributes.set('invalidPasswordAttempts', ['0']);
    attributes.set('lastAuthenticated', [String(call.directory.now())]);
  } else {
    const failed = Number.parseInt(attributes.get('invalidPasswordAttempts')?.[0] ?? '0', 10) || 0;
    attributes.set('invalidPasswordAttempts', [String(failed + 1)]);
  }
}

/**
 * Checks a principal's password, then its right to sign in through the calling application, and returns its
 * token. The password is checked first, so that nothing about an account shows without it.
 */
async function signIn(
  call: CrowdCall,
  name: string,
  password: string,
  factors: readonly ValidationFactor[],
): Promise<string> {
  const { ctx, directory } = call;
  const passwordOk = await directory.checkPrincipalPassword(name, password);
  const principal = directory.principal(name);
  if (!principal) throw crowdFault(ctx, 'InvalidAuthenticationException', notFoundMessage(CROWD_CLASSES.user, name));
  recordAttempt(call, principal, passwordOk);
  if (!passwordOk)
    throw crowdFault(ctx, 'InvalidAuthenticationException', 'Failed to authenticate principal, password was invalid');
  checkPrincipalAccess(call, principal);
  return principalToken(call, principal, factors);
}

/** authenticatePrincipal(token, UserAuthenticationContext) -> principal token. */
export const authenticatePrincipal: CrowdHandler = async (input, call) => {
  const context = objectOf<{ credential: unknown; name: unknown; validationFactors: unknown }>(input.in1);
  const password = stringOf(objectOf<WireCredential>(context.credential).credential);
  const factors = validationFactorsOf(context.validationFactors);
  return { out: await signIn(call, stringOf(context.name), password, factors) };
};

/** authenticatePrincipalSimple(token, name, password) -> principal token (no validation factors). */
export const authenticatePrincipalSimple: CrowdHandler = async (input, call) => ({
  out: await signIn(call, stringOf(input.in1), stringOf(input.in2), []),
});

/** createPrincipalToken(token, name, factors) -> a principal token without a password (trusted SSO). */
export const createPrincipalToken: CrowdHandler = (input, call) => {
  const name = stringOf(input.in1);
  const principal = call.directory.principal(name);
  if (!principal)
    throw crowdFault(call.ctx, 'InvalidAuthenticationException', notFoundMessage(CROWD_CLASSES.user, name));
  checkPrincipalAccess(call, principal);
  return { out: principalToken(call, principal, validationFactorsOf(input.in2)) };
};

/**
 * isValidPrincipalToken(token, principalToken, factors) -> true when the token is live, was issued with the same
 * validation factors, and its principal may still use the calling application.
 */
export const isValidPrincipalToken: CrowdHandler = (input, call) => {
  const tokens = call.directory.principalTokens;
  const token = stringOf(input.in1);
  const entry = tokens.peek(token);
  if (!entry || !sameFactors(entry.factors, validationFactorsOf(input.in2))) return { out: false };
  const principal = call.directory.principal(entry.subject);
  if (!principal?.active) return { out: false };
  const allowed = call.application.allowedGroups;
  if (allowed && !allowed.some((g) => call.directory.membershipsOf(principal.name).includes(g))) {
    throw crowdFault(
      call.ctx,
      'ApplicationAccessDeniedException',
      `${CROWD_CLASSES.accessDenied}: User does not have access to application ${call.application.name}`,
    );
  }
  tokens.use(token);
  return { out: true };
};

/** invalidatePrincipalToken(token, principalToken): signs the session out (an unknown token is no error). */
export const invalidatePrincipalToken: CrowdHandler = (input, call) => {
  call.directory.principalTokens.invalidate(stringOf(input.in1));
  return undefined;
};
