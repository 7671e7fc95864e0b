/**
 * Writing a Fault element (server side). Generic code names map to each version's own: `client` is 1.1 `Client`
 * and 1.2 `Sender`, `server` is `Server` / `Receiver` (SOAP 1.1 section 4.4.1, SOAP 1.2 Part 1 section 5.4.6).
 */

import { XML_NS } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';
import { unclark } from './tree.js';
import { type GenericFaultCode, type SoapVersion, soapVersionInfo } from './version.js';

/** A QName given by parts. */
export interface FaultQName {
  readonly ns: string;
  readonly local: string;
}

/** What `writeFault` writes. */
export interface FaultOptions {
  /** A standard code by its generic name, or any QName (an application-defined code). */
  code: GenericFaultCode | FaultQName;
  /**
   * More specific codes, outermost first, as QNames or Clark keys (`{ns}local`; a plain name has no namespace).
   * 1.2 writes them as nested `Subcode/Value` (Part 1 5.4.1.3); 1.1 appends their local names to `faultcode`
   * with dots (`Client.Authentication`, SOAP 1.1 section 4.4.1).
   */
  subcodes?: ReadonlyArray<string | FaultQName>;
  /** The human-readable reason: 1.2 `Reason/Text`, 1.1 `faultstring`. */
  reason: string;
  /** Language of the reason. 1.2 requires `xml:lang` and defaults to `en`; 1.1 writes it only when given. */
  lang?: string;
  /** URI of the node that generated the fault: 1.1 `faultactor`, 1.2 `Node` (its closest equivalent). */
  actor?: string;
  /** 1.2 `Role` (Part 1 5.4.4): the role the node was acting in. Not written in 1.1, which has no such item. */
  role?: string;
  /** Writes the detail entries inside 1.1 `detail` / 1.2 `Detail`; no detail element is written without it. */
  detail?: (w: XmlWriter) => void;
}

/**
 * The QName a fault code stands for in `version`. SOAP 1.1 has no DataEncodingUnknown; there it becomes `Client`,
 * the code for "the message was incorrectly formed or did not contain the appropriate information".
 */
export function faultCodeQName(version: SoapVersion, code: GenericFaultCode | FaultQName): FaultQName {
  if (typeof code !== 'string') return code;
  const info = soapVersionInfo(version);
  return { ns: info.envelopeNs, local: info.faultCodes[code] ?? info.faultCodes.client };
}

function toQName(value: string | FaultQName): FaultQName {
  return typeof value === 'string' ? unclark(value) : value;
}

/** Writes a QName as element content, declaring a prefix on the open element when needed. */
function qnameText(w: XmlWriter, name: FaultQName, suffix = ''): void {
  const prefix = name.ns === '' ? '' : w.prefixFor(name.ns);
  w.text(`${prefix === '' ? '' : `${prefix}:`}${name.local}${suffix}`);
}

/**
 * Writes a Fault element for `version` at the writer's position (inside a Body).
 * SOAP 1.1 (4.4): `<faultcode>`, `<faultstring>`, `<faultactor>?`, `<detail>?`, all unqualified.
 * SOAP 1.2 (Part 1 5.4): `Code/Value` (+ `Subcode`s), `Reason/Text xml:lang`, `Node?`, `Role?`, `Detail?`.
 */
export function writeFault(w: XmlWriter, version: SoapVersion, options: FaultOptions): XmlWriter {
  const ns = soapVersionInfo(version).envelopeNs;
  const code = faultCodeQName(version, options.code);
  const subcodes = (options.subcodes ?? []).map(toQName);
  w.startElement(ns, 'Fault', 'soap');
  if (version === '1.1') {
    w.startElement('', 'faultcode');
    qnameText(w, code, subcodes.map((s) => `.${s.local}`).join(''));
    w.endElement();
    w.startElement('', 'faultstring');
    if (options.lang !== undefined) w.attribute(XML_NS, 'lang', options.lang);
    w.text(options.reason).endElement();
    if (options.actor !== undefined) w.element('', 'faultactor', options.actor);
    if (options.detail) {
      w.startElement('', 'detail');
      options.detail(w);
      w.endElement();
    }
  } else {
    w.startElement(ns, 'Code');
    w.startElement(ns, 'Value');
    qnameText(w, code);
    w.endElement();
    for (const sub of subcodes) {
      w.startElement(ns, 'Subcode').startElement(ns, 'Value');
      qnameText(w, sub);
      w.endElement();
    }
    for (let i = 0; i < subcodes.length; i++) w.endElement();
    w.endElement();
    w.startElement(ns, 'Reason').startElement(ns, 'Text');
    w.attribute(XML_NS, 'lang', options.lang ?? 'en');
    w.text(options.reason).endElement().endElement();
    if (options.actor !== undefined) w.element(ns, 'Node', options.actor);
    if (options.role !== undefined) w.element(ns, 'Role', options.role);
    if (options.detail) {
      w.startElement(ns, 'Detail');
      options.detail(w);
      w.endElement();
    }
  }
  return w.endElement();
}
