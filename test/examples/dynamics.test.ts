/** examples/dynamics.ts: the Dynamics client against the Dynamics emulator. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDynamicsEmulator } from '../../src/demo/dynamics-emulator.js';
import { explain, runExample } from './support.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

test('dynamics: signs in through the STS, creates, retrieves, queries and deletes an account', async (t) => {
  if (!(await findDynamicsEmulator())) {
    t.todo('soapstack/emulators has no startDynamicsEmulator yet');
    return;
  }
  const run = await runExample('dynamics');
  assert.equal(run.code, 0, explain(run));
  assert.equal(run.stderr, '');
  assert.match(run.stdout, new RegExp(`^signed in as user ${GUID}$`, 'm'));
  const created = run.stdout.match(new RegExp(`^created account (${GUID})$`, 'm'));
  assert.ok(created, explain(run));
  assert.match(run.stdout, /^retrieved: Test Account in Paris$/m);
  assert.match(run.stdout, /^accounts in Paris: .*Test Account/m);
  assert.match(run.stdout, /^FetchXML: \d+ accounts$/m);
  assert.match(run.stdout, new RegExp(`^deleted account ${created[1]}$`, 'm'));
});
