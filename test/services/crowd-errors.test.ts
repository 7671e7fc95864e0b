/**
 * Crowd exceptions as typed errors: every exception of the table becomes its own code, recognised from the
 * fault's detail element or, failing that, from the Java class named in the faultstring; anything else is
 * CROWD_UNKNOWN_FAULT; the SoapFault is the cause and the declared detail is decoded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CROWD_EXCEPTIONS,
  type CrowdClient,
  CrowdError,
  type CrowdExceptionName,
  createCrowdClient,
  isCrowdError,
} from '../../src/crowd.js';
import { SoapstackError } from '../../src/errors.js';
import { isSoapFault } from '../../src/soap/fault.js';
import {
  applicationTokenAnswer,
  crowdFault,
  type StandInAnswer,
  startStandIn,
} from '../fixtures/services/crowd/stand-in.js';

const GUARD = { timeout: 20_000 };
const APP = { name: 'app', password: 'app-secret-pw' };

/** A client whose every call but authenticateApplication is answered with `fault()`. */
async function faulting(t: { after(fn: () => unknown): void }, fault: () => StandInAnswer): Promise<CrowdClient> {
  const server = await startStandIn((r) =>
    r.operation === 'authenticateApplication' ? applicationTokenAnswer('T1') : fault(),
  );
  const client = await createCrowdClient({ url: server.url, application: APP });
  t.after(async () => {
    await client.close();
    await server.close();
  });
  return client;
}

test('the table: one distinct CROWD_ code per exception, named after it', () => {
  const codes = Object.values(CROWD_EXCEPTIONS);
  assert.equal(new Set(codes).size, codes.length);
  for (const [name, code] of Object.entries(CROWD_EXCEPTIONS)) {
    const expected = `CROWD_${name
      .replace(/Exception$/, '')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toUpperCase()}`;
    assert.equal(code, expected, name);
  }
});

for (const [name, code] of Object.entries(CROWD_EXCEPTIONS) as Array<[CrowdExceptionName, string]>) {
  test(`detail <${name}/> is ${code}`, GUARD, async (t) => {
    const client = await faulting(t, () => crowdFault(name, `something about ${name.toLowerCase()}`));
    const error = await client.removePrincipal('someone').catch((e: unknown) => e);
    assert.ok(error instanceof CrowdError && error instanceof SoapstackError);
    assert.equal(error.code, code);
    assert.equal(error.exception, name);
    assert.equal(error.operation, 'removePrincipal');
    assert.ok(isSoapFault(error.cause));
    assert.match(error.message, new RegExp(`^Crowd ${name} in removePrincipal: something about`));
  });
}

test('no detail: the Java class named in the faultstring decides', GUARD, async (t) => {
  const client = await faulting(t, () => ({
    status: 500,
    body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>com.atlassian.crowd.integration.exception.InactiveAccountException: Account is inactive: bob</faultstring></soap:Fault></soap:Body></soap:Envelope>',
  }));
  const error = await client.authenticatePrincipalSimple('bob', 'bob-pw').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_INACTIVE_ACCOUNT'), String(error));
  assert.equal(error.exception, 'InactiveAccountException');
});

test('a fault naming no known exception is CROWD_UNKNOWN_FAULT, keeping the name it gives', GUARD, async (t) => {
  const client = await faulting(t, () => crowdFault('NullPointerException', 'java.lang.NullPointerException'));
  const error = await client.findAllPrincipalNames().catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_UNKNOWN_FAULT'), String(error));
  assert.equal(error.exception, 'NullPointerException');
  const plain = await faulting(t, () => ({
    status: 500,
    body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid SOAP request</faultstring></soap:Fault></soap:Body></soap:Envelope>',
  }));
  const bare = await plain.findAllPrincipalNames().catch((e: unknown) => e);
  assert.ok(isCrowdError(bare, 'CROWD_UNKNOWN_FAULT'));
  assert.equal(bare.exception, undefined);
  assert.equal(bare.reason, 'Invalid SOAP request');
});

test('BulkAddFailedException: the declared detail is decoded into error.detail', GUARD, async (t) => {
  const ns = 'http://exception.integration.crowd.atlassian.com';
  const client = await faulting(t, () =>
    crowdFault(
      'BulkAddFailedException',
      'Failed to add users',
      `<existingUsers xmlns="${ns}"><string xmlns="urn:SecurityServer">alice</string></existingUsers><failedUsers xmlns="${ns}"><string xmlns="urn:SecurityServer">bob</string></failedUsers>`,
    ),
  );
  const error = await client
    .addAllPrincipals([
      { principal: { name: 'alice' }, password: 'alice-pw' },
      { principal: { name: 'bob' }, password: 'bob-pw' },
    ])
    .catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_BULK_ADD_FAILED'), String(error));
  assert.deepEqual(error.detail, { existingUsers: { string: ['alice'] }, failedUsers: { string: ['bob'] } });
});

test('isCrowdError narrows by code and refuses other errors', () => {
  assert.equal(isCrowdError(new Error('x')), false);
  assert.equal(isCrowdError(new SoapstackError('CROWD_INVALID_TOKEN', 'x'), 'CROWD_INVALID_TOKEN'), false);
});

test('passwords sent in the call are masked when the server quotes them back', GUARD, async (t) => {
  const client = await faulting(t, () =>
    crowdFault('InvalidCredentialException', 'Password does not meet requirements: Weak-Pw-1'),
  );
  const error = await client.updatePrincipalCredential('bob', 'Weak-Pw-1').catch((e: unknown) => e);
  assert.ok(isCrowdError(error, 'CROWD_INVALID_CREDENTIAL'));
  assert.equal(error.reason, 'Password does not meet requirements: ***');
  assert.doesNotMatch(`${error.message} ${error.cause.message} ${error.cause.reason}`, /Weak-Pw-1/);
});
