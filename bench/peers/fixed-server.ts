/**
 * The fixed local server: node:http on 127.0.0.1, port 0, keep-alive, reading each request body to its end and
 * answering with the same prepared bytes. The target of the per-call benchmark, and the hosting benchmark's ceiling.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** Base URL, for example `http://127.0.0.1:40123`. */
  origin: string;
  close(): Promise<void>;
}

export async function startFixedServer(reply: Buffer, contentType = 'text/xml; charset=utf-8'): Promise<LocalServer> {
  const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': contentType, 'content-length': reply.length });
      response.end(reply);
    });
  });
  return listenLocal(server);
}

/** Listens on 127.0.0.1 port 0 and returns the origin and a close that also drops idle keep-alive sockets. */
export async function listenLocal(server: Server): Promise<LocalServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
