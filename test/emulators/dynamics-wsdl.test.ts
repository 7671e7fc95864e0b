/**
 * The emulator's Organization service metadata, served as WCF serves it: `?wsdl` (policies, binding, service
 * and a wsdl:import of `?wsdl=wsdl0`), `?wsdl=wsdl0` (messages, portType, types importing `?xsd=xsdN`), one schema
 * per `?xsd=xsdN`, and `?singleWsdl`; every address and import pointing at the Host the client used. A client
 * given only the `?wsdl` URL loads the same contract as the bundled file and calls the emulator with it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { issuedTokenAuth, wsTrustProvider } from '../../src/auth/index.js';
import { createClient } from '../../src/client/index.js';
import { createDynamicsClient } from '../../src/dynamics.js';
import {
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  DYNAMICS_PATHS,
  type DynamicsEmulator,
  startDynamicsEmulator,
} from '../../src/emulators/index.js';
import { bundledWsdlPath } from '../../src/services/bundled.js';
import { type CompiledModel, loadWsdl } from '../../src/wsdl/index.js';
import { childElements, getAttribute } from '../../src/xml/dom.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { send } from '../server/helpers.js';

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const XS = 'http://www.w3.org/2001/XMLSchema';
const HOST = 'crm.contoso.test:5555';
const ADMIN_ID = '1bfa3886-df7e-468c-8435-b5adfb0441ed';
const PUBLIC = `http://${HOST}${DYNAMICS_PATHS.organization}`;

let em: DynamicsEmulator;
let bundled: CompiledModel;
before(async () => {
  em = await startDynamicsEmulator();
  bundled = await loadWsdl(bundledWsdlPath('dynamics-organization'));
});
after(() => em.close());

/** GETs `<Organization.svc>?<query>` as a client that reached the emulator as `HOST`; parses the answer. */
async function get(query: string): Promise<XmlElement> {
  const res = await send(`${em.organizationUrl}?${query}`, 'GET', undefined, { host: HOST });
  assert.equal(res.status, 200, `?${query}: ${res.text}`);
  assert.match(String(res.headers['content-type']), /^text\/xml/);
  // No address of the captured server and no placeholder of the emulator's reaches a client.
  assert.doesNotMatch(res.text, /180\.151\.86\.86|\.invalid|127\.0\.0\.1/);
  return parseXml(res.text, { source: query }).root;
}

function all(el: XmlElement, ns: string, local: string, out: XmlElement[] = []): XmlElement[] {
  if (el.ns === ns && el.local === local) out.push(el);
  for (const c of childElements(el)) all(c, ns, local, out);
  return out;
}

const wsdlChildren = (root: XmlElement) =>
  childElements(root)
    .filter((c) => c.ns === WSDL)
    .map((c) => c.local);

/** A model with its documents and port addresses left out: the contract alone. */
const contract = (m: CompiledModel) => ({
  ...m,
  documents: [],
  services: m.services.map((s) => ({ ...s, ports: s.ports.map((p) => ({ ...p, address: '' })) })),
});

test('?wsdl is the root of the WCF split: policies, a wsdl:import of ?wsdl=wsdl0, binding and service', async () => {
  const root = await get('wsdl');
  assert.deepEqual(wsdlChildren(root), ['import', 'binding', 'service']);
  assert.ok(
    childElements(root).some((c) => c.local === 'Policy'),
    'the binding policies stay with the binding',
  );
  const imp = all(root, WSDL, 'import')[0]!;
  assert.equal(getAttribute(imp, 'location'), `${PUBLIC}?wsdl=wsdl0`);
  assert.equal(getAttribute(imp, 'namespace'), 'http://schemas.microsoft.com/xrm/2011/Contracts/Services');
  const address = all(root, 'http://schemas.xmlsoap.org/wsdl/soap12/', 'address')[0]!;
  assert.equal(getAttribute(address, 'location'), PUBLIC);
  const epr = all(root, 'http://www.w3.org/2005/08/addressing', 'Address')[0]!;
  assert.equal(epr.children.join(''), PUBLIC);
});

test('?wsdl=wsdl0 holds the messages and portType, its types importing every ?xsd=xsdN', async () => {
  const wsdl0 = await get('wsdl=wsdl0');
  assert.deepEqual([...new Set(wsdlChildren(wsdl0))], ['types', 'message', 'portType']);
  assert.equal(all(wsdl0, WSDL, 'message').length, 24);
  const imports = all(wsdl0, XS, 'import').map((i) => getAttribute(i, 'schemaLocation'));
  assert.deepEqual(
    imports,
    Array.from({ length: 13 }, (_, i) => `${PUBLIC}?xsd=xsd${i}`),
  );
});

