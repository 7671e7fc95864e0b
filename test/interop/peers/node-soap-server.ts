// node-soap peer: the interop contract (interop.wsdl) hosted by node-soap's `soap.listen` on a node:http
// server, so that soapstack's client is proven against a server it did not write. Values follow
// node-soap's JSON conventions (wrapper children as properties, repeated elements as arrays, nil as
// null); longs, decimals and dateTimes stay strings (see node-soap-options.ts).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { interopWsdlPath, ORDER_FAULT_CODE, type OrderJson, orderFaultReason, ordersOf } from './contract.js';
import { exactDeserializers } from './node-soap-options.js';

/** A running node-soap server of the interop contract. */
export interface NodeSoapServer {
  /** The endpoint, e.g. http://127.0.0.1:41234/interop */
  url: string;
  /** `${url}?wsdl`: node-soap serves the WSDL it was given, its soap:address set to `url`. */
  wsdlUrl: string;
  /** Every request envelope received, raw, oldest first (to check what a client sent). */
  received: string[];
  close(): Promise<void>;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * node-soap writes a null as `xsi:nil="true"` but never declares the xsi prefix in a server's response
 * (its envelope carries only the WSDL's own namespaces), which makes the response malformed XML. So each
 * null is written with node-soap's attribute convention instead, declaring xsi on the element itself.
 */
function nilsDeclared(value: unknown): unknown {
  if (value === null) return { attributes: { 'xmlns:xsi': XSI, 'xsi:nil': 'true' } };
  if (Array.isArray(value)) return value.map(nilsDeclared);
  if (typeof value === 'object' && value !== undefined) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nilsDeclared(item)]));
  }
  return value;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A SOAP 1.1 fault the node-soap way: an object with a `Fault` property, thrown from the handler. */
function soapFault(faultcode: string, faultstring: string, detail?: Record<string, unknown>): { Fault: object } {
  return { Fault: { faultcode, faultstring, ...(detail ? { detail } : {}), statusCode: 500 } };
}

/** The contract's operations, with node-soap's handler signature (args in, result object out). */
const operations = {
  echoOrder(args: { order: OrderJson }): { order: OrderJson } {
    return { order: nilsDeclared(args.order) as OrderJson };
  },
  findOrders(args: { customer: string; max: number | string }): { orders: OrderJson[] } {
    return { orders: nilsDeclared(ordersOf(args.customer, Number(args.max))) as OrderJson[] };
  },
  failOrder(args: { id: string }): never {
    const reason = orderFaultReason(String(args.id));
    // The detail entry is the contract's tns:OrderFault element; node-soap writes the keys as given,
    // so the prefix and its declaration are spelled out.
    throw soapFault('soap:Server', reason, {
      'tns:OrderFault': {
        attributes: { 'xmlns:tns': 'urn:soapstack:interop' },
        'tns:code': ORDER_FAULT_CODE,
        'tns:message': reason,
      },
    });
  },
  addNumbers(args: { a: string; b: string }): { sum: string } {
    const sum = BigInt(args.a) + BigInt(args.b);
    if (sum < LONG_MIN || sum > LONG_MAX) {
      throw soapFault('soap:Client', `sum ${sum} is outside the range of xs:long`);
    }
    return { sum: sum.toString() };
  },
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts node-soap on 127.0.0.1, a free port, path /interop. */
export async function startNodeSoapServer(): Promise<NodeSoapServer> {
  const server = createServer();
  const port = await listen(server);
  const url = `http://127.0.0.1:${port}/interop`;
  const wsdl = (await readFile(interopWsdlPath, 'utf8')).replace(/(<soap:address location=")[^"]*(")/, `$1${url}$2`);
  const received: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const soapServer = soap.listen(server, {
      path: '/interop',
      services: { InteropService: { InteropPort: operations } },
      xml: wsdl,
      handleNilAsNull: true,
      customDeserializer: exactDeserializers,
      callback: (error: unknown) => (error ? reject(error) : resolve()),
    } as soap.IServerOptions);
    soapServer.log = (type: string, data: unknown) => {
      if (type === 'received' && typeof data === 'string') received.push(data);
    };
  });
  return {
    url,
    wsdlUrl: `${url}?wsdl`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
