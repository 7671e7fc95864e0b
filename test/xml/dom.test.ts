/**
 * Helpers over the parsed tree, and decoding bytes to text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeXmlBytes } from '../../src/xml/decode.js';
import {
  childElements,
  firstChild,
  getAttribute,
  outerXml,
  positionOf,
  resolveQName,
  textContent,
} from '../../src/xml/dom.js';
import { XmlSyntaxError } from '../../src/xml/errors.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const ENVELOPE =
  `<s:Envelope xmlns:s="${SOAP}" xmlns:i="${XSI}" xmlns:t="urn:types" xmlns:unused="urn:unused">\n` +
  '  <s:Body xmlns="urn:default">\n' +
  '    <Result i:type="t:Thing" id="7"><t:Name>A &amp; B</t:Name><Note>see <b>this</b> one</Note></Result>\n' +
  '    <s:Fault><faultcode>s:Client</faultcode><detail xmlns=""><x>1</x></detail></s:Fault>\n' +
  '  </s:Body>\n' +
  '</s:Envelope>';

function body(): { doc: ReturnType<typeof parseXml>; body: XmlElement } {
  const doc = parseXml(ENVELOPE, { source: 'envelope.xml' });
  return { doc, body: firstChild(doc.root, SOAP, 'Body')! };
}

describe('tree helpers', () => {
  it('childElements leaves text out', () => {
    const { body: b } = body();
    assert.deepEqual(
      childElements(b).map((e) => e.local),
      ['Result', 'Fault'],
    );
  });

  it('firstChild matches namespace and local name', () => {
    const { body: b } = body();
    assert.equal(firstChild(b, 'urn:default', 'Result')?.local, 'Result');
    assert.equal(firstChild(b, '', 'Result'), undefined);
    assert.equal(firstChild(b, SOAP, 'Fault')?.prefix, 's');
  });

  it('textContent joins the text of all descendants', () => {
    const { body: b } = body();
    const result = firstChild(b, 'urn:default', 'Result')!;
    assert.equal(textContent(result), 'A & Bsee this one');
    assert.equal(textContent(firstChild(result, 'urn:types', 'Name')!), 'A & B');
    assert.equal(textContent(parseXml('<a/>').root), '');
  });

  it('textContent does not recurse (a 50,000-deep tree)', () => {
    const deep = `${'<a>'.repeat(50_000)}x${'</a>'.repeat(50_000)}`;
    assert.equal(textContent(parseXml(deep, { limits: { maxDepth: 50_000 } }).root), 'x');
  });

  it('getAttribute looks up unprefixed attributes by default and namespaced ones by namespace', () => {
    const { body: b } = body();
    const result = firstChild(b, 'urn:default', 'Result')!;
    assert.equal(getAttribute(result, 'id'), '7');
    assert.equal(getAttribute(result, 'type', XSI), 't:Thing');
    assert.equal(getAttribute(result, 'type'), undefined);
  });

  it('positionOf gives line and column of an offset', () => {
    const { doc, body: b } = body();
    assert.deepEqual(positionOf(doc, b.start), { source: 'envelope.xml', line: 2, column: 3 });
  });
});

describe('resolveQName', () => {
  it('resolves a prefix in the element scope', () => {
    const { body: b } = body();
    const result = firstChild(b, 'urn:default', 'Result')!;
    assert.deepEqual(resolveQName(result, getAttribute(result, 'type', XSI)!), { ns: 'urn:types', local: 'Thing' });
    assert.deepEqual(resolveQName(result, '  s:Client \n'), { ns: SOAP, local: 'Client' });
  });

  it('gives an unprefixed name the default namespace, or none', () => {
    const { body: b } = body();
    assert.deepEqual(resolveQName(b, 'Thing'), { ns: 'urn:default', local: 'Thing' });
    const detail = firstChild(firstChild(b, SOAP, 'Fault')!, '', 'detail')!;
    assert.deepEqual(resolveQName(detail, 'Thing'), { ns: '', local: 'Thing' });
  });

  it('refuses an unbound prefix, naming it and (given the document) where', () => {
    const { doc, body: b } = body();
    assert.throws(
      () => resolveQName(b, 'nope:Thing', doc),
      (error: unknown) =>
        error instanceof XmlSyntaxError &&
        error.code === 'XML_SYNTAX' &&
        /'nope'/.test(error.message) &&
        error.message.startsWith('envelope.xml:2:3: '),
    );
    assert.throws(() => resolveQName(b, 'constructor:x'), XmlSyntaxError);
    assert.throws(() => resolveQName(b, '__proto__:x'), XmlSyntaxError);
  });

  it('refuses a value that is not a QName', () => {
    const { body: b } = body();
    for (const bad of ['', 'a:b:c', ':a', 'a:', '1a', 'a b']) assert.throws(() => resolveQName(b, bad), XmlSyntaxError);
  });
});

describe('outerXml', () => {
  it('cuts the exact source text', () => {
    const { doc, body: b } = body();
    const result = firstChild(b, 'urn:default', 'Result')!;
    assert.equal(
      outerXml(doc, result),
      '<Result i:type="t:Thing" id="7"><t:Name>A &amp; B</t:Name><Note>see <b>this</b> one</Note></Result>',
    );
  });

  it('adds the declarations the fragment needs from outside, and only those', () => {
    const { doc, body: b } = body();
    const result = firstChild(b, 'urn:default', 'Result')!;
    const xml = outerXml(doc, result, { namespaces: true });
    assert.equal(
      xml,
      `<Result xmlns="urn:default" xmlns:i="${XSI}" xmlns:t="urn:types" i:type="t:Thing" id="7">` +
        '<t:Name>A &amp; B</t:Name><Note>see <b>this</b> one</Note></Result>',
    );
    // Self-contained: it reads alone to the same names.
    const alone = parseXml(xml).root;
    assert.equal(`{${alone.ns}}${alone.local}`, '{urn:default}Result');
    assert.equal(firstChild(alone, 'urn:types', 'Name')?.local, 'Name');
    assert.deepEqual(resolveQName(alone, getAttribute(alone, 'type', XSI)!), { ns: 'urn:types', local: 'Thing' });
  });

  it('covers QName text content and leaves alone what the fragment declares itself', () => {
    const { doc, body: b } = body();
    const fault = firstChild(b, SOAP, 'Fault')!;
    const xml = outerXml(doc, fault, { namespaces: true });
    assert.equal(
      xml,
      `<s:Fault xmlns:s="${SOAP}" xmlns="urn:default"><faultcode>s:Client</faultcode><detail xmlns=""><x>1</x></detail></s:Fault>`,
    );
    const doc2 = parseXml('<a xmlns:p="urn:p"><p:b xmlns:p="urn:p"><p:c/></p:b></a>');
    const inner = childElements(doc2.root)[0]!;
    assert.equal(outerXml(doc2, inner, { namespaces: true }), '<p:b xmlns:p="urn:p"><p:c/></p:b>');
  });

  it('is byte-exact apart from the added declarations', () => {
    const text = '<r xmlns:a="urn:a&amp;&quot;"><a:x  q = \'1\'\n>t &lt; <![CDATA[c]]><!-- c --></a:x ></r>';
    const doc = parseXml(text);
    const x = childElements(doc.root)[0]!;
    assert.equal(
      outerXml(doc, x, { namespaces: true }),
      '<a:x xmlns:a="urn:a&amp;&quot;"  q = \'1\'\n>t &lt; <![CDATA[c]]><!-- c --></a:x >',
    );
  });
});

describe('decodeXmlBytes', () => {
  const doc = '<a>é€</a>';

  it('UTF-8 with and without a byte order mark', () => {
    assert.equal(decodeXmlBytes(Buffer.from(doc, 'utf8')), doc);
    assert.equal(decodeXmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc, 'utf8')])), doc);
  });

  it('UTF-16 LE and BE by byte order mark, and by a UTF-16 declaration without one', () => {
    const le = Buffer.from(`\uFEFF${doc}`, 'utf16le');
    assert.equal(decodeXmlBytes(le), doc);
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(decodeXmlBytes(be), doc);
    const declared = '<?xml version="1.0" encoding="UTF-16"?><a>é</a>';
    assert.equal(decodeXmlBytes(Buffer.from(declared, 'utf16le')), declared);
    const declaredBe = Buffer.from(declared, 'utf16le');
    declaredBe.swap16();
    assert.equal(decodeXmlBytes(declaredBe), declared);
  });

  it('the encoding the declaration names', () => {
    const head = (enc: string) => `<?xml version="1.0" encoding="${enc}"?>`;
    assert.equal(
      decodeXmlBytes(Buffer.from(`${head('ISO-8859-1')}<a>\xe9\x80</a>`, 'latin1')),
      `${head('ISO-8859-1')}<a>é\x80</a>`,
    );
    assert.equal(decodeXmlBytes(Buffer.from(`${head('latin1')}<a>\xe9</a>`, 'latin1')), `${head('latin1')}<a>é</a>`);
    const cp1252 = Buffer.from(`${head('windows-1252')}<a>\xe9\x80</a>`, 'latin1');
    assert.equal(decodeXmlBytes(cp1252), `${head('windows-1252')}<a>é€</a>`);
    assert.equal(decodeXmlBytes(Buffer.from(`${head('us-ascii')}<a/>`)), `${head('us-ascii')}<a/>`);
    assert.equal(decodeXmlBytes(Buffer.from(`${head('utf-8')}${doc}`)), `${head('utf-8')}${doc}`);
  });

  it('reads a UTF-8 document that claims UTF-16 (as .NET writes them) as UTF-8', () => {
    const text = '<?xml version="1.0" encoding="utf-16"?><a>é</a>';
    assert.equal(decodeXmlBytes(Buffer.from(text, 'utf8')), text);
  });

  it('refuses an unsupported encoding, bytes that are not US-ASCII, and malformed UTF-8', () => {
    assert.throws(
      () => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="EBCDIC-US"?><a/>'), 'x.xml'),
      (error: unknown) => error instanceof XmlSyntaxError && /EBCDIC-US/.test(error.message),
    );
    assert.throws(
      () => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="US-ASCII"?>\n<a>\xe9</a>', 'latin1')),
      (error: unknown) => error instanceof XmlSyntaxError && error.position.line === 2 && error.position.column === 4,
    );
    assert.throws(() => decodeXmlBytes(Uint8Array.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])), {
      code: 'XML_SYNTAX',
    });
  });
});