test('each ?xsd=xsdN is one schema of the single file, importing the sibling schemas it refers to', async () => {
  const single = await get('singleWsdl');
  const inline = all(single, XS, 'schema').filter((s) => s !== single);
  assert.equal(inline.length, 13);
  for (const [i, schema] of inline.entries()) {
    const xsd = await get(`xsd=xsd${i}`);
    assert.equal(xsd.ns, XS);
    assert.equal(xsd.local, 'schema');
    assert.equal(getAttribute(xsd, 'targetNamespace'), getAttribute(schema, 'targetNamespace'));
    const names = (s: XmlElement) => childElements(s).flatMap((c) => getAttribute(c, 'name') ?? []);
    assert.deepEqual(names(xsd), names(schema));
    for (const imp of all(xsd, XS, 'import')) {
      assert.match(
        getAttribute(imp, 'schemaLocation') ?? '',
        new RegExp(`^${PUBLIC.replace(/[.?]/g, '\\$&')}\\?xsd=xsd\\d+$`),
      );
    }
  }
  // Contracts (xsd2) refers to the serialization types (xsd1), so it imports them, as WCF writes it.
  const contracts = await get('xsd=xsd2');
  assert.ok(all(contracts, XS, 'import').some((i) => getAttribute(i, 'schemaLocation') === `${PUBLIC}?xsd=xsd1`));
  assert.equal((await send(`${em.organizationUrl}?xsd=xsd13`, 'GET', undefined)).status, 404);
});

test('?singleWsdl is the one file, its address pointed at the Host the client used', async () => {
  const single = await get('singleWsdl');
  assert.deepEqual([...new Set(wsdlChildren(single))], ['types', 'message', 'portType', 'binding', 'service']);
  assert.equal(all(single, WSDL, 'import').length, 0);
  const address = all(single, 'http://schemas.xmlsoap.org/wsdl/soap12/', 'address')[0]!;
  assert.equal(getAttribute(address, 'location'), PUBLIC);
  assert.equal((await send(`${em.organizationUrl}?SINGLEWSDL`, 'GET', undefined)).status, 200);
});

test('loadWsdl(?wsdl) fetches the 15 documents and compiles the contract of the bundled single file', async () => {
  const model = await loadWsdl(`${em.organizationUrl}?wsdl`);
  const at = (q: string) => `${em.organizationUrl}?${q}`;
  assert.deepEqual(model.documents.map((d) => d.location).slice(0, 2), [at('wsdl'), at('wsdl=wsdl0')]);
  assert.deepEqual(
    model.documents
      .slice(2)
      .map((d) => d.location)
      .sort(),
    Array.from({ length: 13 }, (_, i) => at(`xsd=xsd${i}`)).sort(),
  );
  assert.deepEqual(
    model.services[0]!.ports[0]!.operations.map((o) => o.name),
    bundled.services[0]!.ports[0]!.operations.map((o) => o.name),
  );
  assert.deepEqual(contract(model), contract(bundled));
  assert.equal(model.services[0]!.ports[0]!.address, em.organizationUrl);
});

test('a client given only the ?wsdl URL signs in at the STS and calls WhoAmI', async () => {
  const provider = wsTrustProvider({
    endpoint: em.stsUrl,
    trust: '2005/02',
    appliesTo: 'urn:crmna:dynamics.com',
    username: DEFAULT_USERNAME,
    password: DEFAULT_PASSWORD,
  });
  const auth = issuedTokenAuth(provider, { soapVersion: '1.2', addressing: true });
  // The generic client: operations, schema and endpoint all from the served split.
  const client = await createClient(`${em.organizationUrl}?wsdl`, { plugins: [auth], cache: false });
  const out = await client.call('Execute', { request: { RequestName: 'WhoAmI', Parameters: null, RequestId: null } });
  assert.match(JSON.stringify(out), new RegExp(ADMIN_ID));

  // The Dynamics client, pointed at the address the served WSDL gives.
  const address = (await loadWsdl(`${em.organizationUrl}?wsdl`)).services[0]!.ports[0]!.address;
  const dynamics = await createDynamicsClient({
    url: address,
    signIn: { kind: 'office365', username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD, sts: em.stsUrl },
  });
  assert.equal((await dynamics.whoAmI()).userId, ADMIN_ID);
});
