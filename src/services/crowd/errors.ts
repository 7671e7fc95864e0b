/**
 * Crowd's exceptions as typed errors. SecurityServer (XFire) reports a Java exception as a SOAP 1.1 fault whose
 * `detail` holds one element named after the exception's simple class name, in `urn:SecurityServer`
 * (`<InvalidAuthenticationException xmlns="urn:SecurityServer"/>`), and whose faultstring is the exception's
 * message (sometimes prefixed with its full class name,
 * `com.atlassian.crowd.manager.application.ApplicationAccessDeniedException: ...`).
 *
 * Design: one class, `CrowdError`, whose literal `code` names the exception, made from one table
 * (`CROWD_EXCEPTIONS`). `isCrowdError(e, 'CROWD_INVALID_AUTHENTICATION')` narrows to that code's type, so each
 * exception is distinguishable as a type without twenty pasted subclasses. The `SoapFault` is the `cause`.
 */
import { SoapstackError } from '../../errors.js';
import { isSoapFault, SoapFault } from '../../soap/fault.js';
import { MASK } from '../../transport/index.js';

/** The namespace of SecurityServer's wrapper and fault elements. */
export const SECURITY_SERVER_NS = 'urn:SecurityServer';

/**
 * Every exception SecurityServer 2.0.5 declares (see its WSDL's wsdl:fault elements), by simple Java class name,
 * with the stable code it becomes. `RemoteException` is java.rmi's catch-all for a server-side failure.
 */
export const CROWD_EXCEPTIONS = {
  InvalidAuthenticationException: 'CROWD_INVALID_AUTHENTICATION',
  InvalidAuthorizationTokenException: 'CROWD_INVALID_AUTHORIZATION_TOKEN',
  InactiveAccountException: 'CROWD_INACTIVE_ACCOUNT',
  ExpiredCredentialException: 'CROWD_EXPIRED_CREDENTIAL',
  ApplicationAccessDeniedException: 'CROWD_APPLICATION_ACCESS_DENIED',
  ObjectNotFoundException: 'CROWD_OBJECT_NOT_FOUND',
  InvalidUserException: 'CROWD_INVALID_USER',
  InvalidCredentialException: 'CROWD_INVALID_CREDENTIAL',
  InvalidGroupException: 'CROWD_INVALID_GROUP',
  InvalidRoleException: 'CROWD_INVALID_ROLE',
  ApplicationPermissionException: 'CROWD_APPLICATION_PERMISSION',
  BulkAddFailedException: 'CROWD_BULK_ADD_FAILED',
  InvalidTokenException: 'CROWD_INVALID_TOKEN',
  InvalidEmailAddressException: 'CROWD_INVALID_EMAIL_ADDRESS',
  RemoteException: 'CROWD_REMOTE',
} as const;

/** The simple Java class name of a known Crowd exception. */
export type CrowdExceptionName = keyof typeof CROWD_EXCEPTIONS;

/** The code of a fault that names no exception of the table (another server, a SOAP-level client fault...). */
export const CROWD_UNKNOWN_FAULT = 'CROWD_UNKNOWN_FAULT';

/** Every code a `CrowdError` may carry. */
export type CrowdErrorCode = (typeof CROWD_EXCEPTIONS)[CrowdExceptionName] | typeof CROWD_UNKNOWN_FAULT;

const BY_NAME: ReadonlyMap<string, CrowdErrorCode> = new Map(Object.entries(CROWD_EXCEPTIONS));

/**
 * A fault SecurityServer answered, as a typed error. `code` says which exception; `exception` is the Java
 * exception's simple class name as the server named it (for an unknown one too, when it could be read);
 * `reason` is the faultstring; `detail` the decoded detail element when the operation declares it (for
 * example `{ existingUsers, failedUsers }` of a BulkAddFailedException); `cause` the `SoapFault`.
 */
export class CrowdError<C extends CrowdErrorCode = CrowdErrorCode> extends SoapstackError {
  declare readonly code: C;
  /** The exception's simple Java class name, when the fault names one. */
  readonly exception: string | undefined;
  /** The server's message (faultstring). */
  readonly reason: string;
  /** The decoded detail element, when the operation declares it as a fault (often an empty object). */
  readonly detail: unknown;
  /** The operation that failed, when known. */
  readonly operation: string | undefined;
  declare readonly cause: SoapFault;

