/**
 * Median durations of several in-process tasks measured in turns (round-robin: each round runs every task once,
 * the order rotating every round), so that a shared machine's load drifts over all of them alike; the ratios
 * between them are then fairer than with one block of runs per task. Bounded: `warmup` + `rounds` runs of each.
 */

/** Median milliseconds of each task, by name. */
export async function interleavedMedianMs(
  tasks: Record<string, () => unknown>,
  rounds: number,
  warmup = 1,
): Promise<Record<string, number>> {
  const names = Object.keys(tasks);
  for (let i = 0; i < warmup; i++) for (const name of names) await tasks[name]!();
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const turn = names.map((_, i) => names[(i + round) % names.length]!); // each task leads in turn
    for (const name of turn) {
      const start = process.hrtime.bigint();
      await tasks[name]!();
      samples.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = samples.get(name)!.sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length / 2)]!];
    }),
  );
}
