/**
 * SOAP faults as errors: `SoapFault` and `parseFault`, which reads one from either version's Fault element.
 *
 * SOAP 1.1 section 4.4: "The SOAP Fault element is used to carry error and/or status information within a SOAP
 * message. If present, the SOAP Fault element MUST appear as a body entry and MUST NOT appear more than once within
 * a Body element." Its children are `faultcode` (a QName; 4.4.1: "the dot (".") character is used as a separator of
 * Fault codes indicating that what is to the left of the dot is a more generic fault code value than the value to
 * the right", e.g. `Client.Authentication`), `faultstring`, `faultactor` and `detail`.
 *
 * SOAP 1.2 Part 1 section 5.4: Fault has `Code` (5.4.1: a `Value` and an optional `Subcode`, which again holds a
 * `Value` and an optional `Subcode`, 5.4.1.3), `Reason` (5.4.2: one `Text` per language, each with `xml:lang`),
 * and optional `Node` (5.4.3), `Role` (5.4.4) and `Detail` (5.4.5). Section 5.4.6 lists the fault codes.
 */
import { SoapstackError } from '../errors.js';
import { XML_NS, type XmlDocument, type XmlElement } from '../xml/types.js';
import { attributeOf, childElements, clark, resolveQName, textOf } from './tree.js';
import {
  type GenericFaultCode,
  SOAP_VERSIONS,
  type SoapVersion,
  soapVersionInfo,
  versionOfNamespace,
} from './version.js';

/** One human-readable reason: 1.2 `Reason/Text` or 1.1 `faultstring`, with its language when given. */
export interface FaultReason {
  readonly text: string;
  /** The `xml:lang` of the text (required in 1.2, rare in 1.1). */
  readonly lang?: string;
}

/** What a `SoapFault` is built from. */
export interface SoapFaultInit {
  version: SoapVersion;
  /** Clark key of the fault code QName, e.g. `{http://www.w3.org/2003/05/soap-envelope}Sender`. */
  faultCode: string;
  /** 1.2: nested Subcode values as Clark keys, outermost first; 1.1: the dotted parts after the code. */
  subcodes?: readonly string[];
  /** Every reason given, in document order. */
  reasons: readonly FaultReason[];
  /** The reason to show; by default the English one (`xml:lang` `en` or `en-*`), else the first. */
  reason?: string;
  actor?: string;
  role?: string;
  node?: string;
  detail?: XmlElement;
  /** Where the fault came from (a URL or file), for messages. */
  source?: string;
}

/**
 * A SOAP fault returned by a service (or raised by a handler to be sent as one). Its `message` reads
 * `SOAP fault <code local name>: <reason>`; the code, subcodes and raw detail are kept for programs to act on.
 */
export class SoapFault extends SoapstackError {
  declare readonly code: 'SOAP_FAULT';
  /** The SOAP version of the envelope the fault came in. */
  readonly version: SoapVersion;
  /** Clark key of the fault code QName: 1.1 `faultcode` (before any dot), 1.2 `Code/Value`. */
  readonly faultCode: string;
  /** 1.2: nested `Subcode/Value` QNames as Clark keys, outermost first; 1.1: the dotted parts after the code. */
  readonly subcodes: readonly string[];
  /** The reason to show: 1.2 the `Text` whose `xml:lang` is `en` (or `en-*`), else the first; 1.1 `faultstring`. */
  readonly reason: string;
  /** Every reason given, with its language. */
  readonly reasons: readonly FaultReason[];
  /** 1.1 `faultactor`: the URI of the node that caused the fault (4.4). */
  declare readonly actor?: string;
  /** 1.2 `Role`: the role the faulting node was acting in (Part 1 5.4.4). */
  declare readonly role?: string;
  /** 1.2 `Node`: the URI of the node that generated the fault (Part 1 5.4.3). */
  declare readonly node?: string;
  /** The raw 1.1 `detail` / 1.2 `Detail` element, when present. */
  declare readonly detail?: XmlElement;
  /** The element children of the detail (1.1 "detail entries"). */
  readonly detailEntries: readonly XmlElement[];
  /** The detail decoded by the client when it matches a fault message the operation declares. */
  declare decodedDetail?: unknown;
  /** The name of the declared wsdl:fault whose message the detail matched (set with `decodedDetail`). */
  declare faultName?: string;
  /** Where the fault came from (URL or file), when known. */
  declare readonly source?: string;

