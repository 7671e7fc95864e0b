/**
 * `SoapServer`: hosts ports of compiled WSDL models on `node:http`. Each port lives at a URL path (two ports of
 * different SOAP versions may share one: the envelope's namespace picks); `GET <path>?wsdl` serves the WSDL
 * with its addresses pointed at this server. The server's `handler` also mounts on an existing HTTP server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompiledModel } from '../wsdl/model.js';
import { type Answer, clientFault, serverFault, textAnswer } from './answer.js';
import { dispatch } from './dispatch.js';
import { codecsFor, defaultPath, PortEndpoint, type ServiceOptions, selectPort } from './endpoint.js';
import { ServerError } from './errors.js';
import { type ResolvedServerOptions, resolveServerOptions, type SoapServerOptions } from './options.js';
import { readRequestBody } from './request-body.js';
import { findServed, loadServedDocuments, type ServedDocument, type WsdlSourceOptions } from './wsdl-documents.js';
import { rewriteDocument } from './wsdl-rewrite.js';

/** Where `addService` put a port. */
export interface HostedPort {
  readonly service: string;
  readonly port: string;
  readonly path: string;
}

/** The ports at one path and the WSDL served there. */
interface PathEntry {
  readonly ports: PortEndpoint[];
  wsdl: { model: CompiledModel; source: WsdlSourceOptions; docs?: Promise<ServedDocument[]> } | undefined;
}

/**
 * A request target that `new URL` returns unchanged as its pathname: not `//`, no segment `.` or `..`, no query,
 * nothing to escape. Segments are split by `/`, which the class excludes, so matching is linear.
 */
const PLAIN_PATH = /^(?!\/\/)(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]*)+$/;

// A Host header is echoed into served WSDL addresses, so only a plain host[:port] is trusted.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** A SOAP server: add services, then `listen`, or mount `handler` on a server of your own. */
export class SoapServer {
  /** The request listener: `http.createServer(server.handler)` or a route of an existing server. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  private readonly options: ResolvedServerOptions;
  private readonly paths = new Map<string, PathEntry>();
  private server: Server | undefined;
  private closing = false;

  constructor(options: SoapServerOptions = {}) {
    this.options = resolveServerOptions(options);
    this.handler = (req, res) => void this.handle(req, res);
  }

  /** Hosts a port of `model` (by default the first port of the first service) at its path. */
  addService(model: CompiledModel, options: ServiceOptions): HostedPort {
    if (
      typeof options !== 'object' ||
      options === null ||
      typeof options.handlers !== 'object' ||
      options.handlers === null
    ) {
      throw new ServerError('SERVER_OPTIONS_INVALID', 'addService needs options with a handlers object');
    }
    const { service, port } = selectPort(model, options);
    const path = options.path ?? defaultPath(service, port);
    if (!path.startsWith('/'))
      throw new ServerError('SERVER_OPTIONS_INVALID', `path must start with "/", got ${JSON.stringify(path)}`);
    const codecs = options.codecs ?? codecsFor(model);
    const endpoint = new PortEndpoint(model, service, port, path, codecs, options.verifyHeaders, options.handlers);
    let entry = this.paths.get(path);
    if (entry?.ports.some((p) => p.port.soapVersion === port.soapVersion)) {
      throw new ServerError('SERVER_PATH_CONFLICT', `a SOAP ${port.soapVersion} port is already hosted at ${path}`);
    }
    if (!entry) {
      entry = { ports: [], wsdl: undefined };
      this.paths.set(path, entry);
    }
    entry.ports.push(endpoint);
    if (options.wsdl !== false && !entry.wsdl) entry.wsdl = { model, source: options.wsdl ?? {} };
    return { service: service.name, port: port.name, path };
  }

  /** The hosted ports, in the order they were added. */
  get ports(): HostedPort[] {
    return [...this.paths.values()].flatMap((e) =>
      e.ports.map((p) => ({ service: p.service.name, port: p.port.name, path: p.path })),
    );
  }

  /** Starts an HTTP server on `host` (default 127.0.0.1) and `port` (default 0: any free port). */
  async listen(port = 0, host = '127.0.0.1'): Promise<{ url: string }> {
    if (this.server) throw new ServerError('SERVER_OPTIONS_INVALID', 'the server is already listening');
    const server = createServer(this.handler);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return { url: `http://${shown}:${address.port}` };
  }

