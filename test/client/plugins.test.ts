// Call plugins: fresh header blocks and HTTP headers on every call, and at most one retry after a failure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type CallPlugin, createClient } from '../../src/client/index.js';
import { SoapFault } from '../../src/soap/fault.js';
import { testPath } from '../support/paths.js';

const CROWD = testPath('fixtures', 'real', 'crowd', 'SecurityServer-crowd-2.0.5.wsdl');
const kraut = (name: string) => readFileSync(testPath('fixtures', 'real', 'crowd', 'responses-kraut', name));
const OK = kraut('authenticate_application__success.xml');
const FAULT = kraut('authenticate_application__invalid_password.xml');

let server: Server;
let url = '';
const seen: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
let answers: Buffer[] = [];

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const answer = answers.shift() ?? OK;
      res.writeHead(answer === FAULT ? 500 : 200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(answer);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crowd`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const args = { in0: { credential: { credential: 'pw' }, name: 'jira' } };

test('a plugin adds fresh header blocks and HTTP headers to every call', async () => {
  let counter = 0;
  const stamp: CallPlugin = {
    name: 'stamp',
    prepare: () => {
      counter++;
      return {
        soapHeaders: [(w) => w.element('urn:test', 'Stamp', String(counter), 't')],
        httpHeaders: { 'x-stamp': String(counter) },
      };
    },
  };
  seen.length = 0;
  const client = await createClient(CROWD, { endpoint: url, plugins: [stamp], cache: false });
  await client.call('authenticateApplication', args);
  await client.call('authenticateApplication', args);
  await client.close();
  assert.deepEqual(
    seen.map((s) => s.headers['x-stamp']),
    ['1', '2'],
  );
  assert.match(seen[0]!.body, /<t:Stamp xmlns:t="urn:test">1<\/t:Stamp>/);
  assert.match(seen[1]!.body, /<t:Stamp xmlns:t="urn:test">2<\/t:Stamp>/);
});

test('a plugin that asks for a retry after a fault gets exactly one', async () => {
  const attempts: number[] = [];
  const renew: CallPlugin = {
    name: 'renew',
    prepare: (call) => {
      attempts.push(call.attempt);
      return undefined;
    },
    retryAfter: (error) => error instanceof SoapFault,
  };
  const client = await createClient(CROWD, { endpoint: url, plugins: [renew], cache: false });

  answers = [FAULT, OK];
  const value = (await client.call('authenticateApplication', args)) as { out: { token: string } };
  assert.equal(value.out.token, 'J8n5KCem7Djk30zel0rUdA00');
  assert.deepEqual(attempts, [0, 1]);

  // A server that keeps refusing: one retry, then the fault reaches the caller (never a loop).
  attempts.length = 0;
  answers = [FAULT, FAULT, FAULT];
  await assert.rejects(client.call('authenticateApplication', args), SoapFault);
  assert.deepEqual(attempts, [0, 1]);
  answers = [];
  await client.close();
});
