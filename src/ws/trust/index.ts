/** The WS-Trust client: RST writing, RSTR reading, one Issue exchange, and sign-in presets. */
export {
  AuthenticationError,
  type AuthenticationErrorInit,
  AuthOptionsError,
  isAuthenticationError,
  TrustResponseError,
} from './errors.js';
export {
  adfsSignIn,
  adfsUsernameMixedUrl,
  CRM_ONLINE_REGIONS,
  type CrmOnlineRegion,
  type CrmOnlineRegionName,
  OFFICE365_STS_URL,
  office365SignIn,
  regionOfHost,
  type SignInCredentials,
} from './presets.js';
export { checkTrustOptions, type RequestSecurityTokenOptions, requestSecurityToken } from './request.js';
export { RST_VALIDITY_SECONDS, type RstBody, type RstEnvelopeOptions, rstEnvelope, writeRst } from './rst.js';
export { faultToAuthenticationError, type IssuedToken, type ReadRstrOptions, readRstr } from './rstr.js';
export {
  isTrustVersion,
  TRUST_VERSIONS,
  type TrustKeyType,
  type TrustVersion,
  type TrustVersionInfo,
  WSP_NS,
} from './versions.js';
