import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { createHttpTransport } from '../../src/transport/http.js';
import {
  httpStatusError,
  isTransportError,
  isTransportOptionsError,
  TransportError,
} from '../../src/transport/index.js';
import { closedPort, readBody, rejection, requestHead, serveHttp, serveTcp, tripwire } from './helpers.js';

tripwire();

// Secrets the requests below carry: no error may repeat them.
const SECRET_HEADER = 'Bearer eyJ-very-secret-token';
const SECRET_BODY = '<o:Password>hunter2-secret</o:Password>';
const GUARD = { timeout: 5000 };

function assertNoSecrets(error: unknown): void {
  const text = `${String(error)} ${(error as Error).stack ?? ''}`;
  assert.ok(!text.includes('eyJ-very-secret-token'), 'header value in the error');
  assert.ok(!text.includes('hunter2-secret'), 'body in the error');
}

test('connection refused: a closed port rejects with CONNECTION_REFUSED, request not sent', GUARD, async (t) => {
  const port = await closedPort();
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const error = await rejection(
    transport.send({
      url: `http://127.0.0.1:${port}/soap?access_token=q-secret`,
      headers: { authorization: SECRET_HEADER },
      body: SECRET_BODY,
    }),
  );
  assert.ok(isTransportError(error, 'CONNECTION_REFUSED'), String(error));
  assert.equal(error.requestSent, false);
  assert.equal(error.target, `POST http://127.0.0.1:${port}/soap`);
  assert.ok(!error.message.includes('q-secret'), 'query string in the message');
  assert.ok(error.cause instanceof Error);
  assertNoSecrets(error);
});

test('connection reset mid-response: headers and half a body, then destroy: CONNECTION_RESET', GUARD, async (t) => {
  const { url } = await serveTcp(t, async (socket) => {
    await requestHead(socket);
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n');
    socket.write('x'.repeat(500), () => socket.destroy());
  });
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: { authorization: SECRET_HEADER }, body: SECRET_BODY }));
  assert.ok(isTransportError(error, 'CONNECTION_RESET'), String(error));
  assert.equal(error.requestSent, true);
  assertNoSecrets(error);
});

test('HTML 500 page: returned as a response; httpStatusError renders status, type, first bytes', GUARD, async (t) => {
  const page = `<!DOCTYPE html>\n<html><head><title>Runtime Error</title></head>\n<body>${'<p>Server Error in / Application.</p>'.repeat(20)}</body></html>`;
  const { url } = await serveHttp(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const response = await transport.send({ url, headers: { 'content-type': 'text/xml' }, body: '<x/>' });
  assert.equal(response.status, 500);
  assert.equal(response.contentType, 'text/html; charset=utf-8');
  assert.equal(response.body.toString('utf8'), page);
  const error = httpStatusError(response);
  assert.equal(error.code, 'HTTP_STATUS');
  assert.equal(error.status, 500);
  assert.equal(error.contentType, 'text/html; charset=utf-8');
  assert.ok(error.bodyStart.startsWith('<!DOCTYPE html> <html><head><title>Runtime Error</title>'), error.bodyStart);
  assert.ok(error.bodyStart.endsWith('…'));
  assert.equal(error.bodyStart.length, 201);
  assert.match(error.message, /^HTTP 500 \(text\/html; charset=utf-8\): <!DOCTYPE html>/);
});

test('empty 200: status 200 and a zero-length body', GUARD, async (t) => {
  const { url } = await serveHttp(t, (_req, res) => {
    res.writeHead(200, { 'content-length': '0' });
    res.end();
  });
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const response = await transport.send({ url, headers: {} });
  assert.equal(response.status, 200);
  assert.equal(response.body.length, 0);
  assert.ok(Buffer.isBuffer(response.body));
  assert.equal(response.contentType, '');
});

test('silent server (accepts, never answers): TIMEOUT after the transport timeout', GUARD, async (t) => {
  let requests = 0;
  const { url } = await serveTcp(t, (socket) => {
    socket.on('data', () => requests++);
  });
  const transport = createHttpTransport({ timeout: 200 });
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: { authorization: SECRET_HEADER }, body: SECRET_BODY }));
  assert.ok(isTransportError(error, 'TIMEOUT'), String(error));
  assert.equal(error.requestSent, true);
  assert.match(error.message, /within 200 ms/);
  assert.ok(requests > 0, 'the server received the request');
  assertNoSecrets(error);
});

test('per-call timeout overrides the transport default', GUARD, async (t) => {
  const { url } = await serveTcp(t, () => {});
  const transport = createHttpTransport({ timeout: 0 });
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {}, timeout: 150 }));
  assert.ok(isTransportError(error, 'TIMEOUT'));
  assert.match(error.message, /within 150 ms/);
});

test('AbortSignal aborting mid-call: ABORTED with the reason as cause', GUARD, async (t) => {
  const controller = new AbortController();
  const { url } = await serveTcp(t, async (socket) => {
    await requestHead(socket);
    controller.abort(new Error('user gave up'));
  });
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {}, body: '<x/>', signal: controller.signal }));
  assert.ok(isTransportError(error, 'ABORTED'), String(error));
  assert.equal(error.requestSent, true);
  assert.equal((error.cause as Error).message, 'user gave up');
});

test('an already-aborted signal rejects at once and sends nothing', GUARD, async (t) => {
  let connections = 0;
  const { url } = await serveTcp(t, () => connections++);
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {}, signal: AbortSignal.abort() }));
  assert.ok(isTransportError(error, 'ABORTED'));
  assert.equal(error.requestSent, false);
  assert.equal(connections, 0);
});

