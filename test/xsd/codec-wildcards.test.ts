import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DecodeError, EncodeError, isRawXml } from '../../src/xsd/codec/index.js';
import type { ComplexType } from '../../src/xsd/model.js';
import { codecsOf, decode, encode, roundTrip } from '../fixtures/codec/run.js';
import {
  attribute,
  byKey,
  complex,
  el,
  element,
  key,
  schemaSet,
  sequence,
  TNS,
  tns,
  XS,
  xs,
} from '../fixtures/codec/schema.js';

const T = `xmlns="${TNS}"`;
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function withAny(namespace: string, maxOccurs: number | 'unbounded' = 'unbounded'): ComplexType {
  return {
    ...complex(
      sequence([
        el(element('id', xs('int'))),
        { kind: 'any', namespace, targetNamespace: TNS, processContents: 'lax', minOccurs: 0, maxOccurs },
      ]),
      [attribute('v', xs('string'))],
    ),
    anyAttribute: { namespace: '##other', targetNamespace: TNS, processContents: 'skip' },
  };
}

test('xsd:any keeps the raw element with the namespace declarations it needs', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('Msg', withAny('##other'))) }));
  const xml = `<Msg ${T} xmlns:x="urn:x" xmlns:y="urn:y"><id>1</id><x:ext y:a="1">t<x:in/></x:ext></Msg>`;
  const value = decode(codecs, key('Msg'), xml) as { $any: unknown[] };
  assert.equal(value.$any.length, 1);
  const raw = value.$any[0];
  assert.ok(isRawXml(raw));
  // Inherited declarations are added to the start tag, so the fragment stands on its own.
  assert.match(raw.$xml, /^<x:ext /);
  assert.match(raw.$xml, /xmlns:x="urn:x"/);
  assert.match(raw.$xml, /xmlns:y="urn:y"/);
  assert.match(raw.$xml, /y:a="1">t<x:in\/><\/x:ext>$/);
  const again = encode(codecs, key('Msg'), value);
  assert.ok(again.includes(raw.$xml));
  const reread = decode(codecs, key('Msg'), again) as { id: number; $any: Array<{ $xml: string }> };
  assert.equal(reread.id, 1);
  assert.match(reread.$any[0]!.$xml, /^<x:ext .*y:a="1">t<x:in\/><\/x:ext>$/);
});

test('xsd:any namespace constraints: ##other refuses the target namespace', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('Msg', withAny('##other'))) }));
  assert.throws(
    () => decode(codecs, key('Msg'), `<Msg ${T}><id>1</id><extra/></Msg>`),
    (e: unknown) =>
      e instanceof DecodeError && e.issues[0]!.code === 'unexpected_element' && e.issues[0]!.path === 'Msg.extra',
  );
  const local = codecsOf(schemaSet({ elements: byKey(element('Msg', withAny('##local urn:z', 1))) }));
  const value = decode(local, key('Msg'), `<Msg ${T}><id>1</id><plain xmlns=""/></Msg>`);
  assert.deepEqual(value, { id: 1, $any: { $xml: '<plain xmlns=""/>' } });
});

test('anyAttribute: extra attributes land in $attributes by Clark key and are written back', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('Msg', withAny('##other'))) }));
  const value = decode(codecs, key('Msg'), `<Msg ${T} xmlns:o="urn:o" v="a" o:extra="1"><id>2</id></Msg>`);
  assert.deepEqual(value, { v: 'a', $attributes: { '{urn:o}extra': '1' }, id: 2 });
  const xml = encode(codecs, key('Msg'), value);
  assert.match(xml, /ns2:extra="1"/);
  assert.deepEqual(decode(codecs, key('Msg'), xml), value);
});

test('unknown child elements: an error by default, kept as raw XML in $unknown when asked', () => {
  const type = complex(sequence([el(element('a', xs('string')))]));
  const schema = schemaSet({ elements: byKey(element('R', type)) });
  const xml = `<R ${T}><a>1</a><b x="1">2</b></R>`;
  assert.throws(
    () => decode(codecsOf(schema), key('R'), xml),
    (e: unknown) => e instanceof DecodeError && e.code === 'XSD_DECODE_INVALID' && e.issues[0]!.path === 'R.b',
  );
  const keep = codecsOf(schema, { unknownElements: 'keep' });
  const value = decode(keep, key('R'), xml);
  assert.deepEqual(value, { a: '1', $unknown: [{ $xml: `<b xmlns="${TNS}" x="1">2</b>` }] });
  assert.match(encode(keep, key('R'), value), /<ns1:a>1<\/ns1:a><b xmlns="urn:test" x="1">2<\/b>/);
});

