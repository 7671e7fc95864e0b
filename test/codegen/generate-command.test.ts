/** `soapstack generate <wsdl> --out DIR [--name NAME]`: writes the files and says what it wrote. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCommand } from '../../src/cli/generate-command.js';
import { ROOT, VERSION } from './support.js';

test('generate writes types.ts, client.ts and model.json into a new folder, named after the service by default', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-generate-'));
  const lines: string[] = [];
  t.mock.method(process.stdout, 'write', (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    const out = join(dir, 'nested', 'orders');
    const code = await generateCommand(join(ROOT, 'test/fixtures/codegen/orders.wsdl'), { out });
    t.mock.restoreAll();
    assert.equal(code, 0);
    for (const file of ['types.ts', 'client.ts', 'model.json']) assert.ok(existsSync(join(out, file)), file);
    assert.match(readFileSync(join(out, 'client.ts'), 'utf8'), /export async function createOrderServiceClient\(/);
    assert.match(readFileSync(join(out, 'types.ts'), 'utf8'), new RegExp(`soapstack ${VERSION.replace(/\./g, '\\.')}`));
    assert.equal(lines.filter((l) => l.startsWith('wrote ')).length, 3);

    const named = join(dir, 'named');
    assert.equal(
      await generateCommand(join(ROOT, 'test/fixtures/codegen/orders.wsdl'), { out: named, name: 'shop' }),
      0,
    );
    assert.match(readFileSync(join(named, 'client.ts'), 'utf8'), /export async function createShopClient\(/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
