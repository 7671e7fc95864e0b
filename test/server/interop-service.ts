// The interop contract (test/fixtures/interop/interop.wsdl) implemented on soapstack's server, for the server
// tests and the peers' interop tests.

import type { OperationHandler } from '../../src/server/index.js';
import { DeclaredFault } from '../../src/server/index.js';
import { ORDER_FAULT_CODE, orderFaultReason } from '../interop/peers/contract.js';

type Order = Record<string, unknown> & { id: bigint; customer: Record<string, unknown> };

/** The handlers: echoOrder echoes, findOrders builds `max` orders, failOrder faults, addNumbers adds longs. */
export const interopHandlers: Record<string, OperationHandler> = {
  echoOrder: (input) => ({ order: (input as { order: Order }).order }),
  findOrders: (input) => {
    const { customer, max } = input as { customer: string; max: number };
    if (customer === 'unknown') return { orders: [] };
    const orders = Array.from({ length: max }, (_, i) => ({
      id: 9007199254740993n + BigInt(i),
      total: '12345678901234567.891',
      placed: new Date('2024-02-29T23:59:58Z'),
      customer: { name: customer, email: null, address: { street: '1 Main St', city: 'Springfield' } },
      lines: [{ sku: 'A-1', quantity: 2, price: '0.10' }],
      status: 'shipped',
    }));
    return { orders };
  },
  failOrder: (input) => {
    const id = String((input as { id: bigint }).id);
    throw new DeclaredFault(
      'OrderFault',
      { code: ORDER_FAULT_CODE, message: orderFaultReason(id) },
      { reason: orderFaultReason(id) },
    );
  },
  addNumbers: (input) => {
    const { a, b } = input as { a: bigint; b: bigint };
    return { sum: a + b };
  },
};
