/**
 * Header blocks: the attributes that target them and make them mandatory.
 *
 * SOAP 1.1 section 4.2.2: "The SOAP actor global attribute can be used to indicate the recipient of a header
 * element"; 4.2.3: "The value of the mustUnderstand attribute is either "1" or "0"".
 * SOAP 1.2 Part 1 section 5.2.2: the `role` attribute; 5.2.3: `mustUnderstand` is an xs:boolean, "true" or "1"
 * meaning the block is mandatory. Both attributes are in the envelope namespace.
 */
import type { XmlElement } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';
import { attributeOf } from './tree.js';
import { type SoapVersion, soapVersionInfo } from './version.js';

/** True when a header block carries `mustUnderstand` set (1.1 `1`; 1.2 `true` or `1`; surrounding space ignored). */
export function isMustUnderstand(block: XmlElement, version: SoapVersion): boolean {
  const value = attributeOf(block, soapVersionInfo(version).envelopeNs, 'mustUnderstand')?.trim();
  // 1.1 only defines "1"/"0"; "true" is accepted from 1.1 senders too, as some stacks write it.
  return value === '1' || value === 'true';
}

/** The role (1.2) or actor (1.1) a header block is targeted at; undefined means the ultimate receiver. */
export function roleOf(block: XmlElement, version: SoapVersion): string | undefined {
  const info = soapVersionInfo(version);
  return attributeOf(block, info.envelopeNs, info.roleAttribute)?.trim();
}

/** Adds `soap:mustUnderstand` with the version's true value to the element whose start tag is open. */
export function writeMustUnderstand(w: XmlWriter, version: SoapVersion): XmlWriter {
  const info = soapVersionInfo(version);
  return w.attribute(info.envelopeNs, 'mustUnderstand', info.mustUnderstandTrue, 'soap');
}

/** Adds the version's actor (1.1) / role (1.2) attribute to the element whose start tag is open. */
export function writeRole(w: XmlWriter, version: SoapVersion, role: string): XmlWriter {
  const info = soapVersionInfo(version);
  return w.attribute(info.envelopeNs, info.roleAttribute, role, 'soap');
}

/** The first header block named `{ns}local`, if any. */
export function findHeader(headers: readonly XmlElement[], ns: string, local: string): XmlElement | undefined {
  return headers.find((h) => h.ns === ns && h.local === local);
}
