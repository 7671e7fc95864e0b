/**
 * Shared fixtures of the transport tests: real servers on 127.0.0.1 port 0, closed after each test, and a
 * tripwire that fails the suite on any unhandled rejection (the transport must never leave one behind).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { after } from 'node:test';

/** What `t.after` needs: the test context's cleanup hook. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

/** Registers the unhandled-rejection tripwire for the calling test file. */
export function tripwire(): void {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
    process.exitCode = 1;
    console.error('unhandled rejection in transport tests:', reason);
  };
  process.on('unhandledRejection', listener);
  after(() => {
    process.off('unhandledRejection', listener);
    assert.deepEqual(seen, [], 'no unhandled rejection');
  });
}

/** Starts a node:http server on 127.0.0.1:0, closed (connections included) when the test ends. */
export async function serveHttp(
  t: Cleanup,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; origin: string; url: string; connections: () => number }> {
  const server = createServer(handler);
  let connections = 0;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => closeHttp(server));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, url: `${origin}/soap`, connections: () => connections };
}

/** Closes an http server and its kept-alive sockets. */
export function closeHttp(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Starts a raw TCP server (to misbehave below HTTP); every socket is destroyed when the test ends. */
export async function serveTcp(
  t: Cleanup,
  onSocket: (socket: Socket) => void,
): Promise<{ server: NetServer; origin: string; url: string; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // the client aborting is expected here
    onSocket(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, url: `${origin}/soap`, sockets };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves when `socket` has received a complete request head (`\r\n\r\n`). */
export function requestHead(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
  });
}

/** Reads a whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Awaits `promise`, asserting it rejects, and returns the rejection for closer checks. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}
