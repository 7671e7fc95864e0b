// The verifying side: what SecurityVerifier accepts and what it refuses, with which WSS 1.1 section 12 fault,
// the fault a server answers with in each SOAP version, and the bounded nonce cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { isSoapFault } from '../../src/soap/fault.js';
import { SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS } from '../../src/soap/version.js';
import {
  isSecurityFault,
  NonceCache,
  PASSWORD_DIGEST,
  SecurityFault,
  type SecurityFaultCode,
  type SecurityHeaderOptions,
  SecurityVerifier,
  type SecurityVerifierOptions,
  securityFaultDetails,
  securitySoapFault,
  WSSE_NS,
  writeSecurityHeader,
  XENC_NS,
} from '../../src/ws/index.js';

const T0 = new Date('2024-05-01T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const PASSWORDS: Record<string, string> = { alice: 'wonder&land<"1">', bob: 'builder' };
const passwords = (user: string) => (Object.hasOwn(PASSWORDS, user) ? PASSWORDS[user] : undefined);

type Header = Omit<SecurityHeaderOptions, 'soapVersion'>;

function envelope(header: Header | null, soapVersion: '1.1' | '1.2' = '1.2'): string {
  return writeEnvelope(soapVersion, {
    header: header ? (w) => writeSecurityHeader(w, { soapVersion, ...header }) : undefined,
    body: (w) => w.element('urn:x', 'Ping', '', 'x'),
  });
}

function verify(text: string, options: SecurityVerifierOptions, verifier = new SecurityVerifier(options)) {
  const env = parseEnvelope(text);
  return verifier.verify(env.headers, env.document, env.version);
}

async function refused(
  promise: Promise<unknown>,
  code: SecurityFaultCode,
  secrets: string[] = [],
): Promise<SecurityFault> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(isSecurityFault(error), `a SecurityFault, not ${String(error)}`);
  assert.equal(error.code, 'WSSE_FAILED');
  assert.equal(error.faultCode, code, error.message);
  for (const secret of secrets) assert.ok(!error.message.includes(secret) && !String(error.stack).includes(secret));
  return error;
}

const user = (name: string, password: string, digest = false, created = T0) => ({
  username: name,
  password,
  digest,
  ...(digest ? { created } : {}),
});

test('a text and a digest UsernameToken with a fresh Timestamp are accepted', async () => {
  for (const digest of [false, true]) {
    const text = envelope({ timestamp: { created: T0 }, usernameToken: user('alice', PASSWORDS.alice!, digest) });
    const result = await verify(text, { passwords, now: () => at(10) });
    assert.equal(result.username, 'alice');
    assert.deepEqual(result.timestamp, { created: T0, expires: at(300) });
  }
});

test('a wrong password, an unknown user and a missing lookup are refused alike (FailedAuthentication)', async () => {
  for (const digest of [false, true]) {
    const wrong = envelope({ timestamp: { created: T0 }, usernameToken: user('alice', 'guess', digest) });
    const fault = await refused(verify(wrong, { passwords, now: () => T0 }), 'wsse:FailedAuthentication', [
      'guess',
      PASSWORDS.alice!,
    ]);
    const unknown = envelope({ usernameToken: user('mallory', 'guess', digest) });
    const other = await refused(verify(unknown, { passwords, now: () => T0 }), 'wsse:FailedAuthentication', ['guess']);
    assert.equal(other.message, fault.message, 'an unknown user is not told apart from a wrong password');
    assert.ok(!other.message.includes('mallory'));
  }
  const text = envelope({ usernameToken: user('alice', PASSWORDS.alice!) });
  await refused(verify(text, { now: () => T0 }), 'wsse:FailedAuthentication');
});

test('a replayed nonce is refused (FailedAuthentication); the nonce is remembered only once accepted', async () => {
  const text = envelope({ timestamp: { created: T0 }, usernameToken: user('bob', 'builder', true) });
  const verifier = new SecurityVerifier({ passwords, now: () => at(1) });
  assert.equal((await verify(text, {}, verifier)).username, 'bob');
  await refused(verify(text, {}, verifier), 'wsse:FailedAuthentication');
  // A verifier with another cache has not seen it; one sharing the cache has.
  const shared = new NonceCache();
  const other = envelope({ usernameToken: user('bob', 'builder', true) });
  assert.equal((await verify(other, { passwords, nonceCache: shared, now: () => at(1) })).username, 'bob');
  await refused(verify(other, { passwords, nonceCache: shared, now: () => at(2) }), 'wsse:FailedAuthentication');
});

