// Peers as clients of a soapstack-hosted interop service: zeep and node-soap call every operation of
// interop.wsdl through the served ?wsdl, get the right values, and receive the declared fault with its detail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSoapServer } from '../../src/server/index.js';
import { loadWsdl } from '../../src/wsdl/index.js';
import { BIG_DECIMAL, BIG_LONG, interopWsdlPath, sampleOrder } from '../interop/peers/contract.js';
import { callWithNodeSoap } from '../interop/peers/node-soap-client.js';
import { callWithZeep } from '../interop/peers/zeep.js';
import { hasZeep, requirePeer } from '../support/peers.js';
import { interopHandlers } from './interop-service.js';

async function hosted(fn: (wsdlUrl: string) => Promise<void>): Promise<void> {
  const server = createSoapServer();
  server.addService(await loadWsdl(interopWsdlPath), { handlers: interopHandlers });
  const { url } = await server.listen();
  try {
    await fn(`${url}/interop?wsdl`);
  } finally {
    await server.close();
  }
}

test('zeep calls every interop operation of a soapstack server and gets the declared fault with its detail', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  await hosted(async (wsdl) => {
    const order = sampleOrder();
    const echoed = await callWithZeep(wsdl, 'echoOrder', { order });
    assert.ok('result' in echoed, JSON.stringify(echoed));
    const got = echoed.result as typeof order;
    assert.equal(got.id, BIG_LONG);
    assert.equal(got.total, BIG_DECIMAL);
    assert.equal(got.placed, order.placed);
    assert.equal(got.customer.email, null);
    assert.deepEqual(
      got.lines.map((l) => l.price),
      ['0.1', '99999999999999999.99', '-0.000000000000000001'],
    );
    const sum = await callWithZeep(wsdl, 'addNumbers', { a: BIG_LONG, b: '1' });
    assert.ok('result' in sum);
    assert.equal(sum.result, '9007199254740994');
    const found = await callWithZeep(wsdl, 'findOrders', { customer: 'Bob', max: 2 });
    assert.ok('result' in found);
    assert.equal((found.result as unknown[]).length, 2);
    const failed = await callWithZeep(wsdl, 'failOrder', { id: '5' });
    assert.ok('fault' in failed);
    assert.equal(failed.fault.message, 'order 5 cannot be processed');
    assert.match(failed.fault.detail ?? '', /OrderFault[\s\S]*<ns1:code>42<\/ns1:code>/);
  });
});

test('node-soap calls every interop operation of a soapstack server and gets the declared fault with its detail', async () => {
  await hosted(async (wsdl) => {
    const order = sampleOrder();
    const echoed = await callWithNodeSoap(wsdl, 'echoOrder', { order });
    assert.ok('result' in echoed);
    const got = (echoed.result as { order: typeof order }).order;
    assert.equal(got.id, BIG_LONG);
    assert.equal(got.total, BIG_DECIMAL);
    assert.equal(got.customer.name, 'Ada Lovelace');
    assert.equal(got.lines.length, 3);
    const sum = await callWithNodeSoap(wsdl, 'addNumbers', { a: BIG_LONG, b: '1' });
    assert.ok('result' in sum);
    assert.equal(String((sum.result as { sum: unknown }).sum), '9007199254740994');
    const found = await callWithNodeSoap(wsdl, 'findOrders', { customer: 'Bob', max: 2 });
    assert.ok('result' in found);
    assert.equal((found.result as { orders: unknown[] }).orders.length, 2);
    const failed = await callWithNodeSoap(wsdl, 'failOrder', { id: '5' });
    assert.ok('fault' in failed);
    assert.equal(failed.fault.message, 'order 5 cannot be processed');
    assert.equal(String((failed.fault.detail as { OrderFault: { code: unknown } }).OrderFault.code), '42');
  });
});
