// Refusals of the Crowd emulator, each in the shape of the captured Crowd 2.0.5 fault: wrong passwords,
// unknown names, an inactive principal, forged and expired application tokens, and tokens forgotten by a restart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CrowdEmulator, startCrowdEmulator } from '../../src/emulators/index.js';
import {
  applicationToken,
  crowdCall,
  crowdFixture,
  crowdValue,
  type FaultShape,
  faultShape,
  filledTemplate,
  postEnvelope,
} from './crowd-helpers.js';

const SECURITY = '{urn:SecurityServer}';

function captured(file: string): FaultShape {
  return faultShape(crowdFixture('responses-kraut', file));
}

async function fault(em: CrowdEmulator, operation: string, input: unknown): Promise<FaultShape & { status: number }> {
  const outcome = await crowdCall(em, operation, input);
  assert.ok('fault' in outcome, `${operation} should fail`);
  return { ...faultShape(outcome.text), status: outcome.status };
}

async function withEmulator(
  fn: (em: CrowdEmulator, clock: { now: number }) => Promise<void>,
  tokenTtl?: number,
): Promise<void> {
  const clock = { now: Date.UTC(2010, 9, 12) };
  const em = await startCrowdEmulator({ now: () => clock.now, ...(tokenTtl ? { tokenTtl } : {}) });
  try {
    await fn(em, clock);
  } finally {
    await em.close();
  }
}

test('a wrong application password gives the captured InvalidAuthenticationException fault', async () => {
  await withEmulator(async (em) => {
    const answer = await postEnvelope(em.url, filledTemplate('authenticateApplication', ['jira', 'wrong']));
    assert.equal(answer.status, 500);
    const expected = captured('authenticate_application__invalid_password.xml');
    assert.deepEqual(faultShape(answer.text), { ...expected, reason: expected.reason.replace(/: app$/, ': jira') });
    assert.deepEqual(expected.detail, [`${SECURITY}InvalidAuthenticationException`]);
    assert.doesNotMatch(answer.text, /wrong/);
  });
});

test('an unknown application gives the captured fault word for word', async () => {
  await withEmulator(async (em) => {
    const answer = await postEnvelope(em.url, filledTemplate('authenticateApplication', ['invalid', 'password']));
    assert.deepEqual(faultShape(answer.text), captured('authenticate_application__invalid_app.xml'));
  });
});

test('a wrong principal password gives the captured fault and counts the attempt', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em);
    const answer = await postEnvelope(
      em.url,
      filledTemplate('authenticatePrincipal', ['jira', app.token, 'jstepka', 'not-his-password']),
    );
    assert.equal(answer.status, 500);
    assert.deepEqual(faultShape(answer.text), captured('authenticate_principal__invalid_password.xml'));
    assert.doesNotMatch(answer.text, /not-his-password/);
    assert.deepEqual(em.directory.principal('jstepka')?.attributes.get('invalidPasswordAttempts'), ['1']);
    const simple = await fault(em, 'authenticatePrincipalSimple', { in0: app, in1: 'jstepka', in2: 'nope' });
    assert.deepEqual(simple.detail, [`${SECURITY}InvalidAuthenticationException`]);
  });
});

test('an inactive principal gives InactiveAccountException, even with the right password', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em);
    const refused = await fault(em, 'authenticatePrincipal', {
      in0: app,
      in1: {
        application: 'jira',
        credential: { credential: 'password' },
        name: 'inactive-user',
        validationFactors: null,
      },
    });
    assert.equal(refused.code, 'soap:Server');
    assert.deepEqual(refused.detail, [`${SECURITY}InactiveAccountException`]);
    assert.match(refused.reason, /InactiveAccountException/);
    const token = await fault(em, 'createPrincipalToken', { in0: app, in1: 'inactive-user', in2: null });
    assert.deepEqual(token.detail, [`${SECURITY}InactiveAccountException`]);
  });
});

test('unknown principals and tokens give the captured ObjectNotFoundException and InvalidTokenException', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em);
    const user = await fault(em, 'findPrincipalWithAttributesByName', { in0: app, in1: 'unknown' });
    assert.deepEqual(user, { ...captured('find_principal_with_attributes_by_name__invalid_user.xml'), status: 500 });
    const token = await fault(em, 'findPrincipalByToken', { in0: app, in1: '0d0hWMoxDJLsO05lX06oKA02' });
    assert.deepEqual(token, { ...captured('find_principal_by_token__invalid_token.xml'), status: 500 });
    const group = await fault(em, 'findGroupByName', { in0: app, in1: 'no-such-group' });
    assert.deepEqual(group.detail, [`${SECURITY}ObjectNotFoundException`]);
  });
});

test('an application without access for the principal gives the captured ApplicationAccessDeniedException', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em, 'confluence', 'password');
    const denied = await fault(em, 'authenticatePrincipalSimple', { in0: app, in1: 'bob', in2: 'bob-password' });
    const expected = captured('authenticate_principal__application_access_denied.xml');
    assert.deepEqual(denied, { ...expected, reason: expected.reason.replace('my-app', 'confluence'), status: 500 });
    const allowed = (await crowdValue(em, 'authenticatePrincipalSimple', {
      in0: app,
      in1: 'alice',
      in2: 'alice-password',
    })) as { out: string };
    assert.ok(allowed.out.length > 0);
  });
});

