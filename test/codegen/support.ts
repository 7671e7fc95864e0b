/**
 * Test helpers for the code generator: generate into a folder, and type-check (or compile) generated folders
 * with the project's TypeScript in one `tsc` run, `soapstack` mapped to the project's built declarations.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateClient } from '../../src/codegen/index.js';
import type { CompiledModel } from '../../src/wsdl/index.js';

/** The repository root (tests run from `dist/test/codegen/`). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The project's version, as the CLI writes it. */
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Generates `model`'s client into `dir` (created). */
export function writeGenerated(model: CompiledModel, dir: string, wsdl: string, name?: string): Map<string, string> {
  const files = generateClient(model, { name: name ?? model.services[0]?.name ?? 'Service', wsdl, version: VERSION });
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of files) writeFileSync(join(dir, file), content);
  return files;
}

/**
 * Makes `dir` a TypeScript ESM project (package.json with `"type": "module"`, tsconfig) that resolves
 * `soapstack` to the project's build: by `paths` to its declarations for the type checker, and by a
 * `node_modules/soapstack` link to the repository for Node (so compiled output can run).
 */
export function makeProject(dir: string, options: { emit: boolean }): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  try {
    symlinkSync(ROOT, join(dir, 'node_modules', 'soapstack'), 'dir');
  } catch {
    // Already linked.
  }
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    paths: { soapstack: [join(ROOT, 'dist', 'src', 'index.d.ts')] },
    ...(options.emit ? { outDir: 'out' } : { noEmit: true }),
  };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions, include: ['**/*.ts'], exclude: ['out', 'node_modules'] }, null, 2)}\n`,
  );
}

/** Runs the project's `tsc -p dir`: resolves to its exit code and output. */
export async function runTsc(dir: string): Promise<{ code: number; output: string }> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsc, '-p', dir], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
