/**
 * `DeclaredFault`: what a handler throws to answer with one of the faults its operation declares
 * (wsdl:fault / soap:fault). WSDL 1.1 section 3.6: the fault message has a single part, written as the
 * detail entry; the server encodes `detail` with the same codecs as every other message.
 */
import { SoapstackError } from '../errors.js';
import type { GenericFaultCode } from '../soap/version.js';
import type { FaultQName } from '../soap/write-fault.js';

/** The reason and code of a declared fault. */
export interface DeclaredFaultOptions {
  /** The fault reason (1.1 faultstring, 1.2 Reason/Text). */
  reason: string;
  /** A standard code by generic name or any QName. Default `server` (1.1 Server, 1.2 Receiver). */
  code?: GenericFaultCode | FaultQName;
  /** More specific codes, outermost first (1.2 Subcode values, 1.1 dotted suffixes). */
  subcodes?: ReadonlyArray<string | FaultQName>;
}

/** Thrown by a handler: answer with the operation's declared fault `faultName` whose detail value is `detail`. */
export class DeclaredFault extends SoapstackError {
  declare readonly code: 'SOAP_DECLARED_FAULT';
  /** The wsdl:fault name, as the binding declares it. */
  readonly faultName: string;
  /** The value of the fault message's part, encoded as the detail entry. */
  readonly detail: unknown;
  readonly reason: string;
  readonly faultCode: GenericFaultCode | FaultQName;
  readonly subcodes: ReadonlyArray<string | FaultQName>;

  constructor(faultName: string, detail: unknown, options: DeclaredFaultOptions) {
    super('SOAP_DECLARED_FAULT', `declared fault ${faultName}: ${options.reason}`);
    this.faultName = faultName;
    this.detail = detail;
    this.reason = options.reason;
    this.faultCode = options.code ?? 'server';
    this.subcodes = options.subcodes ?? [];
  }
}

/** True when `value` is a `DeclaredFault`. */
export function isDeclaredFault(value: unknown): value is DeclaredFault {
  return value instanceof DeclaredFault;
}