test('a forged application token, or one given under another name, is refused', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em);
    const forged = await fault(em, 'findPrincipalByName', {
      in0: { name: 'jira', token: `${app.token.slice(0, -3)}x00` },
      in1: 'jstepka',
    });
    assert.equal(forged.code, 'soap:Server');
    assert.deepEqual(forged.detail, [`${SECURITY}InvalidAuthorizationTokenException`]);
    const borrowed = await fault(em, 'findPrincipalByName', {
      in0: { name: 'jive', token: app.token },
      in1: 'jstepka',
    });
    assert.deepEqual(borrowed.detail, [`${SECURITY}InvalidAuthorizationTokenException`]);
    const missing = await fault(em, 'getDomain', { in0: null });
    assert.deepEqual(missing.detail, [`${SECURITY}InvalidAuthorizationTokenException`]);
    assert.doesNotMatch(forged.reason, new RegExp(app.token));
  });
});

test('an application token expires TTL seconds after its last use (injected clock)', async () => {
  await withEmulator(async (em, clock) => {
    const app = await applicationToken(em);
    clock.now += 50_000;
    assert.ok(await crowdValue(em, 'isCacheEnabled', { in0: app }));
    clock.now += 59_999; // used 50 s ago: sliding expiry keeps it alive
    assert.ok(await crowdValue(em, 'isCacheEnabled', { in0: app }));
    clock.now += 60_000;
    const expired = await fault(em, 'isCacheEnabled', { in0: app });
    assert.deepEqual(expired.detail, [`${SECURITY}InvalidAuthorizationTokenException`]);
    const again = await applicationToken(em);
    assert.deepEqual(await crowdValue(em, 'isCacheEnabled', { in0: again }), { out: true });
  }, 60);
});

test('principal tokens expire too, and isValidPrincipalToken checks the validation factors', async () => {
  await withEmulator(async (em, clock) => {
    const app = await applicationToken(em);
    const factors = { ValidationFactor: [{ name: 'remote_address', value: '10.0.0.1' }] };
    const { out: token } = (await crowdValue(em, 'authenticatePrincipal', {
      in0: app,
      in1: { application: 'jira', credential: { credential: 'password' }, name: 'jstepka', validationFactors: factors },
    })) as { out: string };
    const valid = (f: unknown) => crowdValue(em, 'isValidPrincipalToken', { in0: app, in1: token, in2: f });
    assert.deepEqual(await valid(factors), { out: true });
    assert.deepEqual(await valid({ ValidationFactor: [{ name: 'remote_address', value: '10.0.0.2' }] }), {
      out: false,
    });
    assert.deepEqual(em.directory.principalTokens.peek(token)?.factors, [
      { name: 'remote_address', value: '10.0.0.1' },
    ]);
    clock.now += 30_000;
    const fresh = await applicationToken(em);
    clock.now += 30_000;
    assert.deepEqual(await valid(factors).catch(() => 'app token expired'), 'app token expired');
    assert.deepEqual(
      await crowdValue(em, 'isValidPrincipalToken', { in0: fresh, in1: token, in2: factors }),
      { out: false },
      'the principal token was last used 60 s ago',
    );
    const { out: second } = (await crowdValue(em, 'createPrincipalToken', {
      in0: fresh,
      in1: 'jstepka',
      in2: null,
    })) as { out: string };
    await crowdValue(em, 'invalidatePrincipalToken', { in0: fresh, in1: second });
    assert.deepEqual(await crowdValue(em, 'isValidPrincipalToken', { in0: fresh, in1: second, in2: null }), {
      out: false,
    });
  }, 60);
});

test('restart() forgets every token: the old one is refused, authenticating again works', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em);
    const { out: user } = (await crowdValue(em, 'authenticatePrincipalSimple', {
      in0: app,
      in1: 'jstepka',
      in2: 'password',
    })) as { out: string };
    await em.restart();
    const refused = await fault(em, 'findPrincipalByName', { in0: app, in1: 'jstepka' });
    assert.deepEqual(refused.detail, [`${SECURITY}InvalidAuthorizationTokenException`]);
    const again = await applicationToken(em);
    assert.notEqual(again.token, app.token);
    const found = (await crowdValue(em, 'findPrincipalByName', { in0: again, in1: 'jstepka' })) as {
      out: { name: string };
    };
    assert.equal(found.out.name, 'jstepka');
    const lost = await fault(em, 'findPrincipalByToken', { in0: again, in1: user });
    assert.deepEqual(lost.detail, [`${SECURITY}InvalidTokenException`]);
  });
});

test('operations the emulator does not support answer a RemoteException naming them', async () => {
  await withEmulator(async (em) => {
    const app = await applicationToken(em);
    const answer = await fault(em, 'findAllGroupRelationships', { in0: app });
    assert.match(answer.reason, /does not support the operation findAllGroupRelationships/);
    assert.deepEqual(answer.detail, [`${SECURITY}RemoteException({http://rmi.java}message)`]);
  });
});
