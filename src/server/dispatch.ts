/**
 * Answering one SOAP request (its body already read): parse the envelope, pick the port by envelope version and
 * the operation by action and body, decode, verify headers, run the handler, encode. Every failure becomes a
 * fault of the right kind: the sender's mistakes a Client/Sender fault that says what was wrong, the server's
 * own a Receiver fault that says nothing of its cause.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isSoapstackError } from '../errors.js';
import { type Envelope, EnvelopeError, parseEnvelope, writeEnvelope } from '../soap/envelope.js';
import { isSoapFault } from '../soap/fault.js';
import { actionOf, responseContentType } from '../soap/http.js';
import { MessageError } from '../soap/message.js';
import { versionMismatchFault } from '../soap/upgrade.js';
import { type SoapVersion, versionOfNamespace } from '../soap/version.js';
import { XmlError } from '../xml/errors.js';
import type { XmlLimits } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';
import { DecodeError } from '../xsd/codec/index.js';
import { type Answer, clientFault, envelopeAnswer, faultAnswer, serverFault, soapFaultOptions } from './answer.js';
import { RawResponse, type RequestContext } from './context.js';
import { isDeclaredFault } from './declared-fault.js';
import type { HostedOperation, PortEndpoint } from './endpoint.js';

/** A request as the dispatcher needs it. */
export interface SoapRequest {
  readonly text: string;
  readonly httpHeaders: IncomingHttpHeaders;
  readonly remoteAddress: string | undefined;
}

/** Answers `request` for the ports hosted at one path (at most one per SOAP version). */
export async function dispatch(
  ports: readonly PortEndpoint[],
  request: SoapRequest,
  limits: Partial<XmlLimits>,
): Promise<Answer> {
  const fallback = ports[0]!.port.soapVersion;
  let envelope: Envelope;
  try {
    envelope = parseEnvelope(
      request.text,
      ports.length === 1 ? { source: '<request>', limits, expected: fallback } : { source: '<request>', limits },
    );
  } catch (error) {
    return refusal(
      error,
      fallback,
      ports.map((p) => p.port.soapVersion),
    );
  }
  const endpoint = ports.find((p) => p.port.soapVersion === envelope.version)!;
  const version = envelope.version;
  const action = actionOf(request.httpHeaders);
  const hosted = endpoint.route(action, envelope.bodyEntries[0]);
  if (!hosted) return clientFault(version, noOperation(action, envelope));
  const operation = hosted.operation.name;
  let input: unknown;
  let headers: Record<string, unknown>;
  try {
    input = hosted.messages.readBody(envelope.bodyEntries, envelope.document, 'input');
    headers = hosted.messages.readHeaders(envelope.headers, envelope.document, 'input');
  } catch (error) {
    if (error instanceof DecodeError || error instanceof MessageError) {
      return clientFault(version, `The request does not match the input of ${operation}: ${error.message}`, {
        operation,
      });
    }
    return serverFault(version, operation);
  }
  const ctx: RequestContext = {
    operation: hosted.operation,
    port: endpoint.port,
    soapVersion: version,
    headers,
    headerBlocks: envelope.headers,
    envelopeText: request.text,
    httpHeaders: request.httpHeaders,
    action,
    remoteAddress: request.remoteAddress,
    responseHeaders: {},
  };
  try {
    if (endpoint.verifyHeaders) await endpoint.verifyHeaders(ctx);
    if (!hosted.handler) {
      return faultAnswer(
        version,
        { code: 'server', reason: `The operation ${operation} is not implemented.` },
        { operation },
      );
    }
    const output = await hosted.handler(input, ctx);
    return respond(hosted, version, output, ctx);
  } catch (error) {
    return handlerFailure(error, hosted, endpoint, version);
  }
}

/** The answer to a request that is not a usable envelope for any port at this path. */
function refusal(error: unknown, fallback: SoapVersion, versions: readonly SoapVersion[]): Answer {
  if (error instanceof EnvelopeError && error.code === 'SOAP_VERSION_MISMATCH') {
    // Answer in the sender's version when it is one this toolkit writes (SOAP 1.2 Part 1 5.4.7, appendix A).
    const sender = versionOfNamespace(error.foundNamespace ?? '') ?? fallback;
    const body = versionMismatchFault(sender, { supported: versions });
    return { status: 500, contentType: responseContentType(sender), body };
  }
  if (error instanceof XmlError) {
    const what = error.code === 'XML_SYNTAX' ? 'is not well-formed XML' : 'is refused by the XML reader';
    return clientFault(fallback, `The request ${what}: ${error.problem}`);
  }
  if (error instanceof EnvelopeError)
    return clientFault(fallback, `The request is not a usable SOAP envelope: ${error.message}`);
  return clientFault(fallback, 'The request could not be read.');
}

function noOperation(action: string | undefined, envelope: Envelope): string {
  const first = envelope.bodyEntries[0];
  const element = first ? `{${first.ns}}${first.local}` : 'an empty Body';
  return `No operation of this service matches the request (action ${action ? JSON.stringify(action) : 'none'}, body ${element}).`;
}

/** Encodes the handler's output (or sends its raw XML); a one-way operation gets 202 with no body. */
function respond(hosted: HostedOperation, version: SoapVersion, output: unknown, ctx: RequestContext): Answer {
  const operation = hosted.operation.name;
  if (output instanceof RawResponse) {
    if (output.kind === 'envelope') return envelopeAnswer(version, output.xml, operation);
    // Body entries given as text are written verbatim (they were parsed once when recorded, so are well-formed).
    return envelopeAnswer(version, writeEnvelope(version, { body: (w) => w.raw(output.xml) }), operation);
  }
  if (!hosted.operation.output) return { status: 202, contentType: 'text/plain', body: '', operation };
  const body = writeEnvelope(version, {
    header: (w) => hosted.messages.writeHeaders(w, 'output', ctx.responseHeaders),
    body: (w) => hosted.messages.writeBody(w, 'output', output),
    namespaces: hosted.messages.namespaces,
  });
  return envelopeAnswer(version, body, operation);
}

/** A declared fault with its encoded detail, a deliberate `SoapFault`, or the generic Receiver fault. */
function handlerFailure(error: unknown, hosted: HostedOperation, endpoint: PortEndpoint, version: SoapVersion): Answer {
  const operation = hosted.operation.name;
  if (isSoapFault(error)) return faultAnswer(version, soapFaultOptions(error), { operation });
  if (!isDeclaredFault(error)) return serverFault(version, operation);
  const part = hosted.operation.faults.find((f) => f.name === error.faultName)?.part;
  if (!part) return serverFault(version, operation);
  const { codecs } = endpoint;
  const detail = (w: XmlWriter): void => {
    if (part.element) codecs.encodeElement(w, part.element, error.detail);
    // A type part is an accessor named after the part, as in rpc bodies (WSDL 1.1 section 3.5).
    else if (part.type) codecs.encodeType(w, { ns: '', local: part.name }, part.type, error.detail);
  };
  try {
    // The whole envelope is written before anything is sent, so an invalid detail value still yields a clean fault.
    return faultAnswer(
      version,
      { code: error.faultCode, subcodes: error.subcodes, reason: error.reason, detail },
      { operation },
    );
  } catch (cause) {
    if (isSoapstackError(cause)) return serverFault(version, operation);
    throw cause;
  }
}