test('a forged digest does not burn the genuine nonce in flight', async () => {
  const genuine = envelope({ usernameToken: { ...user('bob', 'builder', true), nonce: Buffer.alloc(16, 7) } });
  const forged = genuine.replace(/(Type="[^"]*#PasswordDigest">)[^<]+/, '$1AAAAAAAAAAAAAAAAAAAAAAAAAA=');
  assert.notEqual(forged, genuine);
  const verifier = new SecurityVerifier({ passwords, now: () => T0 });
  await refused(verify(forged, {}, verifier), 'wsse:FailedAuthentication');
  assert.equal((await verify(genuine, {}, verifier)).username, 'bob');
});

test('an expired, a future and a too old Timestamp are refused (MessageExpired), with the clock skew allowed', async () => {
  const text = envelope({ timestamp: { created: T0, validity: 300 } });
  const options = { clockSkew: 60 };
  assert.ok(await verify(text, { ...options, now: () => at(300 + 59) }));
  await refused(verify(text, { ...options, now: () => at(300 + 61) }), 'wsse:MessageExpired');
  assert.ok(await verify(text, { ...options, now: () => at(-59) }));
  await refused(verify(text, { ...options, now: () => at(-61) }), 'wsse:MessageExpired');
  // maxAge bounds Created even when Expires is far away (the gem wrote Expires = now + 24 h).
  const long = envelope({ timestamp: { created: T0, validity: 86_400 } });
  assert.ok(await verify(long, { clockSkew: 0, now: () => at(3600) }));
  await refused(verify(long, { clockSkew: 0, maxAge: 600, now: () => at(3600) }), 'wsse:MessageExpired');
});

test('a digest whose Created is outside the freshness window is refused (MessageExpired)', async () => {
  const stale = envelope({ usernameToken: user('bob', 'builder', true, at(-1000)) });
  await refused(verify(stale, { passwords, clockSkew: 60, maxAge: 300, now: () => T0 }), 'wsse:MessageExpired');
  const future = envelope({ usernameToken: user('bob', 'builder', true, at(120)) });
  await refused(verify(future, { passwords, clockSkew: 60, now: () => T0 }), 'wsse:MessageExpired');
  // A digest without Nonce and Created could be replayed at will.
  const bare = envelope({ usernameToken: user('bob', 'builder') }).replace(
    /Type="[^"]*#PasswordText">builder</,
    `Type="${PASSWORD_DIGEST}">x<`,
  );
  await refused(verify(bare, { passwords, now: () => T0 }), 'wsse:InvalidSecurityToken');
});

test('no Security header, two of them, or a missing required Timestamp are InvalidSecurity', async () => {
  await refused(verify(envelope(null), { now: () => T0 }), 'wsse:InvalidSecurity');
  const one = envelope({ timestamp: { created: T0 } });
  const two = one.replace(/(<wsse:Security[\s\S]*<\/wsse:Security>)/, '$1$1');
  await refused(verify(two, { now: () => T0 }), 'wsse:InvalidSecurity');
  await refused(
    verify(envelope({ usernameToken: user('bob', 'builder') }), { passwords, requireTimestamp: true, now: () => T0 }),
    'wsse:InvalidSecurity',
  );
  // A header for another role is not ours.
  const other = one.replace('<wsse:Security ', '<wsse:Security soap:role="urn:some-intermediary" ');
  await refused(verify(other, { now: () => T0 }), 'wsse:InvalidSecurity');
  // An empty header is refused when the service authenticates.
  await refused(verify(envelope({}), { passwords, now: () => T0 }), 'wsse:InvalidSecurity');
  assert.deepEqual(await verify(envelope({}), { now: () => T0 }), {});
});

test('malformed tokens and timestamps are refused with InvalidSecurityToken / InvalidSecurity', async () => {
  const base = envelope({ timestamp: { created: T0 }, usernameToken: user('bob', 'builder', true) });
  const badNonce = base.replace(/(<wsse:Nonce[^>]*>)[^<]+/, '$1not base64!');
  await refused(verify(badNonce, { passwords, now: () => T0 }), 'wsse:InvalidSecurityToken');
  const noUser = base.replace(/<wsse:Username>bob<\/wsse:Username>/, '');
  await refused(verify(noUser, { passwords, now: () => T0 }), 'wsse:InvalidSecurityToken');
  const badTime = base.replace('<wsu:Expires>2024-05-01T08:05:00Z', '<wsu:Expires>tomorrow');
  await refused(verify(badTime, { passwords, now: () => T0 }), 'wsse:InvalidSecurity');
  const backwards = base.replace('<wsu:Expires>2024-05-01T08:05:00Z', '<wsu:Expires>2024-05-01T07:00:00Z');
  await refused(verify(backwards, { passwords, now: () => T0 }), 'wsse:InvalidSecurity');
  const unknownType = envelope({ usernameToken: user('bob', 'builder') }).replace(
    '#PasswordText',
    '#PasswordSomething',
  );
  await refused(verify(unknownType, { passwords, now: () => T0 }), 'wsse:UnsupportedSecurityToken');
});

