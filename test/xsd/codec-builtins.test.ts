import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DecodeError, EncodeError } from '../../src/xsd/codec/index.js';
import { BUILTIN_VALUES } from '../../src/xsd/values/builtin-table.js';
import { codecsOf, decode, encode, roundTrip } from '../fixtures/codec/run.js';
import { byKey, element, key, schemaSet, TNS, XS } from '../fixtures/codec/schema.js';

/** One case per built-in: text on the wire, the value it decodes to, and what it is written back as. */
interface Case {
  readonly text: string;
  readonly value: unknown;
  /** The lexical form written for `value` (defaults to `text`). */
  readonly written?: string | null;
}

const CASES: Record<string, Case> = {
  anySimpleType: { text: ' a  b ', value: ' a  b ' },
  anyAtomicType: { text: 'x y', value: 'x y' },
  string: { text: '  keep\tall  ', value: '  keep\tall  ' },
  normalizedString: { text: 'a\tb\nc', value: 'a b c', written: 'a b c' },
  token: { text: '  a   b  ', value: 'a b', written: 'a b' },
  language: { text: ' en-GB ', value: 'en-GB', written: 'en-GB' },
  Name: { text: 'p:name.1', value: 'p:name.1' },
  NCName: { text: '_n-c.1', value: '_n-c.1' },
  ID: { text: 'id1', value: 'id1' },
  IDREF: { text: 'id2', value: 'id2' },
  ENTITY: { text: 'ent', value: 'ent' },
  NMTOKEN: { text: '12-ab', value: '12-ab' },
  NMTOKENS: { text: ' a  b\nc ', value: ['a', 'b', 'c'], written: 'a b c' },
  IDREFS: { text: 'x y', value: ['x', 'y'] },
  ENTITIES: { text: 'e1', value: ['e1'] },
  anyURI: {
    text: ' http://example.com/a?b=c ',
    value: 'http://example.com/a?b=c',
    written: 'http://example.com/a?b=c',
  },
  NOTATION: { text: 'gif', value: 'gif' },
  // The writer picks the prefix, so the written form is not checked here (see codec-structure tests).
  QName: { text: 'q:local', value: '{urn:q}local', written: null },
  boolean: { text: '1', value: true, written: 'true' },
  decimal: { text: '+0012345678901234567.8900', value: '12345678901234567.89', written: '12345678901234567.89' },
  float: { text: '-INF', value: Number.NEGATIVE_INFINITY },
  double: { text: '1.5E3', value: 1500, written: '1500' },
  integer: { text: '-123456789012345678901234567890', value: -123456789012345678901234567890n },
  nonPositiveInteger: { text: '-0', value: 0n, written: '0' },
  negativeInteger: { text: '-9007199254740993', value: -9007199254740993n },
  long: { text: '9007199254740993', value: 9007199254740993n },
  int: { text: '-2147483648', value: -2147483648 },
  short: { text: '+32767', value: 32767, written: '32767' },
  byte: { text: '-128', value: -128 },
  nonNegativeInteger: { text: '18446744073709551616', value: 18446744073709551616n },
  positiveInteger: { text: '1', value: 1n },
  unsignedLong: { text: '18446744073709551615', value: 18446744073709551615n },
  unsignedInt: { text: '4294967295', value: 4294967295 },
  unsignedShort: { text: '65535', value: 65535 },
  unsignedByte: { text: '255', value: 255 },
  dateTime: {
    text: '2024-02-29T13:45:30.1239+02:00',
    value: new Date('2024-02-29T11:45:30.123Z'),
    written: '2024-02-29T11:45:30.123Z',
  },
  dateTimeStamp: { text: '2024-01-01T00:00:00Z', value: new Date('2024-01-01T00:00:00Z') },
  date: { text: '2024-02-29+01:00', value: '2024-02-29+01:00' },
  time: { text: '24:00:00', value: '24:00:00' },
  gYearMonth: { text: '2024-02Z', value: '2024-02Z' },
  gYear: { text: '-0044', value: '-0044' },
  gMonthDay: { text: '--02-29', value: '--02-29' },
  gDay: { text: '---31', value: '---31' },
  gMonth: { text: '--12', value: '--12' },
  duration: { text: 'P1Y2M3DT4H5M6.7S', value: 'P1Y2M3DT4H5M6.7S' },
  dayTimeDuration: { text: '-P3DT4H', value: '-P3DT4H' },
  yearMonthDuration: { text: 'P1Y2M', value: 'P1Y2M' },
  base64Binary: { text: 'aGVs bG8=', value: Buffer.from('hello'), written: 'aGVsbG8=' },
  hexBinary: { text: '0fA1', value: Buffer.from([0x0f, 0xa1]), written: '0FA1' },
};

/** Elements `v_<type>` of every built-in type. */
const declarations = Object.keys(CASES).map((name) => element(`v_${name}`, { ref: `{${XS}}${name}` }));
const codecs = codecsOf(schemaSet({ elements: byKey(...declarations) }));

