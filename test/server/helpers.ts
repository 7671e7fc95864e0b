// Test helpers for the server and mock tests: POST an envelope to 127.0.0.1 and call an operation with the
// same message mapping the client uses, so a test reads a typed value (or the fault) back.
import { request } from 'node:http';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import type { SoapFault } from '../../src/soap/fault.js';
import { requestHeaders } from '../../src/soap/http.js';
import { OperationMessages } from '../../src/soap/message.js';
import type { CompiledModel, Port } from '../../src/wsdl/model.js';
import { createCodecs, type SchemaCodecs } from '../../src/xsd/codec/index.js';

/** A raw HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends one request with node:http (no keep-alive) and reads the whole answer. */
export function send(
  url: string,
  method: string,
  body: string | undefined,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const codecsCache = new WeakMap<CompiledModel, SchemaCodecs>();

/** The outcome of `callOperation`. */
export type CallOutcome =
  | { status: number; value: unknown; text: string }
  | { status: number; fault: SoapFault; text: string };

/** Calls `operation` of `port` at `url` with `input`, the way soapstack's client maps messages. */
export async function callOperation(
  url: string,
  model: CompiledModel,
  port: Port,
  operation: string,
  input: unknown,
): Promise<CallOutcome> {
  let codecs = codecsCache.get(model);
  if (!codecs) {
    codecs = createCodecs(model.schema);
    codecsCache.set(model, codecs);
  }
  const op = port.operations.find((o) => o.name === operation)!;
  const messages = new OperationMessages(op, codecs);
  const body = writeEnvelope(port.soapVersion, { body: (w) => messages.writeBody(w, 'input', input) });
  const headers = requestHeaders(port.soapVersion, op.action) as Record<string, string>;
  const answer = await send(url, 'POST', body, headers);
  const envelope = parseEnvelope(answer.text, { expected: port.soapVersion });
  if (envelope.fault) return { status: answer.status, fault: envelope.fault, text: answer.text };
  return {
    status: answer.status,
    value: messages.readBody(envelope.bodyEntries, envelope.document, 'output'),
    text: answer.text,
  };
}
