// The CLI's sign-in options: parsed by commander, turned into plugins, sign-in failures reported before any call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { AuthenticationError } from '../../src/auth/index.js';
import { addSignInOptions, type SignInOptions, signInPlugins, trustVersionOf } from '../../src/cli/signin-options.js';
import { AUTH_FAILURE, Clock, serve, standInSts } from './support.js';

function parse(argv: string[]): SignInOptions {
  const command = addSignInOptions(new Command('call').exitOverride().configureOutput({ writeErr: () => {} }));
  command.parse(argv, { from: 'user' });
  return command.opts<SignInOptions>();
}

test('the options parse into one typed object', () => {
  const options = parse([
    '--sts',
    'https://login.microsoftonline.com/RST2.srf',
    '--applies-to',
    'urn:crmna:dynamics.com',
    '--username',
    'u',
    '--password',
    'p',
    '--trust',
    '2005',
  ]);
  assert.deepEqual(options, {
    sts: 'https://login.microsoftonline.com/RST2.srf',
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'u',
    password: 'p',
    trust: '2005',
  });
  assert.throws(() => parse(['--trust', '1.2']));
});

test('the WS-Trust version is taken from --trust or guessed from the STS URL', () => {
  assert.equal(trustVersionOf(undefined, 'https://login.microsoftonline.com/RST2.srf'), '2005/02');
  assert.equal(trustVersionOf(undefined, 'https://sts.contoso.com/adfs/services/trust/13/usernamemixed'), '1.3');
  assert.equal(trustVersionOf('1.3', 'https://login.microsoftonline.com/RST2.srf'), '1.3');
});

test('each sign-in becomes its plugin; no sign-in option, no plugin', async () => {
  assert.deepEqual(await signInPlugins({}, '1.2'), []);
  assert.deepEqual(
    (await signInPlugins({ username: 'u', password: 'p', passwordDigest: true }, '1.2')).map((p) => p.name),
    ['username-token-auth'],
  );
  assert.deepEqual(
    (await signInPlugins({ bearer: 'T' }, '1.2')).map((p) => p.name),
    ['bearer-auth'],
  );
});

test('combinations that cannot work are usage errors (CLI_USAGE), with no secret in the message', async () => {
  const cases: SignInOptions[] = [
    { bearer: 'T', username: 'u' },
    { sts: 'https://x/RST2.srf', username: 'u', password: 'hunter22' },
    { sts: 'https://x/RST2.srf', appliesTo: 'urn:x', username: 'u', password: 'hunter22', passwordDigest: true },
    { oauthTokenUrl: 'https://x/token', clientId: 'a' },
    { clientSecret: 'hunter22' },
    { username: 'u' },
    { password: 'hunter22' },
    { appliesTo: 'urn:x' },
    { passwordDigest: true },
  ];
  for (const options of cases) {
    await assert.rejects(
      signInPlugins(options, '1.2'),
      (e: Error & { code?: string }) => e.code === 'CLI_USAGE' && !e.message.includes('hunter22'),
      JSON.stringify(options),
    );
  }
});

test('--sts acquires the token before any call: a refused sign-in is AUTH_FAILED with the service reason', async (t) => {
  const bad = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/soap+xml' });
    res.end(AUTH_FAILURE);
  });
  const error = await signInPlugins(
    { sts: bad.url, appliesTo: 'urn:crmna:dynamics.com', username: 'u', password: 'hunter22', trust: '2005' },
    '1.2',
  ).catch((e: unknown) => e);
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.reason, 'Authentication Failure');
  const clock = new Clock();
  const sts = await standInSts(t, clock, 3600_000);
  const plugins = await signInPlugins(
    { sts: sts.url, appliesTo: 'urn:crmna:dynamics.com', username: 'u', password: 'p', trust: '2005' },
    '1.2',
    { now: clock.now },
  );
  assert.deepEqual(
    plugins.map((p) => p.name),
    ['issued-token-auth'],
  );
  assert.equal(sts.acquisitions(), 1, 'acquired eagerly');
});
