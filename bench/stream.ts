/**
 * Memory while streaming (GUIDE section 5: "streaming 100,000 entities through RetrieveMultiple paging: peak
 * RSS < 100 MB"). The Dynamics emulator runs in this process with 100,000 accounts added to its store; the
 * client runs in a child process (`stream-client.ts`), so that its RSS is the client's alone and not the
 * emulator's store. The child signs in with OAuth on `/web` and reads every account through `iterate(query)`
 * with pages of 5,000 (the server's maximum), one page held at a time. Both processes' memory is reported.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startDynamicsEmulator } from '../src/emulators/index.js';
import { type BenchResult, round } from './harness.js';
import type { StreamClientInput, StreamClientResult } from './stream-client.js';

/** How many accounts are generated into the store. */
export const STREAM_RECORDS = 100_000;
/** Records per page: the Organization service's maximum. */
/** Page sizes measured: the server's maximum, and a tenth of it (memory per page scales with the page). */
export const STREAM_PAGE_SIZES = [5000, 500] as const;
const COLUMNS = [
  'name',
  'accountnumber',
  'address1_city',
  'telephone1',
  'revenue',
  'numberofemployees',
  'industrycode',
] as const;
const CITIES = ['Paris', 'Lyon', 'Seattle', 'Dallas', 'Redmond', 'Oslo', 'Porto', 'Kyoto'];
const INDUSTRIES = [1, 2, 6, 7, 33];
const MB = 1024 * 1024;

/** Runs the client script in a child process and reads its one-line JSON answer. */
function runClient(input: StreamClientInput): Promise<StreamClientResult> {
  const script = fileURLToPath(new URL('./stream-client.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the stream client exited with code ${code}`));
      try {
        resolve(JSON.parse(out) as StreamClientResult);
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(JSON.stringify(input));
  });
}

/** Streams 100,000 accounts from the emulator through the Dynamics client's paging; see the file comment. */
export async function benchStream(): Promise<BenchResult> {
  const emulator = await startDynamicsEmulator();
  try {
    const generated = performance.now();
    for (let i = 0; i < STREAM_RECORDS; i++) {
      // Ids in counting order: cheap to make, and the order the store pages in.
      const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      emulator.store.create(
        'account',
        [
          { key: 'name', value: `Account ${i}` },
          { key: 'accountnumber', value: `AC-${i}` },
          { key: 'address1_city', value: CITIES[i % CITIES.length] },
          { key: 'telephone1', value: `+33 1 ${String(i).padStart(8, '0')}` },
          { key: 'revenue', value: `${i}.25` },
          { key: 'numberofemployees', value: i % 5000 },
          { key: 'industrycode', value: INDUSTRIES[i % INDUSTRIES.length] },
        ],
        { id, system: true },
      );
    }
    const generateMs = performance.now() - generated;
    const expected = emulator.store.count('account');
    const serverRssAfterLoad = process.memoryUsage().rss;
    let serverPeak = serverRssAfterLoad;
    const timer = setInterval(() => {
      serverPeak = Math.max(serverPeak, process.memoryUsage().rss);
    }, 20);
    const clients: Array<{ pageSize: number; result: StreamClientResult }> = [];
    try {
      for (const pageSize of STREAM_PAGE_SIZES) {
        const result = await runClient({
          webUrl: emulator.webUrl,
          tokenUrl: emulator.tokenUrl,
          clientId: DEFAULT_CLIENT_ID,
          clientSecret: DEFAULT_CLIENT_SECRET,
          pageSize,
          columns: COLUMNS,
        });
        if (result.entities !== expected) {
          throw new Error(`the client streamed ${result.entities} accounts; the store holds ${expected}`);
        }
        clients.push({ pageSize, result });
      }
    } finally {
      clearInterval(timer);
    }
    const clientRows = clients.flatMap(({ pageSize, result }) => [
      { label: `pages of ${pageSize}: pages`, value: result.pages, unit: '' },
      {
        label: `pages of ${pageSize}: entities/s (client, emulator on this machine)`,
        value: round(result.entities / (result.ms / 1000)),
        unit: '/s',
      },
      {
        label: `pages of ${pageSize}: client peak RSS (sampled)`,
        value: round(result.peakRss / MB),
        unit: 'MB',
        goal: '< 100',
      },
      {
        label: `pages of ${pageSize}: client maxRSS (resourceUsage)`,
        value: round(result.maxRssKb / 1024),
        unit: 'MB',
        goal: '< 100',
      },
      { label: `pages of ${pageSize}: client RSS after sign-in`, value: round(result.baselineRss / MB), unit: 'MB' },
    ]);
    return {
      name: `Streaming ${expected.toLocaleString('en')} accounts through RetrieveMultiple paging`,
      rows: [
        { label: 'entities streamed (each run)', value: expected, unit: '' },
        ...clientRows,
        { label: 'emulator process RSS, store loaded', value: round(serverRssAfterLoad / MB), unit: 'MB' },
        { label: 'emulator process peak RSS while serving', value: round(serverPeak / MB), unit: 'MB' },
        {
          label: 'emulator process maxRSS (resourceUsage)',
          value: round(process.resourceUsage().maxRSS / 1024),
          unit: 'MB',
        },
      ],
      notes: [
        `${STREAM_RECORDS.toLocaleString('en')} accounts generated into the emulator's store in ${Math.round(generateMs)} ms`,
        "each page size ran in its own child process; the emulator's figures include its store",
      ],
    };
  } finally {
    await emulator.close();
  }
}
