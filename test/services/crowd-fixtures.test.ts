/**
 * The captured SecurityServer responses of `test/fixtures/real/crowd/responses-kraut/` (a real Crowd, recorded
 * by the kraut project) decode through the Crowd client to the expected values and typed errors: each is served
 * by a stand-in and reached by calling the matching method.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CrowdClient, type CrowdErrorCode, createCrowdClient, isCrowdError } from '../../src/crowd.js';
import { isSoapFault } from '../../src/soap/fault.js';
import { capturedAnswer, type StandIn, type StandInAnswer, startStandIn } from '../fixtures/services/crowd/stand-in.js';

const GUARD = { timeout: 20_000 };
const APP = { name: 'app', password: 'app-secret-pw' };

/** A stand-in that authenticates the application with the captured success and answers `answer` otherwise. */
async function serving(
  t: { after(fn: () => unknown): void },
  answer: StandInAnswer,
): Promise<{ client: CrowdClient; server: StandIn }> {
  const server = await startStandIn((r) =>
    r.operation === 'authenticateApplication' ? capturedAnswer('authenticate_application__success') : answer,
  );
  const client = await createCrowdClient({ url: server.url, application: APP });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  return { client, server };
}

test('authenticate_application__success: the application token and name', GUARD, async (t) => {
  const { client, server } = await serving(t, capturedAnswer('authenticate_application__success'));
  assert.deepEqual(await client.authenticateApplication(), { name: 'app', token: 'J8n5KCem7Djk30zel0rUdA00' });
  assert.equal(server.count('authenticateApplication'), 1);
  assert.match(server.seen[0]?.body ?? '', /<(\w+:)?credential>app-secret-pw<\/(\w+:)?credential>/);
});

test('authenticate_principal__success: the principal token, sent with the application token', GUARD, async (t) => {
  const { client, server } = await serving(t, capturedAnswer('authenticate_principal__success'));
  assert.equal(await client.authenticatePrincipal('test', 'pw'), 'COvlhb092poBHXi4rh4PQg00');
  assert.deepEqual(
    server.seen.map((r) => [r.operation, r.token]),
    [
      ['authenticateApplication', undefined],
      ['authenticatePrincipal', 'J8n5KCem7Djk30zel0rUdA00'],
    ],
  );
});

test('find_principal_by_token__success: the principal with attributes as a map', GUARD, async (t) => {
  const { client } = await serving(t, capturedAnswer('find_principal_by_token__success'));
  assert.deepEqual(await client.findPrincipalByToken('0d0hWMoxDJLsO05lX06oKA02'), {
    name: 'test-supervisor',
    active: true,
    attributes: {
      givenName: ['Test'],
      sn: ['Supervisor'],
      displayName: ['Test Supervisor'],
      mail: ['no_reply@blau.de'],
    },
    directoryId: 32769n,
    id: -1n,
  });
});

test('find_principal_with_attributes_by_name__success: every attribute, description nil omitted', GUARD, async (t) => {
  const { client } = await serving(t, capturedAnswer('find_principal_with_attributes_by_name__success'));
  assert.deepEqual(await client.findPrincipalWithAttributesByName('test'), {
    name: 'test',
    active: true,
    attributes: {
      givenName: ['Test'],
      sn: ['User'],
      displayName: ['Test User'],
      mail: ['test@blau.de'],
      requiresPasswordChange: ['false'],
      invalidPasswordAttempts: ['0'],
      lastAuthenticated: ['1286895918952'],
      passwordLastChanged: ['1274258741546'],
      inexsoUserId: ['107'],
    },
    directoryId: 32769n,
    id: -1n,
  });
});

test('is_group_member__success and __not_in_group: true and false', GUARD, async (t) => {
  const yes = await serving(t, capturedAnswer('is_group_member__success'));
  assert.equal(await yes.client.isGroupMember('crowd-users', 'test'), true);
  const no = await serving(t, capturedAnswer('is_group_member__not_in_group'));
  assert.equal(await no.client.isGroupMember('crowd-administrators', 'test'), false);
  assert.match(yes.server.seen[1]?.body ?? '', /<(\w+:)?in1>crowd-users<\/(\w+:)?in1><(\w+:)?in2>test</);
});

