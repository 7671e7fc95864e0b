// Shared by the ws tests: a node:http server that records every request and answers addNumbers of the interop
// contract (or whatever `answer` decides), and small readers of captured envelopes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Envelope, parseEnvelope } from '../../src/soap/envelope.js';
import type { SoapVersion } from '../../src/soap/version.js';
import type { XmlElement } from '../../src/xml/types.js';
import { testPath } from '../support/paths.js';

/** The interop contract (SOAP 1.1, addNumbers among its operations). */
export const INTEROP_WSDL: string = testPath('fixtures', 'interop', 'interop.wsdl');
export const INTEROP_NS = 'urn:soapstack:interop';

/** One recorded request. */
export interface Captured {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the server answers: status, content type and body. */
export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

/** A recording server on 127.0.0.1, port 0. */
export interface RecordingServer {
  url: string;
  seen: Captured[];
  close(): Promise<void>;
}

/** Starts a server that records each request and answers with `answer(request)`. */
export async function startRecordingServer(
  answer: (req: Captured) => Reply | Promise<Reply>,
): Promise<RecordingServer> {
  const seen: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured: Captured = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(captured);
      Promise.resolve(answer(captured)).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': reply.contentType });
          res.end(reply.body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The header blocks of a captured envelope, with the envelope itself. */
export function readCaptured(body: string, version?: SoapVersion): Envelope {
  return parseEnvelope(body, version ? { source: '<captured>', expected: version } : { source: '<captured>' });
}

/** The first descendant-or-self element named `{ns}local`. */
export function find(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  if (el.ns === ns && el.local === local) return el;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const found = find(child, ns, local);
    if (found) return found;
  }
  return undefined;
}

/** Every descendant-or-self element named `{ns}local`, in document order. */
export function findAll(el: XmlElement, ns: string, local: string, out: XmlElement[] = []): XmlElement[] {
  if (el.ns === ns && el.local === local) out.push(el);
  for (const child of el.children) if (typeof child !== 'string') findAll(child, ns, local, out);
  return out;
}

/** The text directly inside `el`. */
export function text(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  let out = '';
  for (const child of el.children) if (typeof child === 'string') out += child;
  return out;
}
