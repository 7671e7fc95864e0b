import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compose,
  createHttpTransport,
  headers,
  type Interceptor,
  isTransportError,
  isTransportOptionsError,
  isUnsentFailure,
  type LogEntry,
  logging,
  retry,
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '../../src/transport/index.js';
import { closedPort, readBody, rejection, requestHead, serveHttp, serveTcp, tripwire } from './helpers.js';

tripwire();

const GUARD = { timeout: 5000 };

function ok(body = '<ok/>', status = 200): TransportResponse {
  return { status, headers: { 'content-type': 'text/xml' }, contentType: 'text/xml', body: Buffer.from(body) };
}

/** A transport that answers from a function and records what it was sent. */
function fake(answer: (request: TransportRequest, call: number) => Promise<TransportResponse>): {
  transport: Transport;
  sent: TransportRequest[];
  closed: () => boolean;
} {
  const sent: TransportRequest[] = [];
  let closed = false;
  return {
    transport: {
      send: (request) => {
        sent.push(request);
        return answer(request, sent.length);
      },
      close: async () => {
        closed = true;
      },
    },
    sent,
    closed: () => closed,
  };
}

function unsent(code: 'CONNECTION_REFUSED' | 'TIMEOUT' | 'DNS_FAILED'): TransportError {
  return new TransportError(code, 'test', { target: 'POST http://127.0.0.1/x', requestSent: false });
}

test('compose: the first interceptor runs first on the way out and last on the way back', async () => {
  const trace: string[] = [];
  const mark =
    (name: string): Interceptor =>
    (next) =>
    async (request) => {
      trace.push(`${name} out`);
      const response = await next(request);
      trace.push(`${name} back`);
      return response;
    };
  const { transport, closed } = fake(async () => {
    trace.push('network');
    return ok();
  });
  const composed = compose(transport, mark('a'), mark('b'), mark('c'));
  await composed.send({ url: 'http://127.0.0.1/x', headers: {} });
  assert.deepEqual(trace, ['a out', 'b out', 'c out', 'network', 'c back', 'b back', 'a back']);
  await composed.close();
  assert.equal(closed(), true);
});

test('headers: adds defaults; the request keeps its own value whatever the case', async () => {
  const { transport, sent } = fake(async () => ok());
  const composed = compose(transport, headers({ 'User-Agent': 'soapstack', SOAPAction: '"default"' }));
  await composed.send({ url: 'http://127.0.0.1/x', headers: { soapaction: '"urn:Create"' } });
  assert.deepEqual(sent[0]!.headers, { 'User-Agent': 'soapstack', soapaction: '"urn:Create"' });
});

test('retry: a refused connection is retried `retries` times, then the last error is thrown', GUARD, async (t) => {
  const port = await closedPort();
  let attempts = 0;
  const count: Interceptor = (next) => (request) => {
    attempts++;
    return next(request);
  };
  const transport = compose(createHttpTransport(), retry({ retries: 3, delay: 0 }), count);
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url: `http://127.0.0.1:${port}/x`, headers: {} }));
  assert.ok(isTransportError(error, 'CONNECTION_REFUSED'));
  assert.equal(attempts, 4);
});

test('retry: a reset after the request was sent is not retried (it may have been processed)', GUARD, async (t) => {
  let connections = 0;
  const { url } = await serveTcp(t, async (socket) => {
    connections++;
    await requestHead(socket);
    socket.destroy();
  });
  const transport = compose(createHttpTransport(), retry({ retries: 3, delay: 0 }));
  t.after(() => transport.close());
  const error = await rejection(transport.send({ url, headers: {}, body: '<Create/>' }));
  assert.ok(isTransportError(error, 'CONNECTION_RESET'), String(error));
  assert.equal(connections, 1);
});

test('retry: HTTP statuses and SOAP faults are returned, not retried, by default', GUARD, async (t) => {
  let calls = 0;
  const { url } = await serveHttp(t, async (req, res) => {
    calls++;
    await readBody(req);
    res.writeHead(500, { 'content-type': 'text/xml' });
    res.end('<s:Envelope><s:Body><s:Fault/></s:Body></s:Envelope>');
  });
  const transport = compose(createHttpTransport(), retry({ retries: 3, delay: 0 }));
  t.after(() => transport.close());
  const response = await transport.send({ url, headers: {} });
  assert.equal(response.status, 500);
  assert.equal(calls, 1);
});

