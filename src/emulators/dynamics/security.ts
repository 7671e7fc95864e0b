/**
 * The Organization service's WS-Security check (SOAP 1.2 endpoint): the wsse:Security header must carry a
 * Timestamp inside its window and a token this emulator's STS issued that has not expired. The token is
 * recognised by its two CipherValues, so a header rebuilt from the article's template (whitespace and
 * prefixes of its own) is accepted as well as one that re-embeds the STS's bytes. Every refusal is WCF's:
 * `s:Sender`, subcode `wsse:InvalidSecurity`, "An error occurred when verifying security for the message."
 * (which check failed stays on the server). A message whose WS-Addressing MessageID was already accepted is a
 * replay and refused the same way. The bearer check of the `/web` endpoint is here too.
 */
import type { RequestContext } from '../../server/index.js';
import { SoapFault } from '../../soap/fault.js';
import { readAddressingHeaders } from '../../ws/addressing.js';
import { isSecurityFault, NonceCache, SecurityVerifier, WSSE_NS, XENC_NS } from '../../ws/security/index.js';
import type { XmlElement } from '../../xml/types.js';
import type { TokenRegistry, TokenSubject } from './tokens.js';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

/** WCF's reason for every message-security failure. */
export const WCF_SECURITY_REASON = 'An error occurred when verifying security for the message.';

/** The fault WCF answers a refused security header with. */
export function wcfSecurityFault(cause?: unknown): SoapFault {
  return new SoapFault(
    {
      version: '1.2',
      faultCode: `{${SOAP12}}Sender`,
      subcodes: [`{${WSSE_NS}}InvalidSecurity`],
      reasons: [{ text: WCF_SECURITY_REASON, lang: 'en-US' }],
    },
    cause === undefined ? undefined : { cause },
  );
}

function cipherValues(el: XmlElement, out: string[] = []): string[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.ns === XENC_NS && c.local === 'CipherValue') {
      out.push(
        c.children
          .filter((t): t is string => typeof t === 'string')
          .join('')
          .replace(/\s+/g, ''),
      );
    } else cipherValues(c, out);
  }
  return out;
}

/** Who a verified request comes from, by request (set by the verifier, read by the handlers). */
export const callers = new WeakMap<RequestContext, TokenSubject>();

/**
 * How long a MessageID is remembered: a Timestamp's validity (5 minutes as clients send it) plus the clock
 * skew the verifier allows (5 minutes); past that the Timestamp check refuses the message anyway.
 */
const REPLAY_WINDOW_MS = 10 * 60 * 1000;

/** The header verifier of the SOAP 1.2 endpoint. */
export function organizationVerifier(tokens: TokenRegistry, now: () => number): (ctx: RequestContext) => Promise<void> {
  // A MessageID identifies one message (WS-Addressing 1.0 Core, section 3.2): the same one again is a replay.
  const seenMessages = new NonceCache();
  return async (ctx) => {
    let subject: TokenSubject | undefined;
    const verifier = new SecurityVerifier({
      requireTimestamp: true,
      now: () => new Date(now()),
      issuedTokens: (token) => {
        if (token.ns !== XENC_NS || token.local !== 'EncryptedData') return false;
        const [keyCipher, dataCipher] = cipherValues(token);
        if (!keyCipher || !dataCipher) return false;
        const found = tokens.findTrustToken(keyCipher, dataCipher);
        if (!found.ok) return false;
        subject = found.subject;
        return true;
      },
    });
    try {
      await verifier.verify(ctx.headerBlocks, { text: ctx.envelopeText }, '1.2');
    } catch (error) {
      if (isSecurityFault(error)) throw wcfSecurityFault(error);
      throw error;
    }
    if (!subject) throw wcfSecurityFault();
    const { messageId } = readAddressingHeaders(ctx.headerBlocks);
    const at = now();
    if (messageId !== undefined && !seenMessages.remember(messageId, at + REPLAY_WINDOW_MS, at)) {
      throw wcfSecurityFault();
    }
    callers.set(ctx, subject);
  };
}

/** The subject of an `Authorization: Bearer` header, or undefined (the `/web` endpoint then answers 401). */
export function bearerSubject(tokens: TokenRegistry, authorization: string | undefined): TokenSubject | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return undefined;
  const found = tokens.findBearer(m[1]!);
  return found.ok ? found.subject : undefined;
}
