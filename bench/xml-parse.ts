/**
 * XML reading speed: soapstack's `parseXml` (the whole tree built) against saxes parsing the same text in xmlns mode
 * with no listeners (no tree: the least a saxes-based reader can cost), on the real Dynamics Organization WSDL and on
 * the generated ~11 MB RetrieveMultiple response. The goal is a tree build at least twice saxes' raw parse speed.
 * Run alone with `node dist/bench/xml-parse.js`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { parseXml } from '../src/xml/parse.js';
import { generateRetrieveMultipleResponse } from './data/retrieve-multiple.js';
import { type BenchResult, type BenchRow, medianMs, round } from './harness.js';

const DYNAMICS = fileURLToPath(new URL('../../test/fixtures/real/dynamics-crm-2011/', import.meta.url));

function saxesParse(text: string): void {
  new SaxesParser({ xmlns: true }).write(text).close();
}

/** MB/s (10^6 UTF-8 bytes per second) of `parse` over `text`, repeated so that one sample lasts about 100 ms. */
async function throughput(text: string, parse: (text: string) => unknown): Promise<number> {
  const bytes = Buffer.byteLength(text);
  const start = performance.now();
  parse(text);
  const once = Math.max(performance.now() - start, 0.01);
  const repeat = Math.max(1, Math.round(100 / once));
  const ms = await medianMs(() => {
    for (let i = 0; i < repeat; i++) parse(text);
  }, 9);
  return bytes / 1e6 / (ms / 1000 / repeat);
}

/** Measures both readers on both inputs; returns the rows the bench runner prints. */
export async function benchXmlParse(): Promise<BenchResult> {
  const wsdl = readdirSync(DYNAMICS).find((name) => name.endsWith('.wsdl'))!;
  const inputs: Array<[string, string]> = [
    [`Dynamics WSDL (${wsdl.slice(0, 16)}..., 0.2 MB)`, readFileSync(join(DYNAMICS, wsdl), 'utf8')],
    ['RetrieveMultiple response (generated, ~11 MB)', generateRetrieveMultipleResponse()],
  ];
  const rows: BenchRow[] = [];
  for (const [label, text] of inputs) {
    const saxes = await throughput(text, saxesParse);
    const ours = await throughput(text, parseXml);
    rows.push(
      { label: `${label}: saxes raw parse (xmlns, no tree)`, value: round(saxes), unit: 'MB/s' },
      { label: `${label}: soapstack parseXml (tree)`, value: round(ours), unit: 'MB/s' },
      { label: `${label}: parseXml / saxes`, value: round(ours / saxes), unit: 'x', goal: '>= 2' },
    );
  }
  return { name: 'XML parse throughput', rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchXmlParse();
  for (const row of result.rows) {
    console.log(`${row.label}: ${row.value} ${row.unit}${row.goal ? ` (goal ${row.goal})` : ''}`);
  }
}
