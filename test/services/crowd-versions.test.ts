/**
 * The Crowd client on other SecurityServer versions' WSDLs (1.x: `PrincipalAuthenticationContext`,
 * `directoryID`, fewer operations) and the shipped 2.0.5 model: every one of its 48 operations is a method
 * that sends that operation and decodes its answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CrowdClient, createCrowdClient } from '../../src/crowd.js';
import { childElements } from '../../src/xml/dom.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import {
  applicationTokenAnswer,
  crowdResponse,
  type SeenRequest,
  type StandInAnswer,
  startStandIn,
} from '../fixtures/services/crowd/stand-in.js';
import { testPath } from '../support/paths.js';

const GUARD = { timeout: 20_000 };
const APP = { name: 'app', password: 'app-secret-pw' };
const AUTH_NS = 'http://authentication.integration.crowd.atlassian.com';

/** The first element named `local` in document order. */
function findElement(el: XmlElement, local: string): XmlElement | undefined {
  if (el.local === local) return el;
  for (const child of childElements(el)) {
    const found = findElement(child, local);
    if (found) return found;
  }
  return undefined;
}
const wsdlOf = (version: string) => testPath('fixtures', 'real', 'crowd', `SecurityServer-crowd-${version}.wsdl`);

/** Out values for operations whose `out` is not nillable; every other answer is a nil or absent `out`. */
const NON_NIL: Record<string, string> = {
  isValidPrincipalToken: 'true',
  isGroupMember: 'true',
  isRoleMember: 'true',
  isCacheEnabled: 'true',
  getCacheTime: '20',
};

function genericAnswer(voids: ReadonlySet<string>) {
  return (r: SeenRequest): StandInAnswer => {
    if (r.operation === 'authenticateApplication') return applicationTokenAnswer('T1');
    if (voids.has(r.operation)) return crowdResponse(r.operation);
    const out = NON_NIL[r.operation];
    return crowdResponse(
      r.operation,
      out === undefined
        ? '<ns1:out xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'
        : `<ns1:out>${out}</ns1:out>`,
    );
  };
}

