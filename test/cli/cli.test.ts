// The soapstack command as a user runs it: bin/soapstack in a child process, its stdout, stderr and exit code.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, testPath } from '../support/paths.js';

const BIN = join(repoRoot, 'bin', 'soapstack');
const CROWD = testPath('fixtures', 'real', 'crowd', 'SecurityServer-crowd-2.0.5.wsdl');
const DYNAMICS = testPath(
  'fixtures',
  'real',
  'dynamics-crm-2011',
  'Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
);
const KRAUT = testPath('fixtures', 'real', 'crowd', 'responses-kraut');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, SOAPSTACK_CACHE_DIR: join(tmpdir(), 'soapstack-cli-test') } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('soapstack describe', () => {
  test('prints the services, ports and every operation of the Crowd WSDL', async () => {
    const { code, stdout } = await run(['describe', CROWD]);
    assert.equal(code, 0);
    assert.match(stdout, /Service: SecurityServer/);
    assert.match(stdout, /Port: SecurityServerHttpPort \(SOAP 1\.1/);
    assert.match(
      stdout,
      /authenticatePrincipal\(in0: ns1:AuthenticatedToken \| null, in1: ns1:UserAuthenticationContext/,
    );
  });

  test('--json prints one object with services, ports and operations with type trees', async () => {
    const { code, stdout } = await run(['describe', DYNAMICS, '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    const port = json.services[0].ports[0];
    assert.equal(port.soapVersion, '1.2');
    assert.equal(port.operations.length, 8);
    const create = port.operations.find((o: { name: string }) => o.name === 'Create');
    assert.equal(create.style, 'document');
    assert.equal(create.action, 'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Create');
    const entity = create.input.body[0].children.find((c: { name: string }) => c.name === 'entity');
    assert.ok(entity.children.some((c: { name: string }) => c.name === 'Attributes'));
    assert.equal(create.faults[0].name, 'OrganizationServiceFaultFault');
  });

  test('an invalid document exits 2 with one line naming the file, line and problem, no stack', async () => {
    const bad = join(tmpdir(), 'soapstack-bad.wsdl');
    writeFileSync(bad, '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/">\n  <types>\n</definitions>\n');
    const { code, stderr } = await run(['describe', bad]);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`${bad.replace(/[.]/g, '\\.')}:3:\\d+: .*types`));
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(stderr, /at .*\.js:\d+/);
  });

  test('a missing file exits 2 naming it', async () => {
    const { code, stderr } = await run(['describe', '/nonexistent/service.wsdl']);
    assert.equal(code, 2);
    assert.match(stderr, /\/nonexistent\/service\.wsdl/);
  });
});

describe('soapstack call', () => {
  let server: Server;
  let url = '';
  let answer = { status: 200, file: 'authenticate_application__success.xml' };
  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(readFileSync(join(KRAUT, answer.file)));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crowd/services/SecurityServer`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const args = JSON.stringify({ in0: { credential: { credential: 'secret-pw' }, name: 'jira' } });

  test('prints the decoded output as JSON on stdout', async () => {
    answer = { status: 200, file: 'authenticate_application__success.xml' };
    const { code, stdout } = await run(['call', CROWD, 'authenticateApplication', '--args', args, '--endpoint', url]);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { out: { name: 'app', token: 'J8n5KCem7Djk30zel0rUdA00' } });
  });

  test('a SOAP fault prints the fault as JSON on stderr and exits 3', async () => {
    answer = { status: 500, file: 'authenticate_application__invalid_password.xml' };
    const { code, stderr } = await run(['call', CROWD, 'authenticateApplication', '--args', args, '--endpoint', url]);
    assert.equal(code, 3);
    const { fault } = JSON.parse(stderr);
    assert.match(fault.reason, /does not match the password/);
    assert.equal(fault.name, 'InvalidAuthenticationException');
  });

  test('--raw shows the envelopes on stderr with the password masked', async () => {
    answer = { status: 200, file: 'authenticate_application__success.xml' };
    const { code, stderr } = await run([
      'call',
      CROWD,
      'authenticateApplication',
      '--args',
      args,
      '--endpoint',
      url,
      '--raw',
    ]);
    assert.equal(code, 0);
    assert.match(stderr, /authenticateApplication/);
    assert.doesNotMatch(stderr, /secret-pw/);
  });

  test('a transport error exits 4 with a clear message', async () => {
    const closed = 'http://127.0.0.1:9/nothing-listens-here';
    const { code, stderr } = await run([
      'call',
      CROWD,
      'authenticateApplication',
      '--args',
      args,
      '--endpoint',
      closed,
    ]);
    assert.equal(code, 4);
    assert.match(stderr, /CONNECTION_REFUSED/);
  });

  test('an unknown operation or bad JSON is a usage error: exit 2', async () => {
    assert.equal((await run(['call', CROWD, 'noSuchOperation', '--endpoint', url])).code, 2);
    assert.equal((await run(['call', CROWD, 'authenticateApplication', '--args', '{oops', '--endpoint', url])).code, 2);
  });

  test('longs in the arguments keep every digit', async () => {
    const { parseJsonExact } = await import('../../src/cli/json.js');
    assert.deepEqual(parseJsonExact('{"a": 9007199254740993, "b": 1.5, "c": 12345678901234567.891, "d": "9"}'), {
      a: 9007199254740993n,
      b: 1.5,
      c: '12345678901234567.891',
      d: '9',
    });
  });
});
