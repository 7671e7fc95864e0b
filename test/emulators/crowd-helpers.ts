// Helpers of the Crowd emulator tests: raw POSTs of the documentation's requests (templates filled in), the
// element structure of a response for comparing with the captured ones, and typed calls through the same
// message mapping as soapstack's client.
import { readFileSync } from 'node:fs';
import type { CrowdEmulator } from '../../src/emulators/index.js';
import { loadBundledModel } from '../../src/services/bundled.js';
import { parseEnvelope } from '../../src/soap/envelope.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { type CallOutcome, callOperation, send } from '../server/helpers.js';
import { testPath } from '../support/paths.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A file of test/fixtures/real/crowd/. */
export function crowdFixture(...parts: string[]): string {
  return readFileSync(testPath('fixtures', 'real', 'crowd', ...parts), 'utf8');
}

/** A documentation request (requests-openbis/<name>.template.xml) with its `{n}` placeholders filled in. */
export function filledTemplate(name: string, values: readonly string[]): string {
  return crowdFixture('requests-openbis', `${name}.template.xml`).replace(/\{(\d+)\}/g, (_, i: string) => {
    const value = values[Number(i)];
    if (value === undefined) throw new Error(`no value for {${i}} of ${name}`);
    return value;
  });
}

/** POSTs an envelope as a SOAP 1.1 client does (text/xml, SOAPAction ""). */
export function postEnvelope(url: string, body: string): Promise<{ status: number; text: string }> {
  return send(url, 'POST', body, { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' });
}

/**
 * The element structure of `el`: qualified names, xsi:nil, and the structures of its children with repeats
 * folded (so two SOAPAttribute items and nine have the same structure). Text and prefixes are left out.
 */
export function structure(el: XmlElement): string {
  const nil = el.attrs.some((a) => a.ns === XSI && a.local === 'nil' && a.value === 'true') ? '[nil]' : '';
  const children: string[] = [];
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const s = structure(child);
    if (children.at(-1) !== s) children.push(s);
  }
  return `{${el.ns}}${el.local}${nil}${children.length ? `(${children.join(',')})` : ''}`;
}

/** The first body entry of an envelope's text. */
export function bodyEntry(text: string): XmlElement {
  const entry = parseEnvelope(text, { expected: '1.1' }).bodyEntries[0];
  if (!entry) throw new Error('empty Body');
  return entry;
}

/** A child element by local name. */
export function child(el: XmlElement, local: string): XmlElement {
  const found = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local);
  if (!found) throw new Error(`no ${local} in ${el.local}`);
  return found;
}

/** The text of an element. */
export function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

/** A fault's parts as a test compares them: faultcode text, faultstring, the detail's element QNames. */
export interface FaultShape {
  code: string;
  reason: string;
  detail: string[];
}

/** The fault in an envelope's text (captured or answered). */
export function faultShape(text: string): FaultShape {
  const fault = bodyEntry(text);
  if (fault.local !== 'Fault') throw new Error(`not a fault: ${fault.local}`);
  const detail = child(fault, 'detail');
  return {
    code: textOf(child(fault, 'faultcode')).trim(),
    reason: textOf(child(fault, 'faultstring')),
    detail: detail.children.filter((c): c is XmlElement => typeof c !== 'string').map((c) => `${structure(c)}`),
  };
}

/** Parses a whole document and returns its root (used for captured responses). */
export function rootOf(text: string): XmlElement {
  return parseXml(text).root;
}

/** Calls an operation of the emulator with a typed input; resolves with its value or fault. */
export async function crowdCall(em: CrowdEmulator, operation: string, input: unknown): Promise<CallOutcome> {
  const model = await loadBundledModel('crowd-2.0.5');
  return callOperation(em.url, model, model.services[0]!.ports[0]!, operation, input);
}

/** The value of a successful call (throws with the fault's reason otherwise). */
export async function crowdValue(em: CrowdEmulator, operation: string, input: unknown): Promise<unknown> {
  const outcome = await crowdCall(em, operation, input);
  if ('fault' in outcome) throw new Error(`${operation} failed: ${outcome.fault.reason}`);
  return outcome.value;
}

/** An application token (`{ name, token }`) for `name`. */
export async function applicationToken(
  em: CrowdEmulator,
  name = 'jira',
  password = 'password',
): Promise<{ name: string; token: string }> {
  const value = (await crowdValue(em, 'authenticateApplication', {
    in0: { credential: { credential: password }, name, validationFactors: null },
  })) as { out: { name: string; token: string } };
  return value.out;
}
