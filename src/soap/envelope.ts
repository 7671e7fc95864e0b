/**
 * The SOAP Envelope: writing one around a header and body, and reading one back into its parts.
 *
 * SOAP 1.1 section 4: "The element name is "Envelope". The element MUST be present in a SOAP message. The element
 * MAY contain namespace declarations as well as additional attributes." Its children are an optional Header, which
 * "MUST be the first immediate child element", and a Body, which "MUST be an immediate child element" following
 * the Header; additional namespace-qualified elements MAY follow the Body (4.1.1).
 *
 * SOAP 1.2 Part 1 section 5.1: the Envelope has "One or two element information items in its [children] property
 * in order as follows: 1. An optional Header element information item; 2. A mandatory Body element information
 * item". Nothing may follow the Body.
 */
import { SoapstackError } from '../errors.js';
import { parseXml } from '../xml/parse.js';
import type { XmlDocument, XmlElement, XmlReadOptions } from '../xml/types.js';
import { XmlWriter } from '../xml/writer.js';
import { isFaultElement, parseFault, type SoapFault } from './fault.js';
import { isWhitespace, positionOf } from './tree.js';
import { type SoapVersion, soapVersionInfo, versionOfNamespace } from './version.js';

/** The prefix this toolkit writes for the envelope namespace of either version; the namespace is what counts. */
export const ENVELOPE_PREFIX = 'soap';

/** The stable codes an `EnvelopeError` carries. */
export type EnvelopeErrorCode = 'SOAP_NOT_ENVELOPE' | 'SOAP_VERSION_MISMATCH' | 'SOAP_INVALID';

/**
 * A document that is not a usable SOAP envelope:
 * - `SOAP_NOT_ENVELOPE`: the root is not an Envelope at all (an HTML error page, a bare element);
 * - `SOAP_VERSION_MISMATCH`: an Envelope in the other version's namespace than expected, or in an unknown one
 *   (SOAP 1.2 Part 1 5.4.7 and SOAP 1.1 4.1.2 make both a VersionMismatch);
 * - `SOAP_INVALID`: the structure breaks the envelope grammar (no Body, two Bodies, Header after Body, text).
 */
export class EnvelopeError extends SoapstackError {
  declare readonly code: EnvelopeErrorCode;
  /** The version that was expected, when the reader was told one. */
  declare readonly expected?: SoapVersion;
  /** The namespace of the root element that was found. */
  declare readonly foundNamespace?: string;

  constructor(
    code: EnvelopeErrorCode,
    message: string,
    details: { expected?: SoapVersion; foundNamespace?: string; cause?: unknown } = {},
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.foundNamespace !== undefined) this.foundNamespace = details.foundNamespace;
  }
}

/** The parts of an envelope to write. */
export interface EnvelopeContent {
  /** Writes the header blocks; a Header element is written only if this writes something. */
  header?: (w: XmlWriter) => void;
  /** Writes the body entries. */
  body: (w: XmlWriter) => void;
  /** Extra prefix -> namespace declarations placed on the Envelope (so entries need not repeat them). */
  namespaces?: Readonly<Record<string, string>>;
  /** Starts the text with `<?xml version="1.0" encoding="utf-8"?>`. Default false. */
  declaration?: boolean;
}

/** A SOAP envelope read from a document. */
export interface Envelope {
  readonly version: SoapVersion;
  /** The document the envelope was read from (its text lets a caller cut any element byte-exact). */
  readonly document: XmlDocument;
  /** The Envelope element itself. */
  readonly root: XmlElement;
  /** The Header element, when present. */
  readonly header?: XmlElement;
  /** The header blocks (element children of Header); empty when there is no Header. */
  readonly headers: readonly XmlElement[];
  readonly body: XmlElement;
  /** The element children of Body. */
  readonly bodyEntries: readonly XmlElement[];
  /** The fault, when the Body carries one. */
  readonly fault?: SoapFault;
}

/**
 * A writer over `w` that opens an element the first time anything is written through it, so that an empty part
 * (a Header with no blocks) is left out rather than written as `<soap:Header/>`.
 */
