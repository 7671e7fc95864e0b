// OAuth 2.0 client credentials (RFC 6749 4.4) against a stand-in token endpoint, and bearerAuth's retry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthenticationError, bearerAuth, oauthClientCredentials, staticBearer } from '../../src/auth/index.js';
import { createClient } from '../../src/client/index.js';
import { Clock, DELETE_RESPONSE, ORGANIZATION_WSDL, serve } from './support.js';

const SECRET = 'cl1ent-s3cret/+=&';

test('the token request is a form POST with grant_type=client_credentials; expires_in sets the expiry', async (t) => {
  const clock = new Clock();
  const endpoint = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'AT-1', token_type: 'bearer', expires_in: '3599' }));
  });
  const provider = oauthClientCredentials({
    tokenUrl: endpoint.url,
    clientId: 'app-1',
    clientSecret: SECRET,
    scope: 'https://contoso.crm.dynamics.com/.default',
    now: clock.now,
  });
  const token = await provider.getToken();
  assert.equal(token.accessToken, 'AT-1');
  assert.equal(token.expiresAt, clock.t + 3_599_000);
  const [request] = endpoint.seen;
  assert.equal(request!.headers['content-type'], 'application/x-www-form-urlencoded');
  const form = new URLSearchParams(request!.body);
  assert.equal(form.get('grant_type'), 'client_credentials');
  assert.equal(form.get('client_id'), 'app-1');
  assert.equal(form.get('client_secret'), SECRET);
  assert.equal(form.get('scope'), 'https://contoso.crm.dynamics.com/.default');
  await provider.getToken();
  assert.equal(endpoint.seen.length, 1, 'cached');
});

test('HTTP Basic client authentication form-encodes id and secret (RFC 6749 2.3.1)', async (t) => {
  const endpoint = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'AT', expires_in: 60 }));
  });
  await oauthClientCredentials({
    tokenUrl: endpoint.url,
    clientId: 'a b',
    clientSecret: SECRET,
    clientAuth: 'basic',
  }).getToken();
  const auth = String(endpoint.seen[0]!.headers.authorization);
  const [id, secret] = Buffer.from(auth.slice('Basic '.length), 'base64').toString().split(':');
  assert.equal(decodeURIComponent(id!.replace(/\+/g, ' ')), 'a b');
  assert.equal(decodeURIComponent(secret!), SECRET);
  assert.equal(new URLSearchParams(endpoint.seen[0]!.body).get('client_secret'), null);
});

test('an error answer becomes AuthenticationError with error and error_description, never the secret', async (t) => {
  const endpoint = await serve(t, (_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided (${SECRET}).`,
      }),
    );
  });
  const error = await oauthClientCredentials({ tokenUrl: endpoint.url, clientId: 'app', clientSecret: SECRET })
    .getToken()
    .catch((e: unknown) => e);
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.reason, 'invalid_client');
  assert.equal(error.detail, 'AADSTS7000215: Invalid client secret provided (***).');
  assert.equal(error.status, 401);
  assert.ok(!error.message.includes(SECRET));
});

test('bearerAuth sends Authorization: Bearer, and after HTTP 401 invalidates, re-acquires and retries once', async (t) => {
  let issued = 0;
  const endpoint = await serve(t, (_req, res) => {
    issued++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: `AT-${issued}`, token_type: 'Bearer', expires_in: 3600 }));
  });
  const service = await serve(t, (req, res) => {
    const ok = req.headers.authorization === 'Bearer AT-2';
    res.writeHead(ok ? 200 : 401, {
      'content-type': ok ? 'application/soap+xml' : 'text/plain',
      'www-authenticate': 'Bearer error="invalid_token"',
    });
    res.end(ok ? DELETE_RESPONSE : 'expired');
  });
  const provider = oauthClientCredentials({ tokenUrl: endpoint.url, clientId: 'app', clientSecret: SECRET });
  const client = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    plugins: [bearerAuth(provider)],
  });
  t.after(() => client.close());
  await client.call('Delete', { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' });
  assert.deepEqual(
    service.seen.map((s) => s.headers.authorization),
    ['Bearer AT-1', 'Bearer AT-2'],
  );
  // A static token cannot be renewed: one retry, then the 401 stands.
  const stuck = await createClient(ORGANIZATION_WSDL, {
    endpoint: service.url,
    cache: false,
    plugins: [bearerAuth(staticBearer('OLD'))],
  });
  t.after(() => stuck.close());
  service.seen.length = 0;
  await assert.rejects(stuck.call('Delete', { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' }), {
    status: 401,
  });
  assert.equal(service.seen.length, 2);
});
