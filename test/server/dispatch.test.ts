// The server's request path: routing, decoding and encoding with the interop contract's types, declared and
// unexpected faults, SOAP 1.1 and 1.2, VersionMismatch, and bad requests that each get a client fault while the
// server stays up and the log never sees request content.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { createSoapServer, type ServerLogEntry, type SoapServer } from '../../src/server/index.js';
import { SoapFault } from '../../src/soap/fault.js';
import { loadWsdl } from '../../src/wsdl/index.js';
import type { CompiledModel } from '../../src/wsdl/model.js';
import { interopWsdlPath } from '../interop/peers/contract.js';
import { testPath } from '../support/paths.js';
import { callOperation, send } from './helpers.js';
import { interopHandlers } from './interop-service.js';

const SECRET = 'hunter2-secret-value';
const NS = 'urn:soapstack:interop';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

async function withInterop(
  fn: (ctx: { url: string; model: CompiledModel; server: SoapServer; log: ServerLogEntry[] }) => Promise<void>,
  extra: { maxRequestSize?: number } = {},
): Promise<void> {
  const model = await loadWsdl(interopWsdlPath);
  const log: ServerLogEntry[] = [];
  const server = createSoapServer({ log: (e) => log.push(e), ...extra });
  server.addService(model, {
    handlers: {
      ...interopHandlers,
      addNumbers: (input) => {
        const { a, b } = input as { a: bigint; b: bigint };
        if (a === 666n) throw new Error(`database at /srv/db failed for ${SECRET}`);
        if (a === 667n)
          throw new SoapFault({
            version: '1.1',
            faultCode: `{${SOAP11}}Client`,
            reasons: [{ text: 'a must not be 667' }],
          });
        return { sum: a + b };
      },
    },
  });
  const { url } = await server.listen();
  try {
    await fn({ url: `${url}/interop`, model, server, log });
  } finally {
    await server.close();
  }
}

const port = (model: CompiledModel) => model.services[0]!.ports[0]!;

const order = {
  id: 9007199254740993n,
  total: '12345678901234567.891',
  placed: new Date('2024-02-29T23:59:58Z'),
  customer: { name: 'Ada', email: null, address: { street: '12 St James Sq', city: 'London' } },
  lines: [
    { sku: 'A-1', quantity: 2, price: '0.1' },
    { sku: 'C-3', quantity: 2147483647, price: '-0.000000000000000001' },
  ],
  note: null,
  status: 'shipped',
};

test('nested types, arrays, nil, 20-digit decimals and longs beyond 2^53 round-trip through a handler', async () => {
  await withInterop(async ({ url, model }) => {
    const echoed = await callOperation(url, model, port(model), 'echoOrder', { order });
    assert.ok('value' in echoed);
    assert.deepEqual(echoed.value, { order });
    const found = await callOperation(url, model, port(model), 'findOrders', { customer: 'Bob', max: 2 });
    assert.ok('value' in found);
    const orders = (found.value as { orders: { id: bigint }[] }).orders;
    assert.deepEqual(
      orders.map((o) => o.id),
      [9007199254740993n, 9007199254740994n],
    );
    const none = await callOperation(url, model, port(model), 'findOrders', { customer: 'unknown', max: 2 });
    assert.ok('value' in none);
    assert.deepEqual(none.value, {});
  });
});

function addEnvelope(version: '1.1' | '1.2', a: string, b = '1'): string {
  const ns = version === '1.1' ? SOAP11 : SOAP12;
  return `<s:Envelope xmlns:s="${ns}"><s:Body><addNumbers xmlns="${NS}"><a>${a}</a><b>${b}</b></addNumbers></s:Body></s:Envelope>`;
}

