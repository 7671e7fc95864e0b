/**
 * Hostile XML: each document of `test/fixtures/xml/hostile/` (and a few generated ones too big to keep) is refused
 * with the named error code, within a few seconds (a generous guard against a hang), whole or streamed in chunks.
 * The XML layer must also have no way to reach a file or the network: its sources import no such module.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isSoapstackError } from '../../src/errors.js';
import { XmlLimitError } from '../../src/xml/errors.js';
import { parseXml } from '../../src/xml/parse.js';
import { type XmlHandler, XmlReader } from '../../src/xml/reader.js';
import type { XmlLimits } from '../../src/xml/types.js';

const HOSTILE = fileURLToPath(new URL('../../../test/fixtures/xml/hostile/', import.meta.url));
const XML_SOURCES = fileURLToPath(new URL('../../../src/xml/', import.meta.url));
const TIME_LIMIT_MS = 5000;

const NO_EVENTS: XmlHandler = { openElement() {}, text() {}, closeElement() {} };

interface Refusal {
  code: string;
  limit?: keyof XmlLimits;
}

/** Runs `read`, expects the refusal, and checks that it came fast. */
function expectRefused(read: () => unknown, expected: Refusal): void {
  const started = performance.now();
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  const elapsed = performance.now() - started;
  assert.ok(isSoapstackError(caught), `expected a refusal, got ${String(caught)}`);
  assert.equal(caught.code, expected.code, caught.message);
  if (expected.limit) {
    assert.ok(caught instanceof XmlLimitError);
    assert.equal(caught.limit, expected.limit);
  }
  assert.ok(elapsed < TIME_LIMIT_MS, `took ${elapsed.toFixed(0)} ms`);
}

/** Feeds `text` to a streaming reader in chunks of `size` characters. */
function stream(text: string, size: number, limits?: Partial<XmlLimits>): void {
  const reader = new XmlReader(NO_EVENTS, limits ? { limits } : {});
  for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
  reader.close();
}

const FIXTURES: Record<string, Refusal> = {
  'billion-laughs.xml': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'quadratic-blowup.xml': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'xxe-local-file.xml': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'xxe-parameter-entity-url.xml': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'doctype-inside-root.xml': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'entity-declaration-without-doctype.xml': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'html-doctype.html': { code: 'XML_DOCTYPE_FORBIDDEN' },
  'html-without-doctype.html': { code: 'XML_SYNTAX' },
  'truncated.xml': { code: 'XML_SYNTAX' },
  'unbound-prefix.xml': { code: 'XML_SYNTAX' },
  'unbound-attribute-prefix.xml': { code: 'XML_SYNTAX' },
  'duplicate-attribute.xml': { code: 'XML_SYNTAX' },
  'duplicate-attribute-after-expansion.xml': { code: 'XML_SYNTAX' },
};

describe('hostile documents from the corpus', () => {
  it('has a test for every file of the corpus', () => {
    assert.deepEqual(readdirSync(HOSTILE).sort(), Object.keys(FIXTURES).sort());
  });

  for (const [file, expected] of Object.entries(FIXTURES)) {
    const text = readFileSync(join(HOSTILE, file), 'utf8');
    it(`${file} -> ${expected.code}`, () => {
      expectRefused(() => parseXml(text, { source: file }), expected);
    });
    it(`${file} streamed in 7-character chunks -> ${expected.code}`, () => {
      expectRefused(() => stream(text, 7), expected);
    });
  }

  it('refuses a DOCTYPE before reading anything in it (no entity is ever reported)', () => {
    const seen: string[] = [];
    const reader = new XmlReader({
      openElement: (_ns, local) => seen.push(local),
      text: (t) => seen.push(t),
      closeElement() {},
    });
    expectRefused(() => reader.write(readFileSync(join(HOSTILE, 'xxe-local-file.xml'), 'utf8')), {
      code: 'XML_DOCTYPE_FORBIDDEN',
    });
    assert.deepEqual(seen, []);
  });

  it('says where the DOCTYPE is', () => {
    try {
      parseXml(readFileSync(join(HOSTILE, 'billion-laughs.xml'), 'utf8'), { source: 'lolz.xml' });
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(isSoapstackError(error, 'XML_DOCTYPE_FORBIDDEN'));
      assert.match(error.message, /^lolz\.xml:2:1: /);
    }
  });
});

