/**
 * Secret masking for anything that leaves the process as text: log lines, debug dumps, error messages.
 * Masking replaces the secret with `***` and keeps the shape around it, so a log still shows which element
 * or header was there. It is deliberately over-eager (any prefix, case-insensitive keys): a masked harmless
 * value costs nothing, a leaked password costs a rotation.
 */

/** What every masked value becomes. */
export const MASK = '***';

/**
 * Elements whose whole content is secret, whatever their namespace prefix. WS-Security (Password, Nonce,
 * BinarySecurityToken), XML Encryption (CipherValue, EncryptedData), XML Signature (SignatureValue),
 * WS-Trust (BinarySecret, KeyIdentifier of a proof key), SAML (Assertion: a bearer credential in itself),
 * OAuth carried in XML (access_token, client_secret) and Crowd's SecurityServer (password, token,
 * credential).
 */
const SECRET_ELEMENTS = [
  'Password',
  'Nonce',
  'BinarySecurityToken',
  'CipherValue',
  'SignatureValue',
  'KeyIdentifier',
  'BinarySecret',
  'Assertion',
  'EncryptedData',
  'access_token',
  'client_secret',
  'refresh_token',
  'password',
  'token',
  'credential',
];

/** Keys whose values are secret in JSON, form-encoded bodies and query strings (case-insensitive). */
const SECRET_KEYS = 'password|client_secret|access_token|refresh_token|token';

/** An opening tag of a secret element, any prefix; the lookahead stops `token` matching `tokenType`. */
const SECRET_OPEN_TAG = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?(?:${SECRET_ELEMENTS.join('|')}))(?=[\\s/>])[^>]*>`, 'g');
/** `"key": "value"` or `"key": 123` in JSON. */
const JSON_SECRET = new RegExp(`("(?:${SECRET_KEYS})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`, 'gi');
/** `key=value` in a form body or a query string. */
const FORM_SECRET = new RegExp(`(^|[?&;\\s])(${SECRET_KEYS})=([^&#\\s]*)`, 'gi');
/** `Authorization: ...` lines in a raw HTTP dump. */
const HEADER_LINE_SECRET = /^((?:proxy-)?authorization|cookie|set-cookie)([ \t]*:[ \t]*)(.*)$/gim;

/**
 * Masks secrets in a message body or any text: the content of secret XML elements (whole content, nested
 * markup included; an element left open at the end of the text is masked to the end, so a truncated dump
 * cannot leak half a token), the values of secret keys in JSON and form bodies, and credential header
 * lines.
 */
export function maskSecrets(text: string): string {
  let out = text.indexOf('<') === -1 ? text : maskXmlElements(text);
  if (out.indexOf('"') !== -1) out = out.replace(JSON_SECRET, `$1"${MASK}"`);
  if (out.indexOf('=') !== -1) out = out.replace(FORM_SECRET, `$1$2=${MASK}`);
  if (out.indexOf(':') !== -1)
    out = out.replace(HEADER_LINE_SECRET, (_m, name: string, sep: string, value: string) => {
      return name + sep + maskHeaderValue(name.toLowerCase(), value);
    });
  return out;
}

/** Replaces the content of each secret element by `***`, scanning left to right once. */
function maskXmlElements(text: string): string {
  SECRET_OPEN_TAG.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let m = SECRET_OPEN_TAG.exec(text); m !== null; m = SECRET_OPEN_TAG.exec(text)) {
    const openEnd = m.index + m[0].length;
    if (m[0].charCodeAt(m[0].length - 2) === 0x2f /* '/' of a self-closing tag */) continue;
    const qname = m[1]!;
    const close = findCloseTag(text, qname, openEnd);
    out += text.slice(copied, openEnd) + MASK;
    if (close === -1) return out; // left open: the rest of the text is inside the secret
    copied = close;
    SECRET_OPEN_TAG.lastIndex = close;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index of `</qname>` (spaces allowed before `>`) at or after `from`, or -1. */
function findCloseTag(text: string, qname: string, from: number): number {
  const needle = `</${qname}`;
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    let i = at + needle.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (text[i] === '>') return at;
  }
  return -1;
}

/** Header names whose values are credentials: the four standard ones, and the usual API-key names. */
function isSecretHeader(lowerName: string): boolean {
  return (
    lowerName === 'authorization' ||
    lowerName === 'proxy-authorization' ||
    lowerName === 'cookie' ||
    lowerName === 'set-cookie' ||
    /token|secret|password|api-?key/.test(lowerName)
  );
}

/**
 * Masks one header value. Authorization keeps its scheme (`Bearer ***`) because knowing which kind of
 * credential was sent is what a reader of the log needs; cookies keep their names and attributes.
 */
function maskHeaderValue(lowerName: string, value: string): string {
  if (lowerName === 'authorization' || lowerName === 'proxy-authorization') {
    const space = value.indexOf(' ');
    return space > 0 ? `${value.slice(0, space)} ${MASK}` : MASK;
  }
  if (lowerName === 'cookie') return value.replace(/([^=;\s]+)=[^;]*/g, `$1=${MASK}`);
  if (lowerName === 'set-cookie') return value.replace(/^\s*([^=;\s]+)=[^;]*/, `$1=${MASK}`);
  return MASK;
}

/**
 * Returns a copy of `headers` with credential values masked (Authorization, Proxy-Authorization, Cookie,
 * Set-Cookie, and any header whose name mentions a token, secret, password or API key). Names are kept as
 * given; arrays (repeated Set-Cookie) are masked item by item.
 */
export function maskHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (!isSecretHeader(lower)) {
      out[name] = typeof value === 'string' ? value : [...value];
    } else if (typeof value === 'string') {
      out[name] = maskHeaderValue(lower, value);
    } else {
      out[name] = value.map((v) => maskHeaderValue(lower, v));
    }
  }
  return out;
}
