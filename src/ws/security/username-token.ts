/**
 * wsse:UsernameToken (OASIS Web Services Security UsernameToken Profile 1.0 / 1.1, section 3.1):
 *
 *     <wsse:UsernameToken wsu:Id="...">
 *       <wsse:Username>...</wsse:Username>
 *       <wsse:Password Type="...">...</wsse:Password>?
 *       <wsse:Nonce EncodingType="...">...</wsse:Nonce>?
 *       <wsu:Created>...</wsu:Created>?
 *     </wsse:UsernameToken>
 *
 * Profile 1.1 section 3.1: "Password_Digest = Base64 ( SHA-1 ( nonce + created + password ) )", where the
 * nonce is hashed as its decoded octets and created as the UTF-8 octets of the element's text; a Nonce or
 * Created that is present takes part in the digest. The Nonce and Created exist against
 * replay: the receiver keeps the nonces it saw for the freshness window that Created bounds (section 4).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { XmlWriter } from '../../xml/writer.js';
import {
  BASE64_BINARY,
  PASSWORD_DIGEST,
  PASSWORD_TEXT,
  WSSE_NS,
  WSSE_PREFIX,
  WSU_NS,
  WSU_PREFIX,
} from './constants.js';
import { formatUtc } from './time.js';

/** Bytes of a nonce soapstack draws (the profile sets no size; 16 random bytes is what zeep and WCF use). */
export const NONCE_BYTES = 16;

/** What `writeUsernameToken` writes. */
export interface UsernameTokenOptions {
  username: string;
  password: string;
  /** Send `#PasswordDigest` (with Nonce and Created) instead of `#PasswordText`. */
  digest?: boolean;
  /** The nonce octets; default 16 random bytes for a digest (a text password gets a Nonce only when given). */
  nonce?: Buffer;
  /** The Created time; default now for a digest (a text password gets a Created only when given). */
  created?: Date;
  /** The `wsu:Id`; none when absent. */
  id?: string;
}

/** Base64(SHA-1(nonce + created + password)), UsernameToken Profile 1.1 section 3.1. */
export function passwordDigest(nonce: Buffer | undefined, created: string | undefined, password: string): string {
  const hash = createHash('sha1');
  if (nonce) hash.update(nonce);
  if (created !== undefined) hash.update(created, 'utf8');
  hash.update(password, 'utf8');
  return hash.digest('base64');
}

/** Writes a wsse:UsernameToken. The password (or its digest) goes only into the element's text. */
export function writeUsernameToken(w: XmlWriter, options: UsernameTokenOptions): void {
  const digest = options.digest ?? false;
  const nonce = options.nonce ?? (digest ? randomBytes(NONCE_BYTES) : undefined);
  const createdDate = options.created ?? (digest ? new Date() : undefined);
  const created = createdDate ? formatUtc(createdDate) : undefined;

  w.startElement(WSSE_NS, 'UsernameToken', WSSE_PREFIX);
  if (options.id !== undefined) w.attribute(WSU_NS, 'Id', options.id, WSU_PREFIX);
  w.element(WSSE_NS, 'Username', options.username, WSSE_PREFIX);
  w.startElement(WSSE_NS, 'Password', WSSE_PREFIX);
  w.attribute('', 'Type', digest ? PASSWORD_DIGEST : PASSWORD_TEXT);
  w.text(digest ? passwordDigest(nonce, created, options.password) : options.password);
  w.endElement();
  if (nonce) {
    w.startElement(WSSE_NS, 'Nonce', WSSE_PREFIX);
    w.attribute('', 'EncodingType', BASE64_BINARY);
    w.text(nonce.toString('base64')).endElement();
  }
  if (created !== undefined) w.element(WSU_NS, 'Created', created, WSU_PREFIX);
  w.endElement();
}