function lazyElementWriter(w: XmlWriter, open: () => void): { writer: XmlWriter; opened: () => boolean } {
  let opened = false;
  const writer = new Proxy(w, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        if (!opened) {
          opened = true;
          open();
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { writer, opened: () => opened };
}

/**
 * Writes a whole envelope for `version`: `<soap:Envelope><soap:Header>…</soap:Header><soap:Body>…</soap:Body>
 * </soap:Envelope>`, the Header left out when the header callback writes nothing.
 */
export function writeEnvelope(version: SoapVersion, content: EnvelopeContent): string {
  const w = new XmlWriter({ declaration: content.declaration === true });
  const ns = soapVersionInfo(version).envelopeNs;
  w.startElement(ns, 'Envelope', ENVELOPE_PREFIX);
  for (const [prefix, uri] of Object.entries(content.namespaces ?? {})) {
    if (prefix === ENVELOPE_PREFIX && uri !== ns) {
      throw new EnvelopeError('SOAP_INVALID', `prefix "${prefix}" is reserved for the envelope namespace ${ns}`);
    }
    w.declareNamespace(prefix, uri);
  }
  if (content.header) {
    const lazy = lazyElementWriter(w, () => w.startElement(ns, 'Header', ENVELOPE_PREFIX));
    content.header(lazy.writer);
    if (lazy.opened()) w.endElement();
  }
  w.startElement(ns, 'Body', ENVELOPE_PREFIX);
  content.body(w);
  w.endElement();
  return w.endElement().toString();
}

function describe(el: XmlElement): string {
  return `<${el.prefix ? `${el.prefix}:` : ''}${el.local}>${el.ns ? ` (namespace ${el.ns})` : ''}`;
}

function versionLabel(ns: string): string {
  const version = versionOfNamespace(ns);
  return version ? `a SOAP ${version} envelope (${ns})` : `an envelope in namespace ${ns || '(none)'}`;
}

/** Checks the root and returns the envelope's version (SOAP 1.1 section 4.1.2, SOAP 1.2 Part 1 section 5.4.7). */
function envelopeVersion(doc: XmlDocument, expected: SoapVersion | undefined): SoapVersion {
  const root = doc.root;
  const at = positionOf(doc, root.start);
  if (root.local !== 'Envelope') {
    const html = root.local.toLowerCase() === 'html' ? ' (an HTML page, perhaps an error page from a proxy)' : '';
    throw new EnvelopeError(
      'SOAP_NOT_ENVELOPE',
      `${at}: expected a SOAP Envelope but the document's root is ${describe(root)}${html}`,
      { foundNamespace: root.ns, ...(expected ? { expected } : {}) },
    );
  }
  const found = versionOfNamespace(root.ns);
  if (found !== undefined && (expected === undefined || found === expected)) return found;
  const wanted = expected
    ? `a SOAP ${expected} envelope (${soapVersionInfo(expected).envelopeNs})`
    : `a SOAP 1.1 (${soapVersionInfo('1.1').envelopeNs}) or SOAP 1.2 (${soapVersionInfo('1.2').envelopeNs}) envelope`;
  throw new EnvelopeError('SOAP_VERSION_MISMATCH', `${at}: expected ${wanted} but got ${versionLabel(root.ns)}`, {
    foundNamespace: root.ns,
    ...(expected ? { expected } : {}),
  });
}

/** Element children of a Header or Body; text between them must be whitespace. */
function entriesOf(doc: XmlDocument, parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of parent.children) {
    if (typeof child !== 'string') out.push(child);
    else if (!isWhitespace(child)) throw textError(doc, parent, child);
  }
  return out;
}

function textError(doc: XmlDocument, parent: XmlElement, text: string): EnvelopeError {
  const shown = text.trim().length > 40 ? `${text.trim().slice(0, 40)}…` : text.trim();
  return new EnvelopeError(
    'SOAP_INVALID',
    `${positionOf(doc, parent.start)}: text ${JSON.stringify(shown)} inside ${describe(parent)} where only elements are allowed`,
  );
}

/**
 * Reads the envelope of a parsed document. When `expected` is given, an envelope of the other version is refused
 * with `SOAP_VERSION_MISMATCH`; otherwise either version is accepted. A Fault among the body entries is decoded
 * into `fault` (it is returned, not thrown: the caller decides).
 */
export function readEnvelope(doc: XmlDocument, expected?: SoapVersion): Envelope {
  const version = envelopeVersion(doc, expected);
  const root = doc.root;
  const ns = root.ns;
  let header: XmlElement | undefined;
  let body: XmlElement | undefined;
  for (const child of root.children) {
    if (typeof child === 'string') {
      if (!isWhitespace(child)) throw textError(doc, root, child);
      continue;
    }
    // Positions are worked out only on the error path: finding a line number scans the text.
    const at = () => positionOf(doc, child.start);
    if (child.ns === ns && child.local === 'Header') {
      if (header) throw new EnvelopeError('SOAP_INVALID', `${at()}: the Envelope has a second Header`);
      if (body) throw new EnvelopeError('SOAP_INVALID', `${at()}: the Header comes after the Body; it must come first`);
      header = child;
    } else if (child.ns === ns && child.local === 'Body') {
      if (body) throw new EnvelopeError('SOAP_INVALID', `${at()}: the Envelope has a second Body`);
      body = child;
    } else if (body && version === '1.1' && child.ns !== '' && child.ns !== ns) {
      // SOAP 1.1 section 4.1.1: namespace-qualified elements may follow the Body. They are ignored here.
    } else {
      const where = body ? 'after the Body' : 'before the Body';
      throw new EnvelopeError(
        'SOAP_INVALID',
        `${at()}: unexpected element ${describe(child)} ${where} in the Envelope`,
      );
    }
  }
  if (!body) {
    throw new EnvelopeError('SOAP_INVALID', `${positionOf(doc, root.start)}: the SOAP ${version} Envelope has no Body`);
  }
  const headers = header ? entriesOf(doc, header) : [];
  const bodyEntries = entriesOf(doc, body);
  // SOAP 1.2 Part 1 5.4 wants the Fault to be the only body entry and SOAP 1.1 4.4 allows one among others; the
  // first Fault is taken either way, as servers are not always strict.
  const faultElement = bodyEntries.find((entry) => entry.ns === ns && isFaultElement(entry, version));
  const envelope: {
    -readonly [K in keyof Envelope]: Envelope[K];
  } = { version, document: doc, root, headers, body, bodyEntries };
  if (header) envelope.header = header;
  if (faultElement) envelope.fault = parseFault(faultElement, version, doc);
  return envelope;
}

/** Options for `parseEnvelope`: the XML reader's options plus the expected version. */
export interface ParseEnvelopeOptions extends XmlReadOptions {
  expected?: SoapVersion;
}

// An HTML page (a proxy's or load balancer's error page) rarely parses as XML: `<!DOCTYPE html>` is refused by the
// secure reader and void tags such as `<br>` are not well-formed. It is recognised before parsing, so the caller
// hears "this is HTML, not SOAP" rather than an XML syntax error.
const HTML_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i;

/**
 * Parses `text` as XML and reads its envelope: `readEnvelope(parseXml(text, options), options.expected)`. Text
 * that starts as an HTML page is refused with `SOAP_NOT_ENVELOPE` without being parsed.
 */
export function parseEnvelope(text: string, options: ParseEnvelopeOptions = {}): Envelope {
  const expected = options.expected;
  if (mayBeHtml(text) && HTML_START.test(text.slice(0, 1024))) {
    throw new EnvelopeError(
      'SOAP_NOT_ENVELOPE',
      `${options.source ?? '<input>'}: expected a SOAP Envelope but got an HTML page (perhaps an error page from a proxy)`,
      expected ? { expected } : {},
    );
  }
  // The reader reads only `source` and `limits`: the options go through as they are (no copy per message).
  return readEnvelope(parseXml(text, options), expected);
}

/**
 * False when `HTML_START` cannot match: the first tag (after an XML declaration, if any) opens with a name that
 * is not `html` (a SOAP message's `<soap:Envelope`), which skips the regular expression on almost every message.
 * Anything else (leading space, a comment, a doctype) is left to the regular expression.
 */
function mayBeHtml(text: string): boolean {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('<?xml', at)) {
    // HTML_START lets the declaration (up to its first `>`) and white space come first.
    const end = text.indexOf('>', at);
    if (end < 0) return true;
    at = end + 1;
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(at)) {
      at++;
    }
  }
  if (text.charCodeAt(at) !== 0x3c) return true;
  const next = text.charCodeAt(at + 1) | 0x20; // ASCII lower case (for letters)
  return next === 0x68 || next < 0x61 || next > 0x7a; // `h`, or not a letter (`?`, `!`, ...)
}
