/**
 * A client generated from the Crowd 2.0.5 WSDL, compiled to JavaScript with the project's TypeScript, calls a
 * running SecurityServer (the mock built from the same WSDL) and gets typed results.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMockServer } from '../../src/mock/index.js';
import { loadWsdl } from '../../src/wsdl/index.js';
import { makeProject, ROOT, runTsc, writeGenerated } from './support.js';

const CROWD = 'test/fixtures/real/crowd/SecurityServer-crowd-2.0.5.wsdl';

interface CrowdRun {
  token: { name?: string | null; token?: string | null } | null | undefined;
  principal: { name?: string | null; ID?: bigint; conception?: Date | null } | null | undefined;
  cacheEnabled: boolean | undefined;
  faultName: string | undefined;
}

test('a generated Crowd client calls a running SecurityServer and gets typed results', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-crowd-client-'));
  const model = await loadWsdl(join(ROOT, CROWD));
  const server = createMockServer(model);
  try {
    writeGenerated(model, join(dir, 'generated'), CROWD, 'SecurityServer');
    copyFileSync(join(ROOT, 'test/fixtures/codegen/.typetests/crowd-run.ts'), join(dir, 'crowd-run.ts'));
    makeProject(dir, { emit: true });
    const { code, output } = await runTsc(dir);
    assert.equal(code, 0, `tsc failed:\n${output}`);
    // The compiled client reads the model beside it.
    copyFileSync(join(dir, 'generated', 'model.json'), join(dir, 'out', 'generated', 'model.json'));

    const { url } = await server.listen(0, '127.0.0.1');
    const endpoint = `${url}${server.ports[0]!.path}`;
    const { run } = (await import(pathToFileURL(join(dir, 'out', 'crowd-run.js')).href)) as {
      run: (endpoint: string) => Promise<CrowdRun>;
    };
    const result = await run(endpoint);
    t.diagnostic(`result: ${JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
    assert.equal(typeof result.token?.token, 'string');
    assert.equal(typeof result.token?.name, 'string');
    assert.equal(typeof result.principal?.name, 'string');
    assert.equal(typeof result.principal?.ID, 'bigint'); // xs:long
    assert.ok(result.principal?.conception instanceof Date); // xs:dateTime
    assert.equal(typeof result.cacheEnabled, 'boolean');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
