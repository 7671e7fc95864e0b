/**
 * The Crowd client end to end against soapstack's Crowd emulator: the documentation page's flow, typed errors
 * from a real (emulated) refusal, and the emulator restarted in the middle of 1,000 calls.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CrowdClient, createCrowdClient, isCrowdError } from '../../src/crowd.js';
import { startCrowdEmulator } from '../../src/emulators/crowd/index.js';
import type { Interceptor } from '../../src/transport/index.js';

const GUARD = { timeout: 60_000 };
const JIRA = { name: 'jira', password: 'password' };

/** An interceptor counting the requests whose body names `operation`. */
function counting(operation: string): { interceptor: Interceptor; count(): number } {
  let n = 0;
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${operation}[\\s>]`);
  return {
    interceptor: (next) => (request) => {
      if (pattern.test(String(request.body))) n++;
      return next(request);
    },
    count: () => n,
  };
}

async function emulated(t: { after(fn: () => unknown): void }, extra: { interceptors?: Interceptor[] } = {}) {
  const emulator = await startCrowdEmulator();
  const client: CrowdClient = await createCrowdClient({ url: emulator.url, application: JIRA, ...extra });
  t.after(async () => {
    await client.close();
    await emulator.close();
  });
  return { emulator, client };
}

test('the documentation flow: authenticate jira, authenticate jstepka, find him by name', GUARD, async (t) => {
  const { client } = await emulated(t);
  const app = await client.authenticateApplication();
  assert.equal(app.name, 'jira');
  assert.ok(app.token.length > 0);
  const principalToken = await client.authenticatePrincipal('jstepka', 'password', {
    remote_address: '127.0.0.1',
    'User-Agent': 'soapstack-test',
  });
  assert.ok(principalToken.length > 0);
  assert.equal(
    await client.isValidPrincipalToken(principalToken, { remote_address: '127.0.0.1', 'User-Agent': 'soapstack-test' }),
    true,
  );
  const jstepka = await client.findPrincipalByName('jstepka');
  assert.equal(jstepka.name, 'jstepka');
  assert.equal(jstepka.active, true);
  assert.deepEqual(jstepka.attributes.sn, ['Stepka']);
  assert.deepEqual(jstepka.attributes.givenName, ['Justen']);
  assert.deepEqual(jstepka.attributes.mail, ['justen.stepka@atlassian.com']);
  assert.equal((await client.findPrincipalByToken(principalToken)).name, 'jstepka');
});

test('a wrong password is CROWD_INVALID_AUTHENTICATION and the password is not in the error', GUARD, async (t) => {
  const { client } = await emulated(t);
  const error = await client.authenticatePrincipal('jstepka', 'not-the-password').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_INVALID_AUTHENTICATION'), String(error));
  assert.equal(error.exception, 'InvalidAuthenticationException');
  assert.doesNotMatch(`${error.message} ${error.cause.message}`, /not-the-password/);
  const simple = await client.authenticatePrincipalSimple('jstepka', 'not-the-password').catch((e: unknown) => e);
  assert.ok(isCrowdError(simple, 'CROWD_INVALID_AUTHENTICATION'), String(simple));
});

test('a wrong application password is CROWD_INVALID_AUTHENTICATION', GUARD, async (t) => {
  const emulator = await startCrowdEmulator();
  const client = await createCrowdClient({ url: emulator.url, application: { name: 'jira', password: 'wrong-pw' } });
  t.after(async () => {
    await client.close();
    await emulator.close();
  });
  const error = await client.findPrincipalByName('jstepka').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_INVALID_AUTHENTICATION'), String(error));
  assert.doesNotMatch(error.message, /wrong-pw/);
});

test('an unknown principal is CROWD_OBJECT_NOT_FOUND', GUARD, async (t) => {
  const { client } = await emulated(t);
  const error = await client.findPrincipalByName('nobody-here').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_OBJECT_NOT_FOUND'), String(error));
});

test('principals and groups round-trip through the emulator', GUARD, async (t) => {
  const { client } = await emulated(t);
  const added = await client.addPrincipal(
    { name: 'soapstack-user', attributes: { mail: 'ss@example.com', sn: 'User', givenName: 'Soap' } },
    'initial-pw',
  );
  assert.equal(added.name, 'soapstack-user');
  assert.equal(added.active, true);
  assert.ok((await client.findAllPrincipalNames()).includes('soapstack-user'));
  await client.addAttributeToPrincipal('soapstack-user', { name: 'team', values: ['a', 'b'] });
  assert.deepEqual((await client.findPrincipalWithAttributesByName('soapstack-user')).attributes.team, ['a', 'b']);
  assert.equal(typeof (await client.authenticatePrincipalSimple('soapstack-user', 'initial-pw')), 'string');
  const group = (await client.findAllGroupNames())[0];
  assert.ok(group, 'the default directory has groups');
  await client.addPrincipalToGroup('soapstack-user', group);
  assert.equal(await client.isGroupMember(group, 'soapstack-user'), true);
  assert.ok((await client.findGroupMemberships('soapstack-user')).includes(group));
  assert.ok((await client.findGroupByName(group)).members.includes('soapstack-user'));
  await client.removePrincipalFromGroup('soapstack-user', group);
  assert.equal(await client.isGroupMember(group, 'soapstack-user'), false);
  await client.removePrincipal('soapstack-user');
  const gone = await client.findPrincipalByName('soapstack-user').catch((e: unknown) => e);
  assert.ok(isCrowdError(gone, 'CROWD_OBJECT_NOT_FOUND'), String(gone));
});

test(
  'regression: the emulator restarted in the middle of 1,000 calls: no call fails, one re-authentication',
  GUARD,
  async (t) => {
    const auth = counting('authenticateApplication');
    const { emulator, client } = await emulated(t, { interceptors: [auth.interceptor] });
    const total = 1000;
    const inFlight = 8;
    let next = 0;
    let restarted = false;
    const failures: unknown[] = [];
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (i === total / 2 && !restarted) {
          restarted = true;
          await emulator.restart();
        }
        try {
          const found = await client.findPrincipalByName('jstepka');
          if (found.name !== 'jstepka') failures.push(new Error(`call ${i} found ${found.name}`));
        } catch (error) {
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    assert.equal(restarted, true);
    assert.deepEqual(failures, []);
    assert.equal(auth.count(), 2, 'the first acquisition and exactly one re-authentication after the restart');
  },
);
