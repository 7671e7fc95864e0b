import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from '../../src/xml/parse.js';
import { XmlWriter } from '../../src/xml/writer.js';
import { DecodeError, EncodeError } from '../../src/xsd/codec/index.js';
import type { ComplexType } from '../../src/xsd/model.js';
import { codecsOf, decode, encode, roundTrip } from '../fixtures/codec/run.js';
import {
  all,
  attribute,
  byKey,
  choice,
  complex,
  el,
  element,
  key,
  schemaSet,
  sequence,
  simpleContent,
  TNS,
  tns,
  xs,
} from '../fixtures/codec/schema.js';

const T = `xmlns="${TNS}"`;

function single(local: string, type: ComplexType, extra = {}) {
  return codecsOf(schemaSet({ elements: byKey(element(local, type)), ...extra }));
}

test('sequence: properties in order, optional absent is omitted, repeated is always an array', () => {
  const codecs = single(
    'Person',
    complex(
      sequence([
        el(element('name', xs('string'))),
        el(element('age', xs('int')), 0),
        el(element('tag', xs('string')), 0, 'unbounded'),
      ]),
    ),
  );
  assert.deepEqual(decode(codecs, key('Person'), `<Person ${T}><name>Ann</name><tag>x</tag></Person>`), {
    name: 'Ann',
    tag: ['x'],
  });
  assert.deepEqual(decode(codecs, key('Person'), `<Person ${T}><name>Bo</name></Person>`), { name: 'Bo' });
  const { xml, value } = roundTrip(codecs, key('Person'), { name: 'Cy', age: 3, tag: ['a', 'b'] });
  assert.deepEqual(value, { name: 'Cy', age: 3, tag: ['a', 'b'] });
  assert.match(xml, /<ns1:name>Cy<\/ns1:name><ns1:age>3<\/ns1:age><ns1:tag>a<\/ns1:tag><ns1:tag>b<\/ns1:tag>/);
  // A single item is accepted for a repeated element when encoding.
  assert.deepEqual(roundTrip(codecs, key('Person'), { name: 'D', tag: 'one' }).value, { name: 'D', tag: ['one'] });
});

test('sequence: a missing required element is an encode issue with its path', () => {
  const codecs = single(
    'Person',
    complex(sequence([el(element('name', xs('string'))), el(element('age', xs('int')))])),
  );
  assert.throws(
    () => encode(codecs, key('Person'), { age: 1 }),
    (e: unknown) => e instanceof EncodeError && e.issues.some((i) => i.code === 'required' && i.path === 'Person.name'),
  );
  assert.throws(
    () => encode(codecs, key('Person'), { name: 'x', age: 1, nmae: 'typo' }),
    (e: unknown) =>
      e instanceof EncodeError && e.issues[0]!.code === 'unrecognized_key' && e.issues[0]!.path === 'Person.nmae',
  );
});

