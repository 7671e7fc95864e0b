/**
 * Per-call overhead and hosting throughput (GUIDE section 5), on getQuote of bench/peers/quote.wsdl, 8 calls in
 * flight, keep-alive, everything on 127.0.0.1; contenders take turns in 0.5 s slices, 3 s of load each.
 * - benchCalls: one fixed-response node:http server; callers are a raw undici POST loop, node-soap's client and,
 *   when the lead passes it, soapstack's client. Figures are completed calls/s.
 * - benchHosting: one load generator (the raw undici loop); servers are the fixed-response one, node-soap's
 *   `soap.listen` and, when the lead passes it, soapstack's host of the same WSDL.
 */
import { type BenchResult, type BenchRow, round } from './harness.js';
import { startFixedServer } from './peers/fixed-server.js';
import { interleavedCallsPerSecond, type LoadOptions } from './peers/load.js';
import { nodeSoapQuoteCaller } from './peers/node-soap-client.js';
import { startNodeSoapQuoteServer } from './peers/node-soap-server.js';
import {
  QUOTE_PATH,
  QUOTE_PRICE,
  QUOTE_REPLY,
  QUOTE_REQUEST,
  QUOTE_REQUEST_HEADERS,
  QUOTE_WSDL,
} from './peers/quote.js';
import { rawPoster } from './peers/undici-post.js';

export { QUOTE_WSDL } from './peers/quote.js';

const LOAD: LoadOptions = { inFlight: 8, slices: 6, sliceMs: 500, warmupMs: 600 };

type Caller = { call(): Promise<unknown>; close(): Promise<void> };
type Host = { url: string; close(): Promise<void> };

/** The path of the WSDL both benchmarks use, for creating soapstack's client or host. */
export function quoteWsdlPath(): string {
  return QUOTE_WSDL;
}

export async function benchCalls(soapstackCall?: (url: string) => Caller): Promise<BenchResult & { wsdlPath: string }> {
  const server = await startFixedServer(QUOTE_REPLY);
  const url = server.origin + QUOTE_PATH;
  const callers: Record<string, Caller> = {};
  const rows: BenchRow[] = [];
  try {
    callers.raw = rawPoster(url, QUOTE_REQUEST, QUOTE_REQUEST_HEADERS, LOAD.inFlight);
    callers.nodeSoap = await nodeSoapQuoteCaller(url);
    if (soapstackCall) callers.soapstack = soapstackCall(url);
    for (const caller of Object.values(callers)) await caller.call(); // a failing caller fails before the timing
    const calls = Object.fromEntries(Object.entries(callers).map(([name, caller]) => [name, () => caller.call()]));
    const rate = await interleavedCallsPerSecond(calls, LOAD);
    const raw = rate.raw!;
    const nodeSoap = rate.nodeSoap!;
    rows.push(
      { label: 'raw undici POST loop', value: round(raw), unit: 'calls/s' },
      { label: 'node-soap client', value: round(nodeSoap), unit: 'calls/s' },
      { label: 'node-soap / raw (peer, for reference)', value: round(nodeSoap / raw), unit: 'x' },
    );
    if (rate.soapstack !== undefined) {
      rows.push(
        { label: 'soapstack client', value: round(rate.soapstack), unit: 'calls/s' },
        { label: 'soapstack / raw', value: round(rate.soapstack / raw), unit: 'x', goal: '>= 0.9' },
        { label: 'soapstack / node-soap', value: round(rate.soapstack / nodeSoap), unit: 'x', goal: '>= 2.5' },
      );
    }
  } finally {
    for (const caller of Object.values(callers)) await caller.close();
    await server.close();
  }
  return {
    name: `Per-call overhead (getQuote, ${LOAD.inFlight} in flight, keep-alive)`,
    rows,
    notes: ['one fixed-response node:http server for every caller; 6 x 0.5 s of load each, in turns'],
    wsdlPath: QUOTE_WSDL,
  };
}

async function fixedHost(): Promise<Host> {
  const server = await startFixedServer(QUOTE_REPLY);
  return { url: server.origin + QUOTE_PATH, close: server.close };
}

export async function benchHosting(
  soapstackServe?: (wsdlPath: string) => Promise<Host>,
): Promise<BenchResult & { wsdlPath: string }> {
  const hosts: Record<string, Host> = {};
  const posters: Caller[] = [];
  const rows: BenchRow[] = [];
  try {
    hosts.fixed = await fixedHost();
    hosts.nodeSoap = await startNodeSoapQuoteServer();
    if (soapstackServe) hosts.soapstack = await soapstackServe(QUOTE_WSDL);
    const calls: Record<string, () => Promise<unknown>> = {};
    for (const [name, host] of Object.entries(hosts)) {
      const poster = rawPoster(host.url, QUOTE_REQUEST, QUOTE_REQUEST_HEADERS, LOAD.inFlight);
      posters.push(poster);
      const first = await poster.call(); // a failing host fails before the timing
      if (!first.includes(QUOTE_PRICE))
        throw new Error(`${name}: the getQuote reply has no price: ${first.slice(0, 300)}`);
      calls[name] = () => poster.call();
    }
    const rate = await interleavedCallsPerSecond(calls, LOAD);
    const fixed = rate.fixed!;
    const nodeSoap = rate.nodeSoap!;
    rows.push(
      { label: 'fixed-response node:http', value: round(fixed), unit: 'calls/s' },
      { label: 'node-soap soap.listen', value: round(nodeSoap), unit: 'calls/s' },
      { label: 'node-soap / fixed (peer, for reference)', value: round(nodeSoap / fixed), unit: 'x' },
    );
    if (rate.soapstack !== undefined) {
      rows.push(
        { label: 'soapstack host', value: round(rate.soapstack), unit: 'calls/s' },
        { label: 'soapstack / node-soap', value: round(rate.soapstack / nodeSoap), unit: 'x', goal: '>= 2' },
        { label: 'soapstack / fixed', value: round(rate.soapstack / fixed), unit: 'x', goal: '>= 0.5' },
      );
    }
  } finally {
    for (const poster of posters) await poster.close();
    for (const host of Object.values(hosts)) await host.close();
  }
  return {
    name: `Hosting throughput (getQuote, raw undici load, ${LOAD.inFlight} in flight, keep-alive)`,
    rows,
    notes: ['every host loaded by the same raw undici POST loop; 6 x 0.5 s of load each, in turns'],
    wsdlPath: QUOTE_WSDL,
  };
}
