/**
 * The client's own behaviour: options checked when built and overridden per call, the envelope hook and
 * callRaw, the SOAPAction of each SOAP version on the wire, service/port selection, and the compiled-model cache.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ClientOptions, createClient, type EnvelopeEvent } from '../../src/client/index.js';
import type { WsdlOptions } from '../../src/wsdl/index.js';
import { fileLoader } from '../../src/wsdl/index.js';
import { testPath } from '../support/paths.js';
import { serve, serveTcp } from './support/server.js';

const SAMPLE = testPath(
  'fixtures',
  'node-soap',
  'test',
  'request-response-samples',
  'Dummy__should_deserialize_basic_types',
);
const WSDL = join(SAMPLE, 'soap.wsdl');
const ARGS = { DummyField1: 'x' };
const MULTI = testPath('fixtures', 'node-soap', 'test', 'wsdl', 'multi-service.wsdl');
const DYNAMICS_WSDL = testPath(
  'fixtures',
  'real',
  'dynamics-crm-2011',
  'Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
);
const RESPONSE = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><n:DummyResponse xmlns:n="http://www.Dummy.com/Name/Types"><n:string>ok</n:string></n:DummyResponse></soap:Body></soap:Envelope>`;
const GUARD = { timeout: 10_000 };

async function okServer(t: Parameters<typeof serve>[0], body = RESPONSE, contentType = 'text/xml; charset=utf-8') {
  return serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  });
}

test('per-call endpoint and httpHeaders override the client options', GUARD, async (t) => {
  const a = await okServer(t);
  const b = await okServer(t);
  const client = await createClient(WSDL, {
    cache: false,
    endpoint: a.url,
    httpHeaders: { 'x-client': 'c', 'x-both': 'client' },
  });
  t.after(() => client.close());
  await client.call('Dummy', ARGS);
  await client.call('Dummy', ARGS, { endpoint: b.url, httpHeaders: { 'x-call': 'k', 'x-both': 'call' } });
  assert.equal(a.seen.length, 1);
  assert.equal(b.seen.length, 1);
  assert.equal(a.seen[0]?.headers['x-both'], 'client');
  assert.equal(b.seen[0]?.headers['x-both'], 'call');
  assert.equal(b.seen[0]?.headers['x-call'], 'k');
  assert.equal(b.seen[0]?.headers['x-client'], 'c', 'client headers still apply under the call headers');
});

test('a per-call timeout overrides a client without one', GUARD, async (t) => {
  const { url } = await serveTcp(t, () => {});
  const client = await createClient(WSDL, { cache: false, endpoint: url, timeout: 0 });
  t.after(() => client.close());
  await assert.rejects(client.call('Dummy', ARGS, { timeout: 200 }), (e: { code?: string }) => e.code === 'TIMEOUT');
});

test('invalid options are refused when the client is built: CLIENT_OPTIONS_INVALID', async () => {
  const bad: ClientOptions[] = [
    { endpoint: 'ftp://example.com/x' },
    { endpoint: 'not a url' },
    { timeout: -1 },
    { maxResponseSize: 0 },
    { httpHeaders: { 'x-evil': 'a\r\nInjected: 1' } },
  ];
  for (const options of bad) {
    await assert.rejects(
      createClient(WSDL, { cache: false, ...options }),
      (e: { code?: string }) => e.code === 'CLIENT_OPTIONS_INVALID',
      JSON.stringify(options),
    );
  }
  const client = await createClient(WSDL, { cache: false, endpoint: 'http://127.0.0.1:9/x' });
  await assert.rejects(
    client.call('NoSuchOperation', {}),
    (e: { code?: string }) => e.code === 'CLIENT_OPTIONS_INVALID',
  );
  await assert.rejects(
    client.call('Dummy', ARGS, { timeout: -5 }),
    (e: { code?: string }) => e.code === 'CLIENT_OPTIONS_INVALID',
  );
  await client.close();
});

test('onEnvelope sees the request and the response envelopes; callRaw returns both', GUARD, async (t) => {
  const { url, seen } = await okServer(t);
  const events: EnvelopeEvent[] = [];
  const client = await createClient(WSDL, { cache: false, endpoint: url, onEnvelope: (e) => events.push(e) });
  t.after(() => client.close());
  const raw = await client.callRaw('Dummy', ARGS);
  assert.deepEqual(
    events.map((e) => e.direction),
    ['request', 'response'],
  );
  assert.equal(events[0]?.envelope, seen[0]?.body, 'the hook sees the exact text sent');
  assert.equal(events[1]?.envelope, RESPONSE);
  assert.equal(events[1]?.status, 200);
  assert.equal(raw.request, seen[0]?.body);
  assert.equal(raw.response, RESPONSE);
  assert.equal(raw.status, 200);
  assert.deepEqual(raw.value, { string: 'ok' });
});

test('SOAP 1.1 sends a SOAPAction header; SOAP 1.2 the action parameter of the content type', GUARD, async (t) => {
  const one = await okServer(t);
  const c11 = await createClient(WSDL, { cache: false, endpoint: one.url });
  t.after(() => c11.close());
  await c11.call('Dummy', ARGS);
  assert.equal(one.seen[0]?.headers.soapaction, '"http://www.Dummy.com#Dummy"');
  assert.match(String(one.seen[0]?.headers['content-type']), /^text\/xml/);

  const fault = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en">no</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`;
  const two = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(fault);
  });
  const c12 = await createClient(DYNAMICS_WSDL, { cache: false, endpoint: two.url });
  t.after(() => c12.close());
  await assert.rejects(
    c12.call('Delete', { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' }),
    (e: { code?: string }) => e.code === 'SOAP_FAULT',
  );
  const headers = two.seen[0]?.headers ?? {};
  assert.equal(headers.soapaction, undefined, 'no SOAPAction header in SOAP 1.2');
  assert.match(String(headers['content-type']), /^application\/soap\+xml/);
  assert.match(
    String(headers['content-type']),
    /action="?http:\/\/schemas\.microsoft\.com\/xrm\/2011\/Contracts\/Services\/IOrganizationService\/Delete"?/,
  );
});

test('service and port selection on a multi-service WSDL', async () => {
  const first = await createClient(MULTI, { cache: false });
  assert.equal(first.service.name, 'Hello_Service');
  assert.deepEqual(first.operationNames, ['sayHello']);
  const another = await createClient(MULTI, { cache: false, service: 'Bye_Service', port: 'Another_Bye_Port' });
  assert.equal(another.port.name, 'Another_Bye_Port');
  assert.equal(another.port.address, 'http://localhost:8001/SayAnotherBye/');
  assert.deepEqual(another.operationNames, ['sayAnotherBye']);
  await assert.rejects(
    createClient(MULTI, { cache: false, service: 'Nope' }),
    (e: { code?: string }) => e.code === 'CLIENT_OPTIONS_INVALID',
  );
  await assert.rejects(
    createClient(MULTI, { cache: false, service: 'Bye_Service', port: 'Hello_Port' }),
    (e: { code?: string }) => e.code === 'CLIENT_OPTIONS_INVALID',
  );
  await Promise.all([first.close(), another.close()]);
});

test('the compiled-model cache: a second client with the same cache.dir reads the cache instead of compiling', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'soapstack-client-cache-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const events: string[] = [];
  // onCacheEvent is an option of the cached loader, reached through the client's wsdl options.
  const wsdl = { loader: fileLoader(), onCacheEvent: (e: string) => events.push(e) } as WsdlOptions;
  const cold = await createClient(WSDL, { cache: { dir }, wsdl });
  assert.deepEqual(events, ['miss', 'stored']);
  assert.equal((await readdir(dir)).filter((f) => f.endsWith('.json')).length, 1);
  const warm = await createClient(WSDL, { cache: { dir }, wsdl });
  assert.deepEqual(events, ['miss', 'stored', 'hit']);
  assert.deepEqual(warm.model, cold.model);
  // A client created again from a model reuses it as is.
  const again = await createClient(warm.model);
  assert.equal(again.model, warm.model);
  await Promise.all([cold.close(), warm.close(), again.close()]);
});
