/**
 * Typed decode speed (GUIDE section 5): the same generated RetrieveMultiple reply (5,000 entities x 10 xsi:typed
 * attributes) decoded by a raw saxes parse, node-soap and, when the lead passes it, soapstack, measured in turns
 * in this process (median of 5 rounds after a warm-up), then by zeep (Python, its own process and clock, median
 * of 3). MB/s is reply bytes (10^6) over the median decode time; the ratios are soapstack's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRetrieveMultipleResponse } from './data/retrieve-multiple.js';
import { type BenchResult, type BenchRow, round } from './harness.js';
import { interleavedMedianMs } from './peers/interleave.js';
import { nodeSoapDecoder } from './peers/node-soap-decode.js';
import { DYNAMICS_WSDL } from './peers/paths.js';
import { saxesParse } from './peers/saxes-parse.js';
import { zeepDecode } from './peers/zeep.js';

const ROUNDS = 5;

export async function benchDecode(soapstackDecode?: (xml: string) => unknown): Promise<BenchResult> {
  const xml = generateRetrieveMultipleResponse();
  const megabytes = Buffer.byteLength(xml) / 1e6;
  const rate = (ms: number): number => megabytes / (ms / 1000);
  const notes = [`reply: ${round(megabytes)} MB, 5,000 entities x 10 attributes`];
  const rows: BenchRow[] = [];

  const nodeSoapDecode = await nodeSoapDecoder();
  const tasks: Record<string, () => unknown> = {
    saxes: () => saxesParse(xml),
    nodeSoap: () => nodeSoapDecode(xml),
  };
  if (soapstackDecode) tasks.soapstack = () => soapstackDecode(xml);
  const ms = await interleavedMedianMs(tasks, ROUNDS, 1);
  const saxes = rate(ms.saxes!);
  const nodeSoap = rate(ms.nodeSoap!);
  rows.push(
    { label: 'saxes raw parse (xmlns)', value: round(saxes), unit: 'MB/s' },
    { label: 'node-soap decode (wsdl.xmlToObject)', value: round(nodeSoap), unit: 'MB/s' },
  );

  const dir = mkdtempSync(join(tmpdir(), 'soapstack-bench-decode-'));
  let zeep: number | undefined;
  try {
    const replyPath = join(dir, 'retrieve-multiple.xml');
    writeFileSync(replyPath, xml);
    const outcome = await zeepDecode(DYNAMICS_WSDL, replyPath);
    if ('missing' in outcome) notes.push(outcome.missing);
    else {
      zeep = outcome.result.mbPerSec;
      rows.push({ label: 'zeep decode (binding.process_reply)', value: round(zeep), unit: 'MB/s' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (ms.soapstack !== undefined) {
    const soapstack = rate(ms.soapstack);
    rows.push(
      { label: 'soapstack decode', value: round(soapstack), unit: 'MB/s' },
      { label: 'soapstack / saxes', value: round(soapstack / saxes), unit: 'x', goal: '>= 0.7' },
      { label: 'soapstack / node-soap', value: round(soapstack / nodeSoap), unit: 'x', goal: '>= 4' },
    );
    if (zeep !== undefined) {
      rows.push({ label: 'soapstack / zeep', value: round(soapstack / zeep), unit: 'x', goal: '>= 8' });
    }
  }
  return { name: 'Typed decode (RetrieveMultiple, 5,000 x 10)', rows, notes };
}
