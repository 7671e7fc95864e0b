/**
 * Answers as data (`Answer`): the status, the body and its content type, built by the dispatcher and sent by
 * the server. Fault answers follow SOAP 1.1 section 6.2 (HTTP 500 for every fault) and SOAP 1.2 Part 2
 * section 7.5.2.2 (400 for a Sender fault, 500 otherwise) through `faultHttpStatus`.
 */
import { writeEnvelope } from '../soap/envelope.js';
import type { SoapFault } from '../soap/fault.js';
import { genericCodeOf } from '../soap/fault.js';
import { faultHttpStatus, responseContentType } from '../soap/http.js';
import { unclark } from '../soap/tree.js';
import type { SoapVersion } from '../soap/version.js';
import { type FaultOptions, faultCodeQName, writeFault } from '../soap/write-fault.js';
import { writeTree } from './tree-writer.js';

/** What the server sends back for one request. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The operation the request was routed to, for the log. */
  readonly operation?: string;
  /** Extra response headers (`Allow` on a 405). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An envelope answer with status 200. */
export function envelopeAnswer(version: SoapVersion, body: string, operation?: string): Answer {
  return { status: 200, contentType: responseContentType(version), body, ...(operation ? { operation } : {}) };
}

/** A fault envelope in `version`, with the status its code calls for (or `status` when given, e.g. 413). */
export function faultAnswer(
  version: SoapVersion,
  fault: FaultOptions,
  extra: { operation?: string; status?: number } = {},
): Answer {
  const body = writeEnvelope(version, { body: (w) => writeFault(w, version, fault) });
  const status = extra.status ?? faultHttpStatus(version, faultCodeQName(version, fault.code));
  return {
    status,
    contentType: responseContentType(version),
    body,
    ...(extra.operation ? { operation: extra.operation } : {}),
  };
}

/** A client (1.1 Client, 1.2 Sender) fault with `reason`. */
export function clientFault(
  version: SoapVersion,
  reason: string,
  extra: { operation?: string; status?: number } = {},
): Answer {
  return faultAnswer(version, { code: 'client', reason }, extra);
}

/**
 * The generic Receiver fault for anything a handler did not mean to send: its message and stack stay on the
 * server (they may name files, hosts or data).
 */
export function serverFault(version: SoapVersion, operation?: string): Answer {
  return faultAnswer(
    version,
    { code: 'server', reason: 'The server could not process the request.' },
    operation ? { operation } : {},
  );
}

/**
 * The fault options that re-send a `SoapFault` a handler threw on purpose, in the port's version: a standard
 * code of either version maps to its generic name, any other code is kept; raw detail entries are copied.
 */
export function soapFaultOptions(fault: SoapFault): FaultOptions {
  const generic = genericCodeOf(fault.faultCode);
  const options: FaultOptions = {
    code: generic ?? (fault.faultCode ? unclark(fault.faultCode) : 'server'),
    reason: fault.reason,
    subcodes: fault.subcodes,
  };
  if (fault.actor !== undefined) options.actor = fault.actor;
  else if (fault.node !== undefined) options.actor = fault.node;
  if (fault.role !== undefined) options.role = fault.role;
  const entries = fault.detailEntries;
  const text = fault.detail && entries.length === 0 ? fault.detail.children.join('') : undefined;
  if (entries.length > 0)
    options.detail = (w) => {
      for (const e of entries) writeTree(w, e);
    };
  else if (text) options.detail = (w) => w.text(text);
  return options;
}

/** A plain-text answer for HTTP-level refusals (405, 404). */
export function textAnswer(status: number, text: string, headers?: Readonly<Record<string, string>>): Answer {
  return { status, contentType: 'text/plain; charset=utf-8', body: text, ...(headers ? { headers } : {}) };
}