  constructor(code: C, fault: SoapFault, exception: string | undefined, operation?: string) {
    const what = exception ?? 'SOAP fault';
    super(code, `Crowd ${what}${operation ? ` in ${operation}` : ''}: ${fault.reason || '(no reason)'}`, {
      cause: fault,
    });
    this.exception = exception;
    this.reason = fault.reason;
    this.detail = fault.decodedDetail;
    this.operation = operation;
  }
}

/** True when `value` is a `CrowdError` (with the given code, when one is given). */
export function isCrowdError<C extends CrowdErrorCode>(value: unknown, code?: C): value is CrowdError<C> {
  return value instanceof CrowdError && (code === undefined || value.code === code);
}

/** A Java class name (`a.b.SomeException`) or a simple one (`SomeException`) ending in Exception. */
const JAVA_EXCEPTION = /(?:^|[\s:(])((?:[a-z_$][\w$]*\.)*)([A-Z][\w$]*Exception)\b/;

/**
 * Which exception a fault names: the first detail entry in `urn:SecurityServer` whose name the table knows, else
 * any detail entry's local name ending in `Exception`, else the Java class named in the faultstring.
 */
export function exceptionOfFault(fault: SoapFault): string | undefined {
  let named: string | undefined;
  for (const entry of fault.detailEntries) {
    if (BY_NAME.has(entry.local) && (entry.ns === SECURITY_SERVER_NS || entry.ns === '')) return entry.local;
    if (named === undefined && entry.local.endsWith('Exception')) named = entry.local;
  }
  if (named !== undefined) return named;
  for (const reason of fault.reasons.length ? fault.reasons.map((r) => r.text) : [fault.reason]) {
    const match = JAVA_EXCEPTION.exec(reason);
    if (match?.[2]) return match[2];
  }
  return undefined;
}

/** The code of an exception name: its table entry, or `CROWD_UNKNOWN_FAULT`. */
export function codeOfException(exception: string | undefined): CrowdErrorCode {
  return (exception !== undefined && BY_NAME.get(exception)) || CROWD_UNKNOWN_FAULT;
}

/**
 * Turns a `SoapFault` into the `CrowdError` it stands for; any other error is returned unchanged. `secrets`
 * (passwords and tokens sent in the call) are masked in the reason, as Crowd quotes some identifiers back
 * (`Failed to find entity of type [...Token] with identifier [<the token>]`).
 */
export function toCrowdError(error: unknown, operation?: string, secrets: readonly string[] = []): unknown {
  if (!isSoapFault(error)) return error;
  const fault = redactFault(error, secrets);
  const exception = exceptionOfFault(fault);
  return new CrowdError(codeOfException(exception), fault, exception, operation);
}

/** A copy of the fault with every secret in its reasons masked (the fault itself when none occurs). */
function redactFault(fault: SoapFault, secrets: readonly string[]): SoapFault {
  const present = secrets.filter((s) => s.length > 0 && fault.reasons.some((r) => r.text.includes(s)));
  if (!present.length) return fault;
  const mask = (text: string) => present.reduce((t, s) => t.split(s).join(MASK), text);
  const copy = new SoapFault({
    version: fault.version,
    faultCode: fault.faultCode,
    subcodes: fault.subcodes,
    reasons: fault.reasons.map((r) => ({ ...r, text: mask(r.text) })),
    ...(fault.actor !== undefined ? { actor: fault.actor } : {}),
    ...(fault.role !== undefined ? { role: fault.role } : {}),
    ...(fault.node !== undefined ? { node: fault.node } : {}),
    ...(fault.detail !== undefined ? { detail: fault.detail } : {}),
    ...(fault.source !== undefined ? { source: fault.source } : {}),
  });
  if (fault.decodedDetail !== undefined) copy.decodedDetail = fault.decodedDetail;
  if (fault.faultName !== undefined) copy.faultName = fault.faultName;
  return copy;
}
