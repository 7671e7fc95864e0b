// The mock against the real WSDLs: every operation of Crowd 2.0.5 and of the Dynamics Organization service
// answers with a sample that decodes through soapstack's codecs (and through zeep), and a recorded response
// in --responses DIR is returned as it is.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMockServer } from '../../src/mock/index.js';
import { sampleMessage } from '../../src/mock/sample.js';
import { loadWsdl } from '../../src/wsdl/index.js';
import type { CompiledModel } from '../../src/wsdl/model.js';
import { callWithZeep } from '../interop/peers/zeep.js';
import { callOperation } from '../server/helpers.js';
import { testPath } from '../support/paths.js';
import { hasZeep, requirePeer } from '../support/peers.js';

const CROWD = testPath('fixtures', 'real', 'crowd', 'SecurityServer-crowd-2.0.5.wsdl');
const DYNAMICS = testPath(
  'fixtures',
  'real',
  'dynamics-crm-2011',
  'Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
);

async function everyOperationDecodes(model: CompiledModel): Promise<number> {
  const server = createMockServer(model);
  const { url } = await server.listen();
  let count = 0;
  try {
    for (const hosted of server.ports) {
      const port = model.services.find((s) => s.name === hosted.service)!.ports.find((p) => p.name === hosted.port)!;
      for (const op of port.operations) {
        if (!op.output) continue;
        const input = sampleMessage(model, undefined, op, 'input');
        const outcome = await callOperation(`${url}${hosted.path}`, model, port, op.name, input);
        assert.ok('value' in outcome, `${op.name}: ${'fault' in outcome ? outcome.fault.message : ''}`);
        assert.equal(outcome.status, 200);
        count++;
      }
    }
  } finally {
    await server.close();
  }
  return count;
}

test('the Crowd 2.0.5 mock answers all 48 operations with responses that decode', async () => {
  const model = await loadWsdl(CROWD);
  assert.equal(await everyOperationDecodes(model), 48);
});

test('the Dynamics Organization mock answers every operation with responses that decode', async () => {
  const model = await loadWsdl(DYNAMICS);
  assert.equal(await everyOperationDecodes(model), 8);
});

test('a recorded response in responsesDir is returned: a body entry wrapped, a whole envelope as it is', async () => {
  const model = await loadWsdl(CROWD);
  const dir = await mkdtemp(join(tmpdir(), 'soapstack-mock-'));
  const ns = model.targetNamespace;
  await writeFile(
    join(dir, 'getCacheTime.xml'),
    `<?xml version="1.0"?>\n<getCacheTimeResponse xmlns="${ns}"><out>123456789</out></getCacheTimeResponse>`,
  );
  const envelope = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><isCacheEnabledResponse xmlns="${ns}"><out>false</out></isCacheEnabledResponse></soap:Body></soap:Envelope>`;
  await writeFile(join(dir, 'isCacheEnabled.xml'), envelope);
  const server = createMockServer(model, { responsesDir: dir });
  const { url } = await server.listen();
  try {
    const hosted = server.ports[0]!;
    const port = model.services[0]!.ports.find((p) => p.name === hosted.port)!;
    const cacheTime = await callOperation(
      `${url}${hosted.path}`,
      model,
      port,
      'getCacheTime',
      sampleMessage(model, undefined, port.operations.find((o) => o.name === 'getCacheTime')!, 'input'),
    );
    assert.ok('value' in cacheTime);
    assert.deepEqual(cacheTime.value, { out: 123456789n });
    const enabled = await callOperation(
      `${url}${hosted.path}`,
      model,
      port,
      'isCacheEnabled',
      sampleMessage(model, undefined, port.operations.find((o) => o.name === 'isCacheEnabled')!, 'input'),
    );
    assert.ok('value' in enabled);
    assert.equal(enabled.text, envelope);
    assert.deepEqual(enabled.value, { out: false });
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('zeep decodes the Crowd mock responses', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const model = await loadWsdl(CROWD);
  const server = createMockServer(model);
  const { url } = await server.listen();
  try {
    const path = server.ports[0]!.path;
    for (const op of [
      'getCacheTime',
      'isCacheEnabled',
      'findPrincipalByName',
      'findGroupByName',
      'searchPrincipals',
      'authenticateApplication',
    ]) {
      const outcome = await callWithZeep(`${url}${path}?wsdl`, op, {});
      assert.ok('result' in outcome, `${op}: ${JSON.stringify(outcome)}`);
    }
  } finally {
    await server.close();
  }
});
