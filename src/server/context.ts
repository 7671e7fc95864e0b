/** What a handler sees of a request (`RequestContext`) and the handler signatures. */
import type { IncomingHttpHeaders } from 'node:http';
import type { SoapVersion } from '../soap/version.js';
import type { Operation, Port } from '../wsdl/model.js';
import type { XmlElement } from '../xml/types.js';

/** The request as a handler sees it (besides its decoded input). */
export interface RequestContext {
  /** The operation the request was routed to. */
  readonly operation: Operation;
  /** The port (binding and SOAP version) that serves it. */
  readonly port: Port;
  readonly soapVersion: SoapVersion;
  /** The declared soap:header parts of the input, decoded, by part name. */
  readonly headers: Readonly<Record<string, unknown>>;
  /** Every header block as received (WS-Security, WS-Addressing, ...), undecoded. */
  readonly headerBlocks: readonly XmlElement[];
  /** The whole request text: lets a verifier cut a header block byte-exact with its `start`/`end`. */
  readonly envelopeText: string;
  readonly httpHeaders: IncomingHttpHeaders;
  /** The action the request carried (SOAPAction or the `action` parameter), if any. */
  readonly action: string | undefined;
  readonly remoteAddress: string | undefined;
  /** Declared soap:header parts of the output to send back, by part name; a handler may fill it. */
  readonly responseHeaders: Record<string, unknown>;
}

/** Answers one operation: the decoded input in, the output value out (the wrapper's children when wrapped). */
export type OperationHandler = (input: unknown, ctx: RequestContext) => unknown | Promise<unknown>;

/** Runs before the handler; throws a `SoapFault` (or `DeclaredFault`) to refuse the request. */
export type HeaderVerifier = (ctx: RequestContext) => void | Promise<void>;

/**
 * A handler's answer given as XML rather than as a value: a whole envelope (sent as it is) or the body
 * entries alone (wrapped in an envelope of the port's version). Used by the mock's recorded responses.
 */
export class RawResponse {
  /** @param xml a whole `Envelope`, or one or more body entries */
  constructor(
    readonly xml: string,
    readonly kind: 'envelope' | 'body',
  ) {}
}
