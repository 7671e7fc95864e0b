// soapstack's client against servers it did not write: spyne (Python) and node-soap, each hosting the interop
// contract (nested types, arrays, nil, 20-digit decimals, 64-bit integers, dates, a declared fault).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createClient } from '../../src/client/index.js';
import { SoapFault } from '../../src/soap/fault.js';
import { hasSpyne, requirePeer } from '../support/peers.js';
import { BIG_DECIMAL, BIG_LONG, ORDER_FAULT_CODE, orderFaultReason } from './peers/contract.js';
import { startNodeSoapServer } from './peers/node-soap-server.js';
import { startSpyneServer } from './peers/spyne.js';

interface Peer {
  wsdlUrl: string;
  close(): Promise<void>;
}

/** The order in soapstack's own mapping: long as bigint, decimal as exact text, dateTime as Date. */
function order() {
  return {
    id: BigInt(BIG_LONG),
    total: BIG_DECIMAL,
    placed: new Date('2024-02-29T23:59:58Z'),
    customer: { name: 'Ada Lovelace', email: null, address: { street: '12 St James Sq', city: 'London' } },
    lines: [
      { sku: 'A-1', quantity: 2, price: '0.10' },
      { sku: 'B-2', quantity: 1, price: '99999999999999999.99' },
      { sku: 'C-3', quantity: 2147483647, price: '-0.000000000000000001' },
    ],
    note: 'leave at the door',
    status: 'shipped',
  };
}

/** Decimals compare by value: a server may write `0.1` for `0.10`. */
function decimalEquals(actual: unknown, expected: string): void {
  assert.equal(typeof actual, 'string', `decimal as text, got ${typeof actual}`);
  const norm = (s: string) => s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  assert.equal(norm(actual as string), norm(expected));
}

function checkOrder(actual: Record<string, unknown>, expected: ReturnType<typeof order>): void {
  assert.equal(actual.id, expected.id);
  decimalEquals(actual.total, expected.total);
  assert.ok(actual.placed instanceof Date);
  assert.equal((actual.placed as Date).toISOString(), expected.placed.toISOString());
  assert.deepEqual(actual.customer, expected.customer);
  const lines = actual.lines as Array<Record<string, unknown>>;
  assert.equal(lines.length, expected.lines.length);
  lines.forEach((line, i) => {
    assert.equal(line.sku, expected.lines[i]!.sku);
    assert.equal(line.quantity, expected.lines[i]!.quantity);
    decimalEquals(line.price, expected.lines[i]!.price);
  });
  assert.equal(actual.status, expected.status);
}

const peers: Array<{ name: string; available: () => boolean; start: () => Promise<Peer> }> = [
  { name: 'spyne', available: hasSpyne, start: startSpyneServer },
  { name: 'node-soap', available: () => true, start: startNodeSoapServer },
];

for (const peer of peers) {
  describe(`soapstack client -> ${peer.name} server`, () => {
    let server: Peer | undefined;
    let client: Client | undefined;

    before(async () => {
      if (!peer.available()) return;
      server = await peer.start();
      client = await createClient(server.wsdlUrl, { cache: false });
    });
    after(async () => {
      await client?.close();
      await server?.close();
    });

    test('echoOrder returns nested values, arrays, nil, exact longs, decimals and dates', async (t) => {
      if (!requirePeer(t, peer.name, peer.available())) return;
      const sent = order();
      const result = (await client!.call('echoOrder', { order: sent })) as { order: Record<string, unknown> };
      checkOrder(result.order, sent);
      assert.equal(result.order.note, 'leave at the door');
      assert.equal((result.order.customer as { email: unknown }).email, null);
    });

    test('findOrders returns an array, even of one, and none for an unknown customer', async (t) => {
      if (!requirePeer(t, peer.name, peer.available())) return;
      const three = (await client!.call('findOrders', { customer: 'grace', max: 3 })) as { orders: unknown[] };
      assert.equal(three.orders.length, 3);
      assert.equal((three.orders[2] as { id: bigint }).id, BigInt(BIG_LONG) + 2n);
      const one = (await client!.call('findOrders', { customer: 'grace', max: 1 })) as { orders: unknown[] };
      assert.ok(Array.isArray(one.orders));
      assert.equal(one.orders.length, 1);
      const none = (await client!.call('findOrders', { customer: 'unknown', max: 3 })) as { orders?: unknown[] };
      assert.equal(none.orders?.length ?? 0, 0);
    });

    test('addNumbers is exact at the edge of 64 bits', async (t) => {
      if (!requirePeer(t, peer.name, peer.available())) return;
      const result = (await client!.call('addNumbers', { a: 9223372036854775000n, b: 807n })) as { sum: bigint };
      assert.equal(result.sum, 9223372036854775807n);
    });

    test('failOrder rejects with a SoapFault carrying the reason and the decoded OrderFault detail', async (t) => {
      if (!requirePeer(t, peer.name, peer.available())) return;
      const error = await client!.call('failOrder', { id: 7n }).then(
        () => assert.fail('failOrder must fail'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof SoapFault, `a SoapFault, got ${String(error)}`);
      assert.equal(error.reason, orderFaultReason('7'));
      assert.equal(error.faultName, 'OrderFault');
      const detail = error.decodedDetail as { code: number; message: string };
      assert.equal(detail.code, ORDER_FAULT_CODE);
      assert.equal(typeof detail.message, 'string');
    });
  });
}
