import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComplexType, ElementParticle, ModelGroupParticle } from '../../src/xsd/model.js';
import { fixture, readFixture } from '../wsdl/xsd-fixture.js';

test('include and import: relative paths, chameleon include, two schemas of one namespace, a cycle', async () => {
  const { schema, documents } = await readFixture('include/main.xsd');
  // Each document read once: the cycle main -> b -> main and part2 -> main do not loop or reload.
  assert.deepEqual(
    documents.map((d) => d.location),
    [fixture('include/chameleon.xsd'), fixture('include/sub/part2.xsd'), fixture('include/b.xsd')],
  );
  // The chameleon schema's components, and its unprefixed reference, moved into urn:a.
  const chameleon = schema.types['{urn:a}ChameleonType'] as ComplexType;
  assert.ok(chameleon);
  const v = (chameleon.content as { particle: ModelGroupParticle }).particle.particles[0] as ElementParticle;
  assert.deepEqual((v.element as { type: unknown }).type, { ref: '{urn:a}ChameleonBase' });
  assert.ok(schema.types['{urn:a}Part2Type']);
  assert.deepEqual(schema.elements['{urn:b}fromB']!.type, { ref: '{urn:a}Part2Type' });
  assert.deepEqual(schema.namespaces, ['urn:a', 'urn:b']);
});
