// zeep and node-soap, clients soapstack did not write, load the emulator's ?wsdl, authenticate the
// application and find jstepka with his attributes; a wrong password reaches them as Crowd's fault.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type CrowdEmulator, startCrowdEmulator } from '../../src/emulators/index.js';
import { callWithNodeSoap } from '../interop/peers/node-soap-client.js';
import { callWithZeep } from '../interop/peers/zeep.js';
import { hasZeep, requirePeer } from '../support/peers.js';

let em: CrowdEmulator;
before(async () => {
  em = await startCrowdEmulator();
});
after(() => em.close());

const login = (password: string) => ({
  in0: { credential: { credential: password }, name: 'jira', validationFactors: null },
});

type Attribute = { name: string; values: { string: string[] } };

function attributeMap(list: Attribute[]): Record<string, string[]> {
  return Object.fromEntries(list.map((a) => [a.name, a.values.string]));
}

test('zeep authenticates the application and finds jstepka with his attributes', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const app = await callWithZeep(em.wsdlUrl, 'authenticateApplication', login('password'));
  assert.ok('result' in app, JSON.stringify(app));
  const token = app.result as { name: string; token: string };
  assert.equal(token.name, 'jira');
  const found = await callWithZeep(em.wsdlUrl, 'findPrincipalByName', { in0: token, in1: 'jstepka' });
  assert.ok('result' in found, JSON.stringify(found));
  const principal = found.result as { name: string; active: boolean; attributes: { SOAPAttribute: Attribute[] } };
  assert.equal(principal.name, 'jstepka');
  assert.equal(principal.active, true);
  const attributes = attributeMap(principal.attributes.SOAPAttribute);
  assert.deepEqual(attributes.sn, ['Stepka']);
  assert.deepEqual(attributes.givenName, ['Justen']);
  assert.deepEqual(attributes.mail, ['justen.stepka@atlassian.com']);
  assert.deepEqual(attributes.requiresPasswordChange, ['false']);

  const refused = await callWithZeep(em.wsdlUrl, 'authenticateApplication', login('wrong'));
  assert.ok('fault' in refused, JSON.stringify(refused));
  assert.match(refused.fault.message, /does not match the password in Crowd/);
  assert.match(
    refused.fault.detail ?? '',
    /InvalidAuthenticationException[^>]*urn:SecurityServer|urn:SecurityServer[^>]*InvalidAuthenticationException/,
  );
});

test('node-soap authenticates the application and finds jstepka with his attributes', async () => {
  const app = await callWithNodeSoap(em.wsdlUrl, 'authenticateApplication', login('password'));
  assert.ok('result' in app, JSON.stringify(app));
  const token = (app.result as { out: { name: string; token: string } }).out;
  assert.equal(token.name, 'jira');
  assert.match(token.token, /00$/);
  const found = await callWithNodeSoap(em.wsdlUrl, 'findPrincipalByName', { in0: token, in1: 'jstepka' });
  assert.ok('result' in found, JSON.stringify(found));
  const principal = (found.result as { out: { name: string; attributes: { SOAPAttribute: Attribute[] } } }).out;
  assert.equal(principal.name, 'jstepka');
  const list = principal.attributes.SOAPAttribute.map((a) => ({
    name: a.name,
    values: { string: ([] as string[]).concat(a.values.string) },
  }));
  const attributes = attributeMap(list);
  assert.deepEqual(attributes.sn, ['Stepka']);
  assert.deepEqual(attributes.givenName, ['Justen']);
  assert.deepEqual(attributes.mail, ['justen.stepka@atlassian.com']);
  assert.deepEqual(attributes.invalidPasswordAttempts, ['0']);

  const refused = await callWithNodeSoap(em.wsdlUrl, 'findPrincipalByName', {
    in0: { name: 'jira', token: 'forgedforgedforgedforg00' },
    in1: 'jstepka',
  });
  assert.ok('fault' in refused);
  assert.equal(refused.fault.code, 'soap:Server');
  assert.match(refused.fault.message, /InvalidAuthorizationTokenException/);
  assert.match(refused.fault.raw, /InvalidAuthorizationTokenException xmlns:\w+="urn:SecurityServer"/);
});
