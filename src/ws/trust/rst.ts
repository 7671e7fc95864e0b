/**
 * The RequestSecurityToken (RST) for an Issue request, written with `XmlWriter` (every value escaped; the
 * article's Java template inserted the password raw, so `&` or `<` in it broke the request).
 *
 * WS-Trust 1.3 section 4.1 (and the Feb 2005 submission, same shape):
 * ```
 * <wst:RequestSecurityToken>
 *   <wst:RequestType>.../Issue</wst:RequestType>
 *   <wsp:AppliesTo>...</wsp:AppliesTo> ?
 *   <wst:KeyType>...</wst:KeyType> ?
 * </wst:RequestSecurityToken>
 * ```
 * The envelope follows the Microsoft Online template (`sts-rst2-request.template.xml`): SOAP 1.2, WS-Addressing
 * Action / MessageID / ReplyTo anonymous / To, and a WS-Security header with a Timestamp and a PasswordText
 * UsernameToken. Element order in the Body is the template's: AppliesTo, then RequestType.
 */
import { randomUUID } from 'node:crypto';
import { writeEnvelope } from '../../soap/envelope.js';
import type { XmlWriter } from '../../xml/writer.js';
import { type AddressingVersion, WSA_ANONYMOUS, WSA_NS, writeAddressingHeaders } from '../addressing.js';
import { writeSecurityHeader } from '../security/header.js';
import { TRUST_VERSIONS, type TrustKeyType, type TrustVersion, WSP_NS } from './versions.js';

/** What the RST Body says. */
export interface RstBody {
  trust: TrustVersion;
  /** The relying party: `wsp:AppliesTo/wsa:EndpointReference/wsa:Address`. */
  appliesTo: string;
  /** Asks for a kind of proof key; left out by default (neither Microsoft Online nor AD FS needs it). */
  keyType?: TrustKeyType;
  /** The WS-Addressing version of the EndpointReference (default `2005/08`). */
  addressing?: AddressingVersion;
}

/** What the whole RST envelope needs. */
export interface RstEnvelopeOptions extends RstBody {
  /** The STS URL, written as `wsa:To`. */
  endpoint: string;
  username: string;
  password: string;
  /** `wsa:MessageID` (default a fresh `urn:uuid:`). */
  messageId?: string;
  /** The clock for the Timestamp (ms since the epoch; default `Date.now`). */
  now?: () => number;
  /** How long the request's Timestamp is valid, seconds (default 300, as in the article). */
  validity?: number;
}

/** Default validity of the request Timestamp in seconds: the article's `MSDC_DFT_AUTHENTICATION_REQUEST_VALIDITY_MINUTES` (5). */
export const RST_VALIDITY_SECONDS = 300;

/** Writes the `RequestSecurityToken` element of an Issue request. */
export function writeRst(w: XmlWriter, body: RstBody): void {
  const info = TRUST_VERSIONS[body.trust];
  const wsa = WSA_NS[body.addressing ?? '2005/08'];
  w.startElement(info.ns, 'RequestSecurityToken', 't');
  w.startElement(WSP_NS, 'AppliesTo', 'wsp');
  w.startElement(wsa, 'EndpointReference', 'a');
  w.element(wsa, 'Address', body.appliesTo, 'a');
  w.endElement().endElement();
  w.element(info.ns, 'RequestType', info.issueRequestType, 't');
  if (body.keyType) w.element(info.ns, 'KeyType', info.keyTypes[body.keyType], 't');
  w.endElement();
}

/** The whole SOAP 1.2 envelope of an Issue request, with fresh addressing and security headers. */
export function rstEnvelope(options: RstEnvelopeOptions): string {
  const info = TRUST_VERSIONS[options.trust];
  const addressing = options.addressing ?? '2005/08';
  const created = new Date((options.now ?? Date.now)());
  return writeEnvelope('1.2', {
    header: (w) => {
      writeAddressingHeaders(w, {
        version: addressing,
        action: info.issueAction,
        messageId: options.messageId ?? `urn:uuid:${randomUUID()}`,
        replyTo: WSA_ANONYMOUS[addressing],
        to: options.endpoint,
        soapVersion: '1.2',
      });
      writeSecurityHeader(w, {
        soapVersion: '1.2',
        mustUnderstand: true,
        // Ids as the template writes them: `_0` for the Timestamp, `uuid-<uuid>-1` for the UsernameToken.
        timestamp: { created, validity: options.validity ?? RST_VALIDITY_SECONDS, id: '_0' },
        usernameToken: { username: options.username, password: options.password, id: `uuid-${randomUUID()}-1` },
      });
    },
    body: (w) => writeRst(w, options),
  });
}