test('anyType: text decodes to a string, element content to raw XML, xsi:type to typed values', () => {
  const box = element('Box', complex(sequence([el(element('v', xs('anyType'), { nillable: true }), 0, 'unbounded')])));
  const point: ComplexType = { ...complex(sequence([el(element('x', xs('int')))])), name: key('Point') };
  const codecs = codecsOf(schemaSet({ elements: byKey(box), types: { [key('Point')]: point } }));
  const xml =
    `<Box ${T} ${XSI} xmlns:xs="${XS}">` +
    '<v>plain</v>' +
    '<v><deep>1</deep></v>' +
    '<v xsi:type="xs:int">42</v>' +
    '<v xsi:type="xs:long">9007199254740993</v>' +
    '<v xsi:type="Point"><x>3</x></v>' +
    '<v xsi:type="Unknown">?</v>' +
    '<v xsi:nil="true"/>' +
    '</Box>';
  const value = decode(codecs, key('Box'), xml) as { v: unknown[] };
  assert.equal(value.v[0], 'plain');
  assert.ok(isRawXml(value.v[1]));
  assert.match((value.v[1] as { $xml: string }).$xml, /^<v xmlns="urn:test".*><deep>1<\/deep><\/v>$/);
  assert.deepEqual(value.v.slice(2), [
    { $type: `{${XS}}int`, $value: 42 },
    { $type: `{${XS}}long`, $value: 9007199254740993n },
    { $type: key('Point'), x: 3 },
    { $type: key('Unknown'), $value: '?' },
    null,
  ]);
  const again = decode(codecs, key('Box'), encode(codecs, key('Box'), value)) as { v: unknown[] };
  assert.deepEqual(again.v.slice(2), value.v.slice(2));
  assert.match((again.v[1] as { $xml: string }).$xml, /^<v .*><deep>1<\/deep><\/v>$/);
  // A plain string is written with xsi:type xs:string, so it comes back typed.
  assert.deepEqual(again.v[0], { $type: `{${XS}}string`, $value: 'plain' });
});

test('anyType: plain JS values are written with an inferred xsi:type', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('V', xs('anyType'))) }));
  const cases: Array<[unknown, string, unknown]> = [
    [true, 'boolean', true],
    [7, 'int', 7],
    [1.5, 'double', 1.5],
    [2n ** 70n, 'integer', 2n ** 70n],
    [new Date('2020-01-01T00:00:00Z'), 'dateTime', new Date('2020-01-01T00:00:00Z')],
    [Buffer.from('hi'), 'base64Binary', Buffer.from('hi')],
  ];
  for (const [input, type, output] of cases) {
    const { xml, value } = roundTrip(codecs, key('V'), input);
    assert.match(xml, new RegExp(`xsi:type="xs:${type}"`));
    assert.deepEqual(value, { $type: `{${XS}}${type}`, $value: output });
  }
  // A plain object is written as child elements (codec-conformance.test.ts); other objects still need $type.
  assert.throws(() => encode(codecs, key('V'), new Map([['no', 'type']])), EncodeError);
});

test('xsi:type on a simple element picks a derived built-in', () => {
  const codecs = codecsOf(schemaSet({ elements: byKey(element('D', xs('decimal'))) }));
  assert.equal(
    decode(codecs, key('D'), `<D ${T} ${XSI} xmlns:xs="${XS}" xsi:type="xs:long">9007199254740993</D>`),
    9007199254740993n,
  );
  assert.throws(
    () => decode(codecs, key('D'), `<D ${T} ${XSI} xmlns:xs="${XS}" xsi:type="xs:string">1</D>`),
    (e: unknown) => e instanceof DecodeError && e.issues[0]!.code === 'type_not_derived',
  );
});

test('prototype pollution: wire names never reach a prototype', () => {
  const proto = element(
    '__proto__',
    complex(
      sequence([
        el(element('polluted', xs('string')), 0),
        el(element('constructor', xs('string')), 0, 'unbounded'),
        el(element('prototype', xs('string')), 0),
      ]),
      [attribute('__proto__', xs('string'))],
    ),
  );
  const holder = element('Holder', complex(sequence([el(element('__proto__', tns('P')), 0)])));
  const codecs = codecsOf(
    schemaSet({
      elements: byKey(proto, holder),
      types: { [key('P')]: { ...complex(sequence([el(element('polluted', xs('string')))])), name: key('P') } },
    }),
  );
  const value = decode(
    codecs,
    key('__proto__'),
    `<__proto__ ${T} __proto__="a"><polluted>1</polluted><constructor>c</constructor><prototype>p</prototype></__proto__>`,
  ) as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(Object.keys(value), ['__proto__', 'polluted', 'constructor', 'prototype']);
  assert.equal(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, 'a');
  assert.deepEqual(value.constructor, ['c']);
  const nested = decode(
    codecs,
    key('Holder'),
    `<Holder ${T}><__proto__><polluted>1</polluted></__proto__></Holder>`,
  ) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(nested), Object.prototype);
  assert.ok(Object.hasOwn(nested, '__proto__'));
  assert.deepEqual(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value, { polluted: '1' });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  // And back: the own __proto__ property is written as an element.
  assert.match(
    encode(codecs, key('Holder'), nested),
    /<ns1:__proto__><ns1:polluted>1<\/ns1:polluted><\/ns1:__proto__>/,
  );
  // Kept unknown elements and raw anyType content never become properties at all.
  const keep = codecsOf(schemaSet({ elements: byKey(element('E', complex(undefined)), element('A', xs('anyType'))) }), {
    unknownElements: 'keep',
  });
  const kept = decode(keep, key('E'), `<E ${T}><__proto__><polluted>1</polluted></__proto__></E>`);
  assert.deepEqual(Object.keys(kept as object), ['$unknown']);
  assert.ok(isRawXml(decode(keep, key('A'), `<A ${T}><__proto__><polluted>1</polluted></__proto__></A>`)));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
