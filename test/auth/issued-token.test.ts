// issuedTokenAuth + wsTrustProvider against stand-ins: fresh headers per call, renewal mid-run, one retry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAuthFault, issuedTokenAuth, wsTrustProvider } from '../../src/auth/index.js';
import { createClient } from '../../src/client/index.js';
import { parseEnvelope } from '../../src/soap/envelope.js';
import { SoapFault } from '../../src/soap/fault.js';
import { parseXml } from '../../src/xml/parse.js';
import {
  Clock,
  cipherOf,
  DELETE_RESPONSE,
  ORGANIZATION_WSDL,
  SECURITY_FAULT,
  serve,
  standInOrganization,
  standInSts,
} from './support.js';

const ARGS = { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' };

test('every call carries a fresh Security header (new Timestamp) with the token byte-exact, and fresh addressing', async (t) => {
  const clock = new Clock();
  const sts = await standInSts(t, clock, 8 * 3600_000);
  const service = await serve(t, (_req, res) => {
    clock.t += 60_000; // a minute between calls: the article's headers went stale after five
    res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(DELETE_RESPONSE);
  });
  const provider = wsTrustProvider({
    endpoint: sts.url,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'u',
    password: 'p',
    trust: '2005/02',
    now: clock.now,
  });
  const client = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    plugins: [issuedTokenAuth(provider, { soapVersion: '1.2', now: clock.now })],
  });
  t.after(() => client.close());
  for (let i = 0; i < 7; i++) await client.call('Delete', ARGS);
  assert.equal(sts.acquisitions(), 1);
  const token = await provider.getToken();
  const created = new Set<string>();
  const ids = new Set<string>();
  for (const seen of service.seen) {
    assert.ok(seen.body.includes(token.xml), 'the token is embedded byte-exact');
    const envelope = parseEnvelope(seen.body);
    const security = envelope.headers.find((h) => h.local === 'Security')!;
    const timestamp = security.children.find((c) => typeof c !== 'string' && c.local === 'Timestamp');
    assert.ok(timestamp && typeof timestamp !== 'string');
    created.add(seen.body.slice(timestamp.start, timestamp.end));
    const messageId = envelope.headers.find((h) => h.local === 'MessageID')!;
    ids.add(String(messageId.children[0]));
    assert.equal(
      String(envelope.headers.find((h) => h.local === 'Action')!.children[0]),
      'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Delete',
    );
    assert.equal(String(envelope.headers.find((h) => h.local === 'To')!.children[0]), service.url);
  }
  assert.equal(created.size, 7, 'a new Timestamp on every call');
  assert.equal(ids.size, 7, 'a new MessageID on every call');
  // The Security header re-declares the wsse binding the token inherited from the RSTR's Envelope.
  assert.doesNotThrow(() => parseXml(service.seen[0]!.body));
});

test('a token that expires in the middle of 10,000 calls is renewed with no failed call', async (t) => {
  const clock = new Clock();
  const lifetime = 2_000; // clock ms; each service request moves the clock 1 ms
  const sts = await standInSts(t, clock, lifetime);
  const service = await standInOrganization(t, clock, (cipher) => {
    const expiresAt = cipher === undefined ? undefined : sts.issued.get(cipher);
    return expiresAt !== undefined && clock.t < expiresAt;
  });
  const provider = wsTrustProvider({
    endpoint: sts.url,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'u',
    password: 'p',
    trust: '2005/02',
    now: clock.now,
    renewBefore: 200,
  });
  const client = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    plugins: [issuedTokenAuth(provider, { now: clock.now })],
  });
  t.after(() => client.close());
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < 10_000) {
      next++;
      await client.call('Delete', ARGS).catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.equal(failed, 0);
  assert.equal(service.refused(), 0, 'no call was even retried');
  assert.ok(
    sts.acquisitions() >= 5 && sts.acquisitions() <= 7,
    `renewed about every 1,800 calls (${sts.acquisitions()} acquisitions)`,
  );
});

test('an auth fault causes one re-acquisition and one retry, never a loop', async (t) => {
  const clock = new Clock();
  const sts = await standInSts(t, clock, 8 * 3600_000);
  const service = await standInOrganization(t, clock, () => false, 0);
  const provider = wsTrustProvider({
    endpoint: sts.url,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'u',
    password: 'p',
    trust: '2005/02',
    now: clock.now,
  });
  const client = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    plugins: [issuedTokenAuth(provider)],
  });
  t.after(() => client.close());
  const error = await client.call('Delete', ARGS).catch((e: unknown) => e);
  assert.ok(error instanceof SoapFault && isAuthFault(error));
  assert.equal(service.refused(), 2, 'the call and its one retry');
  assert.equal(sts.acquisitions(), 2, 'the first token and one re-acquisition');
});

test('100 concurrent calls refused with the same stale token cause one re-acquisition and all succeed', async (t) => {
  const clock = new Clock();
  const sts = await standInSts(t, clock, 8 * 3600_000);
  let revoked: string | undefined;
  const service = await standInOrganization(
    t,
    clock,
    (cipher) => cipher !== undefined && cipher !== revoked && sts.issued.has(cipher),
    0,
  );
  const provider = wsTrustProvider({
    endpoint: sts.url,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'u',
    password: 'p',
    trust: '2005/02',
    now: clock.now,
  });
  const client = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    plugins: [issuedTokenAuth(provider)],
  });
  t.after(() => client.close());
  await client.call('Delete', ARGS);
  revoked = cipherOf((await provider.getToken()).xml); // the server forgot it (a restart)
  const results = await Promise.allSettled(Array.from({ length: 100 }, () => client.call('Delete', ARGS)));
  assert.ok(results.every((r) => r.status === 'fulfilled'));
  assert.equal(service.refused(), 100);
  assert.equal(sts.acquisitions(), 2);
});

test('isAuthFault: WSS codes, WS-Trust codes, expired-token reasons and HTTP 401 count; business faults do not', () => {
  const fault = (faultCode: string, subcodes: string[] = [], reason = 'x') =>
    new SoapFault({ version: '1.2', faultCode, subcodes, reasons: [{ text: reason }] });
  const S = '{http://www.w3.org/2003/05/soap-envelope}Sender';
  const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
  assert.equal(isAuthFault(parseEnvelope(SECURITY_FAULT).fault), true);
  assert.equal(isAuthFault(fault(`{${WSSE}}FailedAuthentication`)), true);
  assert.equal(isAuthFault(fault(S, [`{${WSSE}}MessageExpired`])), true);
  assert.equal(isAuthFault(fault(S, ['{http://docs.oasis-open.org/ws-sx/ws-trust/200512}ExpiredData'])), true);
  assert.equal(isAuthFault(fault('wsse:InvalidSecurityToken')), true);
  assert.equal(isAuthFault(fault(S, [], 'The security token has expired.')), true);
  assert.equal(isAuthFault(Object.assign(new Error('HTTP 401'), { status: 401 })), true);
  assert.equal(isAuthFault(fault(S, [], 'Account With Id = 42 Does Not Exist')), false);
  assert.equal(isAuthFault(fault('{urn:other}FailedAuthentication')), false);
  assert.equal(isAuthFault(new Error('ECONNRESET')), false);
  assert.equal(isAuthFault(Object.assign(new Error('refused'), { status: 401, code: 'AUTH_FAILED' })), false);
});
