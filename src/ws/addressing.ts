/**
 * WS-Addressing message addressing properties as SOAP header blocks: written fresh on every call (a new
 * MessageID each time) and read back on the receiving side.
 *
 * Two versions are in use by the services soapstack targets:
 * - WS-Addressing 1.0 (W3C Recommendation, 9 May 2006), namespace `http://www.w3.org/2005/08/addressing`,
 *   used by WCF and so by Dynamics CRM and its security token services. Core section 3.1 lists the message
 *   addressing properties: `[destination]` (wsa:To, "If this element is NOT present then the value of the
 *   [destination] property is "http://www.w3.org/2005/08/addressing/anonymous""), `[reply endpoint]`
 *   (wsa:ReplyTo), `[action]` (wsa:Action, REQUIRED), `[message id]` (wsa:MessageID) and `[relationship]`
 *   (wsa:RelatesTo). Section 2.1 names the anonymous address.
 * - The W3C Member Submission of 10 August 2004, namespace `http://schemas.xmlsoap.org/ws/2004/08/addressing`
 *   (section 3: wsa:To and wsa:Action are REQUIRED; section 2.3 gives the anonymous address
 *   `.../addressing/role/anonymous`). The captured Microsoft Online STS response still answers with it.
 *
 * The blocks are written in the order the Dynamics templates show (Action, MessageID, ReplyTo, To), with
 * `mustUnderstand` on Action and To as WCF writes them.
 */
import { randomUUID } from 'node:crypto';
import { SoapstackError } from '../errors.js';
import type { CallInfo, CallPlugin } from '../soap/call-plugin.js';
import { soapVersionInfo } from '../soap/version.js';
import type { XmlElement } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';

/** A WS-Addressing version, named by the date in its namespace. */
export type AddressingVersion = '2005/08' | '2004/08';

/** The namespace of each WS-Addressing version. */
export const WSA_NS: Readonly<Record<AddressingVersion, string>> = Object.freeze({
  '2005/08': 'http://www.w3.org/2005/08/addressing',
  '2004/08': 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
});

/** The anonymous endpoint address of each version (1.0 Core section 2.1; 2004 submission section 2.3). */
export const WSA_ANONYMOUS: Readonly<Record<AddressingVersion, string>> = Object.freeze({
  '2005/08': 'http://www.w3.org/2005/08/addressing/anonymous',
  '2004/08': 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous',
});

/** The version WCF (and so Dynamics CRM) speaks. */
export const DEFAULT_ADDRESSING_VERSION: AddressingVersion = '2005/08';

/** Raised when addressing headers cannot be written (no action to put in wsa:Action). */
export class AddressingError extends SoapstackError {
  declare readonly code: 'WSA_NO_ACTION';

  constructor(message: string) {
    super('WSA_NO_ACTION', message);
  }
}

/** What `writeAddressingHeaders` writes. */
export interface AddressingHeaders {
  /** Default `2005/08`. */
  version?: AddressingVersion;
  /** wsa:Action, REQUIRED by both versions. */
  action: string;
  /** wsa:MessageID; default `urn:uuid:` + a random UUID. */
  messageId?: string;
  /** wsa:To, the destination (the endpoint URL); left out when not given (1.0 then means anonymous). */
  to?: string;
  /** wsa:ReplyTo/wsa:Address; default the version's anonymous address. */
  replyTo?: string;
  /** wsa:RelatesTo, for a reply: the MessageID of the request it answers. */
  relatesTo?: string;
  /** Mark wsa:Action and wsa:To `mustUnderstand` (default true, as WCF and the Dynamics templates do). */
  mustUnderstand?: boolean;
  soapVersion: '1.1' | '1.2';
}

/** A fresh `urn:uuid:` message id (RFC 4122 version 4), the form WCF writes. */
export function newMessageId(): string {
  return `urn:uuid:${randomUUID()}`;
}

function writeMustUnderstand(w: XmlWriter, soapVersion: '1.1' | '1.2'): void {
  // "1" is a true value in both versions (SOAP 1.1 4.2.3; SOAP 1.2 Part 1 5.2.3 takes xs:boolean), and it is
  // what WCF writes for SOAP 1.2 too, as the Dynamics templates show.
  w.attribute(soapVersionInfo(soapVersion).envelopeNs, 'mustUnderstand', '1', 's');
}

