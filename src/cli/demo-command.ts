/**
 * `soapstack demo`. Until the Dynamics and Crowd emulators exist, the demo shows the engine at work on the
 * two services soapstack is built for: it compiles their real WSDLs (shipped in the package) and prints
 * each operation's signature and how long compiling took, cold and from the on-disk cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWsdl, loadWsdlCached } from '../wsdl/index.js';
import { describeModel } from './describe.js';

const WSDL_DIR = fileURLToPath(new URL('../../../wsdl/', import.meta.url));

export async function demoCommand(): Promise<number> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'soapstack-demo-'));
  try {
    for (const [label, file] of [
      ['Dynamics CRM Organization service', 'dynamics/Organization.svc.wsdl'],
      ['Atlassian Crowd SecurityServer 2.0.5', 'crowd/SecurityServer-2.0.5.wsdl'],
    ] as const) {
      const path = join(WSDL_DIR, file);
      let start = performance.now();
      const model = await loadWsdl(path);
      const cold = performance.now() - start;
      await loadWsdlCached(path, { cacheDir });
      start = performance.now();
      await loadWsdlCached(path, { cacheDir });
      const warm = performance.now() - start;
      const port = describeModel(model).services[0]!.ports[0]!;
      process.stdout.write(
        `${label}: ${port.operations.length} operations, SOAP ${port.soapVersion}; compiled in ${cold.toFixed(1)} ms, from cache in ${warm.toFixed(2)} ms\n`,
      );
      for (const op of port.operations.slice(0, 8)) process.stdout.write(`  ${op.name}\n`);
      if (port.operations.length > 8) process.stdout.write(`  ... and ${port.operations.length - 8} more\n`);
    }
    process.stdout.write(
      '\nThe full demo (sign-in and calls against the embedded emulators) comes with the emulators.\n',
    );
    return 0;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
