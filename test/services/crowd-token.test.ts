/**
 * The application token flow against a scripted stand-in: acquired on first use, one acquisition shared by
 * concurrent first calls, reused, re-acquired once with one retry after InvalidAuthorizationTokenException,
 * never a loop when the server keeps refusing, a failed acquisition not cached, secrets never in errors.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCrowdClient, isCrowdError } from '../../src/crowd.js';
import {
  applicationTokenAnswer,
  crowdFault,
  crowdResponse,
  type SeenRequest,
  type StandInAnswer,
  startStandIn,
} from '../fixtures/services/crowd/stand-in.js';

const GUARD = { timeout: 20_000 };
const APP = { name: 'app', password: 'app-secret-pw' };
const REFUSED = () =>
  crowdFault('InvalidAuthorizationTokenException', 'Application token is invalid or has expired: stale');
const NAMES = crowdResponse('findAllGroupNames', '<ns1:out><ns1:string>crowd-users</ns1:string></ns1:out>');

/**
 * A SecurityServer that issues tokens `T1`, `T2`, ... and accepts only those it remembers; `forget()` drops
 * them all (a restart), `refuseAll` refuses every token.
 */
async function tokenServer(t: { after(fn: () => unknown): void }) {
  const state = { issued: 0, valid: new Set<string>(), refuseAll: false, authFault: false };
  const answer = (r: SeenRequest): StandInAnswer => {
    if (r.operation === 'authenticateApplication') {
      if (state.authFault)
        return crowdFault('InvalidAuthenticationException', 'Application with invalid password: app');
      const token = `T${++state.issued}`;
      state.valid.add(token);
      return applicationTokenAnswer(token);
    }
    if (state.refuseAll || r.token === undefined || !state.valid.has(r.token)) return REFUSED();
    return NAMES;
  };
  const server = await startStandIn(answer);
  const client = await createCrowdClient({ url: server.url, application: APP });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  return { server, client, state, forget: () => state.valid.clear() };
}

test('the first call acquires the token and later calls reuse it', GUARD, async (t) => {
  const { server, client } = await tokenServer(t);
  assert.equal(client.applicationToken, undefined, 'nothing is sent before the first call');
  assert.equal(server.seen.length, 0);
  assert.deepEqual(await client.findAllGroupNames(), ['crowd-users']);
  assert.deepEqual(await client.findAllGroupNames(), ['crowd-users']);
  assert.equal(server.count('authenticateApplication'), 1);
  assert.deepEqual(
    server.seen.filter((r) => r.operation === 'findAllGroupNames').map((r) => r.token),
    ['T1', 'T1'],
  );
  assert.deepEqual(client.applicationToken, { name: 'app', token: 'T1' });
});

test('concurrent first calls share one acquisition', GUARD, async (t) => {
  const { server, client } = await tokenServer(t);
  const results = await Promise.all(Array.from({ length: 25 }, () => client.findAllGroupNames()));
  assert.equal(results.length, 25);
  assert.equal(server.count('authenticateApplication'), 1);
  assert.ok(server.seen.filter((r) => r.operation === 'findAllGroupNames').every((r) => r.token === 'T1'));
});

test('a forgotten token is re-acquired once and the call re-invoked once', GUARD, async (t) => {
  const { server, client, forget } = await tokenServer(t);
  await client.findAllGroupNames();
  forget();
  assert.deepEqual(await client.findAllGroupNames(), ['crowd-users']);
  assert.equal(server.count('authenticateApplication'), 2);
  assert.deepEqual(
    server.seen.map((r) => `${r.operation}:${r.token ?? ''}`),
    [
      'authenticateApplication:',
      'findAllGroupNames:T1',
      'findAllGroupNames:T1',
      'authenticateApplication:',
      'findAllGroupNames:T2',
    ],
  );
});

test('many calls refused with the same stale token cause one re-authentication', GUARD, async (t) => {
  const { server, client, forget } = await tokenServer(t);
  await client.findAllGroupNames();
  forget();
  const results = await Promise.all(Array.from({ length: 30 }, () => client.findAllGroupNames()));
  assert.ok(results.every((r) => r[0] === 'crowd-users'));
  assert.equal(server.count('authenticateApplication'), 2);
  assert.deepEqual(client.applicationToken, { name: 'app', token: 'T2' });
});