/** Each captured fault, the method that meets it, and the code it must become. */
const FAULTS: Array<{ file: string; code: CrowdErrorCode; exception: string; call(c: CrowdClient): Promise<unknown> }> =
  [
    {
      file: 'authenticate_application__invalid_app',
      code: 'CROWD_INVALID_AUTHENTICATION',
      exception: 'InvalidAuthenticationException',
      call: (c) => c.authenticateApplication(),
    },
    {
      file: 'authenticate_application__invalid_password',
      code: 'CROWD_INVALID_AUTHENTICATION',
      exception: 'InvalidAuthenticationException',
      call: (c) => c.authenticateApplication(),
    },
    {
      file: 'authenticate_principal__application_access_denied',
      code: 'CROWD_APPLICATION_ACCESS_DENIED',
      exception: 'ApplicationAccessDeniedException',
      call: (c) => c.authenticatePrincipal('test', 'user-secret-pw', { remote_address: '127.0.0.1' }),
    },
    {
      file: 'authenticate_principal__invalid_password',
      code: 'CROWD_INVALID_AUTHENTICATION',
      exception: 'InvalidAuthenticationException',
      call: (c) => c.authenticatePrincipal('test', 'user-secret-pw'),
    },
    {
      file: 'authenticate_principal__invalid_user',
      code: 'CROWD_INVALID_AUTHENTICATION',
      exception: 'InvalidAuthenticationException',
      call: (c) => c.authenticatePrincipal('unknown', 'user-secret-pw'),
    },
    {
      file: 'find_principal_by_token__invalid_token',
      code: 'CROWD_INVALID_TOKEN',
      exception: 'InvalidTokenException',
      call: (c) => c.findPrincipalByToken('0d0hWMoxDJLsO05lX06oKA02'),
    },
    {
      file: 'find_principal_with_attributes_by_name__invalid_user',
      code: 'CROWD_OBJECT_NOT_FOUND',
      exception: 'ObjectNotFoundException',
      call: (c) => c.findPrincipalWithAttributesByName('unknown'),
    },
  ];

for (const { file, code, exception, call } of FAULTS) {
  test(`${file}: a CrowdError ${code} with the SoapFault as cause`, GUARD, async (t) => {
    const isApplication = file.startsWith('authenticate_application');
    const server = await startStandIn((r) =>
      r.operation === 'authenticateApplication' && !isApplication
        ? capturedAnswer('authenticate_application__success')
        : capturedAnswer(file),
    );
    const client = await createCrowdClient({ url: server.url, application: APP });
    t.after(async () => {
      await client.close();
      await server.close();
    });
    const error = await call(client).then(
      () => assert.fail('the call should fail'),
      (e: unknown) => e,
    );
    assert.ok(isCrowdError(error, code), `expected ${code}, got ${String(error)}`);
    assert.equal(error.exception, exception);
    assert.ok(isSoapFault(error.cause));
    assert.equal(error.cause.faultName, exception, 'the detail matched the operation’s declared fault');
    assert.equal(error.reason, error.cause.reason);
    assert.doesNotMatch(error.message, /secret-pw/);
    assert.doesNotMatch(error.message, /J8n5KCem7Djk30zel0rUdA00/);
  });
}

test('find_principal_by_token__invalid_token: the principal token Crowd quotes back is masked', GUARD, async (t) => {
  const { client } = await serving(t, capturedAnswer('find_principal_by_token__invalid_token'));
  const error = await client.findPrincipalByToken('0d0hWMoxDJLsO05lX06oKA02').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_INVALID_TOKEN'));
  assert.equal(
    error.reason,
    'Failed to find entity of type [com.atlassian.crowd.model.token.Token] with identifier [***]',
  );
  assert.doesNotMatch(error.message, /0d0hWMoxDJLsO05lX06oKA02/);
  assert.doesNotMatch(error.cause.message, /0d0hWMoxDJLsO05lX06oKA02/);
});
