/**
 * Sign-in through the Dynamics client: Office 365 (WS-Trust at RST2.srf, then a fresh WS-Security header
 * with the issued EncryptedData and fresh WS-Addressing headers on every SOAP 1.2 call), and OAuth / bearer
 * on the SOAP 1.1 `/web` endpoint (`Authorization: Bearer`, `SOAPAction`, `text/xml`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDynamicsClient, DynamicsOptionsError } from '../../src/dynamics.js';
import {
  captured,
  capturedAnswer,
  children,
  envelopeOf,
  find,
  soap11,
  startStandIn,
  text,
} from '../fixtures/services/dynamics/stand-in.js';

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSA = 'http://www.w3.org/2005/08/addressing';

test('office365: one STS exchange, then every call carries a fresh Security and addressing header', async () => {
  const stand = await startStandIn((r) =>
    r.path === '/RST2.srf' ? { body: captured('request_security_token_response') } : capturedAnswer('who_am_i_result'),
  );
  const client = await createDynamicsClient({
    url: stand.url,
    signIn: {
      kind: 'office365',
      username: 'admin@contoso.onmicrosoft.com',
      password: 'pass@word1',
      sts: `${stand.base}/RST2.srf`,
    },
  });
  try {
    await client.whoAmI();
    await client.whoAmI();
    const sts = stand.seen.filter((r) => r.path === '/RST2.srf');
    assert.equal(sts.length, 1);
    assert.match(sts[0]!.body, /urn:crmna:dynamics\.com/);
    const calls = stand.seen.filter((r) => r.path !== '/RST2.srf');
    assert.equal(calls.length, 2);
    const ids: string[] = [];
    for (const call of calls) {
      assert.match(String(call.headers['content-type']), /^application\/soap\+xml/);
      const header = children(envelopeOf(call).root, 'Header')[0]!;
      const security = children(header, 'Security')[0]!;
      assert.equal(security.ns, WSSE);
      assert.ok(find(security, 'Timestamp'));
      assert.ok(find(security, 'EncryptedData'), 'the issued token is carried');
      const action = children(header, 'Action')[0]!;
      assert.equal(action.ns, WSA);
      assert.equal(
        text(action),
        'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Execute',
      );
      assert.equal(text(children(header, 'To')[0]), stand.url);
      ids.push(text(children(header, 'MessageID')[0]));
    }
    assert.notEqual(ids[0], ids[1], 'a new MessageID on every call');
    // The password never goes to the organization service.
    assert.ok(calls.every((c) => !c.body.includes('pass@word1')));
  } finally {
    await client.close();
    await stand.close();
  }
});

test('bearer: SOAP 1.1 on /web with Authorization, SOAPAction and no WS-Security', async () => {
  const stand = await startStandIn(() => soap11(capturedAnswer('create_response')));
  const client = await createDynamicsClient({ url: stand.url, signIn: { kind: 'bearer', token: 'eyJ0eXAi.test' } });
  try {
    assert.equal(client.soap.version, '1.1');
    assert.equal(await client.create('account', { name: 'Test Account' }), 'c4944f99-b5a0-e311-b64f-6c3be5a87df0');
    const call = stand.seen[0]!;
    assert.equal(call.path, '/XRMServices/2011/Organization.svc/web');
    assert.equal(call.headers.authorization, 'Bearer eyJ0eXAi.test');
    assert.match(String(call.headers['content-type']), /^text\/xml/);
    assert.equal(
      String(call.headers.soapaction).replace(/"/g, ''),
      'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Create',
    );
    assert.equal(envelopeOf(call).root.ns, 'http://schemas.xmlsoap.org/soap/envelope/');
    assert.doesNotMatch(call.body, /Security/);
  } finally {
    await client.close();
    await stand.close();
  }
});

test('oauth: the token endpoint is asked once and its token is sent as Bearer on /web', async () => {
  const stand = await startStandIn((r) =>
    r.path === '/oauth2/token'
      ? {
          contentType: 'application/json',
          body: JSON.stringify({ access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 }),
        }
      : soap11(capturedAnswer('who_am_i_result')),
  );
  const client = await createDynamicsClient({
    url: `${stand.url}/web`,
    signIn: {
      kind: 'oauth',
      tokenUrl: `${stand.base}/oauth2/token`,
      clientId: 'app',
      clientSecret: 's3cret',
      resource: stand.base,
    },
  });
  try {
    const me = await client.whoAmI();
    await client.whoAmI();
    assert.equal(me.userId, '1bfa3886-df7e-468c-8435-b5adfb0441ed');
    assert.equal(stand.seen.filter((r) => r.path === '/oauth2/token').length, 1);
    const calls = stand.seen.filter((r) => r.path !== '/oauth2/token');
    assert.deepEqual(
      calls.map((c) => c.headers.authorization),
      ['Bearer tok-1', 'Bearer tok-1'],
    );
    assert.equal(calls[0]?.path, '/XRMServices/2011/Organization.svc/web');
  } finally {
    await client.close();
    await stand.close();
  }
});

test('options that cannot work are refused when the client is built', async () => {
  await assert.rejects(
    createDynamicsClient({
      url: 'https://x/XRMServices/2011/Organization.svc/web',
      signIn: { kind: 'office365', username: 'u', password: 'p' },
    }),
    DynamicsOptionsError,
  );
  await assert.rejects(
    createDynamicsClient({ url: 'ftp://x', signIn: { kind: 'bearer', token: 't' } }),
    DynamicsOptionsError,
  );
  await assert.rejects(
    createDynamicsClient({
      url: 'https://x/XRMServices/2011/Organization.svc',
      signIn: { kind: 'office365', username: 'u', password: 'p', region: 'crmmars' as never },
    }),
    /unknown Dynamics CRM Online region/,
  );
});
