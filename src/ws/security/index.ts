/** WS-Security: header blocks written fresh on every call, and the verifying side for servers and emulators. */
export {
  BASE64_BINARY,
  DSIG_NS,
  PASSWORD_DIGEST,
  PASSWORD_TEXT,
  WSSE_NS,
  WSSE_PREFIX,
  WSSE11_NS,
  WSU_NS,
  WSU_PREFIX,
  XENC_NS,
} from './constants.js';
export {
  isSecurityFault,
  SECURITY_FAULT_REASONS,
  SecurityFault,
  type SecurityFaultCode,
  type SecurityFaultDetails,
  securityFaultDetails,
  securitySoapFault,
} from './fault.js';
export {
  DEFAULT_TIMESTAMP_VALIDITY,
  SecurityHeaderError,
  type SecurityHeaderOptions,
  writeSecurityHeader,
} from './header.js';
export {
  type IssuedTokenInput,
  type IssuedTokenXml,
  issuedTokenFragment,
  issuedTokenText,
} from './issued-token.js';
export { NonceCache, type NonceCacheOptions, type NonceStore } from './nonce-cache.js';
export { type WsSecurityOptions, wsSecurity } from './plugin.js';
export { formatUtc, parseDateTime } from './time.js';
export { type TimestampOptions, writeTimestamp } from './timestamp.js';
export { NONCE_BYTES, passwordDigest, type UsernameTokenOptions, writeUsernameToken } from './username-token.js';
export { findSecurity, SecurityVerifier, type SecurityVerifierOptions, type VerifiedSecurity } from './verify.js';