  constructor(init: SoapFaultInit, options?: { cause?: unknown }) {
    const reason = init.reason ?? pickReason(init.reasons);
    const local = localOf(init.faultCode);
    super('SOAP_FAULT', `SOAP fault ${local || '(no code)'}${reason ? `: ${reason}` : ''}`, options);
    this.version = init.version;
    this.faultCode = init.faultCode;
    this.subcodes = init.subcodes ?? [];
    this.reason = reason;
    this.reasons = init.reasons;
    if (init.actor !== undefined) this.actor = init.actor;
    if (init.role !== undefined) this.role = init.role;
    if (init.node !== undefined) this.node = init.node;
    if (init.detail !== undefined) this.detail = init.detail;
    this.detailEntries = init.detail ? childElements(init.detail) : [];
    if (init.source !== undefined) this.source = init.source;
  }

  /** The local name of the fault code, e.g. `Client` or `Sender`. */
  get faultCodeLocal(): string {
    return localOf(this.faultCode);
  }

  /**
   * The version-neutral name of a standard fault code (`client` for both 1.1 `Client` and 1.2 `Sender`), or
   * undefined for an application-defined code.
   */
  get genericCode(): GenericFaultCode | undefined {
    return genericCodeOf(this.faultCode);
  }
}

/** True when `value` is a `SoapFault`. */
export function isSoapFault(value: unknown): value is SoapFault {
  return value instanceof SoapFault;
}

function localOf(key: string): string {
  const close = key.indexOf('}');
  return close < 0 ? key : key.slice(close + 1);
}

/** Maps a Clark fault code in either envelope namespace to its generic name. */
export function genericCodeOf(faultCode: string): GenericFaultCode | undefined {
  for (const info of Object.values(SOAP_VERSIONS)) {
    const prefix = `{${info.envelopeNs}}`;
    if (!faultCode.startsWith(prefix)) continue;
    const local = faultCode.slice(prefix.length);
    for (const [generic, name] of Object.entries(info.faultCodes)) {
      if (name === local) return generic as GenericFaultCode;
    }
  }
  return undefined;
}

/** SOAP 1.2 Part 1 5.4.2: several Text items may differ by language; prefer English, else the first. */
function pickReason(reasons: readonly FaultReason[]): string {
  const english = reasons.find((r) => {
    const lang = r.lang?.toLowerCase();
    return lang === 'en' || lang?.startsWith('en-');
  });
  return (english ?? reasons[0])?.text ?? '';
}

/**
 * The child of a Fault named `local`. SOAP 1.1 says the children are unqualified and 1.2 puts them in the envelope
 * namespace; real servers vary (some qualify 1.1's `faultcode`), so either form is accepted.
 */
function faultChild(parent: XmlElement, local: string, envelopeNs: string): XmlElement | undefined {
  for (const child of parent.children) {
    if (typeof child === 'string' || child.local !== local) continue;
    if (child.ns === '' || child.ns === envelopeNs) return child;
  }
  return undefined;
}

function trimmedText(el: XmlElement | undefined): string | undefined {
  return el === undefined ? undefined : textOf(el).trim();
}

function reasonOf(el: XmlElement): FaultReason {
  const lang = attributeOf(el, XML_NS, 'lang');
  const text = textOf(el).trim();
  return lang === undefined ? { text } : { text, lang };
}

/**
 * Builds a `SoapFault` from a Fault element of either version. `version` is the envelope's version; the shape of
 * the children decides how they are read, so a 1.1-style fault inside a 1.2 envelope (seen from early SOAP 1.2
 * implementations) still decodes. `doc`, when given, names the source in the fault.
 */