/** Writes wsa:Action, wsa:MessageID, wsa:ReplyTo, wsa:To (and wsa:RelatesTo when given) as header blocks. */
export function writeAddressingHeaders(w: XmlWriter, h: AddressingHeaders): void {
  const version = h.version ?? DEFAULT_ADDRESSING_VERSION;
  const ns = WSA_NS[version];
  const mustUnderstand = h.mustUnderstand ?? true;
  if (!h.action)
    throw new AddressingError('wsa:Action is required (WS-Addressing 1.0 Core 3.1) but no action was given');

  w.startElement(ns, 'Action', 'wsa');
  if (mustUnderstand) writeMustUnderstand(w, h.soapVersion);
  w.text(h.action).endElement();
  w.element(ns, 'MessageID', h.messageId ?? newMessageId(), 'wsa');
  if (h.relatesTo !== undefined) w.element(ns, 'RelatesTo', h.relatesTo, 'wsa');
  w.startElement(ns, 'ReplyTo', 'wsa');
  w.element(ns, 'Address', h.replyTo ?? WSA_ANONYMOUS[version], 'wsa');
  w.endElement();
  if (h.to !== undefined) {
    w.startElement(ns, 'To', 'wsa');
    if (mustUnderstand) writeMustUnderstand(w, h.soapVersion);
    w.text(h.to).endElement();
  }
}

/** The addressing properties found among a message's header blocks. */
export interface ReadAddressing {
  /** The version of the first WS-Addressing block found; undefined when there is none. */
  version?: AddressingVersion;
  action?: string;
  messageId?: string;
  to?: string;
  /** wsa:ReplyTo/wsa:Address. */
  replyTo?: string;
  relatesTo?: string;
}

function versionOf(ns: string): AddressingVersion | undefined {
  if (ns === WSA_NS['2005/08']) return '2005/08';
  if (ns === WSA_NS['2004/08']) return '2004/08';
  return undefined;
}

// xs:anyURI values: surrounding whitespace is not part of the value (XML Schema Part 2, 3.2.17, whiteSpace collapse).
function textOf(el: XmlElement): string {
  let out = '';
  for (const child of el.children) if (typeof child === 'string') out += child;
  return out.trim();
}

function addressOf(epr: XmlElement, ns: string): string | undefined {
  for (const child of epr.children) {
    if (typeof child !== 'string' && child.ns === ns && child.local === 'Address') return textOf(child);
  }
  return undefined;
}

/**
 * Reads the addressing properties from header blocks (either version; the first version found decides, and
 * blocks of the other one are ignored). The first occurrence of each property wins.
 */
export function readAddressingHeaders(blocks: readonly XmlElement[]): ReadAddressing {
  const out: ReadAddressing = {};
  for (const block of blocks) {
    const version = versionOf(block.ns);
    if (version === undefined) continue;
    if (out.version === undefined) out.version = version;
    else if (out.version !== version) continue;
    switch (block.local) {
      case 'Action':
        out.action ??= textOf(block);
        break;
      case 'MessageID':
        out.messageId ??= textOf(block);
        break;
      case 'To':
        out.to ??= textOf(block);
        break;
      case 'RelatesTo':
        out.relatesTo ??= textOf(block);
        break;
      case 'ReplyTo': {
        const address = addressOf(block, block.ns);
        if (address !== undefined) out.replyTo ??= address;
        break;
      }
    }
  }
  return out;
}

/** Options of the `wsAddressing` plugin. */
export interface WsAddressingOptions {
  /** Default `2005/08`. */
  version?: AddressingVersion;
  /** wsa:ReplyTo address; default anonymous. */
  replyTo?: string;
  /** `mustUnderstand` on Action and To; default true. */
  mustUnderstand?: boolean;
  /** The wsa:Action to send when the operation has no soapAction (default: the operation's action). */
  action?: string | ((call: CallInfo) => string);
}

/**
 * A call plugin that adds WS-Addressing headers to every call: a fresh MessageID each time, Action = the
 * operation's action, To = the URL the call goes to.
 */
export function wsAddressing(options: WsAddressingOptions = {}): CallPlugin {
  const { version, replyTo, mustUnderstand } = options;
  return {
    name: 'ws-addressing',
    prepare(call) {
      const fallback = typeof options.action === 'function' ? options.action(call) : options.action;
      const action = call.action || fallback;
      if (!action) {
        throw new AddressingError(
          `operation ${call.operation.name} has no soapAction, and WS-Addressing requires wsa:Action: give wsAddressing({ action })`,
        );
      }
      // Everything random is drawn here, once per attempt, so the block writes the same text if written twice.
      const headers: AddressingHeaders = {
        action,
        messageId: newMessageId(),
        to: call.url,
        soapVersion: call.version,
        ...(version !== undefined ? { version } : {}),
        ...(replyTo !== undefined ? { replyTo } : {}),
        ...(mustUnderstand !== undefined ? { mustUnderstand } : {}),
      };
      return { soapHeaders: [(w: XmlWriter) => writeAddressingHeaders(w, headers)] };
    },
  };
}