test('retry: listed statuses are retried, the last response returned', async () => {
  const { transport, sent } = fake(async (_r, call) => (call < 3 ? ok('busy', 503) : ok('<done/>')));
  const composed = compose(transport, retry({ retries: 5, statuses: [503], delay: 0 }));
  const response = await composed.send({ url: 'http://127.0.0.1/x', headers: {} });
  assert.equal(response.body.toString(), '<done/>');
  assert.equal(sent.length, 3);
  const always = fake(async () => ok('busy', 503));
  const capped = compose(always.transport, retry({ retries: 2, statuses: [503], delay: 0 }));
  assert.equal((await capped.send({ url: 'http://127.0.0.1/x', headers: {} })).status, 503);
  assert.equal(always.sent.length, 3);
});

test('retry: the default predicate takes only failures that never reached the server', () => {
  assert.equal(isUnsentFailure(unsent('CONNECTION_REFUSED')), true);
  assert.equal(isUnsentFailure(unsent('DNS_FAILED')), true);
  assert.equal(isUnsentFailure(unsent('TIMEOUT')), true);
  const readTimeout = new TransportError('TIMEOUT', 'test', { target: '', requestSent: true });
  assert.equal(isUnsentFailure(readTimeout), false);
  assert.equal(isUnsentFailure(new TransportError('CONNECTION_RESET', 't', { target: '', requestSent: true })), false);
  assert.equal(isUnsentFailure(new Error('SOAP fault')), false);
});

test('retry: a custom predicate and the methods list decide', async () => {
  const failing = fake(async () => {
    throw new TransportError('CONNECTION_RESET', 'test', { target: '', requestSent: true });
  });
  const custom = compose(failing.transport, retry({ retries: 2, delay: 0, retryOn: (e) => isTransportError(e) }));
  await rejection(custom.send({ url: 'http://127.0.0.1/x', headers: {} }));
  assert.equal(failing.sent.length, 3);

  const refused = fake(async () => Promise.reject(unsent('CONNECTION_REFUSED')));
  const getOnly = compose(refused.transport, retry({ retries: 2, delay: 0, methods: ['GET'] }));
  await rejection(getOnly.send({ url: 'http://127.0.0.1/x', method: 'POST', headers: {} }));
  assert.equal(refused.sent.length, 1);
  await rejection(getOnly.send({ url: 'http://127.0.0.1/x', method: 'GET', headers: {} }));
  assert.equal(refused.sent.length, 4);
});

test('retry: aborting during the wait between attempts rejects with ABORTED', GUARD, async () => {
  const controller = new AbortController();
  const refused = fake(async () => {
    queueMicrotask(() => controller.abort());
    throw unsent('CONNECTION_REFUSED');
  });
  const composed = compose(refused.transport, retry({ retries: 5, delay: 60_000 }));
  const error = await rejection(composed.send({ url: 'http://127.0.0.1/x', headers: {}, signal: controller.signal }));
  assert.ok(isTransportError(error, 'ABORTED'), String(error));
  assert.equal(refused.sent.length, 1);
});

test('retry and logging refuse bad options when built', () => {
  assert.throws(() => retry({ retries: -1 }), isTransportOptionsError);
  assert.throws(() => retry({ delay: Number.NaN }), isTransportOptionsError);
  assert.throws(() => logging({ log: 'console' as never }), isTransportOptionsError);
});

const SECRET_REQUEST =
  '<s:Envelope><s:Header><o:Security><o:UsernameToken><o:Username>crm\\admin</o:Username>' +
  '<o:Password Type="PasswordText">Tr0ub4dor&amp;3</o:Password><o:Nonce>bm9uY2Utc2VjcmV0</o:Nonce>' +
  '</o:UsernameToken></o:Security></s:Header><s:Body><Retrieve/></s:Body></s:Envelope>';
const SECRET_RESPONSE = '{"access_token":"eyJhbGciOi.secret","token_type":"Bearer","refresh_token":"rt-secret"}';
const SECRETS = ['Tr0ub4dor', 'bm9uY2Utc2VjcmV0', 'eyJhbGciOi', 'rt-secret', 'dXNlcjpwYXNz', 'SESSION=abc', 'q-secret'];

function assertMasked(lines: string[], entries: LogEntry[]): void {
  const everything = lines.join('\n') + JSON.stringify(entries);
  for (const secret of SECRETS) assert.ok(!everything.includes(secret), `leaked ${secret}`);
}

