/**
 * Local HTTP servers for the client tests: 127.0.0.1 port 0, closed with their connections when the test ends.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';

/** The test context's cleanup hook. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

/** A request as the server saw it. */
export interface SeenRequest {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Serves `handler`, recording each request (with its body) in `seen`. */
export async function serve(
  t: Cleanup,
  handler: (req: SeenRequest, res: ServerResponse) => void,
): Promise<{ url: string; seen: SeenRequest[]; server: Server }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(request);
      handler(request, res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap`, seen, server };
}

/** A raw TCP server (to misbehave below HTTP); its sockets are destroyed when the test ends. */
export async function serveTcp(t: Cleanup, onSocket: (socket: Socket) => void): Promise<{ url: string }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap` };
}

/** A port on 127.0.0.1 where nothing listens (bound, then closed). */
export async function closedPortUrl(): Promise<string> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/soap`;
}
