// zeep's UsernameToken (zeep.wsse.username.UsernameToken with a wsu:Timestamp, a client soapstack did not write)
// against SecurityVerifier behind a small node:http server: text and digest accepted; a wrong password answered
// with the WSS fault zeep then reports; a replayed envelope and an expired one refused with the right codes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { writeFault } from '../../src/soap/write-fault.js';
import {
  isSecurityFault,
  type SecurityFaultCode,
  SecurityVerifier,
  securityFaultDetails,
  WSSE_NS,
} from '../../src/ws/index.js';
import { callWithZeep } from '../interop/peers/zeep.js';
import { hasZeep, requirePeer } from '../support/peers.js';
import { type Captured, INTEROP_NS, INTEROP_WSDL, type RecordingServer, startRecordingServer } from './helpers.js';

const PASSWORD = 'wonder&land<"1">';
const passwords = (user: string) => (user === 'alice' ? PASSWORD : undefined);
const verifier = new SecurityVerifier({ passwords, requireTimestamp: true });

/** What the server did with each request: the username it accepted, or the fault code it answered. */
const outcomes = new Map<Captured, string>();

async function answer(req: Captured) {
  const env = parseEnvelope(req.body);
  try {
    const { username } = await verifier.verify(env.headers, env.document, env.version);
    outcomes.set(req, `accepted ${username}`);
    const body = writeEnvelope(env.version, {
      body: (w) =>
        w.startElement(INTEROP_NS, 'addNumbersResponse', 'tns').element(INTEROP_NS, 'sum', '3', 'tns').endElement(),
    });
    return { status: 200, contentType: 'text/xml; charset=utf-8', body };
  } catch (error) {
    if (!isSecurityFault(error)) throw error;
    outcomes.set(req, error.faultCode);
    const body = writeEnvelope(env.version, {
      namespaces: { wsse: WSSE_NS },
      body: (w) => writeFault(w, env.version, securityFaultDetails(error, env.version)),
    });
    return { status: 500, contentType: 'text/xml; charset=utf-8', body };
  }
}

let server: RecordingServer;
before(async () => {
  server = await startRecordingServer(answer);
});
after(() => server.close());

const call = (password: string, digest: boolean) =>
  callWithZeep(
    INTEROP_WSDL,
    'addNumbers',
    { a: 1, b: 2 },
    { address: `${server.url}/interop`, username: 'alice', password, digest },
  );

async function reverify(body: string, now?: Date) {
  const env = parseEnvelope(body);
  const v = now ? new SecurityVerifier({ passwords, now: () => now }) : verifier;
  return v.verify(env.headers, env.document, env.version);
}

async function refusedWith(promise: Promise<unknown>, code: SecurityFaultCode): Promise<void> {
  await assert.rejects(
    promise,
    (e: unknown) => isSecurityFault(e) && e.faultCode === code && !e.message.includes(PASSWORD),
  );
}

let textEnvelope = '';
let digestEnvelope = '';

test('zeep PasswordText UsernameToken is accepted', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const outcome = await call(PASSWORD, false);
  assert.ok('result' in outcome, JSON.stringify(outcome));
  const req = server.seen.at(-1)!;
  assert.equal(outcomes.get(req), 'accepted alice');
  assert.match(req.body, /#PasswordText/);
  textEnvelope = req.body;
});

test('zeep PasswordDigest UsernameToken (Nonce + Created) is accepted and carries no password', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  const outcome = await call(PASSWORD, true);
  assert.ok('result' in outcome, JSON.stringify(outcome));
  const req = server.seen.at(-1)!;
  assert.equal(outcomes.get(req), 'accepted alice');
  assert.match(req.body, /#PasswordDigest/);
  assert.match(req.body, /Nonce/);
  assert.ok(!req.body.includes('wonder'));
  digestEnvelope = req.body;
});

test('a wrong password is refused with wsse:FailedAuthentication, and zeep reads that fault', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  for (const digest of [false, true]) {
    const outcome = await call('not-the-password', digest);
    assert.ok('fault' in outcome, JSON.stringify(outcome));
    assert.equal(outcome.fault.code, 'wsse:FailedAuthentication');
    assert.equal(outcome.fault.message, 'The security token could not be authenticated or authorized');
    assert.equal(outcomes.get(server.seen.at(-1)!), 'wsse:FailedAuthentication');
  }
});

test('the captured zeep digest envelope verified a second time is a replay (wsse:FailedAuthentication)', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  assert.ok(digestEnvelope, 'the digest call ran first');
  await refusedWith(reverify(digestEnvelope), 'wsse:FailedAuthentication');
});

test('the captured zeep envelopes an hour later are expired (wsse:MessageExpired)', async (t) => {
  if (!requirePeer(t, 'zeep', hasZeep())) return;
  assert.ok(textEnvelope && digestEnvelope, 'the accepted calls ran first');
  const later = new Date(Date.now() + 3600_000);
  await refusedWith(reverify(textEnvelope, later), 'wsse:MessageExpired');
  await refusedWith(reverify(digestEnvelope, later), 'wsse:MessageExpired');
});