test('logging (info): method, URL, status and duration; no headers or bodies; secrets masked', GUARD, async () => {
  const lines: string[] = [];
  const entries: LogEntry[] = [];
  const { transport } = fake(async () => ok(SECRET_RESPONSE));
  const log = (line: string, entry: LogEntry): void => {
    lines.push(line);
    entries.push(entry);
  };
  const composed = compose(transport, logging({ log }));
  await composed.send({
    url: 'http://127.0.0.1/svc?access_token=q-secret&x=1',
    headers: { Authorization: 'Basic dXNlcjpwYXNz' },
    body: SECRET_REQUEST,
  });
  assert.equal(lines.length, 2);
  assert.equal(lines[0], 'request POST http://127.0.0.1/svc?access_token=***&x=1');
  assert.match(lines[1]!, /^response 200 POST http:\/\/127\.0\.0\.1\/svc\?access_token=\*\*\*&x=1 \(\d+\.\d ms\)$/);
  assert.equal(entries[1]!.status, 200);
  assert.ok(entries[1]!.durationMs! >= 0);
  assert.equal(entries[0]!.body, undefined);
  assertMasked(lines, entries);
});

test('logging (debug): headers and bodies, every secret masked', GUARD, async () => {
  const lines: string[] = [];
  const entries: LogEntry[] = [];
  const { transport } = fake(async () => ({
    ...ok(SECRET_RESPONSE),
    headers: { 'content-type': 'application/json', 'set-cookie': ['SESSION=abc; Path=/; HttpOnly'] },
  }));
  const log = (line: string, entry: LogEntry): void => {
    lines.push(line);
    entries.push(entry);
  };
  const composed = compose(transport, logging({ log, level: 'debug' }));
  await composed.send({
    url: 'http://127.0.0.1/svc',
    headers: { Authorization: 'Basic dXNlcjpwYXNz', SOAPAction: '"urn:Retrieve"' },
    body: Buffer.from(SECRET_REQUEST),
  });
  assert.ok(lines[0]!.includes('Authorization: Basic ***'));
  assert.ok(lines[0]!.includes('SOAPAction: "urn:Retrieve"'));
  assert.ok(lines[0]!.includes('<o:Username>crm\\admin</o:Username>'), 'non-secret content is kept');
  assert.ok(lines[0]!.includes('<o:Password Type="PasswordText">***</o:Password>'));
  assert.ok(lines[1]!.includes('"access_token":"***"'));
  assert.ok(lines[1]!.includes('"token_type":"Bearer"'));
  assert.deepEqual(entries[1]!.headers!['set-cookie'], ['SESSION=***; Path=/; HttpOnly']);
  assertMasked(lines, entries);
});

test('logging: a failure is logged with its code and rethrown; a throwing log sink is ignored', GUARD, async () => {
  const lines: string[] = [];
  const { transport } = fake(async () => Promise.reject(unsent('CONNECTION_REFUSED')));
  const composed = compose(
    transport,
    logging({
      log: (line) => {
        lines.push(line);
        throw new Error('sink down');
      },
    }),
  );
  const error = await rejection(composed.send({ url: 'http://127.0.0.1/x', headers: {} }));
  assert.ok(isTransportError(error, 'CONNECTION_REFUSED'));
  assert.match(lines[1]!, /^error CONNECTION_REFUSED POST http:\/\/127\.0\.0\.1\/x \(\d+\.\d ms\): test/);
});

test('order matters: logging outside retry logs once, inside retry logs each attempt', async () => {
  const outside: string[] = [];
  const a = fake(async (_r, call) => (call < 3 ? Promise.reject(unsent('CONNECTION_REFUSED')) : ok()));
  await compose(a.transport, logging({ log: (l) => outside.push(l) }), retry({ retries: 2, delay: 0 })).send({
    url: 'http://127.0.0.1/x',
    headers: {},
  });
  assert.equal(outside.length, 2);
  const inside: string[] = [];
  const b = fake(async (_r, call) => (call < 3 ? Promise.reject(unsent('CONNECTION_REFUSED')) : ok()));
  await compose(b.transport, retry({ retries: 2, delay: 0 }), logging({ log: (l) => inside.push(l) })).send({
    url: 'http://127.0.0.1/x',
    headers: {},
  });
  assert.equal(inside.length, 6);
  assert.equal(inside.filter((l) => l.startsWith('error CONNECTION_REFUSED')).length, 2);
});
