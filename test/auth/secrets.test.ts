// Regression: no password, issued token, bearer token or client secret in any error message, log line or raw dump.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bearerAuth,
  issuedTokenAuth,
  oauthClientCredentials,
  usernameTokenAuth,
  wsTrustProvider,
} from '../../src/auth/index.js';
import { createClient } from '../../src/client/index.js';
import { compose, createHttpTransport, logging, maskSecrets } from '../../src/transport/index.js';
import { requestSecurityToken } from '../../src/ws/trust/index.js';
import {
  AUTH_FAILURE,
  Clock,
  DELETE_RESPONSE,
  ORGANIZATION_WSDL,
  SECURITY_FAULT,
  serve,
  standInSts,
} from './support.js';

const PASSWORD = 'P@ss&w<rd>-9f3k';
const CLIENT_SECRET = 'c1ient_s3cret-Zq8';
const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-access-token';
const ARGS = { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' };

function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 4) return String(error);
  return `${error.name}: ${error.message}\n${error.stack ?? ''}\n${describeError(error.cause, depth + 1)}`;
}

test('sign-in errors, debug logs and --raw dumps never show a password, token or client secret', async (t) => {
  const lines: string[] = [];
  const logged = () =>
    compose(
      createHttpTransport(),
      logging({ level: 'debug', log: (line, entry) => lines.push(line, JSON.stringify(entry)) }),
    );
  const clock = new Clock();
  const sts = await standInSts(t, clock, 3600_000);
  const failingSts = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/soap+xml' });
    res.end(AUTH_FAILURE);
  });
  const oauth = await serve(t, (req, res) => {
    const ok = new URLSearchParams(req.body).get('client_secret') === CLIENT_SECRET && !req.url.includes('bad');
    res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ok
          ? { access_token: ACCESS_TOKEN, expires_in: 3600 }
          : { error: 'invalid_client', error_description: 'bad secret' },
      ),
    );
  });
  let serviceCalls = 0;
  const service = await serve(t, (_req, res) => {
    serviceCalls++;
    const ok = serviceCalls % 2 === 0;
    res.writeHead(ok ? 200 : 500, { 'content-type': 'application/soap+xml' });
    res.end(ok ? DELETE_RESPONSE : SECURITY_FAULT);
  });

  const errors: unknown[] = [];
  const dumps: string[] = [];
  const onEnvelope = (e: { envelope: string }) => dumps.push(maskSecrets(e.envelope));
  const capture = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => errors.push(e),
    );

  // WS-Trust: a refused sign-in, and a good one carried on calls (one refused, retried).
  const transport = logged();
  t.after(() => transport.close());
  await capture(
    requestSecurityToken({
      endpoint: failingSts.url,
      appliesTo: 'urn:crmna:dynamics.com',
      username: 'u',
      password: PASSWORD,
      trust: '2005/02',
      transport,
    }),
  );
  const provider = wsTrustProvider({
    endpoint: sts.url,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'u',
    password: PASSWORD,
    trust: '2005/02',
    transport,
    now: clock.now,
  });
  const trustClient = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    transport: logged(),
    plugins: [issuedTokenAuth(provider)],
    onEnvelope,
  });
  t.after(() => trustClient.close());
  for (let i = 0; i < 3; i++) await capture(trustClient.call('Delete', ARGS));
  const token = await provider.getToken();

  // OAuth: a refused client, and a good one.
  await capture(
    oauthClientCredentials({
      tokenUrl: `${oauth.url}?bad=1`,
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      transport,
    }).getToken(),
  );
  const bearerClient = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    transport: logged(),
    plugins: [
      bearerAuth(
        oauthClientCredentials({ tokenUrl: oauth.url, clientId: 'app', clientSecret: CLIENT_SECRET, transport }),
      ),
    ],
    onEnvelope,
  });
  t.after(() => bearerClient.close());
  for (let i = 0; i < 3; i++) await capture(bearerClient.call('Delete', ARGS));

  // UsernameToken on every call.
  const userClient = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    transport: logged(),
    plugins: [usernameTokenAuth({ username: 'u', password: PASSWORD })],
    onEnvelope,
  });
  t.after(() => userClient.close());
  for (let i = 0; i < 2; i++) await capture(userClient.call('Delete', ARGS));

  assert.ok(errors.length >= 2, 'the refused sign-ins failed');
  assert.ok(lines.length > 20 && dumps.length > 5, 'there was plenty to look at');
  assert.ok(
    dumps.some((d) => d.includes('EncryptedData')),
    'the dumps show the token was there',
  );
  const cipher = /<CipherValue>([^<]*)<\/CipherValue>\s*<\/CipherData>\s*<\/EncryptedData>/.exec(token.xml)![1]!;
  const everything = [...lines, ...dumps, ...errors.map((e) => describeError(e))].join('\n');
  for (const [name, secret] of Object.entries({
    PASSWORD,
    escapedPassword: 'P@ss&amp;w&lt;rd&gt;-9f3k',
    CLIENT_SECRET,
    ACCESS_TOKEN,
    cipher,
  })) {
    assert.ok(!everything.includes(secret), `${name} leaked`);
  }
});
