/**
 * The SOAP HTTP binding as far as headers go: which Content-Type a message carries, where the action travels,
 * and which status a fault is sent with.
 *
 * SOAP 1.1 section 6.1: "HTTP applications MUST use the media type "text/xml" according to RFC 2376 when including
 * SOAP entity bodies in HTTP messages"; 6.1.1: `soapaction = "SOAPAction" ":" [ <"> URI-reference <"> ]`, where
 * an empty quoted string means the intent is the HTTP Request-URI and no value at all means no intent is given.
 *
 * SOAP 1.2 Part 2 section 7.1.4 and RFC 3902: messages are `application/soap+xml`, whose optional `action`
 * parameter "serves a similar purpose as the SOAPAction HTTP header field did in SOAP 1.1" and "MUST be non-empty".
 */
import { SoapstackError } from '../errors.js';
import {
  type GenericFaultCode,
  SOAP_VERSIONS,
  SOAP12_ENVELOPE_NS,
  type SoapVersion,
  soapVersionInfo,
} from './version.js';

/** An action that cannot be carried in an HTTP header (it holds a control character such as CR or LF). */
export class SoapActionError extends SoapstackError {
  declare readonly code: 'SOAP_INVALID_ACTION';

  constructor(message: string) {
    super('SOAP_INVALID_ACTION', message);
  }
}

/** A parsed `Content-Type` value: the media type and its parameters (names lower-cased, values unquoted). */
export interface ContentType {
  /** `type/subtype`, lower-cased. */
  readonly mediaType: string;
  readonly params: Readonly<Record<string, string>>;
}

/** HTTP headers as Node's `IncomingHttpHeaders`, a plain record, or a fetch/undici `Headers` object. */
export type HeaderSource =
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | {
      /** The header's value, or null when absent (the fetch `Headers` interface). */
      get(name: string): string | null;
    };

// RFC 9110 section 5.6.2: token characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Control characters other than horizontal tab can never appear in a header field value (RFC 9110 5.5).
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** RFC 9110 section 5.6.4 quoted-string: backslash-escapes `"` and `\`. */
function quote(value: string): string {
  if (CONTROL.test(value)) {
    throw new SoapActionError(`SOAP action ${JSON.stringify(value)} holds a control character and cannot be sent`);
  }
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Removes the quotes (and quoted-pair escapes) of a quoted-string; leaves a bare token as it is. */
function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    const inner = v.slice(1, -1);
    return inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner;
  }
  return v;
}

/**
 * The headers of a SOAP request for `version` and `action`.
 * - 1.1: `Content-Type: text/xml; charset=utf-8` and `SOAPAction: "<action>"` (`""` when the action is empty,
 *   which SOAP 1.1 section 6.1.1 reads as "the intent is the Request-URI").
 * - 1.2: `Content-Type: application/soap+xml; charset=utf-8; action="<action>"`, the action left out when empty
 *   (RFC 3902: the parameter, when present, "MUST be non-empty").
 */
export function requestHeaders(version: SoapVersion, action: string): Record<string, string> {
  if (version === '1.1') return { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: quote(action) };
  const contentType = 'application/soap+xml; charset=utf-8';
  return { 'Content-Type': action === '' ? contentType : `${contentType}; action=${quote(action)}` };
}

/** The `Content-Type` of a response (or any message without an action) in `version`. */
export function responseContentType(version: SoapVersion): string {
  return `${soapVersionInfo(version).mediaType}; charset=utf-8`;
}

/** Parses a `Content-Type` header value (RFC 9110 section 8.3.1); undefined when there is none or it is garbled. */
export function parseContentType(value: string | undefined | null): ContentType | undefined {
  if (!value) return undefined;
  const semi = value.indexOf(';');
  const mediaType = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const slash = mediaType.indexOf('/');
  if (slash <= 0 || !TOKEN.test(mediaType.slice(0, slash)) || !TOKEN.test(mediaType.slice(slash + 1))) return undefined;
  const params: Record<string, string> = Object.create(null);
  let i = semi < 0 ? value.length : semi + 1;
  while (i < value.length) {
    const eq = value.indexOf('=', i);
    if (eq < 0) break;
    const name = value.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    while (value[j] === ' ' || value[j] === '\t') j++;
    let raw: string;
    if (value[j] === '"') {
      // A quoted-string: runs to the first `"` not escaped by a backslash.
      let k = j + 1;
      while (k < value.length && value[k] !== '"') k += value[k] === '\\' ? 2 : 1;
      raw = value.slice(j, k + 1);
      j = k + 1;
      const next = value.indexOf(';', j);
      i = next < 0 ? value.length : next + 1;
    } else {
      const next = value.indexOf(';', j);
      raw = value.slice(j, next < 0 ? value.length : next);
      i = next < 0 ? value.length : next + 1;
    }
    // The first occurrence of a parameter wins; names are tokens, anything else is skipped.
    if (TOKEN.test(name) && !(name in params)) params[name] = unquote(raw);
  }
  return { mediaType, params };
}