  /**
   * Stops accepting connections, lets requests in flight finish (their responses close their connections), and
   * closes idle keep-alive connections; resolves when every connection is gone.
   */
  async close(): Promise<void> {
    this.closing = true;
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.log;
    const started = log ? performance.now() : 0;
    const target = req.url ?? '/';
    // `new URL` normalises (dot segments, escapes, absolute forms) but costs more than the rest of routing, so a
    // plain path with no query, which it would return unchanged, is taken as it is.
    const url = PLAIN_PATH.test(target) ? undefined : new URL(target, 'http://localhost');
    const pathname = url?.pathname ?? target;
    let answer: Answer;
    let closeConnection = false;
    try {
      const result = await this.answer(req, pathname, url);
      answer = result.answer;
      closeConnection = result.close;
    } catch {
      answer = textAnswer(500, 'internal server error');
    }
    if (log) {
      res.once('finish', () =>
        log({
          method: req.method ?? '',
          path: pathname,
          ...(answer.operation ? { operation: answer.operation } : {}),
          status: answer.status,
          durationMs: performance.now() - started,
        }),
      );
    }
    const headers: Record<string, string | number> = {
      'content-type': answer.contentType,
      'content-length': Buffer.byteLength(answer.body),
      ...answer.headers,
    };
    if (closeConnection || this.closing) headers.connection = 'close';
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  /** `url` is undefined when the target is a plain path with no query. */
  private async answer(
    req: IncomingMessage,
    pathname: string,
    url: URL | undefined,
  ): Promise<{ answer: Answer; close: boolean }> {
    const entry = this.paths.get(pathname);
    if (!entry) return { answer: textAnswer(404, 'no service at this path'), close: false };
    const method = req.method ?? '';
    if ((method === 'GET' || method === 'HEAD') && url !== undefined && url.search !== '' && entry.wsdl) {
      return { answer: await this.serveWsdl(req, url, entry), close: false };
    }
    if (method !== 'POST') {
      const allow = entry.wsdl ? 'POST, GET' : 'POST';
      return { answer: textAnswer(405, `method ${method} not allowed; POST a SOAP envelope`, { allow }), close: false };
    }
    const version = entry.ports[0]!.port.soapVersion;
    const body = await readRequestBody(req, this.options.maxRequestSize);
    if ('tooLarge' in body) {
      const reason = `The request is larger than the limit of ${this.options.maxRequestSize} bytes.`;
      return { answer: clientFault(version, reason, { status: 413 }), close: true };
    }
    try {
      const answer = await dispatch(
        entry.ports,
        { text: body.text, httpHeaders: req.headers, remoteAddress: req.socket.remoteAddress },
        this.options.xmlLimits,
      );
      return { answer, close: false };
    } catch {
      return { answer: serverFault(version), close: false };
    }
  }

  private async serveWsdl(req: IncomingMessage, url: URL, entry: PathEntry): Promise<Answer> {
    const wsdl = entry.wsdl!;
    wsdl.docs ??= loadServedDocuments(wsdl.model, wsdl.source);
    let docs: ServedDocument[];
    try {
      docs = await wsdl.docs;
    } catch {
      // Try again on the next request (the file may come back); the reason stays on the server.
      wsdl.docs = undefined;
      return textAnswer(503, 'the WSDL of this service is not available');
    }
    const doc = findServed(docs, url.searchParams);
    if (!doc) return textAnswer(404, 'no such document');
    const portPaths = new Map<string, string>();
    for (const other of this.paths.values()) {
      for (const p of other.ports)
        if (p.model === wsdl.model) portPaths.set(`${p.service.name}/${p.port.name}`, p.path);
    }
    const host = req.headers.host;
    const origin =
      host && HOST.test(host) ? `http://${host}` : `http://${req.socket.localAddress}:${req.socket.localPort}`;
    const body = rewriteDocument(doc, { origin, path: url.pathname, portPaths, documents: docs });
    return { status: 200, contentType: 'text/xml; charset=utf-8', body };
  }
}

/** Builds a SOAP server; options are checked here. */
export function createSoapServer(options: SoapServerOptions = {}): SoapServer {
  return new SoapServer(options);
}
