/**
 * Faults of the network and the server, seen through the client: each is a typed error with a stable code,
 * none hangs (the `timeout` test option is only a hang guard) and none leaves an unhandled rejection.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type Client, createClient } from '../../src/client/index.js';
import { testPath } from '../support/paths.js';
import { type Cleanup, closedPortUrl, serve, serveTcp } from './support/server.js';

const WSDL = testPath(
  'fixtures',
  'node-soap',
  'test',
  'request-response-samples',
  'Dummy__should_deserialize_basic_types',
  'soap.wsdl',
);
const ARGS = { DummyField1: 'x' };
const GUARD = { timeout: 10_000 };

const unhandled: unknown[] = [];
const tripwire = (reason: unknown): void => {
  unhandled.push(reason);
};
process.on('unhandledRejection', tripwire);
after(() => {
  process.off('unhandledRejection', tripwire);
  assert.deepEqual(unhandled, [], 'no unhandled rejection');
});

async function client(t: Cleanup, endpoint: string, options: Parameters<typeof createClient>[1] = {}): Promise<Client> {
  const c = await createClient(WSDL, { cache: false, endpoint, ...options });
  t.after(() => c.close());
  return c;
}

function hasCode(code: string, check?: (e: Record<string, unknown>) => void): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.equal((e as { code?: unknown }).code, code, `error ${String(e)}`);
    check?.(e as Record<string, unknown>);
    return true;
  };
}

test('connection reset in the middle of a response: CONNECTION_RESET', GUARD, async (t) => {
  const { url } = await serveTcp(t, (socket) => {
    socket.once('data', () => {
      socket.write(
        'HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: 1000\r\n\r\n<soap:Envelope xmlns:soap=',
      );
      setImmediate(() => socket.resetAndDestroy());
    });
  });
  const c = await client(t, url);
  await assert.rejects(c.call('Dummy', ARGS), hasCode('CONNECTION_RESET'));
});

test('an HTML 500 page: HttpStatusError naming the status, the content type and the first bytes', GUARD, async (t) => {
  const page = '<html><body><h1>500 Internal Server Error</h1></body></html>';
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  const c = await client(t, url);
  await assert.rejects(
    c.call('Dummy', ARGS),
    hasCode('HTTP_STATUS', (e) => {
      assert.equal(e.status, 500);
      assert.match(String(e.message), /500/);
      assert.match(String(e.message), /text\/html/);
      assert.match(String(e.message), /Internal Server Error/);
    }),
  );
});

test('an empty 200: SOAP_EMPTY_RESPONSE', GUARD, async (t) => {
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end();
  });
  const c = await client(t, url);
  await assert.rejects(
    c.call('Dummy', ARGS),
    hasCode('SOAP_EMPTY_RESPONSE', (e) => assert.equal(e.status, 200)),
  );
});

test('a text/html 200: SOAP_UNEXPECTED_CONTENT_TYPE', GUARD, async (t) => {
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>maintenance</body></html>');
  });
  const c = await client(t, url);
  await assert.rejects(
    c.call('Dummy', ARGS),
    hasCode('SOAP_UNEXPECTED_CONTENT_TYPE', (e) => assert.match(String(e.message), /text\/html/)),
  );
});

test('a SOAP 1.2 answer to a 1.1 request: SOAP_VERSION_MISMATCH', GUARD, async (t) => {
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml' });
    res.end('<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>');
  });
  const c = await client(t, url);
  await assert.rejects(c.call('Dummy', ARGS), hasCode('SOAP_VERSION_MISMATCH'));
});

test('a server that accepts and never answers: TIMEOUT after the client timeout', GUARD, async (t) => {
  const { url } = await serveTcp(t, () => {});
  const c = await client(t, url, { timeout: 200 });
  await assert.rejects(c.call('Dummy', ARGS), hasCode('TIMEOUT'));
});

test('an AbortSignal ends the call: ABORTED', GUARD, async (t) => {
  const { url } = await serveTcp(t, () => {});
  const c = await client(t, url);
  const controller = new AbortController();
  const call = c.call('Dummy', ARGS, { signal: controller.signal });
  controller.abort();
  await assert.rejects(call, hasCode('ABORTED'));
});

test('nothing listening: CONNECTION_REFUSED', GUARD, async (t) => {
  const c = await client(t, await closedPortUrl());
  await assert.rejects(c.call('Dummy', ARGS), hasCode('CONNECTION_REFUSED'));
});

test('a response over maxResponseSize: RESPONSE_TOO_LARGE', GUARD, async (t) => {
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${' '.repeat(64 * 1024)}</soap:Body></soap:Envelope>`,
    );
  });
  const c = await client(t, url, { maxResponseSize: 1024 });
  await assert.rejects(c.call('Dummy', ARGS), hasCode('RESPONSE_TOO_LARGE'));
});