const TOKEN = `<EncryptedData xmlns="${XENC_NS}" Id="Assertion0"><CipherData><CipherValue>c2VjcmV0</CipherValue></CipherData></EncryptedData>`;

test('an issued token is handed to the lookup with its exact text; one it refuses is FailedAuthentication', async () => {
  const text = envelope({ timestamp: { created: T0 }, issuedToken: TOKEN });
  const seen: string[] = [];
  const accept = await verify(text, {
    now: () => T0,
    issuedTokens: (el, xml) => {
      seen.push(xml);
      return el.ns === XENC_NS && el.local === 'EncryptedData';
    },
  });
  assert.deepEqual(seen, [TOKEN]);
  assert.equal(accept.issuedTokenXml, TOKEN);
  assert.equal(accept.issuedToken?.attrs.find((a) => a.local === 'Id')?.value, 'Assertion0');
  await refused(verify(text, { now: () => T0, issuedTokens: async () => false }), 'wsse:FailedAuthentication', [
    'c2VjcmV0',
  ]);
  // The lookup may pick the fault itself (an expired token).
  await refused(
    verify(text, {
      now: () => T0,
      issuedTokens: () => {
        throw new SecurityFault('wsse:MessageExpired', 'the token has expired');
      },
    }),
    'wsse:MessageExpired',
  );
  // Without a lookup the token is returned unchecked.
  assert.equal((await verify(text, { now: () => T0 })).issuedTokenXml, TOKEN);
});

test('the fault a server answers with: SOAP 1.1 faultcode wsse:X, SOAP 1.2 Sender with subcode wsse:X', () => {
  const fault = new SecurityFault('wsse:MessageExpired', 'Timestamp has expired');
  assert.deepEqual(securityFaultDetails(fault, '1.1'), {
    code: { ns: WSSE_NS, local: 'MessageExpired' },
    subcodes: [],
    reason: 'The message has expired',
  });
  assert.deepEqual(securityFaultDetails(fault, '1.2'), {
    code: { ns: SOAP12_ENVELOPE_NS, local: 'Sender' },
    subcodes: [{ ns: WSSE_NS, local: 'MessageExpired' }],
    reason: 'The message has expired',
  });
  const soap11 = securitySoapFault(fault, '1.1');
  assert.ok(isSoapFault(soap11));
  assert.equal(soap11.faultCode, `{${WSSE_NS}}MessageExpired`);
  assert.equal(soap11.cause, fault);
  const soap12 = securitySoapFault(new SecurityFault('wsse:FailedAuthentication', 'x'), '1.2');
  assert.equal(soap12.faultCode, `{${SOAP12_ENVELOPE_NS}}Sender`);
  assert.deepEqual(soap12.subcodes, [`{${WSSE_NS}}FailedAuthentication`]);
  assert.equal(soap12.reason, 'The security token could not be authenticated or authorized');
  assert.notEqual(SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS);
});

test('the nonce cache is bounded: past its size it refuses older tokens instead of forgetting them', () => {
  const cache = new NonceCache({ maxEntries: 3 });
  const now = 1_000;
  assert.equal(cache.remember('a', 2_000, now), true);
  assert.equal(cache.remember('b', 2_100, now), true);
  assert.equal(cache.remember('c', 2_200, now), true);
  assert.equal(cache.remember('a', 2_000, now), false, 'replay');
  assert.equal(cache.remember('d', 2_300, now), true, 'a newer token still gets in');
  assert.equal(cache.size, 3);
  // 'a' was dropped early: its replay, and anything as old, is refused rather than accepted.
  assert.equal(cache.remember('a', 2_000, now), false);
  assert.equal(cache.remember('e', 1_900, now), false);
  // Expired entries leave by themselves.
  assert.equal(cache.remember('f', 5_000, 2_250), true);
  assert.equal(cache.size, 2);
  assert.throws(() => new NonceCache({ maxEntries: 0 }), RangeError);
});
