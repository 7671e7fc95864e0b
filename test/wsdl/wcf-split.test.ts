/**
 * WCF serves a service's metadata split over several URLs: `?wsdl` (binding and service, with a wsdl:import of
 * `?wsdl=wsdl0`), `?wsdl=wsdl0` (messages, portType, and types that xs:import `?xsd=xsdN`), and one schema per
 * `?xsd=xsdN`. This test builds that split from the real `?singleWsdl` file with `splitWcfWsdl` (the function the
 * Dynamics emulator serves it with), serves it on 127.0.0.1, and checks that loading it gives the same model as
 * the single file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileWsdlText, loadWsdl } from '../../src/wsdl/index.js';
import { splitWcfWsdl } from '../../src/wsdl/wcf-split.js';

const SINGLE = fileURLToPath(
  new URL(
    '../../../test/fixtures/real/dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
    import.meta.url,
  ),
);
test('a WCF ?wsdl split over ?wsdl=wsdl0 and ?xsd=xsdN loads into the same model as ?singleWsdl', async () => {
  const text = readFileSync(SINGLE, 'utf8');
  let files = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = req.url ?? '';
    const body = url.startsWith('/Organization.svc?') ? files.get(url.slice('/Organization.svc?'.length)) : undefined;
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Organization.svc`;
    files = splitWcfWsdl(text, { base });
    assert.deepEqual([...files.keys()], ['wsdl', 'wsdl=wsdl0', ...Array.from({ length: 13 }, (_, i) => `xsd=xsd${i}`)]);
    const fromSplit = await loadWsdl(`${base}?wsdl`);
    const fromSingle = await compileWsdlText(text, SINGLE);
    assert.equal(fromSplit.documents.length, 15);
    assert.deepEqual(
      fromSplit.documents.map((d) => d.kind),
      ['wsdl', 'wsdl', ...Array(13).fill('xsd')],
    );
    // Every document is fetched once, cycles between the schemas notwithstanding.
    assert.equal(requests.length, 15);
    assert.deepEqual({ ...fromSplit, documents: [] }, { ...fromSingle, documents: [] });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
