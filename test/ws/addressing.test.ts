// WS-Addressing: headers of both versions written and read back, the anonymous address of each, mustUnderstand
// on Action and To, escaping, and the plugin's fresh MessageID on every call of a real client.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createClient } from '../../src/client/index.js';
import type { CallInfo } from '../../src/client/plugin.js';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { isMustUnderstand } from '../../src/soap/header.js';
import {
  AddressingError,
  type AddressingVersion,
  readAddressingHeaders,
  WSA_ANONYMOUS,
  WSA_NS,
  writeAddressingHeaders,
  wsAddressing,
} from '../../src/ws/index.js';
import type { XmlWriter } from '../../src/xml/writer.js';
import { testPath } from '../support/paths.js';
import { INTEROP_NS, INTEROP_WSDL, type RecordingServer, startRecordingServer } from './helpers.js';

const ADD_RESPONSE = writeEnvelope('1.1', {
  body: (w) => {
    w.startElement(INTEROP_NS, 'addNumbersResponse', 'tns');
    w.element(INTEROP_NS, 'sum', '3', 'tns');
    w.endElement();
  },
});

let server: RecordingServer;
before(async () => {
  server = await startRecordingServer(() => ({
    status: 200,
    contentType: 'text/xml; charset=utf-8',
    body: ADD_RESPONSE,
  }));
});
after(() => server.close());

for (const version of ['2005/08', '2004/08'] as AddressingVersion[]) {
  for (const soapVersion of ['1.1', '1.2'] as const) {
    test(`WS-Addressing ${version} over SOAP ${soapVersion}: written headers read back the same`, () => {
      const envelope = writeEnvelope(soapVersion, {
        header: (w) =>
          writeAddressingHeaders(w, {
            version,
            action: 'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Create',
            messageId: 'urn:uuid:00000000-0000-4000-8000-000000000001',
            to: 'https://org.crm.dynamics.com/XRMServices/2011/Organization.svc',
            soapVersion,
          }),
        body: (w) => w.element('urn:x', 'Ping', '', 'x'),
      });
      const parsed = parseEnvelope(envelope, { expected: soapVersion });
      assert.deepEqual(readAddressingHeaders(parsed.headers), {
        version,
        action: 'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Create',
        messageId: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        to: 'https://org.crm.dynamics.com/XRMServices/2011/Organization.svc',
        replyTo: WSA_ANONYMOUS[version],
      });
      // Every block is in the version's namespace, in the templates' order, mustUnderstand on Action and To only.
      assert.deepEqual(
        parsed.headers.map((h) => [h.ns, h.local, isMustUnderstand(h, soapVersion)]),
        [
          [WSA_NS[version], 'Action', true],
          [WSA_NS[version], 'MessageID', false],
          [WSA_NS[version], 'ReplyTo', false],
          [WSA_NS[version], 'To', true],
        ],
      );
    });
  }
}

test('the anonymous address differs per version, as WS-Addressing 1.0 and the 2004/08 submission define it', () => {
  assert.equal(WSA_ANONYMOUS['2005/08'], 'http://www.w3.org/2005/08/addressing/anonymous');
  assert.equal(WSA_ANONYMOUS['2004/08'], 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous');
});

test('mustUnderstand can be turned off; ReplyTo and RelatesTo are written as given; & and < are escaped', () => {
  const to = 'https://host/svc?a=1&b=<2>&c="3"';
  const envelope = writeEnvelope('1.2', {
    header: (w) =>
      writeAddressingHeaders(w, {
        action: 'urn:act&ion',
        to,
        replyTo: 'http://client/reply?x=1&y=2',
        relatesTo: 'urn:uuid:1',
        mustUnderstand: false,
        soapVersion: '1.2',
      }),
    body: (w) => w.element('urn:x', 'Ping', '', 'x'),
  });
  assert.ok(!envelope.includes('a=1&b'), 'the & in To is escaped');
  const parsed = parseEnvelope(envelope);
  const read = readAddressingHeaders(parsed.headers);
  assert.equal(read.to, to);
  assert.equal(read.action, 'urn:act&ion');
  assert.equal(read.replyTo, 'http://client/reply?x=1&y=2');
  assert.equal(read.relatesTo, 'urn:uuid:1');
  assert.match(read.messageId ?? '', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(parsed.headers.every((h) => !isMustUnderstand(h, '1.2')));
});

test('readAddressingHeaders reads the captured Microsoft Online RSTR (2005/08 Action, To = 2004/08 anonymous)', () => {
  const text = readFileSync(
    testPath(
      'fixtures',
      'real',
      'dynamics-crm-2011',
      'responses-dynamics_crm-gem',
      'request_security_token_response.xml',
    ),
    'utf8',
  );
  const read = readAddressingHeaders(parseEnvelope(text).headers);
  assert.deepEqual(read, {
    version: '2005/08',
    action: 'http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/Issue',
    to: 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous',
  });
  assert.deepEqual(readAddressingHeaders([]), {});
});

test('an empty action is refused with WSA_NO_ACTION (wsa:Action is required)', () => {
  const call = (w: XmlWriter) => writeAddressingHeaders(w, { action: '', soapVersion: '1.1' });
  assert.throws(
    () => writeEnvelope('1.1', { header: call, body: () => {} }),
    (e: unknown) => {
      assert.ok(e instanceof AddressingError);
      assert.equal(e.code, 'WSA_NO_ACTION');
      return true;
    },
  );
  const plugin = wsAddressing();
  const info = {
    operation: { name: 'op' },
    action: '',
    url: 'http://x',
    version: '1.1',
    attempt: 0,
  } as unknown as CallInfo;
  assert.throws(() => plugin.prepare?.(info), AddressingError);
  const withFallback = wsAddressing({ action: (c) => `urn:fallback/${c.operation.name}` });
  const added = withFallback.prepare?.(info) as { soapHeaders: Array<(w: XmlWriter) => void> };
  const envelope = writeEnvelope('1.1', { header: (w) => added.soapHeaders[0]!(w), body: () => {} });
  assert.equal(readAddressingHeaders(parseEnvelope(envelope).headers).action, 'urn:fallback/op');
});

test('the wsAddressing plugin sends a fresh MessageID on every call, Action = the operation, To = the URL', async () => {
  server.seen.length = 0;
  const endpoint = `${server.url}/interop?tenant=a&b`;
  const client = await createClient(INTEROP_WSDL, { endpoint, plugins: [wsAddressing()], cache: false });
  try {
    await client.call('addNumbers', { a: 1n, b: 2n });
    await client.call('addNumbers', { a: 1n, b: 2n });
  } finally {
    await client.close();
  }
  assert.equal(server.seen.length, 2);
  const read = server.seen.map((s) => readAddressingHeaders(parseEnvelope(s.body).headers));
  for (const r of read) {
    assert.equal(r.version, '2005/08');
    assert.equal(r.action, 'urn:soapstack:interop/addNumbers');
    assert.equal(r.to, endpoint);
    assert.equal(r.replyTo, WSA_ANONYMOUS['2005/08']);
  }
  assert.notEqual(read[0]!.messageId, read[1]!.messageId);
});
