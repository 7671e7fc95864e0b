// The mock against the real WSDLs: every operation of Crowd 2.0.5 and of the Dynamics Organization service
// answers with a sample that decodes through soapstack's codecs and through zeep (every operation), and a recorded response
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
import { callOperation } from '../server/helpers.js';
import { testPath } from '../support/paths.js';
import { hasZeep, requirePeer } from '../support/peers.js';
import { runPython } from '../support/processes.js';

const CROWD = testPath('fixtures', 'real', 'crowd', 'SecurityServer-crowd-2.0.5.wsdl');
const DYNAMICS = testPath(
  'fixtures',
  'real',
  'dynamics-crm-2011',
  'Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
);
/** test/mock/zeep_call_all.py: one zeep process calling every operation of a WSDL. */
const zeepCallAllScript = testPath('mock', 'zeep_call_all.py');

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

/** One line of zeep_call_all.py: an operation zeep called, with its decoded result or what went wrong. */
type ZeepLine =
  | { operation: string; ok: true; result: unknown }
  | { operation: string; ok: false; fault?: unknown; error?: string };

/** Sample values as JSON for zeep: bigints as strings, dates in ISO 8601, bytes as `{ $base64 }`. */
function toZeepJson(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toZeepJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toZeepJson(item)]));
  return value;
}

/**
 * Serves `model` with the mock and lets zeep (one process) call every operation of its first port with
 * soapstack's sample inputs; returns zeep's report, one line per operation.
 */
async function zeepCallsEveryOperation(model: CompiledModel): Promise<ZeepLine[]> {
  const server = createMockServer(model);
  const { url } = await server.listen();
  try {
    const hosted = server.ports[0]!;
    const port = model.services.find((s) => s.name === hosted.service)!.ports.find((p) => p.name === hosted.port)!;
    const inputs: Record<string, unknown> = {};
    for (const op of port.operations) inputs[op.name] = toZeepJson(sampleMessage(model, undefined, op, 'input'));
    const address = `${url}${hosted.path}`;
    const run = await runPython(zeepCallAllScript, [`${address}?wsdl`, '--address', address], {
      input: JSON.stringify(inputs),
      timeoutMs: 120_000,
    });
    assert.ok(
      run.code === 0 || run.code === 1,
      `zeep_call_all.py exited with ${run.code ?? run.signal}\n${run.stderr}`,
    );
    const lines = run.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ZeepLine);
    assert.deepEqual(
      lines.map((line) => line.operation).sort(),
      port.operations.map((op) => op.name).sort(),
      'zeep called every operation of the port',
    );
    return lines;
  } finally {
    await server.close();
  }
}

function assertEveryOk(lines: ZeepLine[]): void {
  const failed = lines.filter((line) => !line.ok);
  assert.deepEqual(failed, [], `zeep failed on ${failed.length} of ${lines.length} operations`);
}

test('zeep calls all 48 operations of the Crowd mock and decodes every response', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const lines = await zeepCallsEveryOperation(await loadWsdl(CROWD));
  assertEveryOk(lines);
  assert.equal(lines.length, 48);
  const result = (op: string) => (lines.find((line) => line.operation === op) as { result: unknown }).result;
  assert.equal(result('getCacheTime'), '1');
  assert.equal(result('isCacheEnabled'), true);
  assert.deepEqual(result('authenticateApplication'), { name: 'name', token: 'token' });
  assert.deepEqual(result('findAllGroupNames'), ['string']);
});

test('zeep calls all 8 operations of the Dynamics Organization mock (SOAP 1.2) and decodes every response', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const lines = await zeepCallsEveryOperation(await loadWsdl(DYNAMICS));
  assertEveryOk(lines);
  assert.equal(lines.length, 8);
  const result = (op: string) => (lines.find((line) => line.operation === op) as { result: unknown }).result;
  assert.equal(result('Create'), '00000000-0000-0000-0000-000000000001');
  assert.equal((result('Execute') as { ResponseName: unknown }).ResponseName, 'ResponseName');
});
