/**
 * Streaming: a document cut into chunks at any point gives the same events (and the same error) as the whole
 * string, and `parseXml` builds its tree from those same events.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isSoapstackError } from '../../src/errors.js';
import { parseXml } from '../../src/xml/parse.js';
import { type XmlHandler, XmlReader } from '../../src/xml/reader.js';
import type { XmlElement } from '../../src/xml/types.js';

const REAL = fileURLToPath(new URL('../../../test/fixtures/real/', import.meta.url));

/** Records every event as a string; the scope as its sorted bindings. */
class Recorder implements XmlHandler {
  readonly events: string[] = [];

  openElement(...[ns, local, prefix, attrs, scope, start]: Parameters<XmlHandler['openElement']>): void {
    const bindings = Object.entries(scope).sort(([a], [b]) => (a < b ? -1 : 1));
    this.events.push(`open {${ns}}${local} ${prefix} ${JSON.stringify(attrs)} ${JSON.stringify(bindings)} @${start}`);
  }

  text(text: string): void {
    this.events.push(`text ${JSON.stringify(text)}`);
  }

  closeElement(end: number): void {
    this.events.push(`close @${end}`);
  }
}

/** The events of reading `chunks` in turn, ending with the error code and message if reading fails. */
function read(chunks: string[]): string[] {
  const recorder = new Recorder();
  const reader = new XmlReader(recorder, { source: 'doc.xml' });
  try {
    for (const chunk of chunks) reader.write(chunk);
    reader.close();
  } catch (error) {
    if (!isSoapstackError(error)) throw error;
    recorder.events.push(`error ${error.code} ${error.message}`);
  }
  return recorder.events;
}

const SMALL_DOCUMENTS: Record<string, string> = {
  'everything at once':
    '\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<!-- head -->\n<?pi data?>' +
    '<s:Envelope xmlns:s="urn:s" xmlns="urn:d" a="x &amp; y\r\nz" b=\'>\'>\r\n' +
    '  <Body><v i:type="c:string" xmlns:i="urn:i" xmlns:c="urn:c">A&lt;B &#x1F600; \u{1F601} ]]</v>' +
    '<w><![CDATA[<raw>]]]]><![CDATA[>]]>tail<!-- x --></w><e/><é:ü xmlns:é="urn:é"/></Body>\r\n' +
    '</s:Envelope>\n<!-- after -->\n',
  'error late in the document': '<a xmlns:p="urn:p"><p:b x="1">text &amp; more</p:b><c y="2"></d></a>',
  'unbound prefix': '<a><b><p:c/></b></a>',
  'DOCTYPE after the prolog': '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
  'truncated document': '<a><b attr="value">some text</b><c',
};

describe('chunked streaming gives the same events as the whole string', () => {
  for (const [name, text] of Object.entries(SMALL_DOCUMENTS)) {
    it(`${name}: every split into two chunks`, () => {
      const whole = read([text]);
      for (let at = 0; at <= text.length; at++) {
        assert.deepEqual(read([text.slice(0, at), text.slice(at)]), whole, `split at ${at}`);
      }
    });

    it(`${name}: one character at a time`, () => {
      assert.deepEqual(read([...text.split('')]), read([text]));
    });
  }

  it('everything at once: many splits into three chunks', () => {
    const text = SMALL_DOCUMENTS['everything at once']!;
    const whole = read([text]);
    for (let a = 0; a <= text.length; a += 7) {
      for (let b = a; b <= text.length; b += 11) {
        assert.deepEqual(read([text.slice(0, a), text.slice(a, b), text.slice(b)]), whole, `split at ${a}, ${b}`);
      }
    }
  });

  for (const file of [
    'crowd/responses-kraut/authenticate_application__invalid_password.xml',
    'dynamics-crm-2011/responses-dynamics_crm-gem/receiver_fault.xml',
  ]) {
    it(`${file}: every split into two chunks`, () => {
      const text = readFileSync(`${REAL}${file}`, 'utf8');
      const whole = read([text]);
      assert.ok(whole.length > 10);
      assert.doesNotMatch(whole.at(-1)!, /^error/);
      for (let at = 0; at <= text.length; at++) {
        assert.deepEqual(read([text.slice(0, at), text.slice(at)]), whole, `split at ${at}`);
      }
    });
  }

  it('a large document in chunks of many sizes', () => {
    const text = readFileSync(
      `${REAL}dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl`,
      'utf8',
    );
    const whole = read([text]);
    for (const size of [7, 100, 4096, 65536]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      assert.deepEqual(read(chunks), whole, `chunks of ${size}`);
    }
  });

  it('a surrogate pair split between chunks, in text, an attribute and a name', () => {
    const text = '<a\u{10000} x="\u{1F600}">\u{1F600}</a\u{10000}>';
    const whole = read([text]);
    assert.doesNotMatch(whole.at(-1)!, /^error/);
    for (let at = 0; at <= text.length; at++) {
      assert.deepEqual(read([text.slice(0, at), text.slice(at)]), whole, `split at ${at}`);
    }
  });
});

describe('parseXml and the reader agree', () => {
  it('builds its tree from the same events', () => {
    const text = SMALL_DOCUMENTS['everything at once']!;
    const rebuilt: string[] = [];
    const walk = (el: XmlElement): void => {
      const bindings = Object.entries(el.scope).sort(([a], [b]) => (a < b ? -1 : 1));
      rebuilt.push(
        `open {${el.ns}}${el.local} ${el.prefix} ${JSON.stringify(el.attrs)} ${JSON.stringify(bindings)} @${el.start}`,
      );
      for (const child of el.children) {
        if (typeof child === 'string') rebuilt.push(`text ${JSON.stringify(child)}`);
        else walk(child);
      }
      rebuilt.push(`close @${el.end}`);
    };
    walk(parseXml(text).root);
    assert.deepEqual(rebuilt, read([text]));
  });

  it('refuses to be used after close or after an error', () => {
    const reader = new XmlReader(new Recorder());
    reader.write('<a/>').close();
    assert.throws(() => reader.write('<b/>'), { code: 'XML_READER_STATE' });
    const failed = new XmlReader(new Recorder());
    assert.throws(() => failed.write('<a></b>'), { code: 'XML_SYNTAX' });
    assert.throws(() => failed.close(), { code: 'XML_READER_STATE' });
  });
});
