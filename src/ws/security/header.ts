/**
 * The wsse:Security header block, and the one function that decides the order of what goes in it.
 *
 * WSS 1.1 SOAP Message Security, section 6.1 (wsse:Security): the header "provides a mechanism for attaching
 * security-related information targeted at a specific recipient"; section 5 (Security Header): "As elements are
 * added to a <wsse:Security> header block, they SHOULD be prepended to the existing elements. As such, the
 * <wsse:Security> header block represents the signing and encryption steps the message producer took to create
 * the message." Nothing here signs or encrypts, so the order is the one WCF's strict layout expects and
 * WS-SecurityPolicy calls `LaxTimestampFirst`: the Timestamp first, then the UsernameToken, then the issued token
 * (the Dynamics templates: `o:Security` > `u:Timestamp u:Id="_0"` > `EncryptedData`).
 */
import { SoapstackError } from '../../errors.js';
import { soapVersionInfo } from '../../soap/version.js';
import type { XmlWriter } from '../../xml/writer.js';
import { WSSE_NS, WSSE_PREFIX, WSU_NS, WSU_PREFIX } from './constants.js';
import type { IssuedTokenInput } from './issued-token.js';
import { writeTimestamp } from './timestamp.js';
import { type UsernameTokenOptions, writeUsernameToken } from './username-token.js';

/** Default lifetime of a Timestamp, in seconds (the Dynamics templates' 5 minutes). */
export const DEFAULT_TIMESTAMP_VALIDITY = 300;

/** What `writeSecurityHeader` writes. */
export interface SecurityHeaderOptions {
  soapVersion: '1.1' | '1.2';
  /** `mustUnderstand` on the Security block (default true: WCF and the templates set it). */
  mustUnderstand?: boolean;
  /** A wsu:Timestamp: Created (default now), Expires = Created + validity seconds (default 300), Id (default `_0`). */
  timestamp?: { created?: Date; validity?: number; id?: string };
  usernameToken?: UsernameTokenOptions;
  /** An issued token, written byte-exact. */
  issuedToken?: IssuedTokenInput;
}

/** Raised when a header cannot be written as asked. */
export class SecurityHeaderError extends SoapstackError {
  declare readonly code: 'WSSE_HEADER_INVALID';

  constructor(message: string) {
    super('WSSE_HEADER_INVALID', message);
  }
}

/** Declares on the open Security element the bindings an issued token's text relies on. */
function declareTokenNamespaces(w: XmlWriter, token: IssuedTokenInput | undefined, securityPrefix: string): void {
  if (token === undefined || typeof token === 'string' || !token.namespaces) return;
  for (const [prefix, ns] of Object.entries(token.namespaces)) {
    if (prefix === securityPrefix && ns !== WSSE_NS) {
      throw new SecurityHeaderError(
        `the issued token binds prefix ${prefix} to another namespace than wsse:Security's`,
      );
    }
    w.declareNamespace(prefix, ns);
  }
}

/**
 * Writes one wsse:Security header block: Timestamp first, then UsernameToken, then the issued token (see the
 * module comment for why). Everything optional is left out when not asked for.
 */
export function writeSecurityHeader(w: XmlWriter, options: SecurityHeaderOptions): void {
  const { timestamp, usernameToken, issuedToken } = options;
  if (timestamp?.validity !== undefined && !(timestamp.validity > 0)) {
    throw new SecurityHeaderError('timestamp validity must be a positive number of seconds');
  }
  w.startElement(WSSE_NS, 'Security', WSSE_PREFIX);
  // Token bindings first: a declaration on this element also applies to its own attributes written below.
  declareTokenNamespaces(w, issuedToken, w.prefixFor(WSSE_NS));
  if (timestamp || usernameToken) w.prefixFor(WSU_NS, WSU_PREFIX);
  if (options.mustUnderstand ?? true) {
    // "1" is true in both versions (SOAP 1.1 4.2.3; SOAP 1.2 Part 1 5.2.3, xs:boolean) and is what WCF writes.
    w.attribute(soapVersionInfo(options.soapVersion).envelopeNs, 'mustUnderstand', '1', 's');
  }
  if (timestamp) {
    const created = timestamp.created ?? new Date();
    const validity = timestamp.validity ?? DEFAULT_TIMESTAMP_VALIDITY;
    const expires = new Date(created.getTime() + validity * 1000);
    writeTimestamp(w, { created, expires, id: timestamp.id ?? '_0' });
  }
  if (usernameToken) writeUsernameToken(w, usernameToken);
  if (issuedToken !== undefined) w.raw(typeof issuedToken === 'string' ? issuedToken : issuedToken.xml);
  w.endElement();
}
