// Where the repository's test files are at run time: tests run from dist/, but Python peers, WSDLs and
// fixtures are not compiled, so they are found from the repository root (the folder with package.json).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

/** The repository root, whether this file runs from test/ or from dist/test/. */
export const repoRoot: string = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** A path under the repository's `test/` folder (the sources, not dist/). */
export function testPath(...parts: string[]): string {
  return join(repoRoot, 'test', ...parts);
}
