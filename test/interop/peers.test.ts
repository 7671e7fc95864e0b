// Self-test of the interoperability peers, independent of soapstack: zeep calls every operation of the
// spyne server and of the node-soap server and gets the contract's hard values back exactly; node-soap's
// client calls the spyne server. The deviations each peer has are pinned here, so that the soapstack
// tests written against these peers can rely on them.
import assert from 'node:assert/strict';
import { after, type TestContext, test } from 'node:test';
import { hasPythonModule, hasSpyne, hasZeep, requirePeer } from '../support/peers.js';
import { runPython, startPython } from '../support/processes.js';
import {
  BIG_DECIMAL,
  BIG_LONG,
  INTEROP_NS,
  type OrderJson,
  orderFaultReason,
  ordersOf,
  sampleOrder,
} from './peers/contract.js';
import { callWithNodeSoap } from './peers/node-soap-client.js';
import { type NodeSoapServer, startNodeSoapServer } from './peers/node-soap-server.js';
import { type SpyneServer, startSpyneServer } from './peers/spyne.js';
import { callWithZeep, type ZeepOutcome } from './peers/zeep.js';

// Each server starts on first use and stops after the file's tests.
let spyne: Promise<SpyneServer> | undefined;
let nodeSoap: Promise<NodeSoapServer> | undefined;
after(async () => {
  await Promise.all([spyne, nodeSoap].map((server) => server?.then((s) => s.close()).catch(() => {})));
});

function spyneServer(): Promise<SpyneServer> {
  spyne ??= startSpyneServer();
  return spyne;
}

function nodeSoapServer(): Promise<NodeSoapServer> {
  nodeSoap ??= startNodeSoapServer();
  return nodeSoap;
}

/** The servers zeep is run against: each with the peers it needs. */
const servers = [
  { name: 'spyne', needsSpyne: true, start: spyneServer },
  { name: 'node-soap', needsSpyne: false, start: nodeSoapServer },
];

/** zeep prints an absent optional element as null, like a nil one. */
function asZeepSees(order: OrderJson): OrderJson {
  return {
    ...order,
    customer: { ...order.customer, address: order.customer.address ?? null },
    note: order.note ?? null,
  } as OrderJson;
}

function resultOf(outcome: ZeepOutcome): unknown {
  assert.ok('result' in outcome, `expected a result, got ${JSON.stringify(outcome)}`);
  return outcome.result;
}

function faultOf(outcome: ZeepOutcome): { code: string; message: string; detail: string | null } {
  assert.ok('fault' in outcome, `expected a fault, got ${JSON.stringify(outcome)}`);
  return outcome.fault;
}

/** A raw SOAP 1.1 request, for what neither client shows (nil against absent). */
async function postRaw(url: string, action: string, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` },
    body:
      '<?xml version="1.0" encoding="utf-8"?>' +
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<s:Body>${body}</s:Body></s:Envelope>`,
  });
  return response.text();
}

