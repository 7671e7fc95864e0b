import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_TYPES } from '../../src/xsd/builtins.js';
import type { ComplexType, ElementParticle, ModelGroupParticle, SimpleType } from '../../src/xsd/model.js';
import { readFixture } from '../wsdl/xsd-fixture.js';

const XS = (l: string) => `{http://www.w3.org/2001/XMLSchema}${l}`;
const T = (l: string) => `{urn:t}${l}`;
const ENC = (l: string) => `{http://schemas.xmlsoap.org/soap/encoding/}${l}`;

const { schema, documents } = await readFixture('constructs.xsd');
const complex = (l: string) => schema.types[T(l)] as ComplexType;
const simple = (l: string) => schema.types[T(l)] as SimpleType;
const seq = (t: ComplexType) => {
  assert.equal(t.content.kind, 'particle');
  return (t.content as { particle: ModelGroupParticle }).particle;
};

test('built-ins: int is a decimal with fractionDigits 0 and 32-bit bounds; 1.1 types are present', () => {
  const int = BUILTIN_TYPES[XS('int')] as SimpleType;
  assert.equal(int.primitive, XS('decimal'));
  assert.equal(int.base, XS('long'));
  assert.deepEqual(int.facets, {
    whiteSpace: 'collapse',
    fractionDigits: 0,
    minInclusive: '-2147483648',
    maxInclusive: '2147483647',
  });
  for (const t of ['anyType', 'anySimpleType', 'dateTimeStamp', 'dayTimeDuration', 'yearMonthDuration', 'NMTOKENS']) {
    assert.ok(schema.types[XS(t)], t);
  }
  assert.equal((schema.types[XS('dateTimeStamp')] as SimpleType).primitive, XS('dateTime'));
});

test('simpleType restriction merges facets down the derivation chain', () => {
  const short = simple('ShortCode');
  assert.equal(short.base, T('Code'));
  assert.equal(short.builtin, XS('string'));
  assert.equal(short.primitive, XS('string'));
  assert.deepEqual(short.facets, {
    whiteSpace: 'preserve',
    maxLength: 10,
    patterns: ['[A-Z]+'],
    minLength: 2,
    enumeration: ['AB', 'CD'],
  });
  const small = simple('Small');
  assert.equal(small.builtin, XS('int'));
  assert.equal(small.facets.maxExclusive, '100');
  assert.equal(small.facets.maxInclusive, undefined, 'an exclusive bound replaces the inclusive one it narrows');
  assert.equal(small.facets.minInclusive, '-2147483648');
});

test('list and union', () => {
  assert.deepEqual(simple('Codes'), {
    kind: 'simple',
    name: T('Codes'),
    variety: 'list',
    facets: { whiteSpace: 'collapse' },
    itemType: { ref: T('Code') },
  });
  const union = simple('CodeOrInt');
  assert.equal(union.variety, 'union');
  assert.deepEqual(union.memberTypes!.slice(0, 2), [{ ref: T('Code') }, { ref: XS('int') }]);
  assert.equal((union.memberTypes![2] as SimpleType).builtin, XS('boolean'));
});

test('complexContent extension: base particles then own, named group inlined, attribute group inlined', () => {
  const person = complex('Person');
  assert.equal(person.base, T('Base'));
  assert.equal(person.derivation, 'extension');
  const particles = seq(person).particles;
  assert.deepEqual(
    particles.map((p) => p.kind),
    ['element', 'sequence', 'element', 'element', 'choice', 'any'],
  );
  assert.deepEqual((particles[0] as ElementParticle).element, {
    name: { ns: 'urn:t', local: 'id' },
    type: { ref: XS('long') },
    nillable: false,
    abstract: false,
  });
  const group = particles[1] as ModelGroupParticle;
  assert.equal(group.minOccurs, 0, "the group reference's occurrence applies to the inlined group");
  assert.deepEqual(
    group.particles.map((p) => [(p as ElementParticle).element, p.minOccurs]),
    [
      [{ name: { ns: 'urn:t', local: 'first' }, type: { ref: XS('string') }, nillable: false, abstract: false }, 1],
      [{ name: { ns: 'urn:t', local: 'last' }, type: { ref: XS('string') }, nillable: false, abstract: false }, 0],
    ],
  );
  const nick = particles[2] as ElementParticle;
  assert.equal(nick.maxOccurs, 'unbounded');
  assert.equal((nick.element as { nillable: boolean }).nillable, true);
  assert.deepEqual((particles[3] as ElementParticle).element, {
    name: { ns: '', local: 'local' },
    type: { ref: XS('string') },
    nillable: false,
    abstract: false,
  });
  const phone = (particles[4] as ModelGroupParticle).particles[1] as ElementParticle;
  assert.deepEqual((phone.element as { type: unknown }).type, { ref: XS('string') }, '1999 namespace alias');
  assert.deepEqual(particles[5], {
    kind: 'any',
    minOccurs: 0,
    maxOccurs: 1,
    namespace: '##other',
    targetNamespace: 'urn:t',
    processContents: 'skip',
  });
  assert.deepEqual(
    person.attributes.map((a) => [a.name.ns, a.name.local, a.use, a.default ?? a.fixed]),
    [
      ['', 'created', 'optional', undefined],
      ['', 'flag', 'optional', 'false'],
      ['', 'id', 'required', undefined],
      ['http://www.w3.org/XML/1998/namespace', 'lang', 'optional', undefined],
      ['urn:t', 'version', 'optional', '1'],
    ],
  );
  assert.deepEqual(person.anyAttribute, { namespace: '##other', targetNamespace: 'urn:t', processContents: 'lax' });
});

