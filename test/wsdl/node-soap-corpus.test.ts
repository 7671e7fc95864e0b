/**
 * node-soap's corpus of real-world and edge-case WSDLs. Each one loads, strictly or (for the many that are
 * sloppy: undefined types, undeclared prefixes, missing imported files) with `onUnresolved: 'collect'`, which
 * records the problems in `issues`; except the files below, broken on purpose, which fail with the code given.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isSoapstackError } from '../../src/errors.js';
import { loadWsdl } from '../../src/wsdl/index.js';

const CORPUS = fileURLToPath(new URL('../../../test/fixtures/node-soap/test/', import.meta.url));

/** Files that must not load, with the reason and the error code expected. */
const BROKEN: Record<string, { code: string; reason: string }> = {
  'wsdl/attachments.wsdl': { code: 'XML_SYNTAX', reason: 'prefix xmime used but never declared' },
  'wsdl/connection/econnrefused.wsdl': { code: 'XML_SYNTAX', reason: 'prefix xsd used but never declared' },
  'wsdl/default_namespace_soap12.wsdl': { code: 'XML_SYNTAX', reason: 'prefix soap used but never declared' },
  'wsdl/mergeWithAttributes/main.wsdl': { code: 'XML_SYNTAX', reason: 'def.xsd uses prefix xs without declaring it' },
  'wsdl/recursive/file.wsdl': { code: 'XML_SYNTAX', reason: 'A.xsd is truncated (xs:schema never closed)' },
  'wsdl/strict/ImportSample.wsdl': {
    code: 'XML_SYNTAX',
    reason: 'ImportSample.xsd uses prefix xsd without declaring it',
  },
  'wsdl/strict/stockquote-url.wsdl': {
    code: 'WSDL_IMPORT_FORBIDDEN',
    reason: 'a file imports http://localhost (SSRF rule)',
  },
  'wsdl/ws-policy.wsdl': { code: 'XML_SYNTAX', reason: 'prefix wsu used but never declared' },
  'wsdl/wsdl_with_attributes.wsdl': { code: 'XML_SYNTAX', reason: 'prefix s used but never declared' },
  'wsdl/xsdinclude/xsd_include_http.wsdl': {
    code: 'WSDL_IMPORT_FORBIDDEN',
    reason: 'a file includes http://localhost (SSRF rule)',
  },
  'request-response-samples/Dummy__should_use_defined_xml_key_in_first_level_for_rpc/soap.wsdl': {
    code: 'XML_SYNTAX',
    reason: 'prefix soap12 used but never declared',
  },
  'request-response-samples/attachments__should_send_binary_data/soap.wsdl': {
    code: 'XML_SYNTAX',
    reason: 'prefix xmime used but never declared',
  },
  'request-response-samples/login__complex_schema_xmlns_with_array_and_any_type_and_other_types/soap.wsdl': {
    code: 'XML_SYNTAX',
    reason: 'soap.platform.core.xsd uses prefix xs without declaring it',
  },
};

function wsdlFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.wsdl')) out.push(path);
    }
  };
  walk(join(CORPUS, 'wsdl'));
  const samples = join(CORPUS, 'request-response-samples');
  for (const name of readdirSync(samples).sort()) {
    const path = join(samples, name, 'soap.wsdl');
    if (statSync(join(samples, name)).isDirectory() && readdirSync(join(samples, name)).includes('soap.wsdl'))
      out.push(path);
  }
  return out;
}

test('node-soap corpus: every WSDL loads except the ones broken on purpose', async () => {
  const files = wsdlFiles();
  let strict = 0;
  let lenient = 0;
  let broken = 0;
  for (const file of files) {
    const name = relative(CORPUS, file).split('\\').join('/');
    const expected = BROKEN[name];
    if (expected) {
      await assert.rejects(
        loadWsdl(file, { onUnresolved: 'collect' }),
        (e) => isSoapstackError(e, expected.code),
        `${name}: ${expected.reason}`,
      );
      broken++;
      continue;
    }
    try {
      await loadWsdl(file);
      strict++;
    } catch {
      const model = await loadWsdl(file, { onUnresolved: 'collect' });
      assert.ok(model.issues && model.issues.length > 0, `${name} failed strictly, so it must report issues`);
      lenient++;
    }
  }
  assert.equal(broken, Object.keys(BROKEN).length);
  assert.equal(files.length, 161);
  // Counts at the time of writing: 100 strict, 48 with issues, 13 broken on purpose.
  assert.ok(strict >= 100, `strict: ${strict}`);
  assert.equal(strict + lenient + broken, files.length);
});
