/**
 * `npm run bench`: runs every benchmark of GUIDE section 5 that exists so far, side by side with the peers
 * installed here, and prints one table of figures and ratios. Pass names to run only some: `npm run bench -- compile`.
 */
import type { BenchResult } from './harness.js';

type Bench = () => Promise<BenchResult>;

const benches: Record<string, () => Promise<Bench>> = {
  compile: async () => (await import('./compile.js')).benchCompile,
  xml: async () => (await import('./xml-parse.js')).benchXmlParse,
  stream: async () => (await import('./stream.js')).benchStream,
  transport: async () => (await import('./transport.js')).benchTransport,
  decode: async () => {
    const [{ benchDecode }, { soapstackRetrieveMultipleDecoder }] = await Promise.all([
      import('./decode.js'),
      import('./soapstack-sides.js'),
    ]);
    const decode = await soapstackRetrieveMultipleDecoder();
    return () => benchDecode(decode);
  },
  calls: async () => {
    const [{ benchCalls, quoteWsdlPath }, { soapstackQuoteCaller }] = await Promise.all([
      import('./calls.js'),
      import('./soapstack-sides.js'),
    ]);
    return () => benchCalls(soapstackQuoteCaller(quoteWsdlPath()));
  },
  hosting: async () => {
    const [{ benchHosting }, { soapstackQuoteHost }] = await Promise.all([
      import('./calls.js'),
      import('./soapstack-sides.js'),
    ]);
    return () => benchHosting(soapstackQuoteHost);
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(benches);
  for (const name of names) {
    const load = benches[name];
    if (!load) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
    const result = await (await load())();
    print(result);
  }
}

function print(result: BenchResult): void {
  const width = Math.max(...result.rows.map((r) => r.label.length), 10);
  process.stdout.write(`\n${result.name}\n${'-'.repeat(width + 32)}\n`);
  for (const row of result.rows) {
    const goal = row.goal ? `   goal ${row.goal}` : '';
    process.stdout.write(`${row.label.padEnd(width)}  ${String(row.value).padStart(10)} ${row.unit}${goal}\n`);
  }
  for (const note of result.notes ?? []) process.stdout.write(`note: ${note}\n`);
}

await main();
