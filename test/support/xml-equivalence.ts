// XML equivalence for tests: two documents are equivalent when they have the same elements (namespace URI and
// local name) in the same order, the same attributes (by namespace URI and local name, in any order, with the
// same values) and the same text. Prefixes and where namespaces are declared may differ; whitespace-only text
// between elements (indentation) is ignored unless asked otherwise, and other text is compared trimmed then.
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';

/** Options of `xmlDifferences`. */
export interface EquivalenceOptions {
  /** Ignore whitespace-only text and surrounding whitespace of text (default true). */
  ignoreWhitespace?: boolean;
}

const name = (ns: string, local: string): string => (ns ? `{${ns}}${local}` : local);

function content(el: XmlElement, ignoreWhitespace: boolean): Array<XmlElement | string> {
  const out: Array<XmlElement | string> = [];
  for (const child of el.children) {
    if (typeof child !== 'string') out.push(child);
    else if (!ignoreWhitespace) out.push(child);
    else if (child.trim() !== '') out.push(child.trim());
  }
  // Adjacent text pieces (split around a dropped comment) compare as one.
  return out.reduce<Array<XmlElement | string>>((acc, item) => {
    const last = acc[acc.length - 1];
    if (typeof item === 'string' && typeof last === 'string') acc[acc.length - 1] = last + item;
    else acc.push(item);
    return acc;
  }, []);
}

function compare(a: XmlElement, b: XmlElement, path: string, ignoreWhitespace: boolean, out: string[]): void {
  const here = `${path}/${a.local}`;
  if (a.ns !== b.ns || a.local !== b.local) {
    out.push(`${path}: element ${name(a.ns, a.local)} where ${name(b.ns, b.local)} was expected`);
    return;
  }
  const attrs = (el: XmlElement) =>
    el.attrs.map((x) => `${name(x.ns, x.local)}=${JSON.stringify(x.value)}`).sort((x, y) => (x < y ? -1 : 1));
  const aa = attrs(a);
  const ba = attrs(b);
  for (const x of aa) if (!ba.includes(x)) out.push(`${here}: unexpected attribute ${x}`);
  for (const x of ba) if (!aa.includes(x)) out.push(`${here}: missing attribute ${x}`);
  const ac = content(a, ignoreWhitespace);
  const bc = content(b, ignoreWhitespace);
  if (ac.length !== bc.length) {
    const show = (c: Array<XmlElement | string>) =>
      c.map((x) => (typeof x === 'string' ? '#text' : x.local)).join(', ');
    out.push(`${here}: children [${show(ac)}] where [${show(bc)}] were expected`);
    return;
  }
  for (let i = 0; i < ac.length; i++) {
    const x = ac[i]!;
    const y = bc[i]!;
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) out.push(`${here}: text ${JSON.stringify(x)} where ${JSON.stringify(y)} was expected`);
    } else {
      compare(x, y, here, ignoreWhitespace, out);
    }
  }
}

function rootOf(value: string | XmlElement): XmlElement {
  return typeof value === 'string' ? parseXml(value).root : value;
}

/** The differences between `actual` and `expected`, one line each (empty when equivalent). */
export function xmlDifferences(
  actual: string | XmlElement,
  expected: string | XmlElement,
  options: EquivalenceOptions = {},
): string[] {
  const out: string[] = [];
  compare(rootOf(actual), rootOf(expected), '', options.ignoreWhitespace ?? true, out);
  return out;
}

/** Fails with every difference listed when `actual` is not XML-equivalent to `expected`. */
export function assertXmlEquivalent(
  actual: string | XmlElement,
  expected: string | XmlElement,
  options: EquivalenceOptions = {},
): void {
  const differences = xmlDifferences(actual, expected, options);
  assert.deepEqual(differences, [], `not XML-equivalent:\n${differences.join('\n')}`);
}
