/**
 * Namespaces and URIs of OASIS Web Services Security (WSS) 1.0/1.1 and its UsernameToken Profile.
 *
 * WSS 1.1 SOAP Message Security, section 3.3 (Namespaces): the `wsse` (secext) and `wsu` (utility) namespaces
 * of 1.0 remain in use in 1.1; 1.1 adds `wsse11` for its new elements. The UsernameToken Profile 1.1, section
 * 3.1, defines the Password `Type` URIs `#PasswordText` (the default when `Type` is absent) and
 * `#PasswordDigest`; WSS section 6.3 (BinarySecurityToken) defines the `#Base64Binary` EncodingType that
 * a Nonce uses ("If this attribute isn't specified then the default of Base64 encoding is used").
 */

/** The WSS secext namespace: Security, UsernameToken, Password, Nonce, SecurityTokenReference. */
export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
/** The WSS utility namespace: Timestamp, Created, Expires, and the `wsu:Id` attribute. */
export const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
/** The WSS 1.1 secext namespace (Salt, Iteration, SignatureConfirmation). */
export const WSSE11_NS = 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd';

/** Base of the UsernameToken Profile 1.0 fragment URIs. */
const USERNAME_TOKEN_PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
/** Password Type: the password as it is (UsernameToken Profile 1.1, section 3.1). */
export const PASSWORD_TEXT = `${USERNAME_TOKEN_PROFILE}#PasswordText`;
/** Password Type: Base64(SHA-1(nonce + created + password)) (UsernameToken Profile 1.1, section 3.1). */
export const PASSWORD_DIGEST = `${USERNAME_TOKEN_PROFILE}#PasswordDigest`;
/** EncodingType of base64 binary content, the Nonce's default (WSS 1.1 section 6.3). */
export const BASE64_BINARY =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** XML Signature namespace (a ds:Signature inside Security is not a token). */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** XML Encryption namespace (WCF's issued tokens arrive as xenc:EncryptedData). */
export const XENC_NS = 'http://www.w3.org/2001/04/xmlenc#';

/** The preferred prefixes, the ones the OASIS specifications use. */
export const WSSE_PREFIX = 'wsse';
/** The preferred prefix of the utility namespace. */
export const WSU_PREFIX = 'wsu';
