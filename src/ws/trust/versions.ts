/**
 * The two WS-Trust versions soapstack speaks, as plain data: one table row per version, so the request writer
 * and the response reader never branch on a version string.
 *
 * - `2005/02`: the February 2005 submission (namespace `http://schemas.xmlsoap.org/ws/2005/02/trust`), spoken
 *   by Microsoft Online's `RST2.srf`. Its RSTR is a lone `RequestSecurityTokenResponse` in the Body.
 * - `1.3`: OASIS WS-Trust 1.3 (namespace `http://docs.oasis-open.org/ws-sx/ws-trust/200512`), spoken by AD FS
 *   2.0 and later. Section 4.3: the final response to an Issue "MUST be a
 *   `<wst:RequestSecurityTokenResponseCollection>`" holding one `RequestSecurityTokenResponse` per token.
 */

/** A WS-Trust version: the February 2005 submission or OASIS WS-Trust 1.3. */
export type TrustVersion = '2005/02' | '1.3';

/** The URIs of one WS-Trust version. */
export interface TrustVersionInfo {
  readonly version: TrustVersion;
  /** The namespace of RST, RSTR, Lifetime, RequestedSecurityToken and friends. */
  readonly ns: string;
  /** `wsa:Action` of an Issue request. */
  readonly issueAction: string;
  /** `wsa:Action` of the final Issue response (RSTR for 2005/02, RSTRC/IssueFinal for 1.3). */
  readonly issueResponseAction: string;
  /** The `RequestType` value of an Issue request. */
  readonly issueRequestType: string;
  /** `KeyType` URIs. */
  readonly keyTypes: Readonly<Record<TrustKeyType, string>>;
}

/** The kinds of proof key a requester may ask for (WS-Trust 1.3 section 9.2, `KeyType`). */
export type TrustKeyType = 'Bearer' | 'SymmetricKey' | 'PublicKey';

const FEB2005 = 'http://schemas.xmlsoap.org/ws/2005/02/trust';
const OASIS13 = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512';

/** The URIs of each version, keyed by version. */
export const TRUST_VERSIONS: Readonly<Record<TrustVersion, TrustVersionInfo>> = Object.freeze({
  '2005/02': Object.freeze({
    version: '2005/02',
    ns: FEB2005,
    issueAction: `${FEB2005}/RST/Issue`,
    issueResponseAction: `${FEB2005}/RSTR/Issue`,
    issueRequestType: `${FEB2005}/Issue`,
    keyTypes: Object.freeze({
      // The Feb 2005 submission has no bearer key type; the identity profile's NoProofKey URI is what
      // Microsoft's stacks send for "no proof key" with this version.
      Bearer: 'http://schemas.xmlsoap.org/ws/2005/05/identity/NoProofKey',
      SymmetricKey: `${FEB2005}/SymmetricKey`,
      PublicKey: `${FEB2005}/PublicKey`,
    }),
  }),
  '1.3': Object.freeze({
    version: '1.3',
    ns: OASIS13,
    issueAction: `${OASIS13}/RST/Issue`,
    issueResponseAction: `${OASIS13}/RSTRC/IssueFinal`,
    issueRequestType: `${OASIS13}/Issue`,
    keyTypes: Object.freeze({
      Bearer: `${OASIS13}/Bearer`,
      SymmetricKey: `${OASIS13}/SymmetricKey`,
      PublicKey: `${OASIS13}/PublicKey`,
    }),
  }),
});

/** True when `value` names a supported WS-Trust version. */
export function isTrustVersion(value: unknown): value is TrustVersion {
  return value === '2005/02' || value === '1.3';
}

/** WS-Policy 2004/09, whose `AppliesTo` both versions use to name the relying party. */
export const WSP_NS = 'http://schemas.xmlsoap.org/ws/2004/09/policy';