test(
  'regression: a server that keeps refusing the token is never a loop (one retry, then the error)',
  GUARD,
  async (t) => {
    const { server, client, state } = await tokenServer(t);
    state.refuseAll = true;
    const error = await client.findAllGroupNames().catch((e: unknown) => e);
    assert.ok(isCrowdError(error, 'CROWD_INVALID_AUTHORIZATION_TOKEN'), String(error));
    assert.equal(error.operation, 'findAllGroupNames');
    assert.equal(server.count('findAllGroupNames'), 2, 'the call and its one retry');
    assert.equal(server.count('authenticateApplication'), 2, 'first use and one re-acquisition');
    assert.doesNotMatch(error.message, /app-secret-pw|T1|T2/);
  },
);

test('a refused application sign-in is a typed error, not cached, and never quotes the password', GUARD, async (t) => {
  const { server, client, state } = await tokenServer(t);
  state.authFault = true;
  const error = await client.findAllGroupNames().catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_INVALID_AUTHENTICATION'), String(error));
  assert.equal(error.operation, 'authenticateApplication');
  assert.equal(server.count('findAllGroupNames'), 0);
  assert.doesNotMatch(`${error.message} ${String(error.cause)}`, /app-secret-pw/);
  state.authFault = false;
  assert.deepEqual(await client.findAllGroupNames(), ['crowd-users'], 'the next call authenticates again');
  assert.equal(server.count('authenticateApplication'), 2);
});

test('a fault other than InvalidAuthorizationTokenException is not retried', GUARD, async (t) => {
  const server = await startStandIn((r) =>
    r.operation === 'authenticateApplication'
      ? applicationTokenAnswer('T1')
      : crowdFault('ObjectNotFoundException', 'Failed to find entity of type [Group] with identifier [nope]'),
  );
  const client = await createCrowdClient({ url: server.url, application: APP });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  const error = await client.findGroupByName('nope').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_OBJECT_NOT_FOUND'));
  assert.equal(server.count('findGroupByName'), 1);
  assert.equal(server.count('authenticateApplication'), 1);
});

test('tokenMaxAge renews a token older than the limit before use, on the given clock', GUARD, async (t) => {
  let clock = 1_000_000;
  const server = await startStandIn((r) =>
    r.operation === 'authenticateApplication' ? applicationTokenAnswer('T') : NAMES,
  );
  const client = await createCrowdClient({
    url: server.url,
    application: APP,
    tokenMaxAge: 60_000,
    now: () => clock,
  });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  await client.findAllGroupNames();
  clock += 59_999;
  await client.findAllGroupNames();
  assert.equal(server.count('authenticateApplication'), 1);
  clock += 1;
  await client.findAllGroupNames();
  assert.equal(server.count('authenticateApplication'), 2);
});

test('call(): raw wrapper values, in0 filled with the application token when left out', GUARD, async (t) => {
  const { server, client, forget } = await tokenServer(t);
  assert.deepEqual(await client.call('findAllGroupNames'), { out: { string: ['crowd-users'] } });
  forget();
  assert.deepEqual(await client.call('findAllGroupNames', {}), { out: { string: ['crowd-users'] } });
  assert.equal(server.count('authenticateApplication'), 2, 'the escape hatch gets the same one retry');
  const own = await client.call('findAllGroupNames', { in0: { name: 'app', token: 'T2' } });
  assert.deepEqual(own, { out: { string: ['crowd-users'] } });
  assert.equal(server.seen.at(-1)?.token, 'T2');
});

test('authenticateApplication() forces a new token that later calls use', GUARD, async (t) => {
  const { server, client } = await tokenServer(t);
  await client.findAllGroupNames();
  assert.deepEqual(await client.authenticateApplication(), { name: 'app', token: 'T2' });
  await client.findAllGroupNames();
  assert.equal(server.seen.at(-1)?.token, 'T2');
});

test('options are checked when the client is built, without quoting the password', GUARD, async () => {
  await assert.rejects(
    createCrowdClient({ url: '', application: APP }),
    (e: Error) => /url/.test(e.message) && !e.message.includes('app-secret-pw'),
  );
  await assert.rejects(
    createCrowdClient({ url: 'http://127.0.0.1:1/', application: { name: '', password: 'app-secret-pw' } }),
    (e: Error) => /application\.name/.test(e.message) && !e.message.includes('app-secret-pw'),
  );
  await assert.rejects(
    createCrowdClient({ url: 'http://127.0.0.1:1/', application: APP, tokenMaxAge: -1 }),
    /tokenMaxAge/,
  );
});