export function parseFault(fault: XmlElement, version: SoapVersion, doc?: XmlDocument): SoapFault {
  const envelopeNs = soapVersionInfo(version).envelopeNs;
  const source = doc?.source;
  const hasCode = faultChild(fault, 'Code', envelopeNs) !== undefined;
  const has11Code = faultChild(fault, 'faultcode', envelopeNs) !== undefined;
  const init = (version === '1.2' && hasCode) || !has11Code ? read12(fault, version) : read11(fault, version);
  if (source !== undefined) init.source = source;
  return new SoapFault(init);
}

/** SOAP 1.2 Part 1 5.4: Code/Value, Code/Subcode*, Reason/Text+, Node?, Role?, Detail?. */
function read12(fault: XmlElement, version: SoapVersion): SoapFaultInit {
  const ns = soapVersionInfo(version).envelopeNs;
  const code = faultChild(fault, 'Code', ns);
  let faultCode = '';
  const subcodes: string[] = [];
  if (code) {
    faultCode = qnameValue(faultChild(code, 'Value', ns));
    for (let sub = faultChild(code, 'Subcode', ns); sub; sub = faultChild(sub, 'Subcode', ns)) {
      subcodes.push(qnameValue(faultChild(sub, 'Value', ns)));
    }
  }
  const reasons: FaultReason[] = [];
  const reason = faultChild(fault, 'Reason', ns);
  if (reason) {
    for (const text of childElements(reason)) if (text.local === 'Text') reasons.push(reasonOf(text));
  }
  const init: SoapFaultInit = { version, faultCode, subcodes, reasons };
  const node = trimmedText(faultChild(fault, 'Node', ns));
  const role = trimmedText(faultChild(fault, 'Role', ns));
  const detail = faultChild(fault, 'Detail', ns);
  if (node !== undefined) init.node = node;
  if (role !== undefined) init.role = role;
  if (detail) init.detail = detail;
  return init;
}

function qnameValue(value: XmlElement | undefined): string {
  if (!value) return '';
  const q = resolveQName(value, textOf(value));
  return clark(q.ns, q.local);
}

/** SOAP 1.1 section 4.4: faultcode, faultstring, faultactor?, detail?. */
function read11(fault: XmlElement, version: SoapVersion): SoapFaultInit {
  const info = soapVersionInfo(version);
  const codeEl = faultChild(fault, 'faultcode', info.envelopeNs);
  let faultCode = '';
  let subcodes: string[] = [];
  if (codeEl) {
    const q = resolveQName(codeEl, textOf(codeEl));
    const [head = '', ...rest] = q.local.split('.');
    let ns = q.ns;
    // Leniency: servers write `Client` or `SOAP-ENV:Client` with the prefix undeclared; a standard code name with
    // no usable namespace is taken to be in the envelope namespace.
    const standard = (Object.values(info.faultCodes) as Array<string | undefined>).includes(head);
    if (standard && (!q.bound || (q.prefix === '' && ns === ''))) ns = info.envelopeNs;
    faultCode = clark(ns, head);
    subcodes = rest;
  }
  const stringEl = faultChild(fault, 'faultstring', info.envelopeNs);
  const reasons = stringEl ? [reasonOf(stringEl)] : [];
  const init: SoapFaultInit = { version, faultCode, subcodes, reasons };
  const actor = trimmedText(faultChild(fault, 'faultactor', info.envelopeNs));
  const detail = faultChild(fault, 'detail', info.envelopeNs);
  if (actor !== undefined) init.actor = actor;
  if (detail) init.detail = detail;
  return init;
}

/** True when `el` is a Fault element of the given version (or of either version when none is given). */
export function isFaultElement(el: XmlElement, version?: SoapVersion): boolean {
  if (el.local !== 'Fault') return false;
  const found = versionOfNamespace(el.ns);
  return found !== undefined && (version === undefined || found === version);
}
