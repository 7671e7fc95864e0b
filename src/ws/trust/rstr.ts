/**
 * Reading a RequestSecurityTokenResponse (RSTR), or for WS-Trust 1.3 the collection (RSTRC) around it.
 *
 * WS-Trust 1.3 section 4.4: "<wst:RequestSecurityTokenResponse> <wst:RequestedSecurityToken>...
 * </wst:RequestedSecurityToken> <wsp:AppliesTo>... <wst:RequestedAttachedReference>...
 * <wst:RequestedUnattachedReference>... <wst:RequestedProofToken>... <wst:Entropy>... <wst:Lifetime>...
 * </wst:RequestSecurityTokenResponse>", the final Issue response wrapped in an RSTRC (section 4.3). The Feb 2005
 * submission has the same children and no collection. A SOAP fault instead of an RSTR is a refused sign-in:
 * it becomes an `AuthenticationError` with the service's Reason and detail.
 *
 * The requested token is kept byte-exact: its exact text, with beside it the ancestor namespace bindings it
 * relies on (ws/security's `issuedTokenFragment`), so it is re-embedded in a Security header unchanged. The
 * attached references and a non-BinarySecret proof token, read by the client rather than re-sent verbatim, are
 * cut self-contained instead (`rawXmlOf`: declarations added to the start tag).
 */
import { type Envelope, parseEnvelope } from '../../soap/envelope.js';
import type { SoapFault } from '../../soap/fault.js';
import type { XmlElement } from '../../xml/types.js';
import { rawXmlOf } from '../../xsd/codec/raw-xml.js';
import { WSSE_NS, WSU_NS } from '../security/constants.js';
import { issuedTokenFragment } from '../security/issued-token.js';
import { parseDateTime } from '../security/time.js';
import { AuthenticationError, TrustResponseError } from './errors.js';
import { TRUST_VERSIONS, type TrustVersion } from './versions.js';

/** A token issued by a security token service. */
export interface IssuedToken {
  /** The requested token (EncryptedData, saml:Assertion...): the exact text the STS sent, not one byte changed. */
  xml: string;
  /**
   * The namespace bindings the token's text uses but inherits from the response (Microsoft Online declares
   * `wsse` on its Envelope): `writeSecurityHeader` declares them on the Security element, so the token is
   * re-embedded unchanged (an `IssuedToken` is accepted as it is wherever ws/security takes an issued token).
   */
  namespaces?: Readonly<Record<string, string>>;
  /**
   * The key identifier a Security header refers to the token by: the first `wsse:KeyIdentifier` inside the token
   * (Microsoft Online's X509SubjectKeyIdentifier, what the article's header template needs), else the one of
   * `RequestedAttachedReference` (a SAML assertion ID, as AD FS returns).
   */
  keyIdentifier?: string;
  /** `Lifetime/Created`. */
  created?: Date;
  /** `Lifetime/Expires`. */
  expires?: Date;
  /** `RequestedProofToken`: the BinarySecret (base64 text), or the raw XML of another proof token. */
  proofToken?: string;
  /** The server's `Entropy/BinarySecret` (base64), when it sent one. */
  entropy?: string;
  /** `TokenType`, e.g. `urn:oasis:names:tc:SAML:1.0:assertion`. */
  tokenType?: string;
  /** The raw `SecurityTokenReference` of `RequestedAttachedReference`, for referring to the token in the message. */
  attachedReference?: string;
  /** The raw `SecurityTokenReference` of `RequestedUnattachedReference`. */
  unattachedReference?: string;
}

/** Options of `readRstr`. */
export interface ReadRstrOptions {
  /** Where the response came from, for messages (the STS URL). */
  source?: string;
  /** Secrets to scrub from an AuthenticationError should the service echo one. */
  secrets?: readonly string[];
  /** HTTP status of the response, kept on an AuthenticationError. */
  status?: number;
}

/**
 * Reads the token out of an RSTR (2005/02) or RSTRC (1.3) envelope. A fault becomes `AuthenticationError`
 * (`AUTH_FAILED`); an envelope with no RequestedSecurityToken becomes `TrustResponseError`.
 */
