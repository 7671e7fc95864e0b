/**
 * Refusals of the verifying side, with the fault a server answers with.
 *
 * WSS 1.1 SOAP Message Security, section 12 (Error Handling) defines two classes of errors and their fault
 * codes, all in the wsse namespace. Unsupported: `wsse:UnsupportedSecurityToken` ("An unsupported token was
 * provided"), `wsse:UnsupportedAlgorithm` ("An unsupported signature or encryption algorithm was used").
 * Failure: `wsse:InvalidSecurity` ("An error was discovered processing the <wsse:Security> header"),
 * `wsse:InvalidSecurityToken` ("An invalid security token was provided"), `wsse:FailedAuthentication` ("The
 * security token could not be authenticated or authorized"), `wsse:FailedCheck` ("The signature or decryption
 * was invalid"), `wsse:SecurityTokenUnavailable` ("Referenced security token could not be retrieved"),
 * `wsse:MessageExpired` ("The message has expired").
 * In SOAP 1.1 the wsse QName is the `faultcode` itself; in SOAP 1.2 the Code/Value is `env:Sender` and the
 * wsse QName is the Subcode/Value. The reason is the table's text and never says which check failed (that
 * would help an attacker); the `problem` of a `SecurityFault` says it, for the server's own log.
 */
import { SoapstackError } from '../../errors.js';
import { SoapFault } from '../../soap/fault.js';
import { type SoapVersion, soapVersionInfo } from '../../soap/version.js';
import type { FaultQName } from '../../soap/write-fault.js';
import { WSSE_NS } from './constants.js';

/** The reason text of each WSS 1.1 section 12 fault code. */
export const SECURITY_FAULT_REASONS = Object.freeze({
  'wsse:UnsupportedSecurityToken': 'An unsupported token was provided',
  'wsse:UnsupportedAlgorithm': 'An unsupported signature or encryption algorithm was used',
  'wsse:InvalidSecurity': 'An error was discovered processing the <wsse:Security> header',
  'wsse:InvalidSecurityToken': 'An invalid security token was provided',
  'wsse:FailedAuthentication': 'The security token could not be authenticated or authorized',
  'wsse:FailedCheck': 'The signature or decryption was invalid',
  'wsse:SecurityTokenUnavailable': 'Referenced security token could not be retrieved',
  'wsse:MessageExpired': 'The message has expired',
} as const);

/** A WSS 1.1 section 12 fault code, written with the spec's `wsse:` prefix. */
export type SecurityFaultCode = keyof typeof SECURITY_FAULT_REASONS;

/**
 * A security header the verifier refused. `faultCode` says which WSS fault to answer with; `message` adds what
 * was wrong for the server's own log, and never carries a password, a digest, a nonce or a token.
 */
export class SecurityFault extends SoapstackError {
  declare readonly code: 'WSSE_FAILED';
  /** The WSS 1.1 section 12 fault code. */
  readonly faultCode: SecurityFaultCode;
  /** What was wrong, in words safe to log (no secret, no token). */
  readonly problem: string;

  constructor(faultCode: SecurityFaultCode, problem: string, options?: { cause?: unknown }) {
    super('WSSE_FAILED', `${faultCode}: ${problem}`, options);
    this.faultCode = faultCode;
    this.problem = problem;
  }

  /** The fault code as a QName in the wsse namespace. */
  get faultQName(): FaultQName {
    return { ns: WSSE_NS, local: this.faultCode.slice('wsse:'.length) };
  }
}

/** True when `value` is a `SecurityFault`. */
export function isSecurityFault(value: unknown): value is SecurityFault {
  return value instanceof SecurityFault;
}

/** The SOAP fault a server answers a refused security header with; fits `writeFault`'s options. */
export interface SecurityFaultDetails {
  /** 1.1: the wsse QName; 1.2: `env:Sender`. */
  code: FaultQName;
  /** 1.1: none; 1.2: the wsse QName. */
  subcodes: FaultQName[];
  /** The section 12 table's text for the code. */
  reason: string;
}

/** The fault code, subcodes and reason for `fault` in `soapVersion` (WSS 1.1 section 12). */
export function securityFaultDetails(fault: SecurityFault, soapVersion: SoapVersion): SecurityFaultDetails {
  const reason = SECURITY_FAULT_REASONS[fault.faultCode];
  if (soapVersion === '1.1') return { code: fault.faultQName, subcodes: [], reason };
  const info = soapVersionInfo(soapVersion);
  return { code: { ns: info.envelopeNs, local: info.faultCodes.client }, subcodes: [fault.faultQName], reason };
}

const clark = (q: FaultQName): string => `{${q.ns}}${q.local}`;

/**
 * The same fault as a `SoapFault`, for a server's header verifier to throw: the server answers it with these
 * code, subcodes and reason (the `problem` stays in the cause, for the server's log only).
 */
export function securitySoapFault(fault: SecurityFault, soapVersion: SoapVersion): SoapFault {
  const details = securityFaultDetails(fault, soapVersion);
  return new SoapFault(
    {
      version: soapVersion,
      faultCode: clark(details.code),
      subcodes: details.subcodes.map(clark),
      reasons: [{ text: details.reason, lang: 'en' }],
    },
    { cause: fault },
  );
}
