/** examples/crowd.ts: the Crowd client against the Crowd emulator. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, runExample } from './support.js';

test('crowd: signs jstepka in, finds him and his groups, and gets the typed error of a wrong password', async () => {
  const run = await runExample('crowd');
  assert.equal(run.code, 0, explain(run));
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^jstepka signed in \(a principal token of \d+ characters\)$/m);
  assert.match(run.stdout, /^the token is valid: true$/m);
  assert.match(run.stdout, /^jstepka: Justen Stepka <justen\.stepka@atlassian\.com>$/m);
  assert.match(run.stdout, /^groups: .*jira-administrators/m);
  assert.match(run.stdout, /^wrong password: CROWD_INVALID_AUTHENTICATION \(InvalidAuthenticationException\)$/m);
});
