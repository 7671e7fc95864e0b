/**
 * Conformance of the reader: a table of well-formed and not-well-formed snippets (XML 1.0 fifth edition and
 * Namespaces in XML 1.0, DTDs refused), the values it reports, positions, and limits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSoapstackError } from '../../src/errors.js';
import { XmlLimitError, XmlSyntaxError } from '../../src/xml/errors.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement, XmlLimits } from '../../src/xml/types.js';

const WELL_FORMED: Array<[string, string]> = [
  ['empty element', '<a/>'],
  ['start and end tag', '<a></a>'],
  ['XML declaration', '<?xml version="1.0"?><a/>'],
  ['full XML declaration', "<?xml version='1.0' encoding=\"UTF-8\" standalone='yes' ?>\n<a/>\n"],
  ['XML 1.x version number', '<?xml version="1.1"?><a/>'],
  ['byte order mark before the declaration', '\uFEFF<?xml version="1.0"?><a/>'],
  ['attributes with spaces around =', '<a  x = "1"\n y=\'2\' />'],
  ['comments and PIs around the root', '<!-- c --><?pi x?>\n<a/><!-- after --> <?pi?>\n'],
  ['predefined entities and char references', '<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x41;&#0065;&#x10FFFF;</a>'],
  ['CDATA holding markup', '<a><![CDATA[<b>&amp;]]]]><![CDATA[>]]></a>'],
  ['"]]" and "]>" in text', '<a>]] ]></a>'],
  ['non-ASCII names', '<é:ü xmlns:é="urn:x" é:ñ="1"><中文/></é:ü>'],
  ['astral name characters', '<a\u{10000}\u{10001}/>'],
  ['astral text', '<a>\u{1F600}</a>'],
  ['end tag with whitespace', '<a>x</a \n>'],
  ['default namespace undeclared', '<a xmlns="urn:d"><b xmlns=""/></a>'],
  ['prefix shadowed', '<x:a xmlns:x="urn:1"><x:b xmlns:x="urn:2"/></x:a>'],
  ['xml: attributes without a declaration', '<a xml:lang="en" xml:space="preserve"/>'],
  ['xml prefix declared to its own namespace', '<a xmlns:xml="http://www.w3.org/XML/1998/namespace"/>'],
  ['< and & by reference in attributes', '<a b="&lt;&#60;&amp;" c=\'"\' d="\'"/>'],
  ['> in attribute values', '<a b=">" c="a>b"/>'],
  ['same local name, different namespaces', '<a xmlns:p="urn:1" xmlns:q="urn:2" p:x="1" q:x="2" x="3"/>'],
  ['names with - . digits and a middle dot', '<a-b.c_d1·e/>'],
  ['PI with colon-free target in content', '<a><?target some data ?></a>'],
  ['whitespace after the root', '<a/>\n\t\r\n '],
  ['reserved-looking prefix', '<xmlfoo:a xmlns:xmlfoo="urn:x"/>'],
];

type Expected = 'XML_SYNTAX' | 'XML_DOCTYPE_FORBIDDEN' | 'XML_LIMIT_EXCEEDED';

const NOT_WELL_FORMED: Array<[string, string, Expected]> = [
  ['empty input', '', 'XML_SYNTAX'],
  ['only whitespace', '  \n ', 'XML_SYNTAX'],
  ['only a comment', '<!-- c -->', 'XML_SYNTAX'],
  ['unclosed root', '<a>', 'XML_SYNTAX'],
  ['unclosed child', '<a><b></a>', 'XML_SYNTAX'],
  ['mismatched end tag', '<a></b>', 'XML_SYNTAX'],
  ['end tag with a longer name', '<a></ab>', 'XML_SYNTAX'],
  ['end tag with a prefix', '<a xmlns:p="u"></p:a>', 'XML_SYNTAX'],
  ['end tag without start', '</a>', 'XML_SYNTAX'],
  ['two roots', '<a/><b/>', 'XML_SYNTAX'],
  ['text before the root', 'x<a/>', 'XML_SYNTAX'],
  ['text after the root', '<a/>x', 'XML_SYNTAX'],
  ['reference after the root', '<a/>&amp;', 'XML_SYNTAX'],
  ['duplicate attribute', '<a x="1" x="2"/>', 'XML_SYNTAX'],
  ['duplicate declaration', '<a xmlns:p="u" xmlns:p="u"/>', 'XML_SYNTAX'],
  ['duplicate after namespace expansion', '<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', 'XML_SYNTAX'],
  ['< in an attribute value', '<a x="<"/>', 'XML_SYNTAX'],
  ['unquoted attribute', '<a x=1/>', 'XML_SYNTAX'],
  ['attribute without value', '<a x/>', 'XML_SYNTAX'],
  ['no space between attributes', '<a x="1"y="2"/>', 'XML_SYNTAX'],
  ['unterminated attribute value', '<a x="1/>', 'XML_SYNTAX'],
  ['space in empty-element tag', '<a/ >', 'XML_SYNTAX'],
  ['undefined entity', '<a>&nbsp;</a>', 'XML_SYNTAX'],
  ['undefined entity in an attribute', '<a x="&foo;"/>', 'XML_SYNTAX'],
  ['bare ampersand', '<a>fish & chips</a>', 'XML_SYNTAX'],
  ['ampersand without semicolon', '<a>&amp</a>', 'XML_SYNTAX'],
  ['reference to NUL', '<a>&#0;</a>', 'XML_SYNTAX'],
  ['reference to a control character', '<a>&#x1;</a>', 'XML_SYNTAX'],
  ['reference to a surrogate', '<a>&#xD800;</a>', 'XML_SYNTAX'],
  ['reference to U+FFFE', '<a>&#xFFFE;</a>', 'XML_SYNTAX'],
  ['reference past U+10FFFF', '<a>&#x110000;</a>', 'XML_SYNTAX'],
  ['malformed decimal reference', '<a>&#x;</a>', 'XML_SYNTAX'],
  ['hex digits in a decimal reference', '<a>&#1F;</a>', 'XML_SYNTAX'],
  [']]> in text', '<a>x]]>y</a>', 'XML_SYNTAX'],
  ['control character in text', '<a>\u0001</a>', 'XML_SYNTAX'],
  ['control character in an attribute', '<a x="\u001F"/>', 'XML_SYNTAX'],
  ['control character in a comment', '<a><!-- \u0008 --></a>', 'XML_SYNTAX'],
  ['control character in CDATA', '<a><![CDATA[\u0000]]></a>', 'XML_SYNTAX'],
  ['lone high surrogate', '<a>\uD800x</a>', 'XML_SYNTAX'],
  ['lone low surrogate', '<a>\uDC00</a>', 'XML_SYNTAX'],
  ['U+FFFF in text', '<a>\uFFFF</a>', 'XML_SYNTAX'],
  ['declaration not at the start', ' <?xml version="1.0"?><a/>', 'XML_SYNTAX'],
  ['declaration after the root', '<a/><?xml version="1.0"?>', 'XML_SYNTAX'],
  ['declaration without version', '<?xml encoding="UTF-8"?><a/>', 'XML_SYNTAX'],
  ['declaration with version 2.0', '<?xml version="2.0"?><a/>', 'XML_SYNTAX'],
  ['declaration attributes out of order', '<?xml encoding="UTF-8" version="1.0"?><a/>', 'XML_SYNTAX'],
  ['reserved PI target', '<?XML version="1.0"?><a/>', 'XML_SYNTAX'],
  ['PI target with a colon', '<?a:b?><a/>', 'XML_SYNTAX'],
  ['unterminated PI', '<a><?pi x</a>', 'XML_SYNTAX'],
  ['-- inside a comment', '<a><!-- a -- b --></a>', 'XML_SYNTAX'],
  ['comment ending in --->', '<a><!-- a ---></a>', 'XML_SYNTAX'],
  ['unterminated comment', '<a><!-- a </a>', 'XML_SYNTAX'],
  ['CDATA outside the root', '<a/><![CDATA[x]]>', 'XML_SYNTAX'],
  ['CDATA before the root', '<![CDATA[x]]><a/>', 'XML_SYNTAX'],
  ['lower-case cdata', '<a><![cdata[x]]></a>', 'XML_SYNTAX'],
  ['unknown <! markup', '<a><!FOO></a>', 'XML_SYNTAX'],
  ['unbound element prefix', '<p:a/>', 'XML_SYNTAX'],
  ['unbound attribute prefix', '<a p:x="1"/>', 'XML_SYNTAX'],
  ['prefix unbound after its scope', '<a><b xmlns:p="u"/><p:c/></a>', 'XML_SYNTAX'],
  ['undeclaring a prefix', '<a xmlns:p=""/>', 'XML_SYNTAX'],
  ['declaring xmlns', '<a xmlns:xmlns="urn:x"/>', 'XML_SYNTAX'],
  ['rebinding xml', '<a xmlns:xml="urn:x"/>', 'XML_SYNTAX'],
  ['binding the xml namespace to another prefix', '<a xmlns:x="http://www.w3.org/XML/1998/namespace"/>', 'XML_SYNTAX'],
  ['binding the xml namespace as default', '<a xmlns="http://www.w3.org/XML/1998/namespace"/>', 'XML_SYNTAX'],
  ['binding the xmlns namespace', '<a xmlns:x="http://www.w3.org/2000/xmlns/"/>', 'XML_SYNTAX'],
  ['element with the xmlns prefix', '<xmlns:a/>', 'XML_SYNTAX'],
  ['two colons in a name', '<a:b:c xmlns:a="u"/>', 'XML_SYNTAX'],
  ['name starting with a colon', '<:a/>', 'XML_SYNTAX'],
  ['name ending with a colon', '<a:/>', 'XML_SYNTAX'],
  ['name starting with a digit', '<1a/>', 'XML_SYNTAX'],
  ['local part starting with a digit', '<a:1b xmlns:a="u"/>', 'XML_SYNTAX'],
  ['name starting with a dash', '<-a/>', 'XML_SYNTAX'],
  ['space after <', '< a/>', 'XML_SYNTAX'],
  ['lone <', '<a><</a>', 'XML_SYNTAX'],
  ['truncated start tag', '<a', 'XML_SYNTAX'],
  ['truncated end tag', '<a></a', 'XML_SYNTAX'],
  ['DOCTYPE', '<!DOCTYPE a><a/>', 'XML_DOCTYPE_FORBIDDEN'],
  ['DOCTYPE with internal subset', '<!DOCTYPE a [<!ELEMENT a ANY>]><a/>', 'XML_DOCTYPE_FORBIDDEN'],
  ['lower-case doctype', '<!doctype html><html/>', 'XML_DOCTYPE_FORBIDDEN'],
  ['DOCTYPE inside the root', '<a><!DOCTYPE a></a>', 'XML_DOCTYPE_FORBIDDEN'],
  ['DOCTYPE after the root', '<a/><!DOCTYPE a>', 'XML_DOCTYPE_FORBIDDEN'],
  ['ENTITY declaration', '<!ENTITY x "y"><a/>', 'XML_DOCTYPE_FORBIDDEN'],
  ['ATTLIST declaration', '<a><!ATTLIST a b CDATA "c"></a>', 'XML_DOCTYPE_FORBIDDEN'],
];

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (!isSoapstackError(error)) throw error;
    return error.code;
  }
}

describe('conformance: well-formed documents are read', () => {
  for (const [name, xml] of WELL_FORMED) {
    it(name, () =>
      assert.equal(
        codeOf(() => parseXml(xml)),
        'ok',
      ),
    );
  }
});

describe('conformance: documents that are not well-formed are refused', () => {
  for (const [name, xml, code] of NOT_WELL_FORMED) {
    it(`${name} -> ${code}`, () =>
      assert.equal(
        codeOf(() => parseXml(xml)),
        code,
      ));
  }
});

function strip(el: XmlElement): unknown {
  return {
    name: `{${el.ns}}${el.local}`,
    prefix: el.prefix,
    attrs: el.attrs.map((a) => [`{${a.ns}}${a.local}`, a.prefix, a.value]),
    children: el.children.map((c) => (typeof c === 'string' ? c : strip(c))),
  };
}

describe('reported values', () => {
  it('resolves namespaces of elements and attributes, with shadowing and an undeclared default', () => {
    const doc = parseXml(
      '<p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" y="2"><b/><p:c xmlns:p="urn:q"/><d xmlns=""/></p:a>',
    );
    assert.deepEqual(strip(doc.root), {
      name: '{urn:p}a',
      prefix: 'p',
      attrs: [
        ['{urn:p}x', 'p', '1'],
        ['{}y', '', '2'],
      ],
      children: [
        { name: '{urn:d}b', prefix: '', attrs: [], children: [] },
        { name: '{urn:q}c', prefix: 'p', attrs: [], children: [] },
        { name: '{}d', prefix: '', attrs: [], children: [] },
      ],
    });
  });

  it('leaves namespace declarations out of attrs and puts them in scope', () => {
    const doc = parseXml('<a xmlns:p="urn:p" xmlns="urn:d"/>');
    assert.deepEqual(doc.root.attrs, []);
    assert.equal(doc.root.scope.p, 'urn:p');
    assert.equal(doc.root.scope[''], 'urn:d');
    assert.equal(doc.root.scope.xml, 'http://www.w3.org/XML/1998/namespace');
    assert.deepEqual(Object.keys(doc.root.scope).sort(), ['', 'p', 'xml']);
  });

  it('shares the scope object with the parent when an element declares nothing', () => {
    const doc = parseXml('<a xmlns:p="urn:p"><b><c xmlns:q="urn:q"/></b></a>');
    const b = doc.root.children[0] as XmlElement;
    const c = b.children[0] as XmlElement;
    assert.equal(b.scope, doc.root.scope);
    assert.notEqual(c.scope, b.scope);
    assert.equal(c.scope.p, 'urn:p');
    assert.equal(c.scope.q, 'urn:q');
    assert.equal(b.scope.q, undefined);
  });

  it('lets no prefix reach Object.prototype', () => {
    const doc = parseXml('<a xmlns:__proto__="urn:x"><__proto__:b/></a>');
    assert.equal((doc.root.children[0] as XmlElement).ns, 'urn:x');
    assert.equal(
      codeOf(() => parseXml('<constructor:a/>')),
      'XML_SYNTAX',
    );
    assert.equal(
      codeOf(() => parseXml('<toString:a/>')),
      'XML_SYNTAX',
    );
  });

  it('merges text, CDATA and references into one string and drops comments and PIs', () => {
    const doc = parseXml('<a>x<!--c-->y<![CDATA[<z>]]><?p d?>&amp;w<b/>v</a>');
    assert.deepEqual(doc.root.children.length, 3);
    assert.equal(doc.root.children[0], 'xy<z>&w');
    assert.equal(doc.root.children[2], 'v');
  });

  it('keeps whitespace-only text', () => {
    const doc = parseXml('<a> <b/>\n\t</a>');
    assert.equal(doc.root.children[0], ' ');
    assert.equal(doc.root.children[2], '\n\t');
  });

  it('normalises line ends in text but not those written as references', () => {
    const doc = parseXml('<a>x\r\ny\rz&#13;&#10;<![CDATA[c\r\nd]]></a>');
    assert.equal(doc.root.children[0], 'x\ny\nz\r\nc\nd');
  });

  it('normalises attribute whitespace but not whitespace written as references', () => {
    const doc = parseXml('<a x="a\tb\nc\r\nd&#10;e&#9;f&#13;g"/>');
    assert.equal(doc.root.attrs[0]!.value, 'a b c d\ne\tf\rg');
  });

  it('reports start and end offsets that cut the exact element text', () => {
    const text = '<?xml version="1.0"?>\n<r><a x="1">t<b/></a >\n<c></c></r>';
    const doc = parseXml(text);
    const [a, c] = doc.root.children.filter((n) => typeof n !== 'string') as XmlElement[];
    assert.equal(text.slice(a!.start, a!.end), '<a x="1">t<b/></a >');
    assert.equal(text.slice(c!.start, c!.end), '<c></c>');
    assert.equal(text.slice(doc.root.start, doc.root.end), text.slice(text.indexOf('<r>')));
    const b = a!.children[1] as XmlElement;
    assert.equal(text.slice(b.start, b.end), '<b/>');
  });

  it('offsets index into the text given, byte order mark included', () => {
    const text = '\uFEFF<a/>';
    const doc = parseXml(text);
    assert.equal(doc.root.start, 1);
    assert.equal(doc.root.end, 5);
  });

  it('decodes supplementary characters from references', () => {
    assert.equal(parseXml('<a>&#x1F600;&#128512;</a>').root.children[0], '\u{1F600}\u{1F600}');
  });
});

describe('error positions', () => {
  function errorOf(xml: string, source?: string): XmlSyntaxError {
    try {
      parseXml(xml, source === undefined ? {} : { source });
    } catch (error) {
      assert.ok(error instanceof XmlSyntaxError);
      return error;
    }
    assert.fail('expected an error');
  }

  it('names source, line and column in the message', () => {
    const error = errorOf('<a>\n  <b>\n</a>', 'response.xml');
    assert.deepEqual(error.position, { source: 'response.xml', line: 3, column: 1 });
    assert.match(error.message, /^response\.xml:3:1: end tag <\/a> does not match start tag <b>$/);
    assert.equal(error.code, 'XML_SYNTAX');
    assert.equal(error.name, 'XmlSyntaxError');
  });

  it('counts CRLF and a lone CR as one line end each', () => {
    assert.deepEqual(errorOf('<a>\r\n\r<b x="1" x="2"/></a>').position, { source: '<input>', line: 3, column: 10 });
  });

  it('points at the bad character', () => {
    assert.deepEqual(errorOf('<a>ok &bad; </a>').position, { source: '<input>', line: 1, column: 7 });
    assert.deepEqual(errorOf('<a>\n x]]></a>').position, { source: '<input>', line: 2, column: 3 });
  });
});

describe('limits', () => {
  function limitOf(xml: string, limits: Partial<XmlLimits>): string | undefined {
    try {
      parseXml(xml, { limits });
      return undefined;
    } catch (error) {
      assert.ok(error instanceof XmlLimitError, String(error));
      assert.equal(error.code, 'XML_LIMIT_EXCEEDED');
      assert.match(error.message, new RegExp(`\\(limit ${error.limit}\\)$`));
      return error.limit;
    }
  }

  it('maxDepth', () => {
    assert.equal(limitOf('<a><b><c/></b></a>', { maxDepth: 3 }), undefined);
    assert.equal(limitOf('<a><b><c><d/></c></b></a>', { maxDepth: 3 }), 'maxDepth');
  });

  it('maxAttributes counts namespace declarations', () => {
    assert.equal(limitOf('<a x="1" y="2"/>', { maxAttributes: 2 }), undefined);
    assert.equal(limitOf('<a xmlns:p="u" x="1" y="2"/>', { maxAttributes: 2 }), 'maxAttributes');
  });

  it('maxNameLength for element, attribute and PI names', () => {
    assert.equal(limitOf('<abcd/>', { maxNameLength: 4 }), undefined);
    assert.equal(limitOf('<abcde/>', { maxNameLength: 4 }), 'maxNameLength');
    assert.equal(limitOf('<a bcdef="1"/>', { maxNameLength: 4 }), 'maxNameLength');
    assert.equal(limitOf('<?abcdef?><a/>', { maxNameLength: 4 }), 'maxNameLength');
  });

  it('maxTextLength for text, CDATA, merged runs and attribute values', () => {
    assert.equal(limitOf('<a>1234</a>', { maxTextLength: 4 }), undefined);
    assert.equal(limitOf('<a>12345</a>', { maxTextLength: 4 }), 'maxTextLength');
    assert.equal(limitOf('<a><![CDATA[12345]]></a>', { maxTextLength: 4 }), 'maxTextLength');
    assert.equal(limitOf('<a>123<!---->45</a>', { maxTextLength: 4 }), 'maxTextLength');
    assert.equal(limitOf('<a x="12345"/>', { maxTextLength: 4 }), 'maxTextLength');
  });

  it('an undefined limit keeps its default; a limit that is not a number is refused', () => {
    assert.equal(limitOf('<a><b/></a>', { maxDepth: undefined as unknown as number }), undefined);
    const deep = `${'<a>'.repeat(300)}${'</a>'.repeat(300)}`;
    assert.equal(limitOf(deep, { maxDepth: undefined as unknown as number }), 'maxDepth');
    assert.throws(() => parseXml('<a/>', { limits: { maxDepth: Number.NaN } }), { code: 'XML_INVALID_OPTIONS' });
    assert.throws(() => parseXml('<a/>', { limits: { maxSize: '10' as unknown as number } }), {
      code: 'XML_INVALID_OPTIONS',
    });
  });

  it('maxSize', () => {
    assert.equal(limitOf('<a/>', { maxSize: 4 }), undefined);
    assert.equal(limitOf('<a/> ', { maxSize: 4 }), 'maxSize');
  });
});
