/**
 * The security token services: Microsoft Online's `RST2.srf` (WS-Trust February 2005) and an AD FS
 * `usernamemixed` endpoint (WS-Trust 1.3). Each reads an Issue RST (SOAP 1.2, a wsse:Security header with a
 * PasswordText UsernameToken), checks the user, and answers in the shape of the captured response
 * (`request_security_token_response.xml`, `request_security_token_response_onpremise.xml`), written with
 * XmlWriter. A refused sign-in gets the service's own fault: Microsoft Online's "Authentication Failure" with
 * its psf detail, or AD FS's ID3242.
 */

import { EnvelopeError, parseEnvelope, writeEnvelope } from '../../soap/envelope.js';
import { WSA_NS } from '../../ws/addressing.js';
import { findSecurity, formatUtc, WSSE_NS, WSU_NS, XENC_NS } from '../../ws/security/index.js';
import { TRUST_VERSIONS, type TrustVersion, WSP_NS } from '../../ws/trust/index.js';
import { XmlError } from '../../xml/errors.js';
import type { XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import type { Accounts } from './accounts.js';
import type { IssuedTrustToken, TokenRegistry } from './tokens.js';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const PSF = 'http://schemas.microsoft.com/Passport/SoapServices/SOAPFault';
const SAML = 'urn:oasis:names:tc:SAML:1.0:assertion';
const WSSE11 = 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const BASE64 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
const SKI = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier';
const SAML_ID = 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.0#SAMLAssertionID';

/** An HTTP answer of the STS. */
export interface StsAnswer {
  readonly status: number;
  readonly body: string;
}

/** What the STS needs. */
export interface StsContext {
  readonly accounts: Accounts;
  readonly tokens: TokenRegistry;
  readonly now: () => number;
  /** The emulator's "certificate" subject key identifier (base64), written as the token's KeyIdentifier. */
  readonly keyIdentifier: string;
}

const children = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');
const child = (el: XmlElement | undefined, ns: string, local: string): XmlElement | undefined =>
  el && children(el).find((c) => c.ns === ns && c.local === local);
const textOf = (el: XmlElement | undefined): string =>
  el ? el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('') : '';

interface RstRequest {
  readonly username: string;
  readonly password: string;
  readonly appliesTo: string;
  readonly messageId: string | undefined;
}

/** Reads the RST; undefined when it is not a usable Issue request of `trust`. */
function readRst(text: string, trust: TrustVersion): RstRequest | 'malformed' {
  let envelope: ReturnType<typeof parseEnvelope>;
  try {
    envelope = parseEnvelope(text, { source: '<rst>' });
  } catch (error) {
    if (error instanceof XmlError || error instanceof EnvelopeError) return 'malformed';
    throw error;
  }
  const info = TRUST_VERSIONS[trust];
  const rst = envelope.bodyEntries.find((e) => e.ns === info.ns && e.local === 'RequestSecurityToken');
  if (!rst || textOf(child(rst, info.ns, 'RequestType')).trim() !== info.issueRequestType) return 'malformed';
  let security: XmlElement;
  try {
    security = findSecurity(envelope.headers, envelope.version);
  } catch {
    return 'malformed';
  }
  const token = child(security, WSSE_NS, 'UsernameToken');
  const password = child(token, WSSE_NS, 'Password');
  const type = password?.attrs.find((a) => a.ns === '' && a.local === 'Type')?.value.trim() || PASSWORD_TEXT;
  if (!token || !password || type !== PASSWORD_TEXT) return 'malformed';
  const appliesTo = child(rst, WSP_NS, 'AppliesTo');
  const epr = appliesTo && children(appliesTo)[0];
  const address = epr && children(epr).find((c) => c.local === 'Address');
  const messageId = envelope.headers.find(
    (h) => h.local === 'MessageID' && (h.ns === WSA_NS['2005/08'] || h.ns === WSA_NS['2004/08']),
  );
  return {
    username: textOf(child(token, WSSE_NS, 'Username')).trim(),
    password: textOf(password),
    appliesTo: textOf(address).trim() || 'urn:crmna:dynamics.com',
    messageId: messageId ? textOf(messageId).trim() : undefined,
  };
}

/** Answers a POST to the STS of `trust`. */
export async function answerRst(ctx: StsContext, trust: TrustVersion, text: string): Promise<StsAnswer> {
  const request = readRst(text, trust);
  if (request === 'malformed') return trust === '2005/02' ? office365Fault() : adfsFault();
  const subject = await ctx.accounts.signIn(request.username, request.password);
  if (!subject) return trust === '2005/02' ? office365Fault() : adfsFault();
  const token = ctx.tokens.issueTrustToken(subject);
  const body = trust === '2005/02' ? office365Rstr(ctx, request, token) : adfsRstrc(ctx, request, token);
  return { status: 200, body };
}

function timestamp(w: XmlWriter, now: number, id: string): void {
  w.startElement(WSU_NS, 'Timestamp', 'wsu').attribute(WSU_NS, 'Id', id, 'wsu');
  w.element(WSU_NS, 'Created', formatUtc(new Date(now)), 'wsu');
  w.element(WSU_NS, 'Expires', formatUtc(new Date(now + 300_000)), 'wsu');
  w.endElement();
}

function appliesTo(w: XmlWriter, address: string): void {
  w.startElement(WSP_NS, 'AppliesTo', 'wsp');
  w.startElement(WSA_NS['2005/08'], 'EndpointReference', 'wsa');
  w.element(WSA_NS['2005/08'], 'Address', address, 'wsa');
  w.endElement().endElement();
}

function lifetime(w: XmlWriter, ns: string, token: IssuedTrustToken): void {
  w.startElement(ns, 'Lifetime');
  w.element(WSU_NS, 'Created', formatUtc(token.created), 'wsu');
  w.element(WSU_NS, 'Expires', formatUtc(token.expires), 'wsu');
  w.endElement();
}

function samlReference(w: XmlWriter, ns: string, local: string, assertionId: string, tokenType?: string): void {
  w.startElement(ns, local);
  w.startElement(WSSE_NS, 'SecurityTokenReference', 'wsse');
  if (tokenType) w.attribute(WSSE11, 'TokenType', tokenType, 'k');
  w.startElement(WSSE_NS, 'KeyIdentifier', 'wsse').attribute('', 'ValueType', SAML_ID).text(assertionId).endElement();
  w.endElement().endElement();
}

/** The Microsoft Online RSTR (the captured response's shape). */
function office365Rstr(ctx: StsContext, request: RstRequest, token: IssuedTrustToken): string {
  const wst = TRUST_VERSIONS['2005/02'].ns;
  const now = ctx.now();
  return writeEnvelope('1.2', {
    declaration: true,
    namespaces: { wsse: WSSE_NS, wsu: WSU_NS, wsa: WSA_NS['2005/08'] },
    header: (w) => {
      w.startElement(WSA_NS['2005/08'], 'Action', 'wsa')
        .attribute(WSU_NS, 'Id', 'Action')
        .attribute(SOAP12, 'mustUnderstand', '1');
      w.text(TRUST_VERSIONS['2005/02'].issueResponseAction).endElement();
      w.startElement(WSA_NS['2005/08'], 'To', 'wsa')
        .attribute(WSU_NS, 'Id', 'To')
        .attribute(SOAP12, 'mustUnderstand', '1');
      w.text('http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous').endElement();
      w.startElement(WSSE_NS, 'Security', 'wsse').attribute(SOAP12, 'mustUnderstand', '1');
      timestamp(w, now, 'TS');
      w.endElement();
    },
    body: (w) => {
      w.startElement(wst, 'RequestSecurityTokenResponse', 'wst');
      w.declareNamespace('saml', SAML).declareNamespace('wsp', WSP_NS).declareNamespace('psf', PSF);
      w.element(wst, 'TokenType', 'urn:oasis:names:tc:SAML:1.0');
      appliesTo(w, request.appliesTo);
      lifetime(w, wst, token);
      w.startElement(wst, 'RequestedSecurityToken');
      w.startElement(XENC_NS, 'EncryptedData', '');
      w.attribute('', 'Id', 'Assertion0').attribute('', 'Type', `${XENC_NS}Element`);
      w.startElement(XENC_NS, 'EncryptionMethod').attribute('', 'Algorithm', `${XENC_NS}tripledes-cbc`).endElement();
      w.startElement(DSIG, 'KeyInfo', 'ds');
      w.startElement(XENC_NS, 'EncryptedKey');
      w.startElement(XENC_NS, 'EncryptionMethod').attribute('', 'Algorithm', `${XENC_NS}rsa-oaep-mgf1p`).endElement();
      w.startElement(DSIG, 'KeyInfo', 'ds').attribute('', 'Id', 'keyinfo');
      w.startElement(WSSE_NS, 'SecurityTokenReference', 'wsse');
      w.startElement(WSSE_NS, 'KeyIdentifier', 'wsse')
        .attribute('', 'EncodingType', BASE64)
        .attribute('', 'ValueType', SKI);
      w.text(ctx.keyIdentifier).endElement();
      w.endElement().endElement();
      w.startElement(XENC_NS, 'CipherData').element(XENC_NS, 'CipherValue', token.keyCipher).endElement();
      w.endElement().endElement();
      w.startElement(XENC_NS, 'CipherData').element(XENC_NS, 'CipherValue', token.dataCipher).endElement();
      w.endElement().endElement();
      samlReference(w, wst, 'RequestedAttachedReference', token.assertionId);
      samlReference(w, wst, 'RequestedUnattachedReference', token.assertionId);
      w.startElement(wst, 'RequestedProofToken').element(wst, 'BinarySecret', token.proofKey).endElement();
      w.endElement();
    },
  });
}

/** The AD FS RSTRC (the captured on-premise response's shape). */
function adfsRstrc(ctx: StsContext, request: RstRequest, token: IssuedTrustToken): string {
  const trust = TRUST_VERSIONS['1.3'];
  const a = WSA_NS['2005/08'];
  const samlId = `_${token.assertionId.slice(5)}`;
  return writeEnvelope('1.2', {
    namespaces: { a, u: WSU_NS },
    header: (w) => {
      w.startElement(a, 'Action', 'a')
        .attribute(SOAP12, 'mustUnderstand', '1')
        .text(trust.issueResponseAction)
        .endElement();
      if (request.messageId) w.element(a, 'RelatesTo', request.messageId, 'a');
      w.startElement(WSSE_NS, 'Security', 'o').attribute(SOAP12, 'mustUnderstand', '1');
      timestamp(w, ctx.now(), '_0');
      w.endElement();
    },
    body: (w) => {
      w.startElement(trust.ns, 'RequestSecurityTokenResponseCollection', 'trust');
      w.startElement(trust.ns, 'RequestSecurityTokenResponse');
      lifetime(w, trust.ns, token);
      appliesTo(w, request.appliesTo);
      w.startElement(trust.ns, 'RequestedSecurityToken');
      w.startElement(XENC_NS, 'EncryptedData', 'xenc').attribute('', 'Type', `${XENC_NS}Element`);
      w.startElement(XENC_NS, 'EncryptionMethod').attribute('', 'Algorithm', `${XENC_NS}aes256-cbc`).endElement();
      w.startElement(DSIG, 'KeyInfo', '');
      w.startElement(XENC_NS, 'EncryptedKey', 'e');
      w.startElement(XENC_NS, 'EncryptionMethod').attribute('', 'Algorithm', `${XENC_NS}rsa-oaep-mgf1p`);
      w.startElement(DSIG, 'DigestMethod').attribute('', 'Algorithm', `${DSIG}sha1`).endElement();
      w.endElement();
      w.startElement(DSIG, 'KeyInfo');
      w.startElement(WSSE_NS, 'SecurityTokenReference', 'o');
      w.startElement(DSIG, 'X509Data').startElement(DSIG, 'X509IssuerSerial');
      w.element(DSIG, 'X509IssuerName', 'CN=soapstack Dynamics emulator');
      w.element(DSIG, 'X509SerialNumber', '1');
      w.endElement().endElement().endElement().endElement();
      w.startElement(XENC_NS, 'CipherData').element(XENC_NS, 'CipherValue', token.keyCipher).endElement();
      w.endElement().endElement();
      w.startElement(XENC_NS, 'CipherData').element(XENC_NS, 'CipherValue', token.dataCipher).endElement();
      w.endElement().endElement();
      w.startElement(trust.ns, 'RequestedProofToken').element(trust.ns, 'BinarySecret', token.proofKey).endElement();
      const tokenType = 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1';
      samlReference(w, trust.ns, 'RequestedAttachedReference', samlId, tokenType);
      samlReference(w, trust.ns, 'RequestedUnattachedReference', samlId, tokenType);
      w.element(trust.ns, 'TokenType', 'urn:oasis:names:tc:SAML:1.0:assertion');
      w.element(trust.ns, 'RequestType', trust.issueRequestType);
      w.element(trust.ns, 'KeyType', trust.keyTypes.SymmetricKey);
      w.endElement().endElement();
    },
  });
}

/** Microsoft Online's refusal: Reason "Authentication Failure", psf detail with its codes and text. */
function office365Fault(): StsAnswer {
  const wst = TRUST_VERSIONS['2005/02'].ns;
  const body = writeEnvelope('1.2', {
    namespaces: { wsse: WSSE_NS, wsu: WSU_NS, wst, psf: PSF },
    body: (w) => {
      w.startElement(SOAP12, 'Fault', 'S');
      w.startElement(SOAP12, 'Code');
      w.element(SOAP12, 'Value', `${w.prefixFor(SOAP12)}:Sender`);
      w.startElement(SOAP12, 'Subcode').element(SOAP12, 'Value', 'wst:FailedAuthentication').endElement();
      w.endElement();
      w.startElement(SOAP12, 'Reason');
      w.startElement(SOAP12, 'Text').attribute('http://www.w3.org/XML/1998/namespace', 'lang', 'en-US', 'xml');
      w.text('Authentication Failure').endElement().endElement();
      w.startElement(SOAP12, 'Detail');
      w.startElement(PSF, 'error', 'psf');
      w.element(PSF, 'value', '0x80048821');
      w.startElement(PSF, 'internalerror');
      w.element(PSF, 'code', '0x80041012');
      w.element(PSF, 'text', 'The entered and stored passwords do not match.');
      w.endElement().endElement().endElement().endElement();
    },
  });
  return { status: 500, body };
}

/** AD FS's refusal (WCF: Sender / wsse:FailedAuthentication, ID3242). */
function adfsFault(): StsAnswer {
  const body = writeEnvelope('1.2', {
    body: (w) => {
      w.startElement(SOAP12, 'Fault');
      w.startElement(SOAP12, 'Code');
      w.element(SOAP12, 'Value', `${w.prefixFor(SOAP12)}:Sender`);
      w.startElement(SOAP12, 'Subcode').startElement(SOAP12, 'Value');
      w.text(`${w.prefixFor(WSSE_NS, 'a')}:FailedAuthentication`)
        .endElement()
        .endElement();
      w.endElement();
      w.startElement(SOAP12, 'Reason');
      w.startElement(SOAP12, 'Text').attribute('http://www.w3.org/XML/1998/namespace', 'lang', 'en-US', 'xml');
      w.text('ID3242: The security token could not be authenticated or authorized.').endElement().endElement();
      w.endElement();
    },
  });
  return { status: 500, body };
}
