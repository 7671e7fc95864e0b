/**
 * Generated code compiles with `tsc --strict`: the Crowd 2.0.5 WSDL, the Dynamics Organization WSDL, every
 * WSDL of node-soap's corpus that loads (strictly or with `onUnresolved: 'collect'`), and the orders fixture
 * together with its type tests (test/fixtures/codegen/.typetests/). One tsc run checks them all.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { loadWsdl } from '../../src/wsdl/index.js';
import { makeProject, ROOT, runTsc, writeGenerated } from './support.js';

function corpusWsdls(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.wsdl')) out.push(path);
    }
  };
  walk(join(ROOT, 'test/fixtures/node-soap/test'));
  return out;
}

test('generated clients compile with tsc --strict (real WSDLs, the node-soap corpus, the type tests)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-codegen-'));
  try {
    const real = [
      'test/fixtures/real/crowd/SecurityServer-crowd-2.0.5.wsdl',
      'test/fixtures/real/dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
    ];
    for (const [i, wsdl] of real.entries()) {
      const files = writeGenerated(await loadWsdl(join(ROOT, wsdl)), join(dir, `real${i}`), wsdl);
      assert.ok(files.has('client.ts'), wsdl);
    }
    let loaded = 0;
    let clients = 0;
    for (const [i, path] of corpusWsdls().entries()) {
      let model: Awaited<ReturnType<typeof loadWsdl>>;
      try {
        model = await loadWsdl(path, { onUnresolved: 'collect' });
      } catch {
        continue; // broken on purpose (see test/wsdl/node-soap-corpus.test.ts)
      }
      loaded++;
      const files = writeGenerated(model, join(dir, `corpus${String(i).padStart(3, '0')}`), relative(ROOT, path));
      if (files.has('client.ts')) clients++;
    }
    writeGenerated(
      await loadWsdl(join(ROOT, 'test/fixtures/codegen/orders.wsdl')),
      join(dir, 'orders', 'generated'),
      'test/fixtures/codegen/orders.wsdl',
    );
    copyFileSync(join(ROOT, 'test/fixtures/codegen/.typetests/orders.ts'), join(dir, 'orders', 'typetests.ts'));
    makeProject(dir, { emit: false });
    const { code, output } = await runTsc(dir);
    t.diagnostic(
      `compiled: 2 real WSDLs, ${loaded} corpus WSDLs (${clients} with a client, the rest types only), the orders fixture and its type tests`,
    );
    assert.equal(code, 0, `tsc failed:\n${output.slice(0, 20000)}`);
    assert.ok(loaded >= 140, `only ${loaded} corpus WSDLs loaded`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
