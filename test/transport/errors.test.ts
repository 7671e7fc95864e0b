import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSoapstackError, SoapstackError } from '../../src/errors.js';
import { describeTarget, toTransportError } from '../../src/transport/classify.js';
import {
  HttpStatusError,
  httpStatusError,
  isHttpStatusError,
  isTransportError,
  isTransportOptionsError,
  TRANSPORT_ERROR_CODES,
  TransportError,
  type TransportErrorCode,
  TransportOptionsError,
} from '../../src/transport/index.js';
import { tripwire } from './helpers.js';

tripwire();

/** A foreign error as undici or node:net raise it. */
function foreign(code: string, message = 'boom', name = 'Error'): Error {
  const error = new Error(message) as Error & { code: string };
  error.code = code;
  error.name = name;
  return error;
}

const direct = { target: 'POST http://127.0.0.1/x', sent: true, proxied: false };

test('type test: each foreign failure maps to its stable code', () => {
  const cases: Array<[Error, TransportErrorCode, boolean]> = [
    [foreign('ECONNREFUSED'), 'CONNECTION_REFUSED', false],
    [foreign('UND_ERR_SOCKET', 'other side closed'), 'CONNECTION_RESET', true],
    [foreign('ECONNRESET'), 'CONNECTION_RESET', true],
    [foreign('UND_ERR_CONNECT_TIMEOUT'), 'TIMEOUT', false],
    [foreign('UND_ERR_HEADERS_TIMEOUT'), 'TIMEOUT', true],
    [foreign('UND_ERR_BODY_TIMEOUT'), 'TIMEOUT', true],
    [foreign('UND_ERR_ABORTED', 'Request aborted', 'AbortError'), 'ABORTED', true],
    [foreign('UND_ERR_RES_EXCEEDED_MAX_SIZE'), 'RESPONSE_TOO_LARGE', true],
    [foreign('DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS_FAILED', false],
    [foreign('ERR_TLS_CERT_ALTNAME_INVALID'), 'TLS_FAILED', false],
    [foreign('ENOTFOUND'), 'DNS_FAILED', false],
    [foreign('EAI_AGAIN'), 'DNS_FAILED', false],
    [foreign('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling'), 'PROXY_FAILED', false],
    [foreign('HPE_INVALID_CONSTANT'), 'BAD_RESPONSE', true],
  ];
  const seen = new Set<string>();
  for (const [cause, code, requestSent] of cases) {
    const error = toTransportError(cause, direct);
    assert.ok(isTransportError(error, code), `${(cause as { code?: string }).code} -> ${error.code}`);
    assert.equal(error.requestSent, requestSent, code);
    assert.equal(error.cause, cause);
    assert.ok(error instanceof SoapstackError);
    assert.equal(error.name, 'TransportError');
    seen.add(code);
  }
  assert.deepEqual([...seen].sort(), [...TRANSPORT_ERROR_CODES].sort(), 'every code is pinned');
});

test('type test: through a proxy, connect-phase failures are the proxy’s', () => {
  const proxied = { ...direct, sent: false, proxied: true };
  assert.equal(toTransportError(foreign('ECONNREFUSED'), proxied).code, 'PROXY_FAILED');
  assert.equal(toTransportError(foreign('ENOTFOUND'), proxied).code, 'PROXY_FAILED');
  assert.equal(toTransportError(foreign('UND_ERR_PRX_TLS'), proxied).code, 'PROXY_FAILED');
});

test('type test: a TransportError passes through; an unknown failure is a CONNECTION_RESET', () => {
  const mine = new TransportError('TIMEOUT', 'late', { target: 't', requestSent: true });
  assert.equal(toTransportError(mine, direct), mine);
  const unknown = toTransportError(new Error('weird'), direct);
  assert.equal(unknown.code, 'CONNECTION_RESET');
});

test('type test: guards tell the classes apart, and pin HTTP_STATUS and TRANSPORT_INVALID_OPTIONS', () => {
  const transport = new TransportError('ABORTED', 'x', { target: '', requestSent: false });
  const status = new HttpStatusError(502, 'text/html', '<html>');
  const options = new TransportOptionsError('timeout', 'bad');
  assert.equal(status.code, 'HTTP_STATUS');
  assert.equal(options.code, 'TRANSPORT_INVALID_OPTIONS');
  assert.equal(isTransportError(transport), true);
  assert.equal(isTransportError(transport, 'ABORTED'), true);
  assert.equal(isTransportError(transport, 'TIMEOUT'), false);
  assert.equal(isTransportError(status), false);
  assert.equal(isHttpStatusError(status), true);
  assert.equal(isHttpStatusError(transport), false);
  assert.equal(isTransportOptionsError(options), true);
  assert.equal(isTransportOptionsError(status), false);
  for (const error of [transport, status, options]) assert.equal(isSoapstackError(error), true);
  assert.equal(isSoapstackError(status, 'HTTP_STATUS'), true);
});

test('messages name the target without query, fragment or credentials', () => {
  assert.equal(describeTarget('POST', 'https://u:p@crm.example/Org.svc?token=t#f'), 'POST https://crm.example/Org.svc');
  assert.equal(describeTarget('GET', 'http://h/a@b'), 'GET http://h/a@b');
  const error = toTransportError(foreign('ECONNREFUSED'), direct);
  assert.equal(error.message, 'connection refused (POST http://127.0.0.1/x)');
});

function response(status: number, contentType: string, body: string | Buffer) {
  return { status, headers: {}, contentType, body: Buffer.isBuffer(body) ? body : Buffer.from(body) };
}

test('httpStatusError: status, content type and a short printable start of the body', () => {
  const error = httpStatusError(response(404, 'text/html', '<html>\r\n\t<body>Not\u0000 Found</body>\n</html>'));
  assert.equal(error.status, 404);
  assert.equal(error.contentType, 'text/html');
  assert.equal(error.bodyStart, '<html> <body>Not Found</body> </html>');
  assert.equal(error.message, 'HTTP 404 (text/html): <html> <body>Not Found</body> </html>');
  const long = httpStatusError(response(500, '', 'é'.repeat(300)));
  assert.equal(long.bodyStart, `${'é'.repeat(200)}…`);
  assert.match(long.message, /^HTTP 500 \(no content type\): é/);
  assert.equal(httpStatusError(response(503, 'text/plain', '')).message, 'HTTP 503 (text/plain) (empty body)');
});

test('httpStatusError: secrets in the body start are masked, even when cut inside the element', () => {
  const echoed = `<Fault><detail><o:Password>${'p'.repeat(190)}secret-tail</o:Password></detail></Fault>`;
  const error = httpStatusError(response(500, 'text/xml', echoed));
  assert.ok(!error.bodyStart.includes('ppp'), error.bodyStart);
  assert.ok(!error.message.includes('secret-tail'));
  assert.equal(error.bodyStart, '<Fault><detail><o:Password>***</o:Password></detail></Fault>');
});
