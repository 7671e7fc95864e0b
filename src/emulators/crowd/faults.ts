/**
 * The faults the emulator answers with, in the shape of the captured Crowd 2.0.5 (XFire) faults: faultcode
 * `soap:Server`, a faultstring worded as Crowd words it, and a detail holding the exception's element in
 * `urn:SecurityServer` (`<InvalidAuthenticationException xmlns="urn:SecurityServer"/>`). Where an operation does
 * not declare the exception, the declared `RemoteException` carries the message instead (every operation
 * declares it), so the fault still has a detail a client can decode.
 */
import type { RequestContext } from '../../server/index.js';
import { DeclaredFault } from '../../server/index.js';

/** The Crowd exceptions the SecurityServer WSDL declares. */
export type CrowdExceptionName =
  | 'ApplicationAccessDeniedException'
  | 'ApplicationPermissionException'
  | 'BulkAddFailedException'
  | 'ExpiredCredentialException'
  | 'InactiveAccountException'
  | 'InvalidAuthenticationException'
  | 'InvalidAuthorizationTokenException'
  | 'InvalidCredentialException'
  | 'InvalidEmailAddressException'
  | 'InvalidGroupException'
  | 'InvalidRoleException'
  | 'InvalidTokenException'
  | 'InvalidUserException'
  | 'ObjectNotFoundException'
  | 'RemoteException';

/** The Java classes Crowd names in faultstrings and "entity not found" messages. */
export const CROWD_CLASSES = {
  application: 'com.atlassian.crowd.model.application.Application',
  user: 'com.atlassian.crowd.integration.model.user.User',
  group: 'com.atlassian.crowd.integration.model.group.Group',
  token: 'com.atlassian.crowd.model.token.Token',
  accessDenied: 'com.atlassian.crowd.manager.application.ApplicationAccessDeniedException',
  exceptionPackage: 'com.atlassian.crowd.integration.exception',
} as const;

/** `Failed to find entity of type [<class>] with identifier [<id>]`, as in the captured faults. */
export function notFoundMessage(className: string, identifier: string): string {
  return `Failed to find entity of type [${className}] with identifier [${identifier}]`;
}

/** `<package>.<Exception>: <message>`: how Crowd words exceptions that carry their class name. */
export function classMessage(exception: CrowdExceptionName, message: string): string {
  return `${CROWD_CLASSES.exceptionPackage}.${exception}: ${message}`;
}

/**
 * The error a handler throws to answer with Crowd's `exception` fault and `reason` as faultstring. `detail` is
 * the exception element's content (empty in every captured fault).
 */
export function crowdFault(
  ctx: RequestContext,
  exception: CrowdExceptionName,
  reason: string,
  detail: Record<string, unknown> = {},
): DeclaredFault {
  if (ctx.operation.faults.some((f) => f.name === exception)) return new DeclaredFault(exception, detail, { reason });
  return new DeclaredFault('RemoteException', { message: reason }, { reason });
}

/** The fault of a refused application token (unknown, expired, forged, or another application's). */
export function invalidApplicationToken(ctx: RequestContext, why: string): DeclaredFault {
  return crowdFault(ctx, 'InvalidAuthorizationTokenException', classMessage('InvalidAuthorizationTokenException', why));
}

/** The fault of an operation the emulator does not implement: it names the operation. */
export function notSupported(ctx: RequestContext, why = ''): DeclaredFault {
  const reason = `The Crowd emulator does not support the operation ${ctx.operation.name}${why ? `: ${why}` : ''}`;
  return new DeclaredFault('RemoteException', { message: reason }, { reason });
}