/**
 * Parsed `Content-Type` values, shared and frozen. Parsing one costs microseconds (V8 is slow to add a freshly
 * sliced name to a null-prototype object), and a client or a server sees the same few values on every message,
 * so the internal readers below parse each value once. Bounded: a peer sending ever new values only churns it.
 */
const parsedTypes = new Map<string, ContentType | undefined>();
const MAX_PARSED_TYPES = 256;

/** @internal `parseContentType`, memoised: the result is shared and frozen, for readers that only look at it. */
export function parsedContentType(value: string | undefined | null): ContentType | undefined {
  if (!value) return undefined;
  let parsed = parsedTypes.get(value);
  if (parsed === undefined && !parsedTypes.has(value)) {
    parsed = parseContentType(value);
    if (parsed) {
      Object.freeze(parsed.params);
      Object.freeze(parsed);
    }
    if (parsedTypes.size >= MAX_PARSED_TYPES) parsedTypes.clear();
    parsedTypes.set(value, parsed);
  }
  return parsed;
}

/**
 * The SOAP version a `Content-Type` announces: `text/xml` is 1.1, `application/soap+xml` is 1.2. An MTOM/XOP
 * `multipart/related` message is judged by its `start-info` (XOP section 4.1) or, for SOAP with attachments, its
 * `type` parameter. Undefined for anything else (for example an HTML error page).
 */
export function versionOfContentType(contentType: string | undefined | null): SoapVersion | undefined {
  const parsed = parsedContentType(contentType);
  if (!parsed) return undefined;
  return versionOfMediaType(parsed);
}

function versionOfMediaType(parsed: ContentType, depth = 0): SoapVersion | undefined {
  for (const version of ['1.1', '1.2'] as const) {
    if (parsed.mediaType === SOAP_VERSIONS[version].mediaType) return version;
  }
  if (parsed.mediaType !== 'multipart/related' || depth > 0) return undefined;
  const type = parsed.params.type?.toLowerCase();
  if (type === 'application/xop+xml') {
    const startInfo = parsedContentType(parsed.params['start-info']);
    return startInfo ? versionOfMediaType(startInfo, depth + 1) : undefined;
  }
  const inner = parsedContentType(type);
  return inner ? versionOfMediaType(inner, depth + 1) : undefined;
}

/** The `charset` parameter of a `Content-Type`, lower-cased; undefined when absent. */
export function charsetOf(contentType: string | undefined | null): string | undefined {
  return parsedContentType(contentType)?.params.charset?.toLowerCase();
}

/** Reads one header, case-insensitively, from any `HeaderSource` (the first value when repeated). */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  const record = headers as Readonly<Record<string, string | readonly string[] | number | undefined>>;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = record[key];
    if (value === undefined) return undefined;
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}

/**
 * The action of an incoming request, read back from either form (server side): the `action` parameter of an
 * `application/soap+xml` Content-Type, or the `SOAPAction` header with its quotes removed. A 1.2 request's
 * parameter wins over a stray SOAPAction header; a 1.1 request's header wins over a stray parameter.
 * Returns `''` for `SOAPAction: ""` and undefined when the request carries no action at all.
 */
export function actionOf(headers: HeaderSource): string | undefined {
  const contentType = parsedContentType(headerValue(headers, 'content-type'));
  let param = contentType?.params.action;
  if (param === undefined && contentType?.mediaType === 'multipart/related') {
    param = parsedContentType(contentType.params['start-info'])?.params.action;
  }
  const header = headerValue(headers, 'soapaction');
  const soapAction = header === undefined ? undefined : unquote(header);
  const version = contentType ? versionOfMediaType(contentType) : undefined;
  return version === '1.2' ? (param ?? soapAction) : (soapAction ?? param);
}

/**
 * The HTTP status a fault response is sent with.
 * SOAP 1.1 section 6.2: "In case of a SOAP error while processing the request, the SOAP HTTP server MUST issue an
 * HTTP 500 "Internal Server Error" response". SOAP 1.2 Part 2 section 7.5.2.2 (table 20): a `env:Sender` fault is
 * sent with 400 Bad Request, every other fault with 500.
 */
export function faultHttpStatus(version: SoapVersion, code: GenericFaultCode | { ns: string; local: string }): number {
  if (version === '1.1') return 500;
  const isSender =
    typeof code === 'string' ? code === 'client' : code.ns === SOAP12_ENVELOPE_NS && code.local === 'Sender';
  return isSender ? 400 : 500;
}
