/** Helpers of the examples' tests: where the repository is, and running a program in a child process. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (tests run from `dist/test/examples/`). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What a program did. */
export interface ProgramRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <file> ...args` and resolves when it ends (whatever its exit code). */
export function runNode(file: string, args: readonly string[] = [], cwd = ROOT): Promise<ProgramRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs the compiled example `examples/<name>.ts` (built to `dist/examples/<name>.js` by `tsc -p examples`,
 * a step of `npm run build`).
 */
export async function runExample(name: string): Promise<ProgramRun> {
  const file = join(ROOT, 'dist', 'examples', `${name}.js`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the examples with \`npx tsc -p examples\` (part of \`npm run build\`)`);
  }
  return runNode(file);
}

/** A message that shows a failed run's output. */
export function explain(run: ProgramRun): string {
  return `exit code ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}
