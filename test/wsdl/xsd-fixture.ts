/** Test helpers for the schema tests: read a schema file (and what it imports) through the file loader. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileLoader } from '../../src/wsdl/loader.js';
import { parseXml } from '../../src/xml/parse.js';
import { type ReadSchemasOptions, readSchemas, type SchemaReadResult } from '../../src/xsd/schemas.js';

/** Absolute path of a file under test/fixtures/xsd. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/xsd/${name}`, import.meta.url));
}

/** Reads the fixture schema `name` and everything it imports or includes. */
export async function readFixture(name: string, options: ReadSchemasOptions = {}): Promise<SchemaReadResult> {
  const path = fixture(name);
  const document = parseXml(readFileSync(path, 'utf8'), { source: path });
  return readSchemas([{ element: document.root, document }], fileLoader(), options);
}