for (const server of servers) {
  const ready = (t: TestContext): boolean =>
    requirePeer(t, 'zeep', hasZeep()) && (!server.needsSpyne || requirePeer(t, 'spyne', hasSpyne()));

  test(`zeep -> ${server.name}: echoOrder returns the long, the 20-digit decimal, nil, lines and enum unchanged`, async (t) => {
    if (!ready(t)) return;
    const { wsdlUrl } = await server.start();
    const order = sampleOrder();
    const echoed = resultOf(await callWithZeep(wsdlUrl, 'echoOrder', { order }));
    assert.deepEqual(echoed, asZeepSees(order));
    const result = echoed as OrderJson;
    assert.equal(result.id, BIG_LONG);
    assert.equal(result.total, BIG_DECIMAL);
    assert.equal(result.customer.email, null);
    assert.equal(result.lines.length, 3);
    assert.equal(result.status, 'shipped');
  });

  test(`zeep -> ${server.name}: echoOrder with one line, no address and another status`, async (t) => {
    if (!ready(t)) return;
    const { wsdlUrl } = await server.start();
    const order: OrderJson = {
      ...sampleOrder(),
      id: '-9223372036854775808',
      placed: '2024-02-29T23:59:58.123+05:30',
      customer: { name: 'Bob', email: 'bob@example.com' },
      lines: [{ sku: 'Z', quantity: -2147483648, price: '0' }],
      status: 'cancelled',
    };
    const echoed = resultOf(await callWithZeep(wsdlUrl, 'echoOrder', { order }));
    assert.deepEqual(echoed, { ...asZeepSees(order), placed: '2024-02-29T23:59:58.123000+05:30' });
  });

  test(`zeep -> ${server.name}: findOrders returns the stored orders, and none for "unknown"`, async (t) => {
    if (!ready(t)) return;
    const { wsdlUrl } = await server.start();
    const found = resultOf(await callWithZeep(wsdlUrl, 'findOrders', { customer: 'Ada', max: 3 }));
    assert.deepEqual(found, ordersOf('Ada', 3).map(asZeepSees));
    assert.deepEqual(
      (found as OrderJson[]).map((o) => o.id),
      ['9007199254740993', '9007199254740994', '9007199254740995'],
    );
    const one = resultOf(await callWithZeep(wsdlUrl, 'findOrders', { customer: 'Ada', max: 1 }));
    assert.equal((one as OrderJson[]).length, 1, 'a single repeated element is still an array');
    assert.deepEqual(resultOf(await callWithZeep(wsdlUrl, 'findOrders', { customer: 'unknown', max: 5 })), []);
  });

  test(`zeep -> ${server.name}: failOrder raises the declared OrderFault with its detail`, async (t) => {
    if (!ready(t)) return;
    const { wsdlUrl } = await server.start();
    const fault = faultOf(await callWithZeep(wsdlUrl, 'failOrder', { id: BIG_LONG }));
    assert.match(fault.code, /^[\w-]+:Server$/);
    assert.equal(fault.message, orderFaultReason(BIG_LONG));
    assert.ok(fault.detail, 'the fault carries a detail');
    const detail = fault.detail;
    assert.match(detail, new RegExp(`^<(\\w+):OrderFault [^>]*xmlns:\\1="${INTEROP_NS}"`));
    assert.match(detail, /<(\w+:)?code>42<\/(\w+:)?code>/);
    assert.match(detail, new RegExp(`<(\\w+:)?message>${orderFaultReason(BIG_LONG)}</(\\w+:)?message>`));
  });

  test(`zeep -> ${server.name}: addNumbers is exact 64-bit arithmetic and refuses overflow`, async (t) => {
    if (!ready(t)) return;
    const { wsdlUrl } = await server.start();
    const sum = (a: string, b: string) => callWithZeep(wsdlUrl, 'addNumbers', { a, b });
    assert.equal(resultOf(await sum(BIG_LONG, BIG_LONG)), '18014398509481986');
    assert.equal(resultOf(await sum('9223372036854775806', '1')), '9223372036854775807');
    assert.equal(resultOf(await sum('-9223372036854775807', '-1')), '-9223372036854775808');
    const overflow = faultOf(await sum('9223372036854775807', '1'));
    assert.match(overflow.code, /:Client$/);
    assert.match(overflow.message, /outside the range of xs:long/);
  });
}

