/**
 * `soapstack demo`: the package's main job. It runs in a child process as `npm start` runs it; the tokens the
 * emulators issued come back over an IPC channel (the command's test hook) so that the transcript can be
 * searched for every one of them.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runDemo } from '../../src/demo/run.js';
import { SecretRegistry } from '../../src/demo/secrets.js';
import { DemoStepError, Transcript } from '../../src/demo/transcript.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Crowd's demo password, `password`, where it would stand as a value rather than as a word of a sentence. */
const PASSWORD_AS_VALUE = /(?:[>:'"=/]\s*|\bis\s+)password\b|\bpassword\s*(?:<|['"])/;

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
  secrets: string[];
}

/** Runs `bin/soapstack demo` with an IPC channel over which it reports the secrets it learns. */
function runDemoCommand(): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'soapstack'), 'demo'], {
      cwd: ROOT,
      env: { ...process.env, SOAPSTACK_DEMO_REPORT_SECRETS: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const run: DemoRun = { code: null, stdout: '', stderr: '', secrets: [] };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      run.stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      run.stderr += chunk;
    });
    child.on('message', (message: { secret?: unknown }) => {
      if (typeof message.secret === 'string') run.secrets.push(message.secret);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...run, code }));
  });
}

/** Checks that `transcript` holds none of `secrets` and none of the demo's fixed credentials. */
function assertNoSecrets(transcript: string, secrets: readonly string[]): void {
  for (const fixed of ['pass@word1', 'emulator-secret', 'not-his-password']) {
    assert.ok(!transcript.includes(fixed), `the transcript shows ${fixed}`);
  }
  assert.doesNotMatch(transcript, PASSWORD_AS_VALUE);
  for (const secret of secrets) {
    if (secret === 'password') continue; // a word of the transcript's sentences: checked as a value above
    assert.ok(!transcript.includes(secret), `the transcript shows a secret of ${secret.length} characters`);
  }
}

test('soapstack demo runs both flows, exits 0, shows the new account id and jstepka, and no secret', async () => {
  const run = await runDemoCommand();
  assert.equal(run.code, 0, `exit code ${run.code}\n${run.stdout}\n${run.stderr}`);
  assert.equal(run.stderr, '');
  const out = run.stdout;
  assert.match(out, /Done: all \d+ steps worked\./);

  // Dynamics: the account created by the article's flow, its id a GUID; both sign-ins with their expiry.
  const created = out.match(new RegExp(`the new account's id: (${GUID.source})`, 'i'));
  assert.ok(created, `no account id in:\n${out}`);
  assert.match(out, new RegExp(`Retrieve account ${created[1]}`));
  assert.match(out, /an issued token, valid until \d{4}-\d\d-\d\dT/);
  assert.match(out, /a bearer token, valid until \d{4}-\d\d-\d\dT/);
  assert.match(out, new RegExp(`WhoAmI: user ${GUID.source}`, 'i'));

  // Crowd: jstepka's attributes, and the typed error of a wrong password.
  assert.match(out, /givenName: Justen/);
  assert.match(out, /sn: Stepka/);
  assert.match(out, /mail: justen\.stepka@atlassian\.com/);
  assert.match(out, /refused: CrowdError CROWD_INVALID_AUTHENTICATION \(InvalidAuthenticationException\)/);

  // The secrets reported: the passwords and client secret, plus the tokens both emulators issued.
  assert.ok(run.secrets.includes('pass@word1'));
  assert.ok(run.secrets.includes('emulator-secret'));
  const tokens = run.secrets.filter(
    (s) => !['pass@word1', 'emulator-secret', 'password', 'not-his-password'].includes(s),
  );
  assert.ok(tokens.length >= 4, `only ${tokens.length} tokens were reported`);
  assertNoSecrets(out, run.secrets);
});

test('demo --verbose shows each envelope, request and response, with every secret masked', async () => {
  const lines: string[] = [];
  const secrets: string[] = [];
  const code = await runDemo({ verbose: true, write: (line) => lines.push(line), onSecret: (s) => secrets.push(s) });
  const out = lines.join('\n');
  assert.equal(code, 0, out);
  for (const operation of ['Create', 'Retrieve', 'RetrieveMultiple', 'Associate', 'Delete', 'Execute']) {
    assert.match(out, new RegExp(`\\[request ${operation} to http://127\\.0\\.0\\.1:\\d+/`), operation);
    assert.match(out, new RegExp(`\\[response ${operation} \\(HTTP 200\\)\\]`), operation);
  }
  for (const operation of ['authenticateApplication', 'authenticatePrincipal', 'findPrincipalByName']) {
    assert.match(out, new RegExp(`\\[request ${operation} to `), operation);
  }
  assert.match(out, /\[sign-in request to http:\/\/127\.0\.0\.1:\d+\/RST2\.srf\]/);
  assert.match(out, /<wsse:Password[^>]*>\*\*\*</);
  assert.match(out, /client_secret=\*\*\*/);
  assertNoSecrets(out, secrets);
});

test('a failing step is named, numbered and ends the run with a DemoStepError', async () => {
  const lines: string[] = [];
  const transcript = new Transcript((line) => lines.push(line), new SecretRegistry(), false);
  await transcript.step('First', async () => undefined);
  const failure = transcript.step('Second', async () => {
    throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
  });
  await assert.rejects(failure, (error: unknown) => {
    assert.ok(error instanceof DemoStepError);
    assert.equal(error.step, 2);
    assert.equal(error.title, 'Second');
    assert.match(error.message, /step 2 \(Second\) failed: ECONNREFUSED: connection refused/);
    return true;
  });
  assert.deepEqual(lines, ['  1. First', '  2. Second', '     !! ECONNREFUSED: connection refused']);
});

test('the transcript redacts a known secret even where a message quotes it', () => {
  const lines: string[] = [];
  const secrets = new SecretRegistry();
  secrets.add('s3cr3t-token-value');
  new Transcript((line) => lines.push(line), secrets, false).received('the server said: bad token s3cr3t-token-value');
  assert.deepEqual(lines, ['     <- the server said: bad token ***']);
});
