/**
 * What the client makes of an HTTP answer: the decoded output, a `SoapFault` (whatever the status: a 500
 * carrying a fault is a fault, not a transport error), or a typed error saying why the answer is not a SOAP
 * message of the expected version.
 */
import { SoapstackError } from '../errors.js';
import { type Envelope, readEnvelope } from '../soap/envelope.js';
import type { SoapFault } from '../soap/fault.js';
import { parsedContentType } from '../soap/http.js';
import type { OperationMessages } from '../soap/message.js';
import type { SoapVersion } from '../soap/version.js';
import { httpStatusError, type TransportResponse } from '../transport/index.js';
import { parseXml } from '../xml/parse.js';
import type { XmlDocument, XmlLimits } from '../xml/types.js';
import type { SchemaCodecs } from '../xsd/codec/index.js';

/** An HTTP answer that is not a SOAP message: empty, or of a content type that cannot carry one. */
export class ResponseError extends SoapstackError {
  declare readonly code: 'SOAP_EMPTY_RESPONSE' | 'SOAP_UNEXPECTED_CONTENT_TYPE';
  /** The HTTP status of the answer. */
  readonly status: number;
  constructor(code: 'SOAP_EMPTY_RESPONSE' | 'SOAP_UNEXPECTED_CONTENT_TYPE', status: number, message: string) {
    super(code, message);
    this.status = status;
  }
}

const XML_MEDIA_TYPES = new Set(['text/xml', 'application/soap+xml', 'application/xml']);

/** The decoded answer of one call. */
export interface DecodedResponse {
  value: unknown;
  /** The declared soap:header parts of the output, by part name. */
  headers: Record<string, unknown>;
  envelope: Envelope;
  text: string;
}

/** Reads an HTTP answer as the output of `messages`' operation, or throws the fault or error it carries. */
export function readResponse(
  response: TransportResponse,
  messages: OperationMessages,
  version: SoapVersion,
  codecs: SchemaCodecs,
  limits: Partial<XmlLimits> | undefined,
  url: string,
): DecodedResponse | undefined {
  const { status, body } = response;
  if (body.length === 0) {
    if (status >= 400) throw httpStatusError(response);
    if (!messages.operation.output) return undefined;
    throw new ResponseError('SOAP_EMPTY_RESPONSE', status, `${url} answered HTTP ${status} with an empty body`);
  }
  const contentType = parsedContentType(response.contentType);
  if (contentType === undefined || !XML_MEDIA_TYPES.has(contentType.mediaType)) {
    if (status >= 300) throw httpStatusError(response);
    throw new ResponseError(
      'SOAP_UNEXPECTED_CONTENT_TYPE',
      status,
      `${url} answered HTTP ${status} with content type ${response.contentType || '(none)'}, not a SOAP message`,
    );
  }
  const text = decodeBody(body, contentType.params.charset?.toLowerCase());
  let doc: XmlDocument;
  let envelope: Envelope;
  try {
    doc = parseXml(text, { source: url, ...(limits ? { limits } : {}) });
    envelope = readEnvelope(doc, version);
  } catch (error) {
    // An error page served with an XML content type: the status says more than the parse error.
    if (status >= 400 && !(error instanceof SoapstackError && error.code === 'SOAP_VERSION_MISMATCH')) {
      throw Object.assign(httpStatusError(response), { cause: error });
    }
    throw error;
  }
  if (envelope.fault) throw withDecodedDetail(envelope.fault, messages, codecs, doc);
  if (!messages.operation.output) return undefined;
  const value = messages.readBody(envelope.bodyEntries, doc, 'output');
  const headers = envelope.headers.length ? messages.readHeaders(envelope.headers, doc, 'output') : {};
  return { value, headers, envelope, text };
}

/** Decodes the fault's detail with the operation's declared fault message whose element it carries. */
function withDecodedDetail(
  fault: SoapFault,
  messages: OperationMessages,
  codecs: SchemaCodecs,
  doc: XmlDocument,
): SoapFault {
  for (const entry of fault.detailEntries) {
    const key = `{${entry.ns}}${entry.local}`;
    const declared = messages.operation.faults.find((f) => f.part?.element === key);
    if (!declared) continue;
    try {
      fault.decodedDetail = codecs.decodeElement(entry, key, doc);
      fault.faultName = declared.name;
    } catch {
      // A detail that does not match its declaration stays available raw (fault.detail); the fault is what matters.
    }
    break;
  }
  return fault;
}

function decodeBody(body: Buffer, charset: string | undefined): string {
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') {
    const text = body.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return new TextDecoder(charset).decode(body);
}
