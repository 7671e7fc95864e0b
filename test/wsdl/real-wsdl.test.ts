import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadWsdl } from '../../src/wsdl/index.js';
import { collectRefs, danglingRefs } from './walk.js';

const real = fileURLToPath(new URL('../../../test/fixtures/real/', import.meta.url));
const DYNAMICS = `${real}dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl`;
const crowd = (v: string) => `${real}crowd/SecurityServer-crowd-${v}.wsdl`;

test('Dynamics singleWsdl: one SOAP 1.2 port with the 8 operations and their actions', async () => {
  const model = await loadWsdl(DYNAMICS);
  assert.equal(model.services.length, 1);
  assert.equal(model.services[0]!.name, 'OrganizationService');
  assert.equal(model.services[0]!.ports.length, 1);
  const port = model.services[0]!.ports[0]!;
  assert.equal(port.soapVersion, '1.2');
  const names = port.operations.map((o) => o.name).sort();
  assert.deepEqual(names, [
    'Associate',
    'Create',
    'Delete',
    'Disassociate',
    'Execute',
    'Retrieve',
    'RetrieveMultiple',
    'Update',
  ]);
  for (const op of port.operations) {
    assert.equal(op.action, `http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/${op.name}`);
    assert.equal(op.style, 'document');
    assert.equal(op.input.wrapped, true, `${op.name} input is document/literal wrapped`);
    assert.ok(op.faults.length >= 1, `${op.name} declares the OrganizationServiceFault`);
  }
  const create = port.operations.find((o) => o.name === 'Create')!;
  assert.deepEqual(create.input.body, [
    { name: 'parameters', element: '{http://schemas.microsoft.com/xrm/2011/Contracts/Services}Create' },
  ]);
  assert.equal(model.documents.length, 1);
  assert.match(model.documents[0]!.sha256, /^[0-9a-f]{64}$/);
});

test('Dynamics singleWsdl: every reference in the model names a component of the schema set', async () => {
  const model = await loadWsdl(DYNAMICS);
  const refs = collectRefs(model);
  assert.ok(refs.length > 1000, `walked ${refs.length} references`);
  assert.deepEqual(danglingRefs(model), []);
  // Sibling inline schemas refer to each other without xs:import: Entity's base lives in another one.
  assert.ok(model.schema.types['{http://schemas.microsoft.com/xrm/2011/Contracts}Entity']);
  assert.ok(
    model.schema.derivedTypes['{http://schemas.microsoft.com/xrm/2011/Metadata}AttributeMetadata']!.length >= 12,
  );
  assert.equal(model.schema.namespaces.length, 13);
});

for (const [version, count] of [
  ['1.1.0', 36],
  ['1.4.0', 41],
  ['1.6.1', 42],
  ['2.0.5', 48],
] as const) {
  test(`Crowd ${version} SecurityServer WSDL loads with ${count} SOAP 1.1 operations`, async () => {
    const model = await loadWsdl(crowd(version));
    const port = model.services[0]!.ports[0]!;
    assert.equal(port.soapVersion, '1.1');
    assert.equal(port.operations.length, count);
    const auth = port.operations.find((o) => o.name === 'authenticateApplication')!;
    assert.equal(auth.style, 'document');
    assert.equal(auth.input.use, 'literal');
    assert.equal(auth.input.wrapped, true);
    assert.deepEqual(danglingRefs(model), []);
  });
}