function xmlOf(name: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<t:v_${name} xmlns:t="${TNS}" xmlns:q="urn:q">${escaped}</t:v_${name}>`;
}

test('every built-in type of XML Schema has a case', () => {
  assert.deepEqual(Object.keys(CASES).sort(), Object.keys(BUILTIN_VALUES).sort());
});

for (const [name, c] of Object.entries(CASES)) {
  test(`xs:${name} decodes from hand-written XML`, () => {
    assert.deepEqual(decode(codecs, key(`v_${name}`), xmlOf(name, c.text)), c.value);
  });

  test(`xs:${name} round-trips value -> XML -> value`, () => {
    const { xml, value } = roundTrip(codecs, key(`v_${name}`), c.value);
    assert.deepEqual(value, c.value);
    const written = c.written === undefined ? c.text : c.written;
    if (written !== null) assert.ok(xml.includes(`>${written}<`), `${xml} should contain ${written}`);
  });
}

test('exact decimals and 64-bit integers survive both ways', () => {
  assert.equal(decode(codecs, key('v_decimal'), xmlOf('decimal', '12345678901234567.89')), '12345678901234567.89');
  assert.match(encode(codecs, key('v_decimal'), '12345678901234567.89'), />12345678901234567\.89</);
  assert.equal(decode(codecs, key('v_long'), xmlOf('long', '9007199254740993')), 9007199254740993n);
  assert.match(encode(codecs, key('v_long'), 9007199254740993n), />9007199254740993</);
  assert.match(encode(codecs, key('v_long'), '9007199254740993'), />9007199254740993</);
  assert.match(encode(codecs, key('v_decimal'), 1e21), />1000000000000000000000</);
  assert.match(encode(codecs, key('v_decimal'), 1e-7), />0\.0000001</);
});

test('natural JS inputs are accepted when encoding', () => {
  assert.match(encode(codecs, key('v_int'), 7n), />7</);
  assert.match(
    encode(codecs, key('v_dateTime'), '2024-01-01T10:00:00.123456+05:00'),
    />2024-01-01T10:00:00\.123456\+05:00</,
  );
  assert.match(encode(codecs, key('v_date'), new Date('2024-03-01T23:00:00Z')), />2024-03-01</);
  assert.match(encode(codecs, key('v_base64Binary'), new Uint8Array([1, 2, 3])), />AQID</);
  assert.match(encode(codecs, key('v_float'), Number.NaN), />NaN</);
  assert.match(encode(codecs, key('v_unsignedLong'), 18446744073709551615n), />18446744073709551615</);
});

test('a dateTime without timezone is UTC', () => {
  const value = decode(codecs, key('v_dateTime'), xmlOf('dateTime', '2001-10-26T21:32:52'));
  assert.deepEqual(value, new Date(Date.UTC(2001, 9, 26, 21, 32, 52)));
});

test('SOAP encoding and draft namespaces name the same built-ins', () => {
  const soapenc = element('enc', { ref: '{http://schemas.xmlsoap.org/soap/encoding/}int' });
  const draft = element('draft', { ref: '{http://www.w3.org/1999/XMLSchema}long' });
  const c = codecsOf(schemaSet({ elements: byKey(soapenc, draft) }));
  assert.equal(decode(c, key('enc'), `<enc xmlns="${TNS}">12</enc>`), 12);
  assert.equal(decode(c, key('draft'), `<draft xmlns="${TNS}">12</draft>`), 12n);
});

const INVALID: Array<[string, string]> = [
  ['int', '2147483648'],
  ['byte', '1.0'],
  ['unsignedLong', '-1'],
  ['positiveInteger', '0'],
  ['boolean', 'yes'],
  ['decimal', '1e5'],
  ['float', '1.5.2'],
  ['double', 'Infinity'],
  ['date', '2023-02-29'],
  ['dateTime', '2024-01-01T25:00:00'],
  ['dateTimeStamp', '2024-01-01T00:00:00'],
  ['time', '12:60:00'],
  ['gDay', '---32'],
  ['duration', 'P'],
  ['duration', 'P1DT'],
  ['yearMonthDuration', 'P1D'],
  ['base64Binary', 'abc'],
  ['hexBinary', 'abc'],
  ['NCName', 'a:b'],
  ['language', 'toolongtag'],
  ['QName', 'nope:local'],
  ['NMTOKENS', 'a,b c'],
];

for (const [name, text] of INVALID) {
  test(`xs:${name} rejects ${JSON.stringify(text)} when decoding`, () => {
    assert.throws(
      () => decode(codecs, key(`v_${name}`), xmlOf(name, text)),
      (e: unknown) => e instanceof DecodeError && e.code === 'XSD_DECODE_INVALID' && e.issues[0]!.path === `v_${name}`,
    );
  });
}

const UNWRITABLE: Array<[string, unknown]> = [
  ['int', 1.5],
  ['int', 2 ** 31],
  ['long', 2n ** 63n],
  ['boolean', 'yes'],
  ['decimal', Number.POSITIVE_INFINITY],
  ['dateTime', new Date(Number.NaN)],
  ['string', true],
  ['string', Number.NaN],
  ['hexBinary', 'xyz'],
  ['NCName', 'a b'],
  ['QName', '{urn:q}local'],
];

for (const [name, value] of UNWRITABLE) {
  test(`xs:${name} refuses to encode ${String(value)}`, () => {
    assert.throws(
      () => codecs.encodeSimple(value, `{${XS}}${name}`),
      (e: unknown) => e instanceof EncodeError && e.code === 'XSD_ENCODE_INVALID',
    );
  });
}

test('encodeSimple and decodeSimple work on attribute text', () => {
  assert.equal(codecs.decodeSimple(' 42 ', `{${XS}}short`), 42);
  assert.equal(codecs.decodeSimple('p:x', `{${XS}}QName`, { p: 'urn:p' }), '{urn:p}x');
  assert.equal(codecs.encodeSimple(12.5, `{${XS}}decimal`), '12.5');
  assert.equal(codecs.encodeSimple('local', `{${XS}}QName`), 'local');
});
