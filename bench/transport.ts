/**
 * Per-call overhead of the transport: calls per second against one fixed-response local server (keep-alive,
 * 8 calls in flight), the raw undici `Pool.request` POST loop against `createHttpTransport().send`. The
 * goal (GUIDE.md section 5) is a ratio of at least 0.9. Run alone with `node dist/bench/transport.js`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { createHttpTransport } from '../src/transport/http.js';

const IN_FLIGHT = 8;
const MEASURE_MS = 3000;
const WARMUP_MS = 1000;
const ROUNDS = 6;

const RESPONSE = Buffer.from(
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
    '<ExecuteResponse xmlns="http://schemas.microsoft.com/xrm/2011/Contracts/Services"><ExecuteResult/>' +
    '</ExecuteResponse></s:Body></s:Envelope>',
);
const REQUEST =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
  '<Execute xmlns="http://schemas.microsoft.com/xrm/2011/Contracts/Services"><request/></Execute>' +
  '</s:Body></s:Envelope>';
const HEADERS = {
  'content-type': 'text/xml; charset=utf-8',
  soapaction: '"http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Execute"',
};

/** Calls completed, wall time and process CPU time spent on them. */
interface Tally {
  calls: number;
  ms: number;
  cpuMs: number;
}

/** Runs `call` with IN_FLIGHT workers for `ms`, adding the calls, wall time and CPU time to `tally`. */
async function measure(call: () => Promise<unknown>, ms: number, tally: Tally): Promise<void> {
  let calls = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + ms;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await call();
      calls++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const used = process.cpuUsage(cpu);
  tally.calls += calls;
  tally.ms += performance.now() - started;
  tally.cpuMs += (used.user + used.system) / 1000;
}

/**
 * Alternates the two loops in short rounds (ROUNDS x MEASURE_MS / ROUNDS each), so that a change in machine
 * load during the run weighs on both sides alike instead of on whichever ran second.
 */
async function race(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[Tally, Tally]> {
  const ta: Tally = { calls: 0, ms: 0, cpuMs: 0 };
  const tb: Tally = { calls: 0, ms: 0, cpuMs: 0 };
  const round = MEASURE_MS / ROUNDS;
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      await measure(a, round, ta);
      await measure(b, round, tb);
    } else {
      await measure(b, round, tb);
      await measure(a, round, ta);
    }
  }
  return [ta, tb];
}

/** Measures raw undici against the transport; returns the rows the bench runner prints. */
export async function benchTransport(): Promise<{
  name: string;
  rows: Array<{ label: string; value: number; unit: string }>;
}> {
  const server = createServer((req, res) => {
    // Drain the request before answering, as a real SOAP server must read the envelope.
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': RESPONSE.length });
      res.end(RESPONSE);
    });
  });
  server.keepAliveTimeout = 10_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/XRMServices/2011/Organization.svc`;

  const pool = new Pool(origin, { connections: IN_FLIGHT, pipelining: 1 });
  const raw = async (): Promise<void> => {
    const { body } = await pool.request({
      path: '/XRMServices/2011/Organization.svc',
      method: 'POST',
      headers: HEADERS,
      body: REQUEST,
    });
    // A caller needs the bytes, as the transport returns them.
    Buffer.from(await body.arrayBuffer());
  };
  const transport = createHttpTransport({ connections: IN_FLIGHT });
  const request = { url, method: 'POST' as const, headers: HEADERS, body: REQUEST };
  const viaTransport = (): Promise<unknown> => transport.send(request);

  try {
    const warm: Tally = { calls: 0, ms: 0, cpuMs: 0 };
    await measure(raw, WARMUP_MS, warm);
    await measure(viaTransport, WARMUP_MS, warm);
    const [rawTally, transportTally] = await race(raw, viaTransport);
    const rawRate = rawTally.calls / (rawTally.ms / 1000);
    const transportRate = transportTally.calls / (transportTally.ms / 1000);
    // CPU per call (client and server share the process) is steadier than calls/s on a loaded machine.
    const rawCpu = (rawTally.cpuMs * 1000) / rawTally.calls;
    const transportCpu = (transportTally.cpuMs * 1000) / transportTally.calls;
    const rows = [
      { label: 'raw undici Pool.request POST loop', value: Math.round(rawRate), unit: 'calls/s' },
      { label: 'createHttpTransport().send', value: Math.round(transportRate), unit: 'calls/s' },
      { label: 'transport / raw (goal >= 0.9)', value: round3(transportRate / rawRate), unit: 'ratio' },
      { label: 'raw undici CPU per call (client + server)', value: round3(rawCpu), unit: 'us' },
      { label: 'transport CPU per call (client + server)', value: round3(transportCpu), unit: 'us' },
    ];
    for (const row of rows) console.log(`transport: ${row.label}: ${row.value} ${row.unit}`);
    return { name: 'transport per-call overhead (8 in flight, keep-alive)', rows };
  } finally {
    await Promise.all([pool.close(), transport.close()]);
    server.closeAllConnections();
    server.close();
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchTransport();
}
