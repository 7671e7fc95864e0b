import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { createHttpTransport, isTransportError } from '../../src/transport/index.js';
import { closedPort, closeHttp, readBody, rejection, serveHttp, tripwire } from './helpers.js';

tripwire();

interface ProxyLog {
  /** `CONNECT host:port` lines and absolute-form request lines, in order. */
  lines: string[];
  /** The Proxy-Authorization values received. */
  auth: string[];
}

/**
 * A small HTTP proxy: CONNECT tunnels to 127.0.0.1 only, and absolute-form requests forwarded with
 * node:http. `refuse` answers every CONNECT with that status instead.
 */
async function startProxy(t: { after(fn: () => unknown): void }, refuse?: number): Promise<[string, ProxyLog]> {
  const log: ProxyLog = { lines: [], auth: [] };
  const tunnels = new Set<Socket>();
  const proxy: Server = createServer(async (req, res) => {
    log.lines.push(`${req.method} ${req.url}`);
    log.auth.push(String(req.headers['proxy-authorization'] ?? ''));
    const target = new URL(req.url ?? '');
    const body = await readBody(req);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    log.lines.push(`CONNECT ${req.url}`);
    log.auth.push(String(req.headers['proxy-authorization'] ?? ''));
    client.on('error', () => {});
    if (refuse) {
      client.end(`HTTP/1.1 ${refuse} Forbidden\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  t.after(() => {
    for (const socket of tunnels) socket.destroy();
    return closeHttp(proxy);
  });
  return [`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, log];
}

async function echoServer(t: { after(fn: () => unknown): void }): Promise<string> {
  const { url } = await serveHttp(t, async (req, res) => {
    const body = await readBody(req);
    res.writeHead(200, { 'content-type': 'text/xml', 'x-path': req.url ?? '' });
    res.end(body);
  });
  return url;
}

test('proxy: a plain http target is tunnelled with CONNECT by default', { timeout: 5000 }, async (t) => {
  const target = await echoServer(t);
  const [proxyUrl, log] = await startProxy(t);
  const transport = createHttpTransport({ proxy: { url: proxyUrl, token: 'Basic cHJveHk6c2VjcmV0' } });
  t.after(() => transport.close());
  const response = await transport.send({ url: `${target}?x=1`, headers: {}, body: '<ping/>' });
  assert.equal(response.status, 200);
  assert.equal(response.body.toString(), '<ping/>');
  assert.equal(response.headers['x-path'], '/soap?x=1');
  assert.deepEqual(log.lines, [`CONNECT ${new URL(target).host}`]);
  assert.deepEqual(log.auth, ['Basic cHJveHk6c2VjcmV0']);
});

test('proxy: tunnel false sends plain http in absolute form through the proxy', { timeout: 5000 }, async (t) => {
  const target = await echoServer(t);
  const [proxyUrl, log] = await startProxy(t);
  const credentials = proxyUrl.replace('http://', 'http://user:pa%24s@');
  const transport = createHttpTransport({ proxy: { url: credentials, tunnel: false } });
  t.after(() => transport.close());
  const response = await transport.send({ url: target, headers: { 'content-type': 'text/xml' }, body: '<a/>' });
  assert.equal(response.body.toString(), '<a/>');
  assert.deepEqual(log.lines, [`POST ${target}`]);
  assert.deepEqual(log.auth, [`Basic ${Buffer.from('user:pa$s').toString('base64')}`]);
});

test('proxy: a refused CONNECT rejects with PROXY_FAILED naming the status', { timeout: 5000 }, async (t) => {
  const target = await echoServer(t);
  const [proxyUrl] = await startProxy(t, 407);
  const transport = createHttpTransport({ proxy: proxyUrl });
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url: target, headers: {} }));
  assert.ok(isTransportError(error, 'PROXY_FAILED'), String(error));
  assert.match(error.message, /HTTP 407/);
  assert.equal(error.requestSent, false);
});

test('proxy: an unreachable proxy rejects with PROXY_FAILED', { timeout: 5000 }, async (t) => {
  const target = await echoServer(t);
  const transport = createHttpTransport({ proxy: `http://127.0.0.1:${await closedPort()}` });
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url: target, headers: {} }));
  assert.ok(isTransportError(error, 'PROXY_FAILED'), String(error));
  assert.equal(error.requestSent, false);
});
