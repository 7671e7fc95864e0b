import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isSoapstackError } from '../../src/errors.js';
import { compileWsdlText, loadWsdl, WsdlError } from '../../src/wsdl/index.js';

const wsdl = (importLocation: string) => `<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:t="urn:t" targetNamespace="urn:t">
  <types><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:w">
    <xs:import namespace="urn:t" schemaLocation="${importLocation}"/></xs:schema></types>
  <message name="In"><part name="p" element="t:ping"/></message>
  <portType name="P"><operation name="ping"><input message="t:In"/></operation></portType>
  <binding name="B" type="t:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="ping"><soap:operation soapAction="urn:ping"/><input><soap:body use="literal"/></input></operation>
  </binding>
  <service name="S"><port name="Port" binding="t:B"><soap:address location="http://example.invalid/"/></port></service>
</definitions>`;
const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
  <xs:element name="ping"><xs:complexType><xs:sequence/></xs:complexType></xs:element></xs:schema>`;

let home: Server;
let other: Server;
let homeUrl: string;
let otherUrl: string;
const fetched: string[] = [];

async function listen(handler: (path: string) => { status: number; body: string; location?: string }): Promise<Server> {
  const server = createServer((req, res) => {
    fetched.push(`${req.headers.host}${req.url}`);
    const r = handler(req.url ?? '');
    res.writeHead(r.status, { 'content-type': 'text/xml', ...(r.location ? { location: r.location } : {}) });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

before(async () => {
  other = await listen((path) => (path === '/t.xsd' ? { status: 200, body: XSD } : { status: 404, body: '' }));
  otherUrl = urlOf(other);
  home = await listen((path) => {
    if (path === '/same.wsdl') return { status: 200, body: wsdl('t.xsd') };
    if (path === '/cross.wsdl') return { status: 200, body: wsdl(`${otherUrl}/t.xsd`) };
    if (path === '/redirect.wsdl') return { status: 200, body: wsdl('moved.xsd') };
    if (path === '/moved.xsd') return { status: 302, body: '', location: `${otherUrl}/t.xsd` };
    if (path === '/local.wsdl') return { status: 200, body: wsdl('file:///etc/passwd') };
    if (path === '/t.xsd') return { status: 200, body: XSD };
    return { status: 404, body: 'no' };
  });
  homeUrl = urlOf(home);
});
after(async () => {
  await new Promise((r) => home.close(r));
  await new Promise((r) => other.close(r));
});

test('a URL root may import from its own origin', async () => {
  const model = await loadWsdl(`${homeUrl}/same.wsdl`);
  assert.equal(model.services[0]!.ports[0]!.operations[0]!.name, 'ping');
  assert.deepEqual(
    model.documents.map((d) => d.location),
    [`${homeUrl}/same.wsdl`, `${homeUrl}/t.xsd`],
  );
});

test('a URL root importing from another origin is refused with WSDL_IMPORT_FORBIDDEN, and nothing is fetched there', async () => {
  fetched.length = 0;
  await assert.rejects(loadWsdl(`${homeUrl}/cross.wsdl`), (e) => {
    assert.ok(e instanceof WsdlError && isSoapstackError(e, 'WSDL_IMPORT_FORBIDDEN'));
    assert.ok(e.message.includes(`${otherUrl}/t.xsd`), e.message);
    return true;
  });
  assert.deepEqual(fetched, [`${homeUrl.slice(7)}/cross.wsdl`]);
});

test('allowedOrigins and allowAnyOrigin widen the rule', async () => {
  const a = await loadWsdl(`${homeUrl}/cross.wsdl`, { allowedOrigins: [otherUrl] });
  assert.equal(a.documents[1]!.location, `${otherUrl}/t.xsd`);
  const b = await loadWsdl(`${homeUrl}/cross.wsdl`, { allowAnyOrigin: true });
  assert.equal(b.documents.length, 2);
});

test('a redirect to another origin is refused before it is followed', async () => {
  fetched.length = 0;
  await assert.rejects(loadWsdl(`${homeUrl}/redirect.wsdl`), (e) => isSoapstackError(e, 'WSDL_IMPORT_FORBIDDEN'));
  assert.ok(!fetched.some((f) => f.startsWith(otherUrl.slice(7))), fetched.join());
});

test('a URL root may never read local files, even with allowAnyOrigin', async () => {
  await assert.rejects(loadWsdl(`${homeUrl}/local.wsdl`, { allowAnyOrigin: true }), (e) =>
    isSoapstackError(e, 'WSDL_IMPORT_FORBIDDEN'),
  );
});

test('a file root may import files anywhere but URLs only when allowed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-ssrf-'));
  try {
    writeFileSync(join(dir, 't.xsd'), XSD);
    const ok = await compileWsdlText(wsdl('t.xsd'), join(dir, 'root.wsdl'));
    assert.equal(ok.documents[1]!.location, join(dir, 't.xsd'));
    await assert.rejects(compileWsdlText(wsdl(`${homeUrl}/t.xsd`), join(dir, 'root.wsdl')), (e) =>
      isSoapstackError(e, 'WSDL_IMPORT_FORBIDDEN'),
    );
    const allowed = await compileWsdlText(wsdl(`${homeUrl}/t.xsd`), join(dir, 'root.wsdl'), {
      allowedOrigins: [homeUrl],
    });
    assert.equal(allowed.documents[1]!.location, `${homeUrl}/t.xsd`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a document that cannot be loaded is DOCUMENT_LOAD_FAILED naming its location', async () => {
  await assert.rejects(loadWsdl(`${homeUrl}/missing.wsdl`), (e) => {
    assert.ok(isSoapstackError(e, 'DOCUMENT_LOAD_FAILED'));
    assert.ok((e as Error).message.includes(`${homeUrl}/missing.wsdl`));
    assert.match((e as Error).message, /404/);
    return true;
  });
  await assert.rejects(compileWsdlText(wsdl('nowhere.xsd'), '/nonexistent-dir/root.wsdl'), (e) => {
    assert.ok(isSoapstackError(e, 'DOCUMENT_LOAD_FAILED'));
    assert.ok((e as Error).message.includes('/nonexistent-dir/nowhere.xsd'));
    return true;
  });
});