test('routing: by SOAPAction, and by the body element when the action is missing or unknown', async () => {
  await withInterop(async ({ url, log }) => {
    for (const soapAction of ['"urn:soapstack:interop/addNumbers"', '""', '"urn:nothing"']) {
      const res = await send(url, 'POST', addEnvelope('1.1', '40', '2'), {
        'content-type': 'text/xml',
        soapaction: soapAction,
      });
      assert.equal(res.status, 200);
      assert.match(res.text, /<(\w+:)?sum>42<\/(\w+:)?sum>/);
    }
    const body = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><failOrder xmlns="${NS}"><id>5</id></failOrder></s:Body></s:Envelope>`;
    const res = await send(url, 'POST', body, { 'content-type': 'text/xml' });
    assert.equal(res.status, 500);
    assert.match(res.text, /order 5 cannot be processed/);
    assert.deepEqual(
      log.map((e) => e.operation),
      ['addNumbers', 'addNumbers', 'addNumbers', 'failOrder'],
    );
  });
});

test('a DeclaredFault is sent as a fault whose detail is the declared element, encoded', async () => {
  await withInterop(async ({ url, model }) => {
    const outcome = await callOperation(url, model, port(model), 'failOrder', { id: 7n });
    assert.ok('fault' in outcome);
    assert.equal(outcome.status, 500);
    assert.equal(outcome.fault.faultCode, `{${SOAP11}}Server`);
    assert.equal(outcome.fault.reason, 'order 7 cannot be processed');
    const entry = outcome.fault.detailEntries[0]!;
    assert.equal(`{${entry.ns}}${entry.local}`, `{${NS}}OrderFault`);
    assert.match(
      outcome.text,
      /<(\w+:)?code>42<\/(\w+:)?code><(\w+:)?message>order 7 cannot be processed<\/(\w+:)?message>/,
    );
  });
});

test('an unexpected error becomes a Server fault without its message or stack; a SoapFault thrown on purpose is sent', async () => {
  await withInterop(async ({ url, model }) => {
    const outcome = await callOperation(url, model, port(model), 'addNumbers', { a: 666n, b: 1n });
    assert.ok('fault' in outcome);
    assert.equal(outcome.fault.faultCode, `{${SOAP11}}Server`);
    assert.doesNotMatch(outcome.text, /hunter2|database|\/srv|at .*\.js/);
    const deliberate = await callOperation(url, model, port(model), 'addNumbers', { a: 667n, b: 1n });
    assert.ok('fault' in deliberate);
    assert.equal(deliberate.fault.faultCode, `{${SOAP11}}Client`);
    assert.equal(deliberate.fault.reason, 'a must not be 667');
  });
});

test('a SOAP 1.2 envelope sent to a SOAP 1.1 port gets a VersionMismatch fault', async () => {
  await withInterop(async ({ url }) => {
    const res = await send(url, 'POST', addEnvelope('1.2', '1'), { 'content-type': 'application/soap+xml' });
    assert.equal(res.status, 500);
    assert.match(res.text, /VersionMismatch/);
    assert.match(res.text, /Upgrade/);
    assert.match(String(res.headers['content-type']), /^application\/soap\+xml/);
  });
});

test('bad requests each get a client fault, the server stays up, and the log holds no request content', async () => {
  await withInterop(
    async ({ url, log }) => {
      const good = async () => {
        const res = await send(url, 'POST', addEnvelope('1.1', '1', '2'), { 'content-type': 'text/xml' });
        assert.equal(res.status, 200);
        assert.match(res.text, /<(\w+:)?sum>3<\/(\w+:)?sum>/);
      };
      const bad: Array<[string, string, RegExp]> = [
        ['not XML', `${SECRET} <<<`, /not well-formed XML/],
        ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY e "${SECRET}">]><x>&e;</x>`, /refused by the XML reader/],
        ['not an envelope', `<x>${SECRET}</x>`, /not a usable SOAP envelope/],
        [
          'an unknown operation',
          `<s:Envelope xmlns:s="${SOAP11}"><s:Body><nope xmlns="${NS}">${SECRET}</nope></s:Body></s:Envelope>`,
          /No operation/,
        ],
        ['a body off the schema', addEnvelope('1.1', SECRET), /does not match the input of addNumbers/],
      ];
      for (const [what, body] of bad) {
        const res = await send(url, 'POST', body, { 'content-type': 'text/xml' });
        assert.equal(res.status, 500, what);
        assert.match(res.text, /<faultcode>soap:Client<\/faultcode>/, what);
        assert.match(res.text, bad.find((b) => b[0] === what)![2], what);
        await good();
      }
      const big = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><addNumbers xmlns="${NS}"><a>1</a><b>2</b></addNumbers><!--${'x'.repeat(5000)}--></s:Body></s:Envelope>`;
      const tooBig = await send(url, 'POST', big, { 'content-type': 'text/xml' });
      assert.equal(tooBig.status, 413);
      assert.match(tooBig.text, /<faultcode>soap:Client<\/faultcode>/);
      await good();
      const serialized = JSON.stringify(log);
      assert.doesNotMatch(serialized, /hunter2|xxxx/);
      assert.ok(
        log.every((e) =>
          Object.keys(e).every((k) => ['method', 'path', 'operation', 'status', 'durationMs'].includes(k)),
        ),
      );
      assert.ok(log.some((e) => e.status === 413));
    },
    { maxRequestSize: 4096 },
  );
});

test('a Content-Length over the limit is answered with 413 before any of the body is sent', async () => {
  await withInterop(
    async ({ url }) => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          url,
          { method: 'POST', headers: { 'content-type': 'text/xml', 'content-length': String(1 << 30) } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', reject);
        req.flushHeaders();
      });
      assert.equal(status, 413);
      const res = await send(url, 'POST', addEnvelope('1.1', '1', '2'), { 'content-type': 'text/xml' });
      assert.equal(res.status, 200);
    },
    { maxRequestSize: 4096 },
  );
});

test('non-POST requests to the service path get 405; unknown paths 404', async () => {
  await withInterop(async ({ url }) => {
    const put = await send(url, 'PUT', 'x');
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, 'POST, GET');
    assert.equal((await send(url, 'GET', undefined)).status, 405);
    assert.equal((await send(url.replace('/interop', '/elsewhere'), 'POST', 'x')).status, 404);
  });
});

test('SOAP 1.2 rpc: routed by the operation wrapper, Sender faults with 400, action in the content type', async () => {
  const model = await loadWsdl(testPath('fixtures', 'server', 'calc12.wsdl'));
  const server = createSoapServer();
  const hosted = server.addService(model, {
    handlers: {
      add: (input) => ({ sum: (input as { a: number; b: number }).a + (input as { a: number; b: number }).b }),
      negate: (input) => ({ result: -(input as { a: bigint }).a }),
    },
  });
  assert.equal(hosted.path, '/services/calc');
  const { url } = await server.listen();
  try {
    const p = model.services[0]!.ports[0]!;
    const sum = await callOperation(`${url}${hosted.path}`, model, p, 'add', { a: 2, b: 3 });
    assert.ok('value' in sum);
    assert.deepEqual(sum.value, { sum: 5 });
    const neg = await callOperation(`${url}${hosted.path}`, model, p, 'negate', { a: 9007199254740993n });
    assert.ok('value' in neg);
    assert.deepEqual(neg.value, { result: -9007199254740993n });
    const bad = await send(
      `${url}${hosted.path}`,
      'POST',
      `<e:Envelope xmlns:e="${SOAP12}"><e:Body><c:add xmlns:c="urn:soapstack:calc"><a>x</a><b>1</b></c:add></e:Body></e:Envelope>`,
      {
        'content-type': 'application/soap+xml; charset=utf-8',
      },
    );
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<soap:Value>soap:Sender<\/soap:Value>/);
    const mismatch = await send(`${url}${hosted.path}`, 'POST', addEnvelope('1.1', '1'), {
      'content-type': 'text/xml',
    });
    assert.equal(mismatch.status, 500);
    assert.match(mismatch.text, new RegExp(`xmlns:soap="${SOAP11}"`));
    assert.match(mismatch.text, /VersionMismatch/);
  } finally {
    await server.close();
  }
});
