// `soapstack emulate crowd`: prints the service URL, serves it until SIGINT; an unknown service is a usage error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulateCommand } from '../../src/cli/emulate-command.js';
import { isSoapstackError } from '../../src/errors.js';
import { testPath } from '../support/paths.js';
import { filledTemplate, postEnvelope } from './crowd-helpers.js';

test('emulate crowd prints its URL, answers there, and stops on SIGINT', async () => {
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  let seen: (line: string) => void = () => {};
  const line = new Promise<string>((resolve) => {
    seen = resolve;
  });
  process.stdout.write = ((chunk: string | Uint8Array) => {
    const text = String(chunk);
    if (text.startsWith('listening ')) {
      printed.push(text);
      seen(text);
      return true;
    }
    return write(chunk);
  }) as typeof process.stdout.write;
  try {
    const data = testPath('fixtures', 'emulators', 'crowd', 'directory.json');
    const running = emulateCommand('crowd', { data, tokenTtl: 60 });
    const url = /^listening (http:\/\/127\.0\.0\.1:\d+\/crowd\/services\/SecurityServer)\n$/.exec(await line)?.[1];
    assert.ok(url, printed.join(''));
    const answer = await postEnvelope(url, filledTemplate('authenticateApplication', ['portal', 'portal-secret']));
    assert.equal(answer.status, 200, answer.text);
    process.emit('SIGINT');
    assert.equal(await running, 0);
  } finally {
    process.stdout.write = write;
  }
});

test('emulate with an unknown service is a CLI_USAGE error', async () => {
  await assert.rejects(emulateCommand('sharepoint', {}), (error: unknown) => {
    assert.ok(isSoapstackError(error, 'CLI_USAGE'));
    assert.match(error.message, /unknown service "sharepoint"; known: crowd/);
    return true;
  });
});
