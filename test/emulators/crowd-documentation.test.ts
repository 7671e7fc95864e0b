// The three exchanges of Crowd's SOAP API documentation page, sent byte for byte as the page (and openBIS,
// which copied it) shows them, get answers with the element structure of the captured Crowd 2.0.5 responses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type CrowdEmulator, startCrowdEmulator } from '../../src/emulators/index.js';
import {
  bodyEntry,
  child,
  crowdFixture,
  filledTemplate,
  postEnvelope,
  rootOf,
  structure,
  textOf,
} from './crowd-helpers.js';

let em: CrowdEmulator;
before(async () => {
  em = await startCrowdEmulator();
});
after(() => em.close());

/** The structure of a captured response's first body entry. */
function capturedBody(file: string): string {
  const envelope = rootOf(crowdFixture('responses-kraut', file));
  const body = child(envelope, 'Body');
  return structure(body.children.find((c) => typeof c !== 'string') as never);
}

test('the documentation exchanges (authenticateApplication, authenticatePrincipal, findPrincipalByName) as the page sends them', async () => {
  const app = await postEnvelope(em.url, filledTemplate('authenticateApplication', ['jira', 'password']));
  assert.equal(app.status, 200, app.text);
  const appBody = bodyEntry(app.text);
  assert.equal(structure(appBody), capturedBody('authenticate_application__success.xml'));
  const out = child(appBody, 'out');
  assert.equal(textOf(child(out, 'name')), 'jira');
  const token = textOf(child(out, 'token'));
  assert.match(token, /^[A-Za-z0-9_-]{22}00$/);

  const user = await postEnvelope(
    em.url,
    filledTemplate('authenticatePrincipal', ['jira', token, 'jstepka', 'password']),
  );
  assert.equal(user.status, 200, user.text);
  const userBody = bodyEntry(user.text);
  assert.equal(structure(userBody), capturedBody('authenticate_principal__success.xml'));
  const principalToken = textOf(child(userBody, 'out'));
  assert.match(principalToken, /^[A-Za-z0-9_-]{22}00$/);
  assert.notEqual(principalToken, token);

  const found = await postEnvelope(em.url, filledTemplate('findPrincipalByName', ['jira', token, 'jstepka']));
  assert.equal(found.status, 200, found.text);
  const foundBody = bodyEntry(found.text);
  assert.equal(foundBody.local, 'findPrincipalByNameResponse');
  assert.equal(foundBody.ns, 'urn:SecurityServer');
  // The principal has the captured findPrincipalWithAttributesByName shape: ID, active, attributes, nil
  // description, directoryId, name.
  const captured = child(
    child(
      child(rootOf(crowdFixture('responses-kraut', 'find_principal_with_attributes_by_name__success.xml')), 'Body'),
      'findPrincipalWithAttributesByNameResponse',
    ),
    'out',
  );
  const principal = child(foundBody, 'out');
  assert.equal(structure(principal), structure(captured));
  assert.equal(textOf(child(principal, 'name')), 'jstepka');
  const attributes = new Map<string, string[]>();
  for (const a of child(principal, 'attributes').children) {
    if (typeof a === 'string') continue;
    const values = child(a, 'values').children.filter((v) => typeof v !== 'string') as never[];
    attributes.set(
      textOf(child(a, 'name')),
      values.map((v) => textOf(v)),
    );
  }
  assert.deepEqual(attributes.get('sn'), ['Stepka']);
  assert.deepEqual(attributes.get('givenName'), ['Justen']);
  assert.deepEqual(attributes.get('mail'), ['justen.stepka@atlassian.com']);
  assert.deepEqual(attributes.get('requiresPasswordChange'), ['false']);
  assert.deepEqual(attributes.get('invalidPasswordAttempts'), ['0']);
  assert.match(attributes.get('lastAuthenticated')?.[0] ?? '', /^\d+$/);
  assert.match(attributes.get('passwordLastChanged')?.[0] ?? '', /^\d+$/);
});

test('findPrincipalByToken answers with the captured structure (core attributes only)', async () => {
  const app = bodyEntry(
    (await postEnvelope(em.url, filledTemplate('authenticateApplication', ['jive', 'password']))).text,
  );
  const token = textOf(child(child(app, 'out'), 'token'));
  const user = bodyEntry(
    (await postEnvelope(em.url, filledTemplate('authenticatePrincipal', ['jive', token, 'jstepka', 'password']))).text,
  );
  const principalToken = textOf(child(user, 'out'));
  const request = filledTemplate('findPrincipalByName', ['jive', token, principalToken]).replaceAll(
    'findPrincipalByName',
    'findPrincipalByToken',
  );
  const answer = await postEnvelope(em.url, request);
  assert.equal(answer.status, 200, answer.text);
  assert.equal(structure(bodyEntry(answer.text)), capturedBody('find_principal_by_token__success.xml'));
});

test('isGroupMember answers true and false in the captured structure', async () => {
  const app = bodyEntry(
    (await postEnvelope(em.url, filledTemplate('authenticateApplication', ['jira', 'password']))).text,
  );
  const token = textOf(child(child(app, 'out'), 'token'));
  const ask = (group: string, user: string) =>
    `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><isGroupMember xmlns="urn:SecurityServer"><in0><name xmlns="http://authentication.integration.crowd.atlassian.com">jira</name><token xmlns="http://authentication.integration.crowd.atlassian.com">${token}</token></in0><in1>${group}</in1><in2>${user}</in2></isGroupMember></soap:Body></soap:Envelope>`;
  const yes = await postEnvelope(em.url, ask('jira-administrators', 'jstepka'));
  const no = await postEnvelope(em.url, ask('jira-administrators', 'bob'));
  assert.equal(structure(bodyEntry(yes.text)), capturedBody('is_group_member__success.xml'));
  assert.equal(textOf(child(bodyEntry(yes.text), 'out')), 'true');
  assert.equal(structure(bodyEntry(no.text)), capturedBody('is_group_member__not_in_group.xml'));
  assert.equal(textOf(child(bodyEntry(no.text), 'out')), 'false');
});

test('the served WSDL is the real 2.0.5 one with its address pointed at the emulator', async () => {
  const res = await fetch(em.wsdlUrl);
  assert.equal(res.status, 200);
  const wsdl = await res.text();
  assert.match(wsdl, new RegExp(`location="${em.url.replaceAll('.', '\\.')}"`));
  const operations = new Set([...wsdl.matchAll(/<wsdl:operation name="([^"]+)"/g)].map((m) => m[1]));
  assert.equal(operations.size, 48);
});
