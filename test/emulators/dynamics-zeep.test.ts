/**
 * zeep (Python), a client soapstack did not write, against the emulator's Organization service: it loads the
 * served `?wsdl`, and calls WhoAmI and Create with a wsse:Security header it sends as raw XML (a Timestamp
 * and the EncryptedData token this test obtained from the emulator's STS first).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  type DynamicsEmulator,
  startDynamicsEmulator,
} from '../../src/emulators/index.js';
import { formatUtc } from '../../src/ws/security/index.js';
import { callWithZeep } from '../interop/peers/zeep.js';
import { hasZeep, requirePeer } from '../support/peers.js';
import { articleRst, articleTokenParts, format, post, template } from './dynamics-helpers.js';

let em: DynamicsEmulator;
before(async () => {
  em = await startDynamicsEmulator();
});
after(() => em.close());

async function securityHeader(): Promise<string> {
  const answer = await post(em.stsUrl, articleRst(em.stsUrl, DEFAULT_USERNAME, DEFAULT_PASSWORD, Date.now()));
  assert.equal(answer.status, 200);
  const parts = articleTokenParts(answer.text);
  const now = Date.now();
  return (
    '<o:Security xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" ' +
    'xmlns:u="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">' +
    `<u:Timestamp u:Id="_0"><u:Created>${formatUtc(new Date(now))}</u:Created><u:Expires>${formatUtc(new Date(now + 300_000))}</u:Expires></u:Timestamp>` +
    format(template('security-header-encrypteddata'), parts.keyIdentifier, parts.token0, parts.token1) +
    '</o:Security>'
  );
}

test('zeep calls WhoAmI and Create on the served WSDL with a raw security header', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const wsdl = `${em.organizationUrl}?wsdl`;
  const rawHeader = await securityHeader();
  const who = await callWithZeep(
    wsdl,
    'Execute',
    { request: { RequestName: 'WhoAmI', Parameters: null, RequestId: null } },
    { address: em.organizationUrl, rawHeader },
  );
  assert.ok('result' in who, JSON.stringify(who));
  assert.match(JSON.stringify(who.result), /1bfa3886-df7e-468c-8435-b5adfb0441ed/);

  const before = em.store.count('account');
  const created = await callWithZeep(
    wsdl,
    'Create',
    { entity: { LogicalName: 'account', Attributes: null, Id: '00000000-0000-0000-0000-000000000000' } },
    { address: em.organizationUrl, rawHeader },
  );
  assert.ok('result' in created, JSON.stringify(created));
  const id = String(created.result);
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(em.store.count('account'), before + 1);
  assert.equal(em.store.get('account', id).accountid, id);

  const refused = await callWithZeep(
    wsdl,
    'Create',
    { entity: { LogicalName: 'account' } },
    { address: em.organizationUrl },
  );
  assert.ok('fault' in refused, JSON.stringify(refused));
  assert.equal(refused.fault.message, 'An error occurred when verifying security for the message.');
  assert.equal(em.store.count('account'), before + 1);
});