test('response over maxResponseSize (declared length): RESPONSE_TOO_LARGE', GUARD, async (t) => {
  const { url } = await serveHttp(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '5000' });
    res.end('y'.repeat(5000));
  });
  const transport = createHttpTransport({ maxResponseSize: 1000 });
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {} }));
  assert.ok(isTransportError(error, 'RESPONSE_TOO_LARGE'), String(error));
  // The same response is accepted when the call raises its own limit.
  const response = await transport.send({ url, headers: {}, maxResponseSize: 5000 });
  assert.equal(response.body.length, 5000);
});

test(
  'response over maxResponseSize (chunked, endless): aborted, the server sees the socket close',
  GUARD,
  async (t) => {
    let closed: Promise<unknown> = Promise.resolve();
    const { url } = await serveHttp(t, (req, res) => {
      closed = new Promise((resolve) => req.socket.once('close', resolve));
      res.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      // Keeps writing for as long as the client reads: only an abort by the client ends this response.
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const transport = createHttpTransport({ maxResponseSize: 100_000 });
    t.after(() => transport.close());
    const error = await rejection(transport.send({ url, headers: {} }));
    assert.ok(isTransportError(error, 'RESPONSE_TOO_LARGE'), String(error));
    await closed;
  },
);

test(
  'keep-alive: 50 sequential calls use one server connection (undici frees the socket a turn late)',
  GUARD,
  async (t) => {
    const { url, connections } = await serveHttp(t, async (req, res) => {
      const body = await readBody(req);
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(body);
    });
    const transport = createHttpTransport();
    t.after(() => transport.close());
    for (let i = 0; i < 50; i++) {
      const response = await transport.send({ url, headers: { 'content-type': 'text/xml' }, body: `<n>${i}</n>` });
      assert.equal(response.body.toString(), `<n>${i}</n>`);
    }
    assert.equal(connections(), 1);
  },
);

test('request headers, method and bytes reach the server; response headers and bytes come back', GUARD, async (t) => {
  const bytes = Buffer.from([0x3c, 0x78, 0x3e, 0xe9, 0x00, 0xff, 0x3c, 0x2f, 0x78, 0x3e]);
  let seen: { method?: string; url?: string; soapaction?: string; body?: Buffer } = {};
  const { origin } = await serveHttp(t, async (req, res) => {
    seen = {
      method: req.method,
      url: req.url,
      soapaction: req.headers.soapaction as string,
      body: await readBody(req),
    };
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1', 'x-custom': 'yes' });
    res.end(bytes);
  });
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const response = await transport.send({
    url: `${origin}/Service.svc?wsdl=wsdl0`,
    headers: { SOAPAction: '"urn:Do"', 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  assert.deepEqual(seen, { method: 'POST', url: '/Service.svc?wsdl=wsdl0', soapaction: '"urn:Do"', body: bytes });
  assert.deepEqual(response.body, bytes);
  assert.equal(response.contentType, 'text/xml; charset=iso-8859-1');
  assert.equal(response.headers['x-custom'], 'yes');
  assert.deepEqual(response.headers['set-cookie'], ['a=1', 'b=2']);
  const get = await transport.send({ url: `${origin}/Service.svc?wsdl`, method: 'GET', headers: {} });
  assert.equal(get.status, 200);
  assert.equal(seen.method, 'GET');
});

test('invalid options are refused when the transport is built, naming the option', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ timeout: -1 }, 'timeout'],
    [{ connections: 0 }, 'connections'],
    [{ maxResponseSize: 1.5 }, 'maxResponseSize'],
    [{ proxy: 'not a url' }, 'proxy.url'],
    [{ proxy: 'ftp://127.0.0.1:21' }, 'proxy.url'],
    [{ tls: { cert: 'x' } }, 'tls.cert'],
    [{ tls: { passphrase: 42 } }, 'tls.passphrase'],
  ];
  for (const [options, option] of cases) {
    assert.throws(
      () => createHttpTransport(options),
      (error: unknown) => isTransportOptionsError(error) && error.option === option,
      JSON.stringify(options),
    );
  }
});

test('a bad request URL or header value rejects with TRANSPORT_INVALID_OPTIONS, never throws', GUARD, async (t) => {
  const transport = createHttpTransport();
  t.after(() => transport.close());
  for (const url of ['/relative', 'ftp://127.0.0.1/x', 'http://user:pw@127.0.0.1/x']) {
    const error = await rejection(transport.send({ url, headers: {} }));
    assert.ok(isTransportOptionsError(error), `${url}: ${String(error)}`);
    assert.ok(!error.message.includes('pw'), 'credentials in the message');
  }
  const { url } = await serveHttp(t, (_req, res) => res.end());
  const error = await rejection(transport.send({ url, headers: { 'x-bad': 'line\r\nbreak-secret' } }));
  assert.ok(isTransportOptionsError(error), String(error));
  assert.ok(!error.message.includes('break-secret'));
});

test('send after close rejects with ABORTED', GUARD, async (t) => {
  const { url } = await serveHttp(t, (_req, res) => res.end('ok'));
  const transport = createHttpTransport();
  assert.equal((await transport.send({ url, headers: {} })).body.toString(), 'ok');
  await transport.close();
  const error = await rejection(transport.send({ url, headers: {} }));
  assert.ok(error instanceof TransportError && error.code === 'ABORTED', String(error));
});

test('a signal shared by many calls keeps no listener once they are done', GUARD, async (t) => {
  const { url } = await serveHttp(t, (_req, res) => res.end('ok'));
  const transport = createHttpTransport();
  t.after(() => transport.close());
  const controller = new AbortController();
  await Promise.all(Array.from({ length: 20 }, () => transport.send({ url, headers: {}, signal: controller.signal })));
  await rejection(transport.send({ url: `${url}/x`, headers: {}, signal: controller.signal, maxResponseSize: 1 }));
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
});