export function readRstr(text: string, trust: TrustVersion, options: ReadRstrOptions = {}): IssuedToken {
  const source = options.source ?? '<rstr>';
  const envelope = parseEnvelope(text, { source });
  if (envelope.fault) throw faultToAuthenticationError(envelope.fault, source, options);
  const ns = TRUST_VERSIONS[trust].ns;
  const rstr = findRstr(envelope, ns, trust, source);
  const requested = child(rstr, ns, 'RequestedSecurityToken');
  const tokenElement = requested && firstElement(requested);
  if (!tokenElement) throw new TrustResponseError(`${source}: the RSTR has no RequestedSecurityToken`);
  const fragment = issuedTokenFragment(envelope.document, tokenElement);
  const token: IssuedToken = { xml: fragment.xml };
  if (fragment.namespaces && Object.keys(fragment.namespaces).length) token.namespaces = fragment.namespaces;

  const attached = child(rstr, ns, 'RequestedAttachedReference');
  const unattached = child(rstr, ns, 'RequestedUnattachedReference');
  const keyIdentifier =
    descendant(tokenElement, WSSE_NS, 'KeyIdentifier') ?? (attached && descendant(attached, WSSE_NS, 'KeyIdentifier'));
  if (keyIdentifier) token.keyIdentifier = textOf(keyIdentifier).trim();
  const attachedRef = attached && firstElement(attached);
  if (attachedRef) token.attachedReference = rawXmlOf(attachedRef, envelope.document).$xml;
  const unattachedRef = unattached && firstElement(unattached);
  if (unattachedRef) token.unattachedReference = rawXmlOf(unattachedRef, envelope.document).$xml;

  const lifetime = child(rstr, ns, 'Lifetime');
  const created = lifetime && dateOf(child(lifetime, WSU_NS, 'Created'));
  const expires = lifetime && dateOf(child(lifetime, WSU_NS, 'Expires'));
  if (created) token.created = created;
  if (expires) token.expires = expires;

  const proof = child(rstr, ns, 'RequestedProofToken');
  const proofElement = proof && firstElement(proof);
  if (proofElement) {
    token.proofToken =
      proofElement.ns === ns && proofElement.local === 'BinarySecret'
        ? textOf(proofElement).trim()
        : rawXmlOf(proofElement, envelope.document).$xml;
  }
  const entropy = child(rstr, ns, 'Entropy');
  const secret = entropy && child(entropy, ns, 'BinarySecret');
  if (secret) token.entropy = textOf(secret).trim();
  const tokenType = child(rstr, ns, 'TokenType');
  if (tokenType) token.tokenType = textOf(tokenType).trim();
  return token;
}

/** The RSTR holding a RequestedSecurityToken: the Body entry itself, or the first such one in an RSTRC. */
function findRstr(envelope: Envelope, ns: string, trust: TrustVersion, source: string): XmlElement {
  for (const entry of envelope.bodyEntries) {
    if (entry.ns === ns && entry.local === 'RequestSecurityTokenResponse') return entry;
    if (entry.ns === ns && entry.local === 'RequestSecurityTokenResponseCollection') {
      const responses = elements(entry).filter((e) => e.ns === ns && e.local === 'RequestSecurityTokenResponse');
      const withToken = responses.find((r) => child(r, ns, 'RequestedSecurityToken'));
      const found = withToken ?? responses[0];
      if (found) return found;
    }
  }
  const other = Object.values(TRUST_VERSIONS).find(
    (v) => v.version !== trust && envelope.bodyEntries.some((e) => e.ns === v.ns),
  );
  const first = envelope.bodyEntries[0];
  const seen = first ? `{${first.ns}}${first.local}` : 'an empty Body';
  throw new TrustResponseError(
    other
      ? `${source}: expected a WS-Trust ${trust} response but the STS answered in WS-Trust ${other.version}`
      : `${source}: expected a RequestSecurityTokenResponse but got ${seen}`,
  );
}

/**
 * A SOAP fault from the STS as an `AuthenticationError`. Microsoft Online puts its words in Reason
 * ("Authentication Failure") and in `psf:text` inside the Detail ("The entered and stored passwords do not
 * match."), after two hexadecimal `psf:value`/`psf:code` elements; the most specific text element is taken
 * as the detail, else the whole detail text.
 */
export function faultToAuthenticationError(
  fault: SoapFault,
  endpoint: string,
  options: { secrets?: readonly string[]; status?: number } = {},
): AuthenticationError {
  return new AuthenticationError({
    endpoint,
    reason: fault.reason,
    detail: fault.detail ? detailText(fault.detail) : '',
    cause: fault,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.status !== undefined ? { status: options.status } : {}),
  });
}

const TEXT_NAMES = new Set(['text', 'Text', 'message', 'Message', 'description', 'Description', 'reason', 'Reason']);

function detailText(detail: XmlElement): string {
  const texts: string[] = [];
  collectNamed(detail, texts);
  const chosen = texts.length ? texts.join(' ') : textOf(detail);
  return chosen.replace(/\s+/g, ' ').trim();
}

function collectNamed(el: XmlElement, out: string[]): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (TEXT_NAMES.has(c.local) && elements(c).length === 0) {
      const t = textOf(c).trim();
      if (t) out.push(t);
    } else collectNamed(c, out);
  }
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

function firstElement(el: XmlElement): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string') return c;
  return undefined;
}

function child(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.ns === ns && c.local === local) return c;
  return undefined;
}

function descendant(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.ns === ns && c.local === local) return c;
    const found = descendant(c, ns, local);
    if (found) return found;
  }
  return undefined;
}

function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

function dateOf(el: XmlElement | undefined): Date | undefined {
  if (!el) return undefined;
  // parseDateTime reads a value with no zone as UTC, as WS-Security requires.
  const ms = parseDateTime(textOf(el));
  return ms === undefined ? undefined : new Date(ms);
}