test('choice: one branch present; two branches of a single choice are refused', () => {
  const codecs = single(
    'Pay',
    complex(choice([el(element('card', xs('string'))), el(element('cash', xs('decimal')))])),
  );
  assert.deepEqual(decode(codecs, key('Pay'), `<Pay ${T}><cash>10.50</cash></Pay>`), { cash: '10.5' });
  assert.deepEqual(roundTrip(codecs, key('Pay'), { card: '4111' }).value, { card: '4111' });
  assert.throws(
    () => encode(codecs, key('Pay'), { card: '4111', cash: '1' }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'too_many' && e.issues[0]!.path === 'Pay.cash',
  );
  assert.throws(
    () => encode(codecs, key('Pay'), {}),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'required',
  );
});

test('all: any order on the wire, declared order when written', () => {
  const codecs = single('Box', complex(all([el(element('w', xs('int'))), el(element('h', xs('int')), 0)])));
  assert.deepEqual(decode(codecs, key('Box'), `<Box ${T}><h>2</h><w>1</w></Box>`), { h: 2, w: 1 });
  assert.match(encode(codecs, key('Box'), { h: 2, w: 1 }), /<ns1:w>1<\/ns1:w><ns1:h>2<\/ns1:h>/);
});

test('nested groups with occurs: elements in a repeating group are arrays, interleaving is rebuilt', () => {
  const codecs = single(
    'Pairs',
    complex(
      sequence([
        el(element('title', xs('string'))),
        sequence([el(element('k', xs('string'))), el(element('v', xs('int')))], 0, 'unbounded'),
        choice([el(element('a', xs('string'))), el(element('b', xs('string')))], 0, 3),
      ]),
    ),
  );
  const xml = `<Pairs ${T}><title>t</title><k>x</k><v>1</v><k>y</k><v>2</v><b>q</b><a>p</a></Pairs>`;
  const value = decode(codecs, key('Pairs'), xml);
  assert.deepEqual(value, { title: 't', k: ['x', 'y'], v: [1, 2], b: ['q'], a: ['p'] });
  const written = encode(codecs, key('Pairs'), value);
  assert.match(written, /<ns1:k>x<\/ns1:k><ns1:v>1<\/ns1:v><ns1:k>y<\/ns1:k><ns1:v>2<\/ns1:v>/);
  assert.deepEqual(decode(codecs, key('Pairs'), written), value);
  assert.deepEqual(decode(codecs, key('Pairs'), `<Pairs ${T}><title>t</title></Pairs>`), { title: 't' });
  assert.throws(
    () => encode(codecs, key('Pairs'), { title: 't', a: ['1', '2', '3', '4'] }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'too_many',
  );
});

test('element refs resolve to the global declaration and its namespace', () => {
  const note = element('note', xs('string'), { ns: 'urn:other' });
  const doc = element('Doc', complex(sequence([el({ ref: '{urn:other}note' } as never, 0, 2)])));
  const codecs = codecsOf(schemaSet({ elements: byKey(note, doc) }));
  const particle = (doc.type as ComplexType).content;
  assert.equal(particle.kind, 'particle');
  const value = decode(codecs, key('Doc'), `<Doc ${T} xmlns:o="urn:other"><o:note>hi</o:note></Doc>`);
  assert.deepEqual(value, { note: ['hi'] });
  assert.match(encode(codecs, key('Doc'), value), /<ns2:note xmlns:ns2="urn:other">hi<\/ns2:note>/);
});

test('substitution groups: members stand for an abstract head, each under its own name', () => {
  const head = element('shape', xs('anyType'), { abstract: true });
  const circle = element('circle', tns('Circle'), { substitutionGroup: key('shape') });
  const square = element('square', xs('int'), { substitutionGroup: key('shape') });
  const drawing = element('Drawing', complex(sequence([el('shape', 0, 'unbounded')])));
  const codecs = codecsOf(
    schemaSet({
      elements: byKey(head, circle, square, drawing),
      types: { [key('Circle')]: { ...complex(sequence([el(element('r', xs('double')))])), name: key('Circle') } },
      substitutionGroups: { [key('shape')]: [key('circle'), key('square')] },
    }),
  );
  const value = decode(
    codecs,
    key('Drawing'),
    `<Drawing ${T}><circle><r>1.5</r></circle><square>4</square><circle><r>2</r></circle></Drawing>`,
  );
  assert.deepEqual(value, { circle: [{ r: 1.5 }, { r: 2 }], square: [4] });
  assert.deepEqual(roundTrip(codecs, key('Drawing'), value).value, value);
  assert.throws(
    () => decode(codecs, key('Drawing'), `<Drawing ${T}><shape/></Drawing>`),
    (e: unknown) => e instanceof DecodeError && e.issues[0]!.code === 'unexpected_element',
  );
});

/** Animal (abstract) <- Dog (extension: +bark) <- Puppy (restriction). */
function zoo() {
  const animal: ComplexType = {
    ...complex(sequence([el(element('name', xs('string')))]), [attribute('id', xs('int'))]),
    name: key('Animal'),
    abstract: true,
  };
  const dog: ComplexType = {
    ...complex(sequence([el(element('name', xs('string'))), el(element('bark', xs('string')), 0)]), [
      attribute('id', xs('int')),
    ]),
    name: key('Dog'),
    base: key('Animal'),
    derivation: 'extension',
  };
  const puppy: ComplexType = {
    ...complex(sequence([el(element('name', xs('string')))]), [attribute('id', xs('int'))]),
    name: key('Puppy'),
    base: key('Dog'),
    derivation: 'restriction',
  };
  const stone: ComplexType = { ...complex(undefined), name: key('Stone') };
  const pet = element('Pet', tns('Animal'));
  return codecsOf(
    schemaSet({
      elements: byKey(pet),
      types: { [key('Animal')]: animal, [key('Dog')]: dog, [key('Puppy')]: puppy, [key('Stone')]: stone },
      derivedTypes: { [key('Animal')]: [key('Dog'), key('Puppy')], [key('Dog')]: [key('Puppy')] },
    }),
  );
}

test('abstract types with xsi:type subtypes (extension and restriction) decode with $type', () => {
  const codecs = zoo();
  const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  const dog = decode(
    codecs,
    key('Pet'),
    `<Pet ${T} ${xsi} xsi:type="Dog" id="7"><name>Rex</name><bark>woof</bark></Pet>`,
  );
  assert.deepEqual(dog, { $type: key('Dog'), id: 7, name: 'Rex', bark: 'woof' });
  const puppy = decode(
    codecs,
    key('Pet'),
    `<Pet xmlns:p="${TNS}" ${xsi} xsi:type="p:Puppy"><p:name>Bit</p:name></Pet>`,
  );
  assert.deepEqual(puppy, { $type: key('Puppy'), name: 'Bit' });
  const { xml, value } = roundTrip(codecs, key('Pet'), dog);
  assert.match(xml, /xsi:type="ns1:Dog"/);
  assert.deepEqual(value, dog);
  assert.throws(
    () => decode(codecs, key('Pet'), `<Pet ${T}><name>x</name></Pet>`),
    (e: unknown) => e instanceof DecodeError && e.issues[0]!.code === 'abstract',
  );
  assert.throws(
    () => decode(codecs, key('Pet'), `<Pet ${T} ${xsi} xsi:type="Stone"/>`),
    (e: unknown) => e instanceof DecodeError && e.issues[0]!.code === 'type_not_derived',
  );
  assert.throws(
    () => decode(codecs, key('Pet'), `<Pet ${T} ${xsi} xsi:type="Unicorn"/>`),
    (e: unknown) => e instanceof DecodeError && e.issues[0]!.code === 'unknown_type',
  );
  assert.throws(
    () => encode(codecs, key('Pet'), { name: 'no type' }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'abstract',
  );
  assert.throws(
    () => encode(codecs, key('Pet'), { $type: key('Stone') }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'type_not_derived',
  );
});

test('simpleContent: $value plus attributes', () => {
  const price = simpleContent(xs('decimal'), [attribute('currency', xs('string'), { use: 'required' })]);
  const codecs = single('Price', price);
  const value = decode(codecs, key('Price'), `<Price ${T} currency="EUR"> 12345678901234567.890 </Price>`);
  assert.deepEqual(value, { currency: 'EUR', $value: '12345678901234567.89' });
  assert.match(
    encode(codecs, key('Price'), value),
    /<ns1:Price xmlns:ns1="urn:test" currency="EUR">12345678901234567\.89<\/ns1:Price>/,
  );
  assert.throws(
    () => encode(codecs, key('Price'), { $value: '1' }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.path === 'Price.currency',
  );
});

test('attributes: defaults and fixed values apply when absent; a wrong fixed value is refused', () => {
  const codecs = single(
    'Item',
    complex(undefined, [
      attribute('qty', xs('int'), { default: '1' }),
      attribute('version', xs('string'), { fixed: '2.0' }),
      attribute('lang', xs('language'), { ns: 'http://www.w3.org/XML/1998/namespace' }),
    ]),
  );
  assert.deepEqual(decode(codecs, key('Item'), `<Item ${T} xml:lang="en"/>`), { qty: 1, version: '2.0', lang: 'en' });
  assert.deepEqual(decode(codecs, key('Item'), `<Item ${T} qty="5" version="2.0"/>`), { qty: 5, version: '2.0' });
  assert.match(encode(codecs, key('Item'), { qty: 5, lang: 'fr' }), /qty="5" xml:lang="fr"/);
  assert.throws(
    () => encode(codecs, key('Item'), { version: '3.0' }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'fixed' && e.issues[0]!.path === 'Item.version',
  );
});

test('names: an attribute clashing with a child element becomes @name; same local names in two namespaces get prefix_local', () => {
  const codecs = single(
    'Rec',
    complex(
      sequence([
        el(element('id', xs('string'))),
        el(element('id', xs('int'), { ns: 'http://example.com/2011/Contracts' })),
      ]),
      [attribute('id', xs('string'))],
    ),
  );
  const xml = `<Rec ${T} xmlns:c="http://example.com/2011/Contracts" id="attr"><id>elem</id><c:id>5</c:id></Rec>`;
  const value = decode(codecs, key('Rec'), xml);
  assert.deepEqual(value, { '@id': 'attr', id: 'elem', Contracts_id: 5 });
  assert.deepEqual(roundTrip(codecs, key('Rec'), value).value, value);
  const named = codecsOf(
    schemaSet({
      elements: byKey(
        element(
          'Rec',
          complex(sequence([el(element('id', xs('string'))), el(element('id', xs('int'), { ns: 'urn:x' }))])),
        ),
      ),
    }),
    { namespacePrefixes: { 'urn:x': 'x' } },
  );
  assert.deepEqual(decode(named, key('Rec'), `<Rec ${T} xmlns:x="urn:x"><id>a</id><x:id>1</x:id></Rec>`), {
    id: 'a',
    x_id: 1,
  });
});

test('nillable: xsi:nil decodes to null and null encodes to xsi:nil; a non-nillable element refuses null', () => {
  const codecs = single(
    'Opt',
    complex(sequence([el(element('a', xs('int'), { nillable: true })), el(element('b', xs('int')), 0)])),
  );
  const xsi = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
  assert.deepEqual(decode(codecs, key('Opt'), `<Opt ${T} ${xsi}><a i:nil="true"/></Opt>`), { a: null });
  assert.deepEqual(decode(codecs, key('Opt'), `<Opt ${T} ${xsi}><a i:nil="1"></a></Opt>`), { a: null });
  assert.match(
    encode(codecs, key('Opt'), { a: null }),
    /<ns1:a xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance" xsi:nil="true"\/>/,
  );
  // An optional non-nillable element given null is omitted (docs/mapping.md); a required one refuses null.
  assert.doesNotMatch(encode(codecs, key('Opt'), { a: 1, b: null }), /:b|<b/);
  const strict = codecsOf(
    schemaSet({ elements: byKey(element('Opt', complex(sequence([el(element('b', xs('int')))])))) }),
    {
      strict: true,
    },
  );
  assert.throws(
    () => encode(strict, key('Opt'), { b: null }),
    (e: unknown) => e instanceof EncodeError && e.issues[0]!.code === 'not_nillable' && e.issues[0]!.path === 'Opt.b',
  );
  assert.throws(() => decode(strict, key('Opt'), `<Opt ${T} ${xsi}><b i:nil="true"/></Opt>`), DecodeError);
});

test('mixed content: text in $text, children as usual', () => {
  const codecs = single('P', complex(sequence([el(element('b', xs('string')), 0, 'unbounded')]), [], { mixed: true }));
  const value = decode(codecs, key('P'), `<P ${T}>Hello <b>big</b> world</P>`);
  assert.deepEqual(value, { $text: 'Hello  world', b: ['big'] });
  assert.deepEqual(roundTrip(codecs, key('P'), { $text: 'Hi', b: ['x'] }).value, { $text: 'Hi', b: ['x'] });
});

test('element default value applies to an empty element', () => {
  const codecs = single('C', complex(sequence([el(element('n', xs('int'), { default: '10' }))])));
  assert.deepEqual(decode(codecs, key('C'), `<C ${T}><n/></C>`), { n: 10 });
});

test('recursive types work (a tree of nodes)', () => {
  const node: ComplexType = {
    ...complex(sequence([el(element('label', xs('string'))), el(element('child', tns('Node')), 0, 'unbounded')])),
    name: key('Node'),
  };
  const codecs = codecsOf(schemaSet({ elements: byKey(element('Tree', tns('Node'))), types: { [key('Node')]: node } }));
  const value = { label: 'root', child: [{ label: 'a', child: [{ label: 'a1' }] }, { label: 'b' }] };
  assert.deepEqual(roundTrip(codecs, key('Tree'), value).value, value);
});

test('decode issues carry zod-like paths with array indices', () => {
  const codecs = single(
    'Create',
    complex(
      sequence([
        el(
          element(
            'entity',
            complex(
              sequence([
                el(element('Attributes', complex(sequence([el(element('value', xs('int')))]))), 0, 'unbounded'),
              ]),
            ),
          ),
        ),
      ]),
    ),
  );
  const item = (v: string) => `<Attributes><value>${v}</value></Attributes>`;
  const xml = `<Create ${T}><entity>${item('1')}${item('2')}${item('3')}${item('x')}</entity></Create>`;
  assert.throws(
    () => decode(codecs, key('Create'), xml),
    (e: unknown) => {
      assert.ok(e instanceof DecodeError);
      assert.equal(e.issues[0]!.path, 'Create.entity.Attributes[3].value');
      assert.equal(e.issues[0]!.code, 'invalid_lexical');
      assert.match(e.message, /Create\.entity\.Attributes\[3\]\.value: "x" is not a valid xs:int/);
      return true;
    },
  );
});

test('decodeType and encodeType work on an element of any name', () => {
  const point: ComplexType = { ...complex(sequence([el(element('x', xs('int'), { ns: '' }))])), name: key('Point') };
  const codecs = codecsOf(schemaSet({ types: { [key('Point')]: point } }));
  const w = new XmlWriter();
  codecs.encodeType(w, { ns: 'urn:a', local: 'pt' }, key('Point'), { x: 3 });
  const xml = w.toString();
  assert.equal(xml, '<ns1:pt xmlns:ns1="urn:a"><x>3</x></ns1:pt>');
  const doc = parseXml(xml);
  assert.deepEqual(codecs.decodeType(doc.root, key('Point'), doc), { x: 3 });
  assert.deepEqual(codecs.decodeType(doc.root, tns('Point'), doc), { x: 3 });
});
