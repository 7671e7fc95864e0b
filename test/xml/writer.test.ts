/**
 * XmlWriter: namespace declarations (reuse, shadowing, the default namespace and its undeclaration, attribute
 * prefixes), escaping, characters XML cannot carry, and round trips through parseXml.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXml } from '../../src/xml/parse.js';
import { XML_NS, type XmlElement } from '../../src/xml/types.js';
import { escapeAttribute, escapeText, XmlWriter } from '../../src/xml/writer.js';

const A = 'urn:a';
const B = 'urn:b';

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

describe('XmlWriter namespaces', () => {
  it('declares a namespace once and reuses its prefix below', () => {
    const xml = new XmlWriter().startElement(A, 'root', 'a').startElement(A, 'child').element(A, 'leaf', 'x');
    assert.equal(
      xml.endElement().endElement().toString(),
      '<a:root xmlns:a="urn:a"><a:child><a:leaf>x</a:leaf></a:child></a:root>',
    );
  });

  it('generates ns1, ns2 when no prefix is preferred', () => {
    const xml = new XmlWriter().startElement(A, 'root').startElement(B, 'child').endElement().endElement();
    assert.equal(xml.toString(), '<ns1:root xmlns:ns1="urn:a"><ns2:child xmlns:ns2="urn:b"/></ns1:root>');
  });

  it('shadows a prefix for a child and restores it for the next sibling', () => {
    const xml = new XmlWriter()
      .startElement(A, 'root', 'p')
      .startElement(B, 'inner', 'p')
      .element(B, 'deep', '1')
      .endElement()
      .element(A, 'sibling', '2')
      .endElement()
      .toString();
    assert.equal(
      xml,
      '<p:root xmlns:p="urn:a"><p:inner xmlns:p="urn:b"><p:deep>1</p:deep></p:inner><p:sibling>2</p:sibling></p:root>',
    );
    const [inner, sibling] = elements(parseXml(xml).root);
    assert.equal(inner!.ns, B);
    assert.equal(elements(inner!)[0]!.ns, B);
    assert.equal(sibling!.ns, A);
  });

  it('writes a default namespace and undeclares it for an unqualified child', () => {
    const xml = new XmlWriter()
      .startElement(A, 'root', '')
      .element(A, 'same', '1')
      .startElement('', 'plain')
      .element('', 'plainer', '2')
      .endElement()
      .element(A, 'again', '3')
      .endElement()
      .toString();
    assert.equal(
      xml,
      '<root xmlns="urn:a"><same>1</same><plain xmlns=""><plainer>2</plainer></plain><again>3</again></root>',
    );
    const root = parseXml(xml).root;
    assert.deepEqual(
      elements(root).map((e) => `{${e.ns}}${e.local}`),
      ['{urn:a}same', '{}plain', '{urn:a}again'],
    );
    assert.equal(elements(elements(root)[1]!)[0]!.ns, '');
  });

  it('does not undeclare a default namespace that was never declared', () => {
    assert.equal(
      new XmlWriter().startElement('', 'a').startElement('', 'b').endElement().endElement().toString(),
      '<a><b/></a>',
    );
  });

  it('gives namespaced attributes a prefix even when their namespace is the default one', () => {
    const xml = new XmlWriter()
      .startElement(A, 'root', '')
      .attribute(A, 'q', '1')
      .attribute('', 'plain', '2')
      .attribute(B, 'r', '3', 'b')
      .endElement()
      .toString();
    assert.equal(xml, '<root xmlns="urn:a" xmlns:ns1="urn:a" ns1:q="1" plain="2" xmlns:b="urn:b" b:r="3"/>');
    const attrs = parseXml(xml).root.attrs.map((a) => `{${a.ns}}${a.local}=${a.value}`);
    assert.deepEqual(attrs, ['{urn:a}q=1', '{}plain=2', '{urn:b}r=3']);
  });

  it('reuses an element prefix for an attribute and writes xml: attributes without a declaration', () => {
    const xml = new XmlWriter()
      .startElement(A, 'root', 'a')
      .attribute(A, 'q', '1')
      .attribute(XML_NS, 'lang', 'en')
      .endElement()
      .toString();
    assert.equal(xml, '<a:root xmlns:a="urn:a" a:q="1" xml:lang="en"/>');
  });

  it('never declares xml or xmlns as a preferred prefix for another namespace', () => {
    const xml = new XmlWriter().startElement(A, 'root', 'xml').attribute(B, 'x', '1', 'xmlns').endElement();
    assert.equal(xml.toString(), '<ns1:root xmlns:ns1="urn:a" xmlns:ns2="urn:b" ns2:x="1"/>');
    assert.throws(() => new XmlWriter().startElement(A, 'r').declareNamespace('xml', B), {
      code: 'XML_WRITER_STATE',
    });
    assert.throws(() => new XmlWriter().startElement(A, 'r').declareNamespace('p', ''), {
      code: 'XML_WRITER_STATE',
    });
  });

  it('declares a prefix for QName content and reports it', () => {
    const w = new XmlWriter().startElement(A, 'root', 'a');
    const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
    w.attribute(xsi, 'type', `${w.prefixFor(B, 'b')}:Thing`, 'i');
    const xml = w.endElement().toString();
    assert.equal(
      xml,
      '<a:root xmlns:a="urn:a" xmlns:b="urn:b" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="b:Thing"/>',
    );
    assert.equal(parseXml(xml).root.scope.b, B);
  });

  it('refuses an attribute written twice, also under different prefixes', () => {
    assert.throws(() => new XmlWriter().startElement('', 'a').attribute('', 'x', '1').attribute('', 'x', '2'), {
      code: 'XML_WRITER_STATE',
    });
    assert.throws(() => new XmlWriter().startElement('', 'a').attribute(A, 'x', '1', 'p').attribute(A, 'x', '2', 'q'), {
      code: 'XML_WRITER_STATE',
    });
    assert.throws(() => new XmlWriter().startElement('', 'a').attribute('', 'xmlns', 'urn:x'), {
      code: 'XML_WRITER_STATE',
    });
  });
});

describe('XmlWriter escaping', () => {
  it('escapes text', () => {
    assert.equal(escapeText('a & b < c > d ]]> e\r\nf'), 'a &amp; b &lt; c &gt; d ]]&gt; e&#13;\nf');
    assert.equal(new XmlWriter().element('', 'a', '<&>').toString(), '<a>&lt;&amp;&gt;</a>');
  });

  it('escapes attributes with quotes, newlines and tabs', () => {
    assert.equal(escapeAttribute(`"it's" <a&b>\n\t\r`), `&quot;it's&quot; &lt;a&amp;b&gt;&#10;&#9;&#13;`);
  });

  it('round-trips awkward text and attribute values exactly through parseXml', () => {
    const values = [
      'plain',
      'a & b < c > d',
      ' lead and trail ',
      'line\nbreak\r\nand\rreturn',
      'tab\there',
      `quotes " and ' both`,
      ']]> and ]]',
      '\u{1F600} astral',
      'é ü 中文',
      '',
    ];
    const w = new XmlWriter({ declaration: true }).startElement(A, 'values', 'v');
    values.forEach((value, i) => {
      w.startElement(A, 'item').attribute('', 'value', value).attribute('', 'n', String(i)).text(value).endElement();
    });
    const xml = w.endElement().toString();
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><v:values'));
    const items = elements(parseXml(xml).root);
    assert.equal(items.length, values.length);
    items.forEach((item, i) => {
      assert.equal(item.attrs[0]!.value, values[i], `attribute ${i}`);
      assert.equal(item.children.join(''), values[i], `text ${i}`);
    });
  });

  for (const [name, value] of [
    ['a control character', 'a\u0001b'],
    ['NUL', '\u0000'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['an unpaired high surrogate', 'x\uD800y'],
    ['an unpaired low surrogate', '\uDC00'],
  ]) {
    it(`refuses ${name} in text, attributes and namespace names`, () => {
      assert.throws(() => new XmlWriter().startElement('', 'a').text(value!), { code: 'XML_INVALID_CHARACTER' });
      assert.throws(() => new XmlWriter().startElement('', 'a').attribute('', 'x', value!), {
        code: 'XML_INVALID_CHARACTER',
      });
      assert.throws(() => new XmlWriter().startElement(`urn:${value}`, 'a'), { code: 'XML_INVALID_CHARACTER' });
    });
  }

  it('accepts a surrogate pair', () => {
    assert.equal(new XmlWriter().element('', 'a', '\uD83D\uDE00').toString(), '<a>\u{1F600}</a>');
  });
});

describe('XmlWriter state', () => {
  it('inserts raw XML verbatim', () => {
    const xml = new XmlWriter().startElement(A, 'root', 'a').raw('<t:token xmlns:t="urn:t">x</t:token>').endElement();
    assert.equal(xml.toString(), '<a:root xmlns:a="urn:a"><t:token xmlns:t="urn:t">x</t:token></a:root>');
  });

  it('refuses misuse', () => {
    assert.throws(() => new XmlWriter().startElement('', 'a').toString(), { code: 'XML_WRITER_STATE' });
    assert.throws(() => new XmlWriter().endElement(), { code: 'XML_WRITER_STATE' });
    assert.throws(() => new XmlWriter().startElement('', 'a').text('x').attribute('', 'y', '1'), {
      code: 'XML_WRITER_STATE',
    });
  });

  it('round-trips a SOAP envelope with nested namespaces through parseXml', () => {
    const soap = 'http://schemas.xmlsoap.org/soap/envelope/';
    const svc = 'http://schemas.microsoft.com/xrm/2011/Contracts/Services';
    const contracts = 'http://schemas.microsoft.com/xrm/2011/Contracts';
    const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
    const w = new XmlWriter().startElement(soap, 'Envelope', 's').startElement(soap, 'Body');
    w.startElement(svc, 'Execute', '').startElement(svc, 'request');
    w.attribute(xsi, 'type', `${w.prefixFor(contracts, 'a')}:RetrieveRequest`, 'i');
    w.element(contracts, 'RequestName', 'Retrieve').startElement(contracts, 'Parameters').attribute(xsi, 'nil', 'true');
    const xml = w.endElement().endElement().endElement().endElement().endElement().toString();
    const root = parseXml(xml).root;
    assert.equal(`{${root.ns}}${root.local}`, `{${soap}}Envelope`);
    const execute = elements(elements(root)[0]!)[0]!;
    assert.equal(`{${execute.ns}}${execute.local}`, `{${svc}}Execute`);
    const request = elements(execute)[0]!;
    assert.equal(request.ns, svc);
    assert.deepEqual(
      request.attrs.map((a) => [a.ns, a.local, a.value]),
      [[xsi, 'type', 'a:RetrieveRequest']],
    );
    assert.equal(request.scope.a, contracts);
    const [name, parameters] = elements(request);
    assert.equal(`{${name!.ns}}${name!.local}=${name!.children[0]}`, `{${contracts}}RequestName=Retrieve`);
    assert.deepEqual(
      parameters!.attrs.map((a) => [a.ns, a.local, a.value]),
      [[xsi, 'nil', 'true']],
    );
  });
});
