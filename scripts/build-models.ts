// Build step: compiles the WSDLs soapstack ships into dist/models/*.json (see src/services/bundled.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BUNDLED_WSDLS, type BundledWsdl, compileBundledModel } from '../src/services/bundled.js';

for (const name of Object.keys(BUNDLED_WSDLS) as BundledWsdl[]) {
  const { path, text } = await compileBundledModel(name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