describe('hostile documents generated', () => {
  it('50,000-deep nesting -> maxDepth', () => {
    const deep = '<a>'.repeat(50_000) + '</a>'.repeat(50_000);
    expectRefused(() => parseXml(deep), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxDepth' });
    expectRefused(() => stream(deep, 1024), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxDepth' });
  });

  it('50,000-deep nesting is read without recursion when the limit allows it', () => {
    const deep = '<a>'.repeat(50_000) + '</a>'.repeat(50_000);
    const doc = parseXml(deep, { limits: { maxDepth: 50_000 } });
    assert.equal(doc.root.end, deep.length);
  });

  it('a giant element name -> maxNameLength', () => {
    const name = 'n'.repeat(5_000_000);
    expectRefused(() => parseXml(`<${name}/>`), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxNameLength' });
    // Streamed, the name never ends: the limit must fire as it is read, not at its end.
    const reader = new XmlReader(NO_EVENTS);
    expectRefused(
      () => {
        reader.write('<');
        for (let i = 0; i < 1000; i++) reader.write(name.slice(0, 5000));
      },
      { code: 'XML_LIMIT_EXCEEDED', limit: 'maxNameLength' },
    );
  });

  it('a giant attribute name -> maxNameLength', () => {
    expectRefused(() => parseXml(`<a ${'x'.repeat(100_000)}="1"/>`), {
      code: 'XML_LIMIT_EXCEEDED',
      limit: 'maxNameLength',
    });
  });

  it('100,000 attributes -> maxAttributes', () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => ` a${i}="${i}"`).join('');
    expectRefused(() => parseXml(`<r${attrs}/>`), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxAttributes' });
    expectRefused(() => stream(`<r${attrs}/>`, 4096), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxAttributes' });
  });

  it('100,000 namespace declarations -> maxAttributes', () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => ` xmlns:p${i}="urn:${i}"`).join('');
    expectRefused(() => parseXml(`<r${attrs}/>`), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxAttributes' });
  });

  it('an attribute value over the limit -> maxTextLength', () => {
    const value = 'v'.repeat(16 * 1024 * 1024 + 1);
    expectRefused(() => parseXml(`<a x="${value}"/>`), { code: 'XML_LIMIT_EXCEEDED', limit: 'maxTextLength' });
    // Streamed without its closing quote: refused as it grows.
    const reader = new XmlReader(NO_EVENTS, { limits: { maxTextLength: 100_000 } });
    expectRefused(
      () => {
        reader.write('<a x="');
        for (let i = 0; i < 1000; i++) reader.write('v'.repeat(1000));
      },
      { code: 'XML_LIMIT_EXCEEDED', limit: 'maxTextLength' },
    );
  });

  it('endless text streamed -> maxTextLength', () => {
    const reader = new XmlReader(NO_EVENTS, { limits: { maxTextLength: 100_000 } });
    expectRefused(
      () => {
        reader.write('<a>');
        for (let i = 0; i < 1000; i++) reader.write('t'.repeat(1000));
      },
      { code: 'XML_LIMIT_EXCEEDED', limit: 'maxTextLength' },
    );
  });

  it('an endless document -> maxSize', () => {
    const reader = new XmlReader(NO_EVENTS, { limits: { maxSize: 1_000_000 } });
    expectRefused(
      () => {
        reader.write('<a>');
        for (let i = 0; i < 10_000; i++) reader.write('<b/>'.repeat(100));
      },
      { code: 'XML_LIMIT_EXCEEDED', limit: 'maxSize' },
    );
  });

  it('an endless comment streamed one "-" at a time is not rescanned quadratically', () => {
    const reader = new XmlReader(NO_EVENTS);
    const started = performance.now();
    reader.write('<a><!--');
    for (let i = 0; i < 200_000; i++) reader.write('->');
    reader.write('--></a>');
    reader.close();
    assert.ok(performance.now() - started < TIME_LIMIT_MS);
  });

  it('every kind of unterminated markup -> XML_SYNTAX', () => {
    for (const text of ['<a><!-- x', '<a><![CDATA[x', '<a><?pi x', '<a x="1', '<a><b', '<a></a', '<a>text']) {
      expectRefused(() => parseXml(text), { code: 'XML_SYNTAX' });
      expectRefused(() => stream(text, 2), { code: 'XML_SYNTAX' });
    }
  });
});

describe('no file or network access', () => {
  it('the XML layer imports no module that can read a file or reach the network', () => {
    const forbidden =
      /from ['"](node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|dns|child_process|worker_threads|undici)['"]/;
    const files = readdirSync(XML_SOURCES).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 5);
    for (const file of files) {
      const source = readFileSync(join(XML_SOURCES, file), 'utf8');
      assert.doesNotMatch(source, forbidden, file);
      assert.doesNotMatch(source, /\bimport\(/, file);
      assert.doesNotMatch(source, /\brequire\(/, file);
    }
  });
});
