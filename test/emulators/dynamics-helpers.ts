/**
 * Helpers of the Dynamics emulator's tests: the article's templates filled as its Java code fills them
 * (`String.format` with `%s`), raw HTTP posts, and reading answers.
 */

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { testPath } from '../support/paths.js';

const TEMPLATES = testPath('fixtures', 'real', 'dynamics-crm-2011', 'templates-CRMJavaConnect');

/** `String.format` with `%s` only, as the article's Java code uses it. */
export function format(template: string, ...args: string[]): string {
  let i = 0;
  return template.replace(/%s/g, () => args[i++] ?? '');
}

/** A template of the article, byte-exact. */
export function template(name: 'sts-rst2-request' | 'security-header-encrypteddata'): string {
  return readFileSync(`${TEMPLATES}/${name}.template.xml`, 'utf8');
}

/** The Java article's `yyyy-MM-dd'T'HH:mm:ss` in GMT (no zone, no millis). */
export function javaTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The article's STS request for `username` / `password` at `stsUrl`, at time `now`. */
export function articleRst(stsUrl: string, username: string, password: string, now: number): string {
  return format(
    template('sts-rst2-request'),
    randomUUID(),
    stsUrl,
    javaTime(now),
    javaTime(now + 5 * 60_000),
    `uuid-${randomUUID()}-1`,
    username,
    password,
  );
}

/** What the article reads out of the RSTR: the two CipherValues and the KeyIdentifier (by local name, as its XPath does). */
export function articleTokenParts(rstr: string): { token0: string; token1: string; keyIdentifier: string } {
  const found: Record<string, string[]> = { CipherValue: [], KeyIdentifier: [] };
  const walk = (el: XmlElement): void => {
    if (el.local in found) found[el.local]!.push(el.children.filter((c) => typeof c === 'string').join(''));
    for (const c of el.children) if (typeof c !== 'string') walk(c);
  };
  walk(parseXml(rstr, { source: 'rstr' }).root);
  return {
    token0: found.CipherValue![0] ?? '',
    token1: found.CipherValue![1] ?? '',
    keyIdentifier: found.KeyIdentifier![0] ?? '',
  };
}

/** The article's Organization request: SOAP 1.2, addressing, `o:Security` with a Timestamp and the EncryptedData template. */
export function articleOrganizationRequest(
  orgUrl: string,
  action: string,
  body: string,
  security: { token0: string; token1: string; keyIdentifier: string } | undefined,
  created: number,
  expires: number,
): string {
  const header = security
    ? `<o:Security s:mustUnderstand="1" xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
      `<u:Timestamp u:Id="_0"><u:Created>${javaTime(created)}Z</u:Created><u:Expires>${javaTime(expires)}Z</u:Expires></u:Timestamp>` +
      format(template('security-header-encrypteddata'), security.keyIdentifier, security.token0, security.token1) +
      '</o:Security>'
    : '';
  return (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing" ' +
    'xmlns:u="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><s:Header>' +
    `<a:Action s:mustUnderstand="1">http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/${action}</a:Action>` +
    `<a:MessageID>urn:uuid:${randomUUID()}</a:MessageID>` +
    '<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>' +
    `<a:To s:mustUnderstand="1">${orgUrl}</a:To>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

/** The gem's Create body for an account named `name` (RECOVERED-TEMPLATES section 6d). */
export function createAccountBody(name: string): string {
  return (
    '<Create xmlns="http://schemas.microsoft.com/xrm/2011/Contracts/Services" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
    '<entity xmlns:b="http://schemas.microsoft.com/xrm/2011/Contracts">' +
    '<b:Attributes xmlns:c="http://schemas.datacontract.org/2004/07/System.Collections.Generic">' +
    `<b:KeyValuePairOfstringanyType><c:key>name</c:key><c:value i:type="d:string" xmlns:d="http://www.w3.org/2001/XMLSchema">${name}</c:value></b:KeyValuePairOfstringanyType>` +
    '</b:Attributes><b:EntityState i:nil="true"/><b:FormattedValues xmlns:c="http://schemas.datacontract.org/2004/07/System.Collections.Generic"/>' +
    '<b:Id>00000000-0000-0000-0000-000000000000</b:Id><b:LogicalName>account</b:LogicalName>' +
    '<b:RelatedEntities xmlns:c="http://schemas.datacontract.org/2004/07/System.Collections.Generic"/></entity></Create>'
  );
}

/** Posts `body` as the article does (SOAP 1.2, no action parameter); resolves to status and text. */
export async function post(
  url: string,
  body: string,
  contentType = 'application/soap+xml; charset=UTF-8',
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const res = await request(url, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });
  return { status: res.statusCode, text: await res.body.text(), headers: res.headers };
}

/** Every element named `local` (any namespace), depth first. */
export function findAll(xml: string, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    if (el.local === local) out.push(el);
    for (const c of el.children) if (typeof c !== 'string') walk(c);
  };
  walk(parseXml(xml, { source: 'answer' }).root);
  return out;
}

/** The text of the first element named `local`. */
export function textOf(xml: string, local: string): string | undefined {
  const el = findAll(xml, local)[0];
  if (!el) return undefined;
  const all = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : all(c))).join('');
  return all(el);
}
