// Serving ?wsdl: addresses rewritten to the Host the client used, and a WCF split (?wsdl, ?wsdl=wsdl0,
// ?xsd=xsdN) served again by soapstack and reloaded through loadWsdl into the same model.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createSoapServer } from '../../src/server/index.js';
import { compileWsdlText, loadWsdl } from '../../src/wsdl/index.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { interopWsdlPath } from '../interop/peers/contract.js';
import { testPath } from '../support/paths.js';
import { send } from './helpers.js';
import { interopHandlers } from './interop-service.js';

const SINGLE = testPath(
  'fixtures',
  'real',
  'dynamics-crm-2011',
  'Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
);
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const XS = 'http://www.w3.org/2001/XMLSchema';

test('GET ?wsdl serves the WSDL with soap:address rewritten to the Host header', async () => {
  const model = await loadWsdl(interopWsdlPath);
  const server = createSoapServer();
  server.addService(model, { handlers: interopHandlers });
  const { url } = await server.listen();
  try {
    const res = await send(`${url}/interop?wsdl`, 'GET', undefined, { host: 'soap.example.test:8443' });
    assert.equal(res.status, 200);
    const doc = parseXml(res.text);
    const address = findAll(doc.root, (e) => e.local === 'address')[0]!;
    assert.equal(address.attrs.find((a) => a.local === 'location')!.value, 'http://soap.example.test:8443/interop');
    // The served WSDL compiles into the same services as the file, apart from the address.
    const served = await compileWsdlText(res.text, `${url}/interop?wsdl`);
    assert.equal(served.services[0]!.ports[0]!.address, 'http://soap.example.test:8443/interop');
    assert.deepEqual(served.schema, model.schema);
    assert.equal((await send(`${url}/interop?xsd=xsd9`, 'GET', undefined)).status, 404);
  } finally {
    await server.close();
  }
});

function findAll(el: XmlElement, test: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (test(el)) out.push(el);
  for (const c of el.children) if (typeof c !== 'string') findAll(c, test, out);
  return out;
}

const children = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== 'string');

/** Splits the single Dynamics WSDL the way WCF serves it: path+query -> text. */
function split(text: string, base: string): Map<string, string> {
  const root = parseXml(text).root;
  const rootTag = text.slice(root.start, text.indexOf('>', root.start) + 1);
  const types = children(root).find((c) => c.ns === WSDL && c.local === 'types')!;
  const schemas = children(types);
  const tns = (s: XmlElement) => s.attrs.find((a) => a.local === 'targetNamespace')!.value;
  const files = new Map<string, string>();
  schemas.forEach((schema, i) => {
    const end = text.indexOf('>', schema.start);
    let tag = text.slice(schema.start, end);
    for (const [prefix, uri] of Object.entries(root.scope)) {
      if (prefix !== 'xml' && !tag.includes(prefix ? `xmlns:${prefix}=` : 'xmlns='))
        tag += prefix ? ` xmlns:${prefix}="${uri}"` : ` xmlns="${uri}"`;
    }
    const imports = schemas
      .map((other, j) =>
        j !== i && Object.values(schema.scope).includes(tns(other))
          ? `<xs:import schemaLocation="${base}?xsd=xsd${j}" namespace="${tns(other)}"/>`
          : '',
      )
      .join('');
    files.set(`?xsd=xsd${i}`, `${tag}>${imports}${text.slice(end + 1, schema.end)}`);
  });
  const pick = (...locals: string[]) =>
    children(root)
      .filter((c) => c.ns === WSDL && locals.includes(c.local))
      .map((c) => text.slice(c.start, c.end))
      .join('');
  const importsSchema = `<xsd:schema xmlns:xsd="${XS}" targetNamespace="urn:imports">${schemas.map((s, i) => `<xsd:import schemaLocation="${base}?xsd=xsd${i}" namespace="${tns(s)}"/>`).join('')}</xsd:schema>`;
  files.set(
    '?wsdl=wsdl0',
    `${rootTag}<wsdl:types>${importsSchema}</wsdl:types>${pick('message', 'portType')}</wsdl:definitions>`,
  );
  files.set(
    '?wsdl',
    `${rootTag}<wsdl:import namespace="http://schemas.microsoft.com/xrm/2011/Contracts/Services" location="${base}?wsdl=wsdl0"/>${pick('binding', 'service')}</wsdl:definitions>`,
  );
  return files;
}

test('a model loaded from a WCF split is served as ?wsdl, ?wsdl=wsdl0 and ?xsd=xsdN and reloads into the same model', async () => {
  let files = new Map<string, string>();
  const origin = createServer((req, res) => {
    const body = files.get((req.url ?? '').replace('/Organization.svc', ''));
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/Organization.svc`;
  files = split(readFileSync(SINGLE, 'utf8'), base);
  const server = createSoapServer();
  try {
    const model = await loadWsdl(`${base}?wsdl`);
    assert.equal(model.documents.length, 15);
    const hosted = server.addService(model, { path: '/XRMServices/2011/Organization.svc', handlers: {} });
    const { url } = await server.listen();
    const wsdl0 = await send(`${url}${hosted.path}?wsdl=wsdl0`, 'GET', undefined);
    assert.equal(wsdl0.status, 200);
    assert.match(wsdl0.text, new RegExp(`schemaLocation="${url}${hosted.path}\\?xsd=xsd0"`));
    assert.doesNotMatch(wsdl0.text, new RegExp(base));
    const reloaded = await loadWsdl(`${url}${hosted.path}?wsdl`);
    const served = reloaded.documents.map((d) => d.location.slice(`${url}${hosted.path}`.length));
    assert.deepEqual(served.slice(0, 2), ['?wsdl', '?wsdl=wsdl0']);
    assert.deepEqual(served.slice(2).sort(), Array.from({ length: 13 }, (_, i) => `?xsd=xsd${i}`).sort());
    const strip = (m: typeof model) => ({
      ...m,
      documents: [],
      services: m.services.map((s) => ({ ...s, ports: s.ports.map((p) => ({ ...p, address: '' })) })),
    });
    assert.deepEqual(strip(reloaded), strip(model));
    assert.equal(reloaded.services[0]!.ports[0]!.address, `${url}${hosted.path}`);
  } finally {
    await server.close();
    await new Promise((resolve) => origin.close(resolve));
  }
});
