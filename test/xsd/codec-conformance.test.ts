/**
 * Encoder leniencies and decoder tolerances found by node-soap's request/response samples
 * (test/client/node-soap-samples.test.ts); each test is named after the problem it pins.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DecodeError, EncodeError } from '../../src/xsd/codec/index.js';
import { codecsOf, decode, encode } from '../fixtures/codec/run.js';
import { byKey, complex, el, element, key, schemaSet, sequence, TNS, xs } from '../fixtures/codec/schema.js';

const T = `xmlns="${TNS}"`;

test('a number given for xs:string was refused: it is written as its decimal text', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('S', xs('string'))) }));
  assert.match(encode(codecs, key('S'), 100), />100</);
  assert.match(encode(codecs, key('S'), 1e21), />1000000000000000000000</);
  assert.match(encode(codecs, key('S'), 0.000001), />0.000001</);
  assert.match(encode(codecs, key('S'), 12n), />12</);
  assert.throws(() => encode(codecs, key('S'), Number.POSITIVE_INFINITY), EncodeError);
  assert.throws(() => encode(codecs, key('S'), true), EncodeError);
});

test('a number for a string type with facets is checked as its text', () => {
  const codecs = codecsOf(
    schemaSet({
      elements: byKey(
        element('Code', {
          kind: 'simple',
          variety: 'atomic',
          builtin: `{${XS_NS}}string`,
          primitive: `{${XS_NS}}string`,
          base: `{${XS_NS}}string`,
          facets: { patterns: ['[0-9]{3}'] },
        }),
      ),
    }),
  );
  assert.match(encode(codecs, key('Code'), 123), />123</);
  assert.throws(
    () => encode(codecs, key('Code'), 12),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'pattern',
  );
});

test('null for an optional element that is not nillable was refused: it is omitted', () => {
  const codecs = codecsOf(
    schemaSet({
      elements: byKey(
        element('F', complex(sequence([el(element('req', xs('string'))), el(element('opt', xs('string')), 0)]))),
      ),
    }),
  );
  const xml = encode(codecs, key('F'), { req: 'x', opt: null });
  assert.doesNotMatch(xml, /opt/);
  assert.throws(
    () => encode(codecs, key('F'), { req: null }),
    (e: unknown) => e instanceof EncodeError && e.issues.some((i) => i.code === 'not_nillable' && i.path === 'F.req'),
  );
});

test('an anyType element given a plain object demanded $type: its properties become child elements', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('Request', xs('anyType'))) }));
  assert.equal(encode(codecs, key('Request'), {}), `<${prefixed('Request', encode(codecs, key('Request'), {}))}/>`);
  const xml = encode(codecs, key('Request'), {
    a: 1,
    list: ['x', 'y'],
    nested: { b: true },
    none: null,
    skip: undefined,
  });
  const p = prefixOf(xml);
  assert.match(xml, new RegExp(`<${p}:a xmlns:xs="[^"]+" xmlns:xsi="[^"]+" xsi:type="xs:int">1</${p}:a>`));
  assert.equal((xml.match(new RegExp(`<${p}:list `, 'g')) ?? []).length, 2);
  assert.match(xml, new RegExp(`<${p}:nested><${p}:b [^>]*xsi:type="xs:boolean">true</${p}:b></${p}:nested>`));
  assert.match(xml, new RegExp(`<${p}:none [^>]*xsi:nil="true"/>`));
  assert.doesNotMatch(xml, /skip/);
  assert.throws(
    () => encode(codecs, key('Request'), { 'not a name': 1 }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'unrecognized_key',
  );
  assert.throws(() => encode(codecs, key('Request'), { $value: 1 }), EncodeError);
});

test('a child qualified the other way from its declaration was refused: it decodes by local name', () => {
  const unqualifiedChild = { name: { ns: '', local: 'u' }, type: xs('int'), nillable: false, abstract: false };
  const codecs = codecsOf(
    schemaSet({
      elements: byKey(element('M', complex(sequence([el(unqualifiedChild), el(element('q', xs('int')))])))),
    }),
  );
  // Qualified where unqualified is declared, and unqualified where qualified is declared.
  assert.deepEqual(decode(codecs, key('M'), `<M ${T}><u>1</u><q xmlns="">2</q></M>`), { u: 1, q: 2 });
  const strict = codecsOf(
    schemaSet({
      elements: byKey(element('M', complex(sequence([el(unqualifiedChild), el(element('q', xs('int')))])))),
    }),
    { strict: true },
  );
  assert.throws(
    () => decode(strict, key('M'), `<M ${T}><u>1</u><q>2</q></M>`),
    (e: unknown) => e instanceof DecodeError && e.issues[0]!.code === 'wrong_namespace',
  );
  // Another namespace altogether is a different element.
  assert.throws(() => decode(codecs, key('M'), `<M ${T}><x:q xmlns:x="urn:other">2</x:q></M>`), DecodeError);
});

test('an unqualified child matching two qualified declarations of its local name is ambiguous and refused', () => {
  const other = { name: { ns: 'urn:two', local: 'v' }, type: xs('int'), nillable: false, abstract: false };
  const codecs = codecsOf(
    schemaSet({ elements: byKey(element('N', complex(sequence([el(element('v', xs('int')), 0), el(other, 0)])))) }),
  );
  assert.throws(() => decode(codecs, key('N'), `<N ${T}><v xmlns="">2</v></N>`), DecodeError);
});

const XS_NS = 'http://www.w3.org/2001/XMLSchema';

/** The prefix the writer chose for the test namespace. */
function prefixOf(xml: string): string {
  return /^<([A-Za-z0-9]+):/.exec(xml)?.[1] ?? '';
}

function prefixed(local: string, xml: string): string {
  return `${prefixOf(xml)}:${local} xmlns:${prefixOf(xml)}="${TNS}"`;
}
