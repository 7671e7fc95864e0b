/**
 * examples/generated-client/main.ts: generated code is not kept in the repository, so this test does what
 * the example's README says in a temporary folder: `soapstack generate` the weather WSDL's client, compile
 * it with the example under the project's TypeScript (strict), and run it.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { explain, ROOT, runNode } from './support.js';

const BIN = join(ROOT, 'bin', 'soapstack');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Makes `dir` an ESM TypeScript project in which `soapstack` is this repository (a node_modules link). */
function makeProject(dir: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'soapstack'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
  };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, include: ['**/*.ts'], exclude: ['node_modules'] }),
  );
}

test('generated-client: generate, compile (strict) and run the typed weather client against the mock', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-example-generated-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  makeProject(dir);
  copyFileSync(join(ROOT, 'examples', 'generated-client', 'main.ts'), join(dir, 'main.ts'));

  const wsdl = join(ROOT, 'examples', 'wsdl', 'weather.wsdl');
  const generated = await runNode(BIN, ['generate', wsdl, '--out', join(dir, 'generated')]);
  if (generated.code !== 0 && /unknown command 'generate'/.test(generated.stderr)) {
    t.todo('`soapstack generate` is not wired into src/cli/main.ts yet');
    return;
  }
  assert.equal(generated.code, 0, explain(generated));
  assert.match(generated.stdout, /client\.ts/);

  const compiled = await runNode(TSC, ['-p', dir]);
  assert.equal(compiled.code, 0, explain(compiled));

  const run = await runNode(join(dir, 'main.js'), [wsdl, join(ROOT, 'examples', 'mock-responses')], dir);
  assert.equal(run.code, 0, explain(run));
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^typed GetForecast: Paris, 2 days$/m);
  assert.match(run.stdout, /^ {2}2024-06-01: Sunny, 14\.5 to 24 °C$/m);
});
