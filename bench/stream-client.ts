/**
 * The client side of the streaming benchmark, run in a process of its own so that its memory is the client's
 * alone (the emulator and its 100,000 records live in the parent). It reads one JSON line on stdin (the
 * endpoint, the OAuth client and the page size; the secret never goes on the command line), signs in with the
 * Dynamics client (OAuth bearer on `/web`), streams every account through `entities(query)` and writes one
 * JSON line (`StreamClientResult`) on stdout.
 */
import { createDynamicsClient, query } from '../src/dynamics.js';

/** What the parent sends. */
export interface StreamClientInput {
  readonly webUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly pageSize: number;
  readonly columns: readonly string[];
}

/** What the child answers. */
export interface StreamClientResult {
  readonly entities: number;
  readonly pages: number;
  readonly ms: number;
  /** RSS after the client was created and had signed in, before streaming (bytes). */
  readonly baselineRss: number;
  /** The largest `process.memoryUsage().rss` sampled while streaming (bytes). */
  readonly peakRss: number;
  /** `process.resourceUsage().maxRSS` at the end (kilobytes, as the OS counts it). */
  readonly maxRssKb: number;
  readonly samples: number;
}

async function readInput(): Promise<StreamClientInput> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as StreamClientInput;
}

async function main(): Promise<void> {
  const input = await readInput();
  const client = await createDynamicsClient({
    url: input.webUrl,
    signIn: { kind: 'oauth', tokenUrl: input.tokenUrl, clientId: input.clientId, clientSecret: input.clientSecret },
  });
  await client.whoAmI();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  let samples = 0;
  const sample = (): void => {
    samples++;
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
  };
  // Sampled between awaits (while a page is on the wire) and every 1,000 entities (while one is decoded).
  const timer = setInterval(sample, 5);
  const q = query('account')
    .select(...input.columns)
    .page(1, input.pageSize)
    .build();
  let entities = 0;
  let pages = 0;
  const started = performance.now();
  try {
    for await (const page of client.iterate(q)) {
      pages++;
      sample();
      for (const entity of page.entities) {
        if (entity.logicalName === 'account') entities++;
        if (entities % 1000 === 0) sample();
      }
    }
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - started;
  sample();
  const result: StreamClientResult = {
    entities,
    pages,
    ms,
    baselineRss,
    peakRss,
    maxRssKb: process.resourceUsage().maxRSS,
    samples,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