test('extension of an extension: effective content keeps the whole chain, in order', () => {
  const particles = seq(complex('Employee')).particles;
  assert.equal(particles.length, 7);
  assert.equal(particles[6]!.kind, 'all');
});

test('complexContent restriction: its own content; prohibited attributes removed', () => {
  const idOnly = complex('IdOnly');
  assert.equal(idOnly.derivation, 'restriction');
  assert.equal(seq(idOnly).particles.length, 1);
  assert.deepEqual(
    idOnly.attributes.map((a) => a.name.local),
    ['created'],
  );
});

test('simpleContent extension and restriction', () => {
  const price = complex('Price');
  assert.deepEqual(price.content, { kind: 'simple', type: { ref: XS('decimal') } });
  assert.deepEqual(
    price.attributes.map((a) => a.name.local),
    ['currency'],
  );
  const small = complex('SmallPrice');
  assert.equal(small.content.kind, 'simple');
  const text = (small.content as { type: SimpleType }).type;
  assert.equal(text.builtin, XS('decimal'));
  assert.equal(text.facets.maxInclusive, '10');
  assert.deepEqual(
    small.attributes.map((a) => a.name.local),
    ['currency'],
  );
});

test('mixed, empty and abstract types; elements without a type are anyType', () => {
  assert.equal(complex('Mixed').mixed, true);
  assert.deepEqual(complex('Empty').content, { kind: 'empty' });
  assert.equal(complex('Base').abstract, true);
  assert.deepEqual(schema.elements[T('untyped')]!.type, { ref: XS('anyType') });
  assert.equal(schema.elements[T('withDefault')]!.default, 'x');
  const inline = schema.elements[T('inline')]!.type as ComplexType;
  const ref = seq(inline).particles[0] as ElementParticle;
  assert.deepEqual(ref, { kind: 'element', minOccurs: 0, maxOccurs: 3, element: { ref: T('person') } });
});

test('substitution groups are transitive, skip abstract members, and members inherit the head type', () => {
  assert.deepEqual(schema.substitutionGroups[T('shape')], [T('square'), T('bigSquare')]);
  assert.deepEqual(schema.substitutionGroups[T('square')], [T('bigSquare')]);
  assert.equal(schema.elements[T('shape')]!.abstract, true);
  assert.deepEqual(schema.elements[T('square')]!.type, { ref: T('Base') });
  assert.equal(schema.elements[T('bigSquare')]!.substitutionGroup, T('square'));
});

test('derivedTypes lists every type derived from a base, transitively', () => {
  assert.deepEqual(schema.derivedTypes[T('Base')], [T('Person'), T('Employee'), T('IdOnly')]);
  assert.deepEqual(schema.derivedTypes[T('Person')], [T('Employee')]);
  assert.deepEqual(schema.derivedTypes[T('Code')], [T('ShortCode')]);
  assert.ok(schema.derivedTypes[XS('string')]!.includes(T('ShortCode')));
});

test('SOAP encoding and xml: components are built in and never fetched', () => {
  assert.deepEqual(documents, [], 'the soapenc and xml imports were not loaded');
  const array = complex('IntArray');
  assert.equal(array.base, ENC('Array'));
  assert.deepEqual(
    array.attributes.map((a) => `{${a.name.ns}}${a.name.local}`),
    [ENC('arrayType'), ENC('offset'), '{}id', '{}href'],
  );
  assert.equal((schema.types[ENC('int')] as ComplexType).content.kind, 'simple');
  assert.ok(schema.types[ENC('Struct')]);
  assert.ok(schema.attributes['{http://www.w3.org/XML/1998/namespace}space']);
  assert.deepEqual(schema.namespaces, ['urn:t']);
});
