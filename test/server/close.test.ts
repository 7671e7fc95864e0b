// Graceful close: a call in flight when close() is called still gets its answer; new connections are refused.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { createSoapServer } from '../../src/server/index.js';
import { loadWsdl } from '../../src/wsdl/index.js';
import { interopWsdlPath } from '../interop/peers/contract.js';
import { callOperation } from './helpers.js';

test('close() lets a call in flight finish, then resolves; new connections are refused meanwhile', async () => {
  const model = await loadWsdl(interopWsdlPath);
  const server = createSoapServer();
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.addService(model, {
    handlers: {
      addNumbers: async (input) => {
        entered();
        await released;
        const { a, b } = input as { a: bigint; b: bigint };
        return { sum: a + b };
      },
    },
  });
  const { url } = await server.listen();
  const call = callOperation(`${url}/interop`, model, model.services[0]!.ports[0]!, 'addNumbers', { a: 40n, b: 2n });
  await inHandler;
  let closed = false;
  const closing = server.close().then(() => (closed = true));
  const port = Number(new URL(url).port);
  const refused = await new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
  assert.equal(refused, true);
  assert.equal(closed, false);
  release();
  const outcome = await call;
  assert.ok('value' in outcome);
  assert.deepEqual(outcome.value, { sum: 42n });
  await closing;
  assert.equal(closed, true);
});
