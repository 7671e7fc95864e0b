// The interop contract's values in JSON form, shared by the peers and their tests: where the WSDL is,
// and sample data chosen to break lossy toolkits (a long beyond 2^53, a 20-digit decimal, a nil email,
// repeated lines, an enumeration). Longs and decimals are strings so that no digit is lost in JSON.
import { testPath } from '../../support/paths.js';

/** test/fixtures/interop/interop.wsdl: document/literal wrapped, SOAP 1.1, namespace urn:soapstack:interop. */
export const interopWsdlPath: string = testPath('fixtures', 'interop', 'interop.wsdl');

/** The contract's target namespace. */
export const INTEROP_NS = 'urn:soapstack:interop';

/** 2^53 + 1: the first integer a JavaScript number cannot hold. */
export const BIG_LONG = '9007199254740993';

/** 20 significant digits: more than a double keeps. */
export const BIG_DECIMAL = '12345678901234567.891';

/** The fault code every peer puts in OrderFault's detail. */
export const ORDER_FAULT_CODE = 42;

/** The reason failOrder gives for an order id. */
export function orderFaultReason(id: string): string {
  return `order ${id} cannot be processed`;
}

/** A line of an order. */
export interface LineJson {
  sku: string;
  quantity: number;
  price: string;
}

/** An order as the peers exchange it in JSON (long and decimal as strings, dateTime as ISO text). */
export interface OrderJson {
  id: string;
  total: string;
  placed: string;
  customer: { name: string; email: string | null; address?: { street: string; city: string } };
  lines: LineJson[];
  note?: string | null;
  status: 'open' | 'shipped' | 'cancelled';
}

/** The order the tests send to echoOrder. */
export function sampleOrder(): OrderJson {
  return {
    id: BIG_LONG,
    total: BIG_DECIMAL,
    placed: '2024-02-29T23:59:58Z',
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

/**
 * The orders findOrders returns for a customer: `max` of them (ids BIG_LONG, BIG_LONG + 1, ..., no note),
 * none for `unknown`. spyne_server.py builds the same orders.
 */
export function ordersOf(customer: string, max: number): OrderJson[] {
  if (customer === 'unknown') return [];
  return Array.from({ length: max }, (_, i) => {
    const { note: _note, ...order } = sampleOrder();
    return {
      ...order,
      id: (BigInt(BIG_LONG) + BigInt(i)).toString(),
      customer: { name: customer, email: null, address: { street: '1 Main St', city: 'Springfield' } },
    };
  });
}
