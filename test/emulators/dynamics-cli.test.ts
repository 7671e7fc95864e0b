/**
 * `soapstack emulate dynamics`: prints one line per endpoint, serves them with the data file given, and stops
 * on SIGINT; the data file's own users, clients, entities and records are what it serves.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulateCommand } from '../../src/cli/emulate-command.js';
import { createDynamicsClient } from '../../src/dynamics.js';
import { isDynamicsEmulatorError, parseDynamicsData, startDynamicsEmulator } from '../../src/emulators/index.js';
import { testPath } from '../support/paths.js';

test('emulate dynamics prints its five URLs, serves the data file, and stops on SIGINT', async () => {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  let done: () => void = () => {};
  const printed = new Promise<void>((resolve) => {
    done = resolve;
  });
  process.stdout.write = ((chunk: string | Uint8Array) => {
    const text = String(chunk);
    if (!/^sts http/.test(text)) return write(chunk);
    out += text;
    done();
    return true;
  }) as typeof process.stdout.write;
  try {
    const data = testPath('fixtures', 'emulators', 'dynamics', 'data.json');
    const running = emulateCommand('dynamics', { data, tokenTtl: 600 });
    await printed;
    const urls = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((l) => l.split(' ') as [string, string]),
    );
    assert.deepEqual(Object.keys(urls), ['sts', 'adfs', 'oauth', 'organization', 'web']);
    assert.match(urls.sts!, /^http:\/\/127\.0\.0\.1:\d+\/RST2\.srf$/);
    assert.match(urls.adfs!, /\/adfs\/services\/trust\/13\/usernamemixed$/);
    assert.match(urls.oauth!, /\/oauth2\/token$/);
    assert.match(urls.organization!, /\/XRMServices\/2011\/Organization\.svc$/);
    assert.equal(urls.web, `${urls.organization}/web`);

    const client = await createDynamicsClient({
      url: urls.organization!,
      signIn: { kind: 'office365', username: 'sales@northwind.example', password: 's3cret!', sts: urls.sts! },
    });
    try {
      assert.equal((await client.whoAmI()).organizationId, '11111111-2222-4333-8444-555555555555');
      const project = await client.retrieve('new_project', '0b0b0b0b-0000-4000-8000-000000000001');
      assert.equal(String(project.attributes.new_budget), '99.99');
      const account = await client.retrieve('account', '0a0a0a0a-0000-4000-8000-000000000001', ['revenue']);
      assert.equal(String(account.attributes.revenue), '12345678901234.56', 'money keeps every digit');
    } finally {
      await client.close();
    }
    const web = await createDynamicsClient({
      url: urls.web!,
      signIn: { kind: 'oauth', tokenUrl: urls.oauth!, clientId: 'northwind-app', clientSecret: 'app-secret' },
    });
    try {
      assert.equal((await web.whoAmI()).userId, 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff');
    } finally {
      await web.close();
    }
    process.emit('SIGINT');
    assert.equal(await running, 0);
  } finally {
    process.stdout.write = write;
  }
});

test('a data file that breaks the format or the metadata is refused with DYNAMICS_DATA_INVALID', async () => {
  assert.throws(() => parseDynamicsData({ users: [{ username: 'x' }] }), isDynamicsEmulatorError);
  await assert.rejects(
    startDynamicsEmulator({
      data: { users: [{ username: 'a', password: 'b' }], records: { account: [{ name: 'x', nosuch: 1 }] } },
    }),
    (e: unknown) => isDynamicsEmulatorError(e) && /doesn't contain attribute with Name = 'nosuch'/.test(e.message),
  );
});
