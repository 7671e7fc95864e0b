/**
 * What every benchmark shares: a result shape the runner prints as one table, and a sampler that repeats a
 * task and keeps the median (these machines are shared and noisy; the median of several runs is the figure).
 */

/** One measured figure. `ratio` rows compare two figures measured in the same run. */
export interface BenchRow {
  label: string;
  value: number;
  unit: string;
  /** The goal this row is judged against, in words (for example `>= 0.7`). */
  goal?: string;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  /** Why a peer's rows are missing (not installed here), printed under the table. */
  notes?: string[];
}

/** Runs `task` `runs` times after `warmup` runs and returns the median duration in milliseconds. */
export async function medianMs(task: () => unknown, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await task();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Rounds for display: three significant digits. */
export function round(value: number): number {
  return Number(value.toPrecision(3));
}
