// Managing the Crowd emulator's directory through the SecurityServer operations: principals, attributes,
// credentials, groups, roles, searches; and the JSON data file format.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type CrowdEmulator, loadCrowdData, parseCrowdData, startCrowdEmulator } from '../../src/emulators/index.js';
import { isSoapstackError } from '../../src/errors.js';
import { testPath } from '../support/paths.js';
import { applicationToken, crowdCall, crowdValue, faultShape } from './crowd-helpers.js';

let em: CrowdEmulator;
let app: { name: string; token: string };
const resets: Array<[string, string]> = [];
before(async () => {
  em = await startCrowdEmulator({ onPasswordReset: (name, password) => resets.push([name, password]) });
  app = await applicationToken(em);
});
after(() => em.close());

type Principal = {
  name: string;
  active: boolean;
  attributes: { SOAPAttribute: Array<{ name: string; values: { string: string[] } }> };
};

function attributes(p: Principal): Record<string, string[]> {
  return Object.fromEntries(p.attributes.SOAPAttribute.map((a) => [a.name, a.values.string]));
}

async function out<T>(operation: string, input: Record<string, unknown>): Promise<T> {
  return ((await crowdValue(em, operation, { in0: app, ...input })) as { out: T }).out;
}

async function faultDetail(operation: string, input: Record<string, unknown>): Promise<string[]> {
  const outcome = await crowdCall(em, operation, { in0: app, ...input });
  assert.ok('fault' in outcome, `${operation} should fail`);
  return faultShape(outcome.text).detail.map((d) => d.replace(/\(.*$/, ''));
}

test('principal round trip: add, find, sign in, change attributes and password, remove', async () => {
  const added = await out<Principal>('addPrincipal', {
    in1: {
      name: 'erin',
      active: true,
      attributes: {
        SOAPAttribute: [
          { name: 'givenName', values: { string: ['Erin'] } },
          { name: 'sn', values: { string: ['Example'] } },
          { name: 'mail', values: { string: ['erin@example.com'] } },
          { name: 'badge', values: { string: ['42', '43'] } },
        ],
      },
    },
    in2: { credential: 'erin-pw' },
  });
  assert.equal(added.name, 'erin');
  assert.deepEqual(attributes(added).badge, ['42', '43']);
  assert.deepEqual(await faultDetail('addPrincipal', { in1: { name: 'ERIN' }, in2: { credential: 'x' } }), [
    '{urn:SecurityServer}InvalidUserException',
  ]);
  assert.deepEqual(await faultDetail('addPrincipal', { in1: { name: 'frank' }, in2: { credential: '' } }), [
    '{urn:SecurityServer}InvalidCredentialException',
  ]);
  assert.ok((await out<{ string: string[] }>('findAllPrincipalNames', {})).string.includes('erin'));
  assert.ok((await out<string>('authenticatePrincipalSimple', { in1: 'erin', in2: 'erin-pw' })).length > 0);

  await crowdValue(em, 'addAttributeToPrincipal', {
    in0: app,
    in1: 'erin',
    in2: { name: 'team', values: { string: ['qa'] } },
  });
  await crowdValue(em, 'updatePrincipalAttribute', {
    in0: app,
    in1: 'erin',
    in2: { name: 'sn', values: { string: ['Changed'] } },
  });
  await crowdValue(em, 'removeAttributeFromPrincipal', { in0: app, in1: 'erin', in2: 'badge' });
  const found = attributes(await out<Principal>('findPrincipalWithAttributesByName', { in1: 'erin' }));
  assert.deepEqual(found.team, ['qa']);
  assert.deepEqual(found.sn, ['Changed']);
  assert.equal(found.badge, undefined);

  await crowdValue(em, 'updatePrincipalCredential', { in0: app, in1: 'erin', in2: { credential: 'new-pw' } });
  assert.deepEqual(await faultDetail('authenticatePrincipalSimple', { in1: 'erin', in2: 'erin-pw' }), [
    '{urn:SecurityServer}InvalidAuthenticationException',
  ]);
  assert.ok((await out<string>('authenticatePrincipalSimple', { in1: 'erin', in2: 'new-pw' })).length > 0);

  await crowdValue(em, 'resetPrincipalCredential', { in0: app, in1: 'erin' });
  const reset = resets.find(([name]) => name === 'erin');
  assert.ok(reset);
  assert.ok((await out<string>('authenticatePrincipalSimple', { in1: 'erin', in2: reset[1] })).length > 0);

  await crowdValue(em, 'addPrincipalToGroup', { in0: app, in1: 'erin', in2: 'jira-users' });
  await crowdValue(em, 'removePrincipal', { in0: app, in1: 'erin' });
  assert.deepEqual(await faultDetail('findPrincipalByName', { in1: 'erin' }), [
    '{urn:SecurityServer}ObjectNotFoundException',
  ]);
  assert.deepEqual(await out('isGroupMember', { in1: 'jira-users', in2: 'erin' }), false);
  assert.deepEqual(await faultDetail('removePrincipal', { in1: 'erin' }), [
    '{urn:SecurityServer}ObjectNotFoundException',
  ]);
});

test('group round trip: add, members, update, attributes, memberships, remove', async () => {
  type Group = { name: string; active: boolean; description: string | null; members: { string?: string[] } };
  const added = await out<Group>('addGroup', { in1: { name: 'qa-team', active: true, description: 'QA' } });
  assert.equal(added.name, 'qa-team');
  assert.deepEqual(await faultDetail('addGroup', { in1: { name: 'qa-team' } }), [
    '{urn:SecurityServer}InvalidGroupException',
  ]);
  await crowdValue(em, 'addPrincipalToGroup', { in0: app, in1: 'alice', in2: 'qa-team' });
  await crowdValue(em, 'addPrincipalToGroup', { in0: app, in1: 'bob', in2: 'qa-team' });
  assert.deepEqual(await faultDetail('addPrincipalToGroup', { in1: 'nobody', in2: 'qa-team' }), [
    '{urn:SecurityServer}ObjectNotFoundException',
  ]);
  await crowdValue(em, 'removePrincipalFromGroup', { in0: app, in1: 'bob', in2: 'qa-team' });
  await crowdValue(em, 'updateGroup', { in0: app, in1: 'qa-team', in2: 'Quality', in3: false });
  await crowdValue(em, 'addAttributeToGroup', {
    in0: app,
    in1: 'qa-team',
    in2: { name: 'room', values: { string: ['7'] } },
  });
  const group = await out<Group & { attributes: { SOAPAttribute: unknown[] } }>('findGroupWithAttributesByName', {
    in1: 'qa-team',
  });
  assert.deepEqual(
    { description: group.description, active: group.active, members: group.members.string },
    { description: 'Quality', active: false, members: ['alice'] },
  );
  assert.deepEqual(group.attributes.SOAPAttribute, [{ name: 'room', values: { string: ['7'] } }]);
  assert.deepEqual((await out<{ string: string[] }>('findGroupMemberships', { in1: 'alice' })).string.sort(), [
    'confluence-users',
    'jira-users',
    'qa-team',
  ]);
  assert.equal(await out('isGroupMember', { in1: 'qa-team', in2: 'alice' }), true);
  await crowdValue(em, 'removeGroup', { in0: app, in1: 'qa-team' });
  assert.ok(!(await out<{ string: string[] }>('findAllGroupNames', {})).string.includes('qa-team'));
  assert.deepEqual(await faultDetail('findGroupByName', { in1: 'qa-team' }), [
    '{urn:SecurityServer}ObjectNotFoundException',
  ]);
});

test('roles work like groups', async () => {
  await out('addRole', { in1: { name: 'reviewers', active: true } });
  await crowdValue(em, 'addPrincipalToRole', { in0: app, in1: 'jstepka', in2: 'reviewers' });
  assert.equal(await out('isRoleMember', { in1: 'reviewers', in2: 'jstepka' }), true);
  assert.deepEqual((await out<{ string: string[] }>('findRoleMemberships', { in1: 'jstepka' })).string, ['reviewers']);
  assert.deepEqual((await out<{ string: string[] }>('findAllRoleNames', {})).string, ['developers', 'reviewers']);
  const found = await out<{ SOAPRole: Array<{ name: string }> }>('searchRoles', {
    in1: { SearchRestriction: [{ name: 'role.name', value: 'dev' }] },
  });
  assert.deepEqual(
    found.SOAPRole.map((r) => r.name),
    ['developers'],
  );
  await crowdValue(em, 'removeRole', { in0: app, in1: 'reviewers' });
});

test('searchPrincipals and searchGroups apply every restriction', async () => {
  const names = async (restrictions: Array<{ name: string; value: string }>) =>
    (
      await out<{ SOAPPrincipal?: Principal[] }>('searchPrincipals', { in1: { SearchRestriction: restrictions } })
    ).SOAPPrincipal?.map((p) => p.name) ?? [];
  assert.deepEqual(await names([{ name: 'principal.email', value: 'example.com' }]), [
    'admin',
    'alice',
    'bob',
    'inactive-user',
  ]);
  assert.deepEqual(
    await names([
      { name: 'principal.email', value: '*@example.com' },
      { name: 'principal.active', value: 'false' },
    ]),
    ['inactive-user'],
  );
  assert.deepEqual(await names([{ name: 'principal.name', value: 'J*' }]), ['jstepka']);
  assert.deepEqual(await names([{ name: 'principal.fullname', value: 'stepka' }]), ['jstepka']);
  assert.deepEqual(
    await names([
      { name: 'principal.active', value: 'true' },
      { name: 'search.index.start', value: '1' },
      { name: 'search.max.results', value: '2' },
    ]),
    ['alice', 'bob'],
  );
  assert.deepEqual(await names([{ name: 'principal.name', value: 'nobody-at-all' }]), []);
  const groups = await out<{ SOAPGroup: Array<{ name: string; members: { string: string[] } }> }>('searchGroups', {
    in1: { SearchRestriction: [{ name: 'group.name', value: 'jira' }] },
  });
  assert.deepEqual(
    groups.SOAPGroup.map((g) => g.name),
    ['jira-administrators', 'jira-users'],
  );
  assert.deepEqual(groups.SOAPGroup[0]!.members.string, ['jstepka', 'admin']);
});

test('server settings answer getCacheTime, isCacheEnabled, getDomain, getCookieInfo, getGrantedAuthorities', async () => {
  assert.equal(await out('getCacheTime', {}), 20n);
  assert.equal(await out('isCacheEnabled', {}), true);
  assert.equal(await out('getDomain', {}), null);
  assert.deepEqual(await out('getCookieInfo', {}), { domain: null, secure: false });
  assert.deepEqual(await out('getGrantedAuthorities', {}), {});
});

test('a JSON data file is loaded, its passwords hashed, and served', async () => {
  const file = testPath('fixtures', 'emulators', 'crowd', 'directory.json');
  const data = await loadCrowdData(file);
  assert.equal(data.applications[0]!.password, undefined);
  assert.match(data.principals[0]!.passwordHash ?? '', /^scrypt\$\d+\$\d+\$\d+\$/);
  const custom = await startCrowdEmulator({ data });
  try {
    const portal = await applicationToken(custom, 'portal', 'portal-secret');
    const call = async (operation: string, input: Record<string, unknown>) =>
      ((await crowdValue(custom, operation, { in0: portal, ...input })) as { out: unknown }).out;
    assert.equal(await call('getDomain', {}), '.example.org');
    assert.equal(await call('getCacheTime', {}), 5n);
    assert.deepEqual(await call('getGrantedAuthorities', {}), { string: ['staff'] });
    const carol = (await call('findPrincipalByName', { in1: 'carol' })) as Principal & { directoryId: bigint };
    assert.equal(carol.directoryId, 98305n);
    assert.deepEqual(attributes(carol).department, ['R&D']);
    assert.ok(((await call('authenticatePrincipalSimple', { in1: 'carol', in2: 'carol-pw' })) as string).length > 0);
    // An application limited to other addresses may not even sign in from here.
    const outcome = await crowdCall(custom, 'authenticateApplication', {
      in0: { credential: { credential: 'secret' }, name: 'local-only', validationFactors: null },
    });
    assert.ok('fault' in outcome);
    assert.match(faultShape(outcome.text).reason, /forbidden/);
  } finally {
    await custom.close();
  }
});

test('a data file that breaks the format is refused with every problem named', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'soapstack-crowd-'));
  try {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        applications: [{ name: 'a' }],
        principals: [{ name: 'p', password: 'x', attributes: { mail: 'not-a-list' } }],
        groups: [{ name: 'g', members: ['ghost'] }],
      }),
    );
    await assert.rejects(loadCrowdData(file), (error: unknown) => {
      assert.ok(isSoapstackError(error, 'CROWD_DATA_INVALID'));
      assert.match(error.message, /applications\[0\]: give password or passwordHash/);
      assert.match(error.message, /principals\[0\]\.attributes\.mail: expected an array of strings/);
      return true;
    });
    assert.throws(
      () => parseCrowdData({ applications: [], principals: [], groups: [{ name: 'g', members: ['ghost'] }] }),
      /groups\[0\]\.members\[0\]: no principal ghost/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
