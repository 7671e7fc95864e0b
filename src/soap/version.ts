/**
 * The two SOAP versions as data. Everything that differs between SOAP 1.1 (W3C Note, 8 May 2000) and SOAP 1.2
 * (W3C Recommendation, Part 1 and Part 2) lives in one table, so the rest of the layer asks "what does this
 * version call it" instead of branching on the version in many places.
 */

/** A SOAP version this toolkit speaks. */
// One definition for the whole toolkit: the compiled model names a port's version with the same type.
import type { SoapVersion } from '../wsdl/model.js';

export type { SoapVersion };

/** SOAP 1.1 section 4.1.2: "The SOAP envelope namespace identifier is http://schemas.xmlsoap.org/soap/envelope/". */
export const SOAP11_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** SOAP 1.2 Part 1 section 5: the envelope namespace `http://www.w3.org/2003/05/soap-envelope`. */
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';

/**
 * The fault codes a version defines, keyed by generic name. SOAP 1.1 section 4.4.1 defines VersionMismatch,
 * MustUnderstand, Client and Server; SOAP 1.2 Part 1 section 5.4.6 defines VersionMismatch, MustUnderstand,
 * DataEncodingUnknown, Sender and Receiver.
 */
export interface SoapFaultCodeNames {
  /** The message was malformed or lacked information: 1.1 `Client`, 1.2 `Sender`. */
  readonly client: 'Client' | 'Sender';
  /** The message could not be processed for reasons other than its contents: 1.1 `Server`, 1.2 `Receiver`. */
  readonly server: 'Server' | 'Receiver';
  /** The root was not an Envelope in the namespace this node expects. */
  readonly versionMismatch: 'VersionMismatch';
  /** A header block targeted at this node with mustUnderstand set was not understood. */
  readonly mustUnderstand: 'MustUnderstand';
  /** SOAP 1.2 only: an encodingStyle the node does not support. SOAP 1.1 has no such code (undefined). */
  readonly dataEncodingUnknown: 'DataEncodingUnknown' | undefined;
}

/** A version-neutral fault code name, mapped to each version's own local name by `SoapFaultCodeNames`. */
export type GenericFaultCode = keyof SoapFaultCodeNames;

/** How the action (the intent of a request) travels over HTTP. */
export type SoapActionCarrier =
  /** SOAP 1.1 section 6.1.1: the `SOAPAction` HTTP request header, a quoted URI. */
  | 'soapAction-header'
  /** SOAP 1.2 Part 2 section 7.1.4 / RFC 3902: the `action` parameter of `application/soap+xml`. */
  | 'content-type-parameter';

/** Everything the rest of the toolkit needs to know about one SOAP version. */
export interface SoapVersionInfo {
  readonly version: SoapVersion;
  /** Namespace of Envelope, Header, Body, Fault and the envelope attributes. */
  readonly envelopeNs: string;
  /** The media type of a message over HTTP (without parameters). */
  readonly mediaType: 'text/xml' | 'application/soap+xml';
  /** Where the action goes on an HTTP request. */
  readonly actionCarrier: SoapActionCarrier;
  /** The standard fault code local names (their namespace is `envelopeNs`). */
  readonly faultCodes: SoapFaultCodeNames;
  /** The SOAP encoding namespace (rpc/encoded): section 5 of 1.1, Part 2 section 3 of 1.2. */
  readonly encodingNs: string;
  /** Name of the header attribute that targets a header block: 1.1 `actor` (4.2.2), 1.2 `role` (Part 1 5.2.2). */
  readonly roleAttribute: 'actor' | 'role';
  /** The URI of the special role/actor "next" (every node on the path). */
  readonly nextRole: string;
  /** The canonical true value of `mustUnderstand`: 1.1 `1` (4.2.3), 1.2 `true` (Part 1 5.2.3). */
  readonly mustUnderstandTrue: '1' | 'true';
}

/** SOAP 1.1 (W3C Note 08 May 2000). */
export const SOAP_1_1: SoapVersionInfo = Object.freeze({
  version: '1.1',
  envelopeNs: SOAP11_ENVELOPE_NS,
  mediaType: 'text/xml',
  actionCarrier: 'soapAction-header',
  faultCodes: Object.freeze({
    client: 'Client',
    server: 'Server',
    versionMismatch: 'VersionMismatch',
    mustUnderstand: 'MustUnderstand',
    dataEncodingUnknown: undefined,
  }),
  encodingNs: 'http://schemas.xmlsoap.org/soap/encoding/',
  roleAttribute: 'actor',
  nextRole: 'http://schemas.xmlsoap.org/soap/actor/next',
  mustUnderstandTrue: '1',
} as const);

/** SOAP 1.2 (W3C Recommendation, second edition 27 April 2007). */
export const SOAP_1_2: SoapVersionInfo = Object.freeze({
  version: '1.2',
  envelopeNs: SOAP12_ENVELOPE_NS,
  mediaType: 'application/soap+xml',
  actionCarrier: 'content-type-parameter',
  faultCodes: Object.freeze({
    client: 'Sender',
    server: 'Receiver',
    versionMismatch: 'VersionMismatch',
    mustUnderstand: 'MustUnderstand',
    dataEncodingUnknown: 'DataEncodingUnknown',
  }),
  encodingNs: 'http://www.w3.org/2003/05/soap-encoding',
  roleAttribute: 'role',
  nextRole: 'http://www.w3.org/2003/05/soap-envelope/role/next',
  mustUnderstandTrue: 'true',
} as const);

/** Both versions, keyed by version. */
export const SOAP_VERSIONS: Readonly<Record<SoapVersion, SoapVersionInfo>> = Object.freeze({
  '1.1': SOAP_1_1,
  '1.2': SOAP_1_2,
});

/** The table entry for a version. */
export function soapVersionInfo(version: SoapVersion): SoapVersionInfo {
  return SOAP_VERSIONS[version];
}

/** True when `value` names a SOAP version this toolkit speaks. */
export function isSoapVersion(value: unknown): value is SoapVersion {
  return value === '1.1' || value === '1.2';
}

/** The version whose envelope namespace is `ns`, or undefined for any other namespace. */
export function versionOfNamespace(ns: string): SoapVersion | undefined {
  if (ns === SOAP11_ENVELOPE_NS) return '1.1';
  if (ns === SOAP12_ENVELOPE_NS) return '1.2';
  return undefined;
}

/** The other version: the one a mismatch is usually about. */
export function otherVersion(version: SoapVersion): SoapVersion {
  return version === '1.1' ? '1.2' : '1.1';
}
