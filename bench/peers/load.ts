/**
 * A closed-loop load: `inFlight` workers each await one call, then start the next. Contenders take turns in
 * short slices (round-robin, the order rotating every slice, after an untimed warm-up each), so that a shared
 * machine's load drifts over all of them alike; each contender's figure is its completed calls over its own
 * timed slices. Bounded in time (`slices` x `sliceMs` per contender) and in count (`maxCalls` per slice).
 */

export interface LoadOptions {
  inFlight?: number;
  slices?: number;
  sliceMs?: number;
  warmupMs?: number;
  maxCalls?: number;
}

/** Calls per second of each contender, by name. */
export async function interleavedCallsPerSecond(
  contenders: Record<string, () => Promise<unknown>>,
  options: LoadOptions = {},
): Promise<Record<string, number>> {
  const { inFlight = 8, slices = 6, sliceMs = 500, warmupMs = 600, maxCalls = 1_000_000 } = options;
  const names = Object.keys(contenders);
  for (const name of names) await drive(contenders[name]!, inFlight, warmupMs, maxCalls);
  const calls = new Map<string, number>(names.map((name) => [name, 0]));
  const seconds = new Map<string, number>(names.map((name) => [name, 0]));
  for (let slice = 0; slice < slices; slice++) {
    const turn = names.map((_, i) => names[(i + slice) % names.length]!); // each contender leads in turn
    for (const name of turn) {
      const start = process.hrtime.bigint();
      const done = await drive(contenders[name]!, inFlight, sliceMs, maxCalls);
      seconds.set(name, seconds.get(name)! + Number(process.hrtime.bigint() - start) / 1e9);
      calls.set(name, calls.get(name)! + done);
    }
  }
  return Object.fromEntries(names.map((name) => [name, calls.get(name)! / seconds.get(name)!]));
}

async function drive(call: () => Promise<unknown>, inFlight: number, ms: number, maxCalls: number): Promise<number> {
  const deadline = performance.now() + ms;
  let started = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (started < maxCalls && performance.now() < deadline) {
      started++;
      await call();
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done;
}