test('spyne drops a nil optional element (note) where node-soap keeps xsi:nil', async (t) => {
  if (!requirePeer(t, 'spyne', hasSpyne())) return;
  const request =
    `<echoOrder xmlns="${INTEROP_NS}"><order><id>1</id><total>1.5</total><placed>2024-01-01T00:00:00Z</placed>` +
    '<customer><name>A</name><email xsi:nil="true"/></customer><note xsi:nil="true"/><status>open</status>' +
    '</order></echoOrder>';
  const fromSpyne = await postRaw((await spyneServer()).url, 'echoOrder', request);
  assert.match(fromSpyne, /<(\w+:)?email xsi:nil="true"\/>/);
  assert.doesNotMatch(fromSpyne, /note/);
  const fromNodeSoap = await postRaw((await nodeSoapServer()).url, 'echoOrder', request);
  assert.match(fromNodeSoap, /<note xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance" xsi:nil="true">/);
});

test('node-soap -> spyne: echoOrder keeps every digit with exact deserializers', async (t) => {
  if (!requirePeer(t, 'spyne', hasSpyne())) return;
  const { wsdlUrl } = await spyneServer();
  const outcome = await callWithNodeSoap(wsdlUrl, 'echoOrder', { order: sampleOrder() });
  assert.ok('result' in outcome, JSON.stringify(outcome));
  // spyne writes UTC as +00:00; node-soap's exact deserializer keeps the text as written.
  assert.deepEqual(outcome.result, { order: { ...sampleOrder(), placed: '2024-02-29T23:59:58+00:00' } });
  assert.match(outcome.rawRequest, /<id>9007199254740993<\/id>/);
});

test('node-soap -> spyne: with its default deserializers node-soap loses long and decimal digits', async (t) => {
  if (!requirePeer(t, 'spyne', hasSpyne())) return;
  const { wsdlUrl } = await spyneServer();
  const outcome = await callWithNodeSoap(wsdlUrl, 'echoOrder', { order: sampleOrder() }, { exact: false });
  assert.ok('result' in outcome, JSON.stringify(outcome));
  const order = (outcome.result as { order: Record<string, unknown> }).order;
  assert.equal(order.id, 9007199254740992, 'parseInt rounds 2^53 + 1 down');
  assert.equal(order.total, 12345678901234568, 'Number keeps 17 significant digits');
  assert.ok(order.placed instanceof Date);
  // What went over the wire was exact: only node-soap's reading of the response loses digits.
  assert.match(outcome.rawResponse, /<tns:id>9007199254740993<\/tns:id>/);
});

test('node-soap -> spyne: failOrder gives the fault with the OrderFault detail', async (t) => {
  if (!requirePeer(t, 'spyne', hasSpyne())) return;
  const { wsdlUrl } = await spyneServer();
  const outcome = await callWithNodeSoap(wsdlUrl, 'failOrder', { id: BIG_LONG });
  assert.ok('fault' in outcome, JSON.stringify(outcome));
  assert.equal(outcome.fault.code, 'soap11env:Server');
  assert.equal(outcome.fault.message, orderFaultReason(BIG_LONG));
  assert.deepEqual(outcome.fault.detail, { OrderFault: { code: '42', message: orderFaultReason(BIG_LONG) } });
});

test('spyne serves its WSDL with the contract namespace and element names', async (t) => {
  if (!requirePeer(t, 'spyne', hasSpyne())) return;
  const { wsdlUrl } = await spyneServer();
  const wsdl = await (await fetch(wsdlUrl)).text();
  assert.match(wsdl, /targetNamespace="urn:soapstack:interop"/);
  for (const name of ['echoOrder', 'echoOrderResponse', 'findOrdersResponse', 'addNumbersResponse', 'OrderFault']) {
    assert.match(wsdl, new RegExp(`<xs:element name="${name}" type="tns:${name}"/>`));
  }
  assert.match(wsdl, /<xs:element name="orders" type="tns:Order" minOccurs="0" maxOccurs="unbounded"\/>/);
  assert.match(wsdl, /<xs:element name="sum" type="xs:long"\/>/);
  assert.match(wsdl, /<xs:simpleType name="Status">/);
});

test('requirePeer skips with the install command, or fails under SOAPSTACK_REQUIRE_PEERS=1', () => {
  const saved = process.env.SOAPSTACK_REQUIRE_PEERS;
  const skipped: string[] = [];
  const t = { skip: (message: string) => skipped.push(message) } as unknown as TestContext;
  try {
    delete process.env.SOAPSTACK_REQUIRE_PEERS;
    assert.equal(requirePeer(t, 'zeep', true), true);
    assert.equal(requirePeer(t, 'zeep', false), false);
    assert.deepEqual(skipped, ['zeep is not installed: apt-get install -y python3-zeep']);
    process.env.SOAPSTACK_REQUIRE_PEERS = '1';
    assert.throws(() => requirePeer(t, 'spyne', false), /spyne is not installed: apt-get install -y python3-spyne/);
    assert.equal(skipped.length, 1);
  } finally {
    if (saved === undefined) delete process.env.SOAPSTACK_REQUIRE_PEERS;
    else process.env.SOAPSTACK_REQUIRE_PEERS = saved;
  }
  assert.equal(hasPythonModule('soapstack_no_such_module'), false);
});

test('startPython reports the stderr of a script that dies before listening', async () => {
  await assert.rejects(
    startPython('test/interop/peers/no-such-script.py'),
    /exited before listening[\s\S]*No such file/,
  );
});

test('zeep_client.py adds a UsernameToken with a Timestamp, and a raw header element', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const server = await nodeSoapServer();
  const rawHeader = `<x:Trace xmlns:x="urn:example:trace" x:id="t-1">raw &amp; kept</x:Trace>`;
  const outcome = await callWithZeep(
    server.wsdlUrl,
    'addNumbers',
    { a: '1', b: '2' },
    {
      username: 'alice',
      password: 's3cret',
      digest: true,
      rawHeader,
    },
  );
  assert.equal(resultOf(outcome), '3');
  const sent = server.received.at(-1) ?? '';
  assert.match(
    sent,
    /<(\w+:)?Security [^>]*xmlns(:\w+)?="http:\/\/docs.oasis-open.org\/wss\/2004\/01\/oasis-200401-wss-wssecurity-secext-1.0.xsd"/,
  );
  assert.match(sent, /<(\w+:)?Username>alice<\/(\w+:)?Username>/);
  assert.match(sent, /Type="[^"]*#PasswordDigest"/);
  assert.doesNotMatch(sent, /s3cret/, 'a digest never carries the password itself');
  assert.match(sent, /<(\w+:)?Nonce/);
  assert.match(
    sent,
    /<(\w+:)?Timestamp[^>]*>\s*<(\w+:)?Created>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/(\w+:)?Created>\s*<(\w+:)?Expires>/,
  );
  assert.match(sent, /<x:Trace xmlns:x="urn:example:trace" x:id="t-1">raw &amp; kept<\/x:Trace>/);

  const text = await callWithZeep(
    server.wsdlUrl,
    'addNumbers',
    { a: '1', b: '2' },
    { username: 'bob', password: 'pw' },
  );
  assert.equal(resultOf(text), '3');
  assert.match(server.received.at(-1) ?? '', /Type="[^"]*#PasswordText"[^>]*>pw</);
});

test('runPython returns the exit status and both streams', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const help = await runPython('test/interop/peers/zeep_client.py', ['--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /usage: zeep_client.py/);
  const usage = await runPython('test/interop/peers/zeep_client.py', ['http://127.0.0.1:9/?wsdl', 'echoOrder', '[1]']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /must be a JSON object/);
});
