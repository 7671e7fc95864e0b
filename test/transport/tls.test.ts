import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createHttpTransport, isTransportError } from '../../src/transport/index.js';
import { rejection, tripwire } from './helpers.js';

tripwire();

/** A self-signed certificate for 127.0.0.1, made now with the openssl command, or why there is none. */
function selfSigned(): { key: Buffer; cert: Buffer } | string {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (error) {
    return `openssl is not available (${(error as Error).message.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pair = selfSigned();
const skip = typeof pair === 'string' ? `skipped: ${pair}` : false;
if (skip) console.log(`# TLS tests ${skip}`);

async function serveTls(t: { after(fn: () => unknown): void }, key: Buffer, cert: Buffer): Promise<string> {
  const server = createServer({ key, cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<ok/>');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/soap`;
}

test('TLS: a self-signed server is rejected by default with TLS_FAILED', { skip, timeout: 10_000 }, async (t) => {
  const { key, cert } = pair as { key: Buffer; cert: Buffer };
  const url = await serveTls(t, key, cert);
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {} }));
  assert.ok(isTransportError(error, 'TLS_FAILED'), String(error));
  assert.equal(error.requestSent, false);
});

test('TLS: the same server is accepted when its certificate is given as ca', { skip, timeout: 10_000 }, async (t) => {
  const { key, cert } = pair as { key: Buffer; cert: Buffer };
  const url = await serveTls(t, key, cert);
  const transport = createHttpTransport({ tls: { ca: cert } });
  t.after(() => transport.close());
  const response = await transport.send({ url, headers: {} });
  assert.equal(response.status, 200);
  assert.equal(response.body.toString(), '<ok/>');
});

test('TLS: a wrong servername fails verification even with the right ca', { skip, timeout: 10_000 }, async (t) => {
  const { key, cert } = pair as { key: Buffer; cert: Buffer };
  const url = await serveTls(t, key, cert);
  const transport = createHttpTransport({ tls: { ca: cert, servername: 'crm.example.com' } });
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {} }));
  assert.ok(isTransportError(error, 'TLS_FAILED'), String(error));
});
