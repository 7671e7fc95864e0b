import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSoapstackError } from '../../src/errors.js';
import { SchemaError } from '../../src/xsd/errors.js';
import { fixture, readFixture } from '../wsdl/xsd-fixture.js';

test('an unresolvable type reference is XSD_UNRESOLVED_REFERENCE naming the reference and file:line:column', async () => {
  await assert.rejects(readFixture('unresolved.xsd'), (e) => {
    assert.ok(e instanceof SchemaError);
    assert.ok(isSoapstackError(e, 'XSD_UNRESOLVED_REFERENCE'));
    assert.equal(e.reference, '{urn:t}Missing');
    assert.deepEqual(e.position, { source: fixture('unresolved.xsd'), line: 6, column: 7 });
    assert.ok(e.message.startsWith(`${fixture('unresolved.xsd')}:6:7: `), e.message);
    assert.match(e.message, /t:Missing/);
    return true;
  });
});

test('collect mode records every unresolvable reference and replaces it with anyType', async () => {
  const { schema, issues } = await readFixture('unresolved.xsd', { onUnresolved: 'collect' });
  assert.deepEqual(
    issues.map((i) => [i.code, i.reference, i.position?.line]),
    [
      ['XSD_UNRESOLVED_REFERENCE', '{urn:t}Missing', 6],
      ['XSD_UNRESOLVED_REFERENCE', '{urn:t}AlsoMissing', 9],
    ],
  );
  assert.deepEqual(schema.elements['{urn:t}alsoBad']!.type, { ref: '{http://www.w3.org/2001/XMLSchema}anyType' });
});
