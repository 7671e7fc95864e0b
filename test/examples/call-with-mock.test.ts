/** examples/call-with-mock.ts: the mock serves the example WSDL, the client calls it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, runExample } from './support.js';

test('call-with-mock: GetForecast answers the recording, ListCities a sample from the schema', async () => {
  const run = await runExample('call-with-mock');
  assert.equal(run.code, 0, explain(run));
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^GetForecast: Paris, 2 days$/m);
  assert.match(run.stdout, /^ {2}2024-06-01: Sunny, 14\.5 to 24 °C$/m);
  assert.match(run.stdout, /^ {2}2024-06-02: Showers, 13 to 19\.5 °C$/m);
  // A sample answer: the repeated element is an array with one item.
  assert.match(run.stdout, /^ListCities \(a sample answer\): \{"city":\["[^"]*"\]\}$/m);
});
