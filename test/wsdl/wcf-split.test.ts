/**
 * WCF serves a service's metadata split over several URLs: `?wsdl` (binding and service, with a wsdl:import of
 * `?wsdl=wsdl0`), `?wsdl=wsdl0` (messages, portType, and types that xs:import `?xsd=xsdN`), and one schema per
 * `?xsd=xsdN`. This test builds that split from the real `?singleWsdl` file, serves it on 127.0.0.1, and checks
 * that loading it gives the same model as the single file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileWsdlText, loadWsdl } from '../../src/wsdl/index.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';

const SINGLE = fileURLToPath(
  new URL(
    '../../../test/fixtures/real/dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
    import.meta.url,
  ),
);
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const XS = 'http://www.w3.org/2001/XMLSchema';

const elements = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== 'string');

/** Splits the single WSDL the way WCF does; returns path+query -> document text. */
function split(text: string, base: string): Map<string, string> {
  const doc = parseXml(text, { source: 'single' });
  const root = doc.root;
  const cut = (el: XmlElement) => text.slice(el.start, el.end);
  const rootTag = text.slice(root.start, text.indexOf('>', root.start) + 1);
  const children = elements(root);
  const schemas = elements(children.find((c) => c.ns === WSDL && c.local === 'types')!).filter(
    (s) => s.local === 'schema',
  );
  const tns = (s: XmlElement) => s.attrs.find((a) => a.local === 'targetNamespace')!.value;
  const files = new Map<string, string>();
  schemas.forEach((schema, i) => {
    const startTagEnd = text.indexOf('>', schema.start);
    let startTag = text.slice(schema.start, startTagEnd);
    // Declarations inherited from wsdl:definitions must be repeated in the stand-alone document.
    for (const [prefix, uri] of Object.entries(root.scope)) {
      if (prefix !== 'xml' && !startTag.includes(prefix ? `xmlns:${prefix}=` : 'xmlns=')) {
        startTag += prefix ? ` xmlns:${prefix}="${uri}"` : ` xmlns="${uri}"`;
      }
    }
    // WCF adds an xs:import of each sibling namespace the schema declares a prefix for.
    const imports = schemas
      .map((other, j) => ({ other, j }))
      .filter(({ other, j }) => j !== i && Object.values(schema.scope).includes(tns(other)))
      .map(({ other, j }) => `<xs:import schemaLocation="${base}?xsd=xsd${j}" namespace="${tns(other)}"/>`)
      .join('');
    files.set(`/Organization.svc?xsd=xsd${i}`, `${startTag}>${imports}${text.slice(startTagEnd + 1, schema.end)}`);
  });
  const pick = (...locals: string[]) =>
    children
      .filter((c) => c.ns === WSDL && locals.includes(c.local))
      .map(cut)
      .join('');
  const importsSchema =
    `<xsd:schema xmlns:xsd="${XS}" targetNamespace="http://schemas.microsoft.com/xrm/2011/Contracts/Services/Imports">` +
    schemas.map((s, i) => `<xsd:import schemaLocation="${base}?xsd=xsd${i}" namespace="${tns(s)}"/>`).join('') +
    '</xsd:schema>';
  files.set(
    '/Organization.svc?wsdl=wsdl0',
    `<?xml version="1.0" encoding="utf-8"?>${rootTag}<wsdl:types>${importsSchema}</wsdl:types>${pick('message', 'portType')}</wsdl:definitions>`,
  );
  files.set(
    '/Organization.svc?wsdl',
    `<?xml version="1.0" encoding="utf-8"?>${rootTag}<wsdl:import namespace="http://schemas.microsoft.com/xrm/2011/Contracts/Services" location="${base}?wsdl=wsdl0"/>${pick('binding', 'service')}</wsdl:definitions>`,
  );
  return files;
}

test('a WCF ?wsdl split over ?wsdl=wsdl0 and ?xsd=xsdN loads into the same model as ?singleWsdl', async () => {
  const text = readFileSync(SINGLE, 'utf8');
  let files = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Organization.svc`;
    files = split(text, base);
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