test('1.4.0: authenticatePrincipal builds a PrincipalAuthenticationContext', GUARD, async (t) => {
  const server = await startStandIn((r) =>
    r.operation === 'authenticateApplication'
      ? applicationTokenAnswer('T1')
      : crowdResponse('authenticatePrincipal', '<ns1:out>P1</ns1:out>'),
  );
  const client = await createCrowdClient({ url: server.url, application: APP, wsdl: wsdlOf('1.4.0'), cache: false });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  assert.equal(client.profile.principalContextType, `{${AUTH_NS}}PrincipalAuthenticationContext`);
  assert.deepEqual(client.profile.principalContextFields, ['application', 'credential', 'name', 'validationFactors']);
  assert.equal(client.profile.operations.size, 41);
  assert.equal(await client.authenticatePrincipal('jstepka', 'user-pw', { remote_address: '10.0.0.1' }), 'P1');
  const sent = server.seen[1]?.body ?? '';
  const body = sent.slice(sent.search(/<(\w+:)?in1>/));
  // The context's fields, children of in1 in the authentication namespace, in the type's order.
  const in1 = findElement(parseXml(sent).root, 'in1');
  assert.ok(in1, 'the request has an in1 element');
  const fields = childElements(in1)
    .filter((c) => c.ns === AUTH_NS)
    .map((c) => c.local);
  assert.deepEqual(fields, ['application', 'credential', 'name', 'validationFactors']);
  assert.match(body, /<(\w+:)?application[^>]*>app<\//);
  assert.match(body, /<(\w+:)?credential>user-pw<\//);
  assert.match(body, /<(\w+:)?ValidationFactor><(\w+:)?name>remote_address<\/\S+><(\w+:)?value>10\.0\.0\.1</);
});

test(
  '2.0.5 (shipped): the context type is UserAuthenticationContext and directoryId is spelled so',
  GUARD,
  async (t) => {
    const server = await startStandIn(genericAnswer(new Set()));
    const client = await createCrowdClient({ url: server.url, application: APP });
    t.after(async () => {
      await client.close();
      await server.close();
    });
    assert.equal(client.profile.principalContextType, `{${AUTH_NS}}UserAuthenticationContext`);
    assert.equal(client.profile.directoryIdField.SOAPPrincipal, 'directoryId');
  },
);

test('1.x: principals are written and read with directoryID', GUARD, async (t) => {
  const SOAP_NS = 'http://soap.integration.crowd.atlassian.com';
  const principal = `<ns1:out><ID xmlns="${SOAP_NS}">7</ID><active xmlns="${SOAP_NS}">true</active><directoryID xmlns="${SOAP_NS}">32769</directoryID><name xmlns="${SOAP_NS}">new-user</name></ns1:out>`;
  const server = await startStandIn((r) =>
    r.operation === 'authenticateApplication' ? applicationTokenAnswer('T1') : crowdResponse(r.operation, principal),
  );
  const client = await createCrowdClient({ url: server.url, application: APP, wsdl: wsdlOf('1.6.1'), cache: false });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  assert.equal(client.profile.directoryIdField.SOAPPrincipal, 'directoryID');
  const added = await client.addPrincipal({ name: 'new-user', directoryId: 32769n, attributes: { sn: 'User' } }, 'pw');
  assert.deepEqual(added, { name: 'new-user', active: true, attributes: {}, directoryId: 32769n, id: 7n });
  assert.match(server.seen[1]?.body ?? '', /<(\w+:)?directoryID[^>]*>32769</);
});

test('1.1.0: an operation its WSDL lacks fails clearly and sends nothing', GUARD, async (t) => {
  const server = await startStandIn(genericAnswer(new Set()));
  const client = await createCrowdClient({ url: server.url, application: APP, wsdl: wsdlOf('1.1.0'), cache: false });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  assert.equal(client.profile.operations.has('findPrincipalWithAttributesByName'), false);
  await assert.rejects(client.findPrincipalWithAttributesByName('x'), (e: Error & { code?: string }) => {
    return e.code === 'CLIENT_OPTIONS_INVALID' && /findPrincipalWithAttributesByName/.test(e.message);
  });
  assert.equal(server.count('findPrincipalWithAttributesByName'), 0);
});

/** One call per method, with arguments of the right shape. */
const CALLS: Record<string, (c: CrowdClient) => Promise<unknown>> = {
  authenticateApplication: (c) => c.authenticateApplication(),
  authenticatePrincipal: (c) => c.authenticatePrincipal('u', 'p', { remote_address: '1.2.3.4' }),
  authenticatePrincipalSimple: (c) => c.authenticatePrincipalSimple('u', 'p'),
  createPrincipalToken: (c) => c.createPrincipalToken('u'),
  isValidPrincipalToken: (c) => c.isValidPrincipalToken('tok'),
  invalidatePrincipalToken: (c) => c.invalidatePrincipalToken('tok'),
  findPrincipalByToken: (c) => c.findPrincipalByToken('tok'),
  findPrincipalByName: (c) => c.findPrincipalByName('u'),
  findPrincipalWithAttributesByName: (c) => c.findPrincipalWithAttributesByName('u'),
  searchPrincipals: (c) => c.searchPrincipals({ 'principal.name': 'u*', 'search.max.results': 10 }),
  findAllPrincipalNames: (c) => c.findAllPrincipalNames(),
  addPrincipal: (c) => c.addPrincipal({ name: 'u' }, 'p'),
  addAllPrincipals: (c) => c.addAllPrincipals([{ principal: { name: 'u' }, password: 'p' }]),
  removePrincipal: (c) => c.removePrincipal('u'),
  updatePrincipalCredential: (c) => c.updatePrincipalCredential('u', { credential: 'p', encrypted: false }),
  resetPrincipalCredential: (c) => c.resetPrincipalCredential('u'),
  addAttributeToPrincipal: (c) => c.addAttributeToPrincipal('u', { name: 'a', values: 'v' }),
  updatePrincipalAttribute: (c) => c.updatePrincipalAttribute('u', { name: 'a', values: ['v', 'w'] }),
  removeAttributeFromPrincipal: (c) => c.removeAttributeFromPrincipal('u', 'a'),
  findAllGroupNames: (c) => c.findAllGroupNames(),
  findGroupByName: (c) => c.findGroupByName('g'),
  findGroupWithAttributesByName: (c) => c.findGroupWithAttributesByName('g'),
  searchGroups: (c) => c.searchGroups([{ name: 'group.name', value: 'g*' }]),
  addGroup: (c) => c.addGroup({ name: 'g', members: ['u'] }),
  removeGroup: (c) => c.removeGroup('g'),
  updateGroup: (c) => c.updateGroup('g', 'desc', true),
  addAttributeToGroup: (c) => c.addAttributeToGroup('g', { name: 'a', values: 'v' }),
  updateGroupAttribute: (c) => c.updateGroupAttribute('g', { name: 'a', values: 'v' }),
  removeAttributeFromGroup: (c) => c.removeAttributeFromGroup('g', 'a'),
  addPrincipalToGroup: (c) => c.addPrincipalToGroup('u', 'g'),
  removePrincipalFromGroup: (c) => c.removePrincipalFromGroup('u', 'g'),
  isGroupMember: (c) => c.isGroupMember('g', 'u'),
  findGroupMemberships: (c) => c.findGroupMemberships('u'),
  findAllGroupRelationships: (c) => c.findAllGroupRelationships(),
  findAllRoleNames: (c) => c.findAllRoleNames(),
  findRoleByName: (c) => c.findRoleByName('r'),
  searchRoles: (c) => c.searchRoles({ 'role.name': 'r' }),
  addRole: (c) => c.addRole({ name: 'r' }),
  removeRole: (c) => c.removeRole('r'),
  addPrincipalToRole: (c) => c.addPrincipalToRole('u', 'r'),
  removePrincipalFromRole: (c) => c.removePrincipalFromRole('u', 'r'),
  isRoleMember: (c) => c.isRoleMember('r', 'u'),
  findRoleMemberships: (c) => c.findRoleMemberships('u'),
  getCacheTime: (c) => c.getCacheTime(),
  isCacheEnabled: (c) => c.isCacheEnabled(),
  getDomain: (c) => c.getDomain(),
  getCookieInfo: (c) => c.getCookieInfo(),
  getGrantedAuthorities: (c) => c.getGrantedAuthorities(),
};

test('2.0.5: each of the 48 operations is a method that sends it with the application token', GUARD, async (t) => {
  const voids = new Set<string>();
  const server = await startStandIn((r) => genericAnswer(voids)(r));
  const client = await createCrowdClient({ url: server.url, application: APP });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  // A void operation's response wrapper is an empty complex type: it gets no `out`.
  for (const name of client.soap.operationNames) {
    const wrapper = client.soap.model.schema.elements[`{urn:SecurityServer}${name}Response`];
    const type = wrapper && !('ref' in wrapper.type) ? wrapper.type : undefined;
    if (type?.kind === 'complex' && type.content.kind !== 'particle') voids.add(name);
  }
  assert.equal(voids.size, 18, 'the void operations of 2.0.5 (operations.txt lists 18)');
  const operations = client.soap.operationNames.sort();
  assert.equal(operations.length, 48);
  assert.deepEqual(Object.keys(CALLS).sort(), operations, 'a call above for every operation of the WSDL');
  for (const name of operations) {
    assert.equal(typeof (CrowdClient.prototype as unknown as Record<string, unknown>)[name], 'function', name);
    const before = server.seen.length;
    const value = await CALLS[name]?.(client);
    const sent = server.seen.slice(before).map((r) => r.operation);
    assert.ok(sent.includes(name), `${name} sent ${sent.join(', ')}`);
    if (name !== 'authenticateApplication') {
      assert.equal(server.seen.at(-1)?.token, 'T1', `${name} carries the application token`);
    }
    if (NON_NIL[name] === 'true') assert.equal(value, true, name);
    if (voids.has(name)) assert.equal(value, undefined, `${name} is void`);
  }
  assert.equal(await client.getCacheTime(), 20n);
  assert.equal(await client.getDomain(), null);
  assert.deepEqual(await client.findAllGroupNames(), []);
  assert.deepEqual(await client.getCookieInfo(), { secure: false });
});
