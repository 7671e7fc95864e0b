/** The soap layer: SOAP 1.1 and 1.2 envelopes, header blocks, the HTTP binding's headers, and faults. */
export {
  ENVELOPE_PREFIX,
  type Envelope,
  type EnvelopeContent,
  EnvelopeError,
  type EnvelopeErrorCode,
  type ParseEnvelopeOptions,
  parseEnvelope,
  readEnvelope,
  writeEnvelope,
} from './envelope.js';
export {
  type FaultReason,
  genericCodeOf,
  isFaultElement,
  isSoapFault,
  parseFault,
  SoapFault,
  type SoapFaultInit,
} from './fault.js';
export { findHeader, isMustUnderstand, roleOf, writeMustUnderstand, writeRole } from './header.js';
export {
  actionOf,
  type ContentType,
  charsetOf,
  faultHttpStatus,
  type HeaderSource,
  headerValue,
  parseContentType,
  requestHeaders,
  responseContentType,
  SoapActionError,
  versionOfContentType,
} from './http.js';
export { envelopeNamespaces } from './namespaces.js';
export { readUpgrade, type VersionMismatchOptions, versionMismatchFault, writeUpgradeHeader } from './upgrade.js';
export {
  type GenericFaultCode,
  isSoapVersion,
  otherVersion,
  SOAP_1_1,
  SOAP_1_2,
  SOAP_VERSIONS,
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  type SoapActionCarrier,
  type SoapFaultCodeNames,
  type SoapVersion,
  type SoapVersionInfo,
  soapVersionInfo,
  versionOfNamespace,
} from './version.js';
export { type FaultOptions, type FaultQName, faultCodeQName, writeFault } from './write-fault.js';
