import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DecodeError, EncodeError } from '../../src/xsd/codec/index.js';
import type { SimpleType, TypeDefinition } from '../../src/xsd/model.js';
import { codecsOf, decode, encode, roundTrip } from '../fixtures/codec/run.js';
import {
  attribute,
  byKey,
  complex,
  el,
  element,
  key,
  restriction,
  schemaSet,
  sequence,
  TNS,
  tns,
  xs,
} from '../fixtures/codec/schema.js';

const T = `xmlns="${TNS}"`;

const types: Record<string, TypeDefinition> = {
  [key('Color')]: restriction('token', { enumeration: ['red', 'green'] }, 'Color'),
  [key('Code')]: restriction('string', { patterns: ['[A-Z]{2}\\d{3}'], maxLength: 5 }, 'Code'),
  [key('Money')]: restriction('decimal', { totalDigits: 20, fractionDigits: 2, minInclusive: '0' }, 'Money'),
  [key('Percent')]: restriction('int', { minInclusive: '0', maxInclusive: '100' }, 'Percent'),
  [key('Level')]: restriction('decimal', { enumeration: ['1.0', '2.5'] }, 'Level'),
  [key('Ints')]: { kind: 'simple', name: key('Ints'), variety: 'list', itemType: xs('int'), facets: { maxLength: 3 } },
  [key('SizeOrAuto')]: {
    kind: 'simple',
    name: key('SizeOrAuto'),
    variety: 'union',
    memberTypes: [xs('int'), { ...restriction('token', { enumeration: ['auto'] }) }],
    facets: {},
  } satisfies SimpleType,
};

const order = element(
  'Order',
  complex(
    sequence([
      el(element('color', tns('Color'))),
      el(element('code', tns('Code')), 0),
      el(
        element('line', complex(sequence([el(element('price', tns('Money')))]), [attribute('pct', tns('Percent'))])),
        0,
        'unbounded',
      ),
      el(element('level', tns('Level')), 0),
      el(element('sizes', tns('Ints')), 0),
      el(element('size', tns('SizeOrAuto')), 0, 'unbounded'),
    ]),
  ),
);
const codecs = codecsOf(schemaSet({ elements: byKey(order), types }));
const strict = codecsOf(schemaSet({ elements: byKey(order), types }), { strict: true });

function encodeIssues(value: unknown) {
  try {
    encode(codecs, key('Order'), value);
  } catch (e) {
    assert.ok(e instanceof EncodeError);
    return e.issues.map((i) => `${i.path} ${i.code}`);
  }
  assert.fail('expected an EncodeError');
}

test('enumeration: accepted values round-trip, others are encode issues', () => {
  assert.deepEqual(roundTrip(codecs, key('Order'), { color: 'red' }).value, { color: 'red' });
  assert.deepEqual(encodeIssues({ color: 'blue' }), ['Order.color enumeration']);
});

test('enumeration compares values, not spellings (decimal 1.0 = 1)', () => {
  assert.match(encode(codecs, key('Order'), { color: 'red', level: 1 }), /<ns1:level>1<\/ns1:level>/);
  assert.deepEqual(encodeIssues({ color: 'red', level: '1.5' }), ['Order.level enumeration']);
});

test('pattern and length facets are checked on encode', () => {
  assert.deepEqual(encodeIssues({ color: 'red', code: 'ab123' }), ['Order.code pattern']);
  assert.deepEqual(roundTrip(codecs, key('Order'), { color: 'red', code: 'AB123' }).value, {
    color: 'red',
    code: 'AB123',
  });
});

test('bounds, totalDigits and fractionDigits are checked on encode, with paths into arrays', () => {
  const issues = encodeIssues({
    color: 'red',
    line: [{ price: '1.50', pct: 5 }, { price: '1.505' }, { price: -1 }, { price: 2, pct: 101 }],
  });
  assert.deepEqual(issues, [
    'Order.line[1].price fraction_digits',
    'Order.line[2].price min_inclusive',
    'Order.line[3].pct max_inclusive',
  ]);
});

test('every issue is rendered into the message', () => {
  assert.throws(
    () => encode(codecs, key('Order'), { color: 'blue', code: 'x' }),
    /Order\.color: "blue" is not a valid \{urn:test\}Color: must be one of "red", "green"; Order\.code: "x" is not a valid \{urn:test\}Code: must match the pattern/,
  );
});

test('facet violations from a server are reported only in strict mode', () => {
  const xml = `<Order ${T}><color>blue</color><line pct="200"><price>1.234</price></line></Order>`;
  assert.deepEqual(decode(codecs, key('Order'), xml), { color: 'blue', line: [{ pct: 200, price: '1.234' }] });
  assert.throws(
    () => decode(strict, key('Order'), xml),
    (e: unknown) =>
      e instanceof DecodeError &&
      e.issues.map((i) => `${i.path} ${i.code}`).join() ===
        'Order.color enumeration,Order.line[0].pct max_inclusive,Order.line[0].price fraction_digits',
  );
});

test('lists: space-separated items decode to arrays; list facets count items', () => {
  const value = decode(codecs, key('Order'), `<Order ${T}><color>red</color><sizes> 1  2 3 </sizes></Order>`);
  assert.deepEqual(value, { color: 'red', sizes: [1, 2, 3] });
  assert.match(encode(codecs, key('Order'), value), /<ns1:sizes>1 2 3<\/ns1:sizes>/);
  assert.deepEqual(encodeIssues({ color: 'red', sizes: [1, 2, 3, 4] }), ['Order.sizes max_length']);
  assert.deepEqual(encodeIssues({ color: 'red', sizes: [1, 'x'] }), ['Order.sizes invalid_type']);
  assert.throws(
    () => decode(codecs, key('Order'), `<Order ${T}><color>red</color><sizes>1 x</sizes></Order>`),
    DecodeError,
  );
});

test('unions: the first member whose lexical space accepts the text wins', () => {
  const value = decode(
    codecs,
    key('Order'),
    `<Order ${T}><color>red</color><size>12</size><size> auto </size></Order>`,
  );
  assert.deepEqual(value, { color: 'red', size: [12, 'auto'] });
  assert.deepEqual(roundTrip(codecs, key('Order'), value).value, value);
  assert.deepEqual(encodeIssues({ color: 'red', size: ['big'] }), ['Order.size[0] invalid_type']);
  assert.throws(
    () => decode(codecs, key('Order'), `<Order ${T}><color>red</color><size>big</size></Order>`),
    DecodeError,
  );
});

test('a pattern with XML Schema regex features is translated (\\i, \\c, subtraction, literal ^ and $)', () => {
  const odd: Record<string, TypeDefinition> = {
    [key('Ident')]: restriction('string', { patterns: ['\\i\\c*'] }, 'Ident'),
    [key('Consonant')]: restriction('string', { patterns: ['[a-z-[aeiou]]+'] }, 'Consonant'),
    [key('Dollar')]: restriction('string', { patterns: ['$\\d+^'] }, 'Dollar'),
  };
  const c = codecsOf(schemaSet({ types: odd }));
  assert.equal(c.encodeSimple('x-1', key('Ident')), 'x-1');
  assert.throws(() => c.encodeSimple('1x', key('Ident')), EncodeError);
  assert.equal(c.encodeSimple('bcd', key('Consonant')), 'bcd');
  assert.throws(() => c.encodeSimple('bad', key('Consonant')), EncodeError);
  assert.equal(c.encodeSimple('$12^', key('Dollar')), '$12^');
});
