/** `soapstack generate <wsdl> --out DIR [--name NAME]`: writes a typed TypeScript client for a WSDL. */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateClient } from '../codegen/index.js';
import { loadWsdl } from '../wsdl/index.js';

/** soapstack's own version, for the header of generated files (this file is `dist/src/cli/`, three below the root). */
export function soapstackVersion(): string {
  const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/**
 * Loads `wsdl` (a file or a URL), generates the client and writes its files to `options.out` (created when
 * missing; files of the same name are replaced), printing one line per file. `--name` defaults to the first
 * service's name (`create<Name>Client`). Resolves 0.
 */
export async function generateCommand(wsdl: string, options: { out: string; name?: string }): Promise<number> {
  const model = await loadWsdl(wsdl);
  const name = options.name ?? model.services[0]?.name ?? model.name ?? 'Service';
  const files = generateClient(model, { name, wsdl, version: soapstackVersion() });
  const dir = resolve(options.out);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of files) {
    const path = join(dir, file);
    await writeFile(path, content);
    process.stdout.write(`wrote ${path} (${Buffer.byteLength(content)} bytes)\n`);
  }
  if (!files.has('client.ts')) process.stdout.write('the WSDL has no SOAP service: types only, no client\n');
  return 0;
}
