/**
 * `startDynamicsEmulator`: a stand-in for Dynamics CRM on one local port: the security token services
 * (`/RST2.srf`, `/adfs/services/trust/13/usernamemixed`), the OAuth token endpoint (`/oauth2/token`) and the
 * Organization service (`/XRMServices/2011/Organization.svc`, SOAP 1.2 with WS-Security, and `.../web`, SOAP
 * 1.1 with a bearer token), its WSDL at `?wsdl` (split as WCF splits it: `?wsdl=wsdl0`, `?xsd=xsdN`) and
 * `?singleWsdl`, over an entity store with metadata.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSoapServer, type ServerLogEntry } from '../../server/index.js';
import { loadDynamicsModel, WEB_PORT } from '../../services/dynamics/model.js';
import { Accounts } from './accounts.js';
import { type DynamicsData, hashDynamicsData, parseDynamicsData } from './data.js';
import { defaultDynamicsData } from './default-data.js';
import { DynamicsEmulatorError } from './errors.js';
import { organizationIds } from './execute.js';
import { wcfSplitMetadata } from './metadata.js';
import { answerTokenRequest } from './oauth.js';
import { bearerSubject } from './security.js';
import { organizationHandlers, soapVerifier, webVerifier } from './service.js';
import { EntityStore } from './store.js';
import { answerRst } from './sts.js';
import { TokenRegistry } from './tokens.js';

/** Where the emulator serves each endpoint. */
export const DYNAMICS_PATHS = Object.freeze({
  sts: '/RST2.srf',
  adfs: '/adfs/services/trust/13/usernamemixed',
  token: '/oauth2/token',
  organization: '/XRMServices/2011/Organization.svc',
  web: '/XRMServices/2011/Organization.svc/web',
});

/** Default token lifetime: 8 hours, as the captured Microsoft Online RSTR's Lifetime. */
export const DEFAULT_TOKEN_TTL = 8 * 3600;

/** Options of `startDynamicsEmulator`. */
export interface DynamicsEmulatorOptions {
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
  /** Host to listen on. Default 127.0.0.1. */
  host?: string;
  /** The data (see `loadDynamicsData` and docs/emulators.md). Default: `defaultDynamicsData()`. */
  data?: DynamicsData;
  /** Lifetime of issued tokens (WS-Trust and OAuth), in seconds. Default 28800 (8 hours). */
  tokenTtl?: number;
  /** The clock, in milliseconds since the epoch (tests move it to expire tokens). Default `Date.now`. */
  now?: () => number;
  /** Receives one access-log entry per SOAP request (never any content). */
  log?: (entry: ServerLogEntry) => void;
}

/** A running Dynamics emulator. */
export interface DynamicsEmulator {
  /** The base URL: `http://127.0.0.1:N`. */
  readonly url: string;
  /** `<url>/XRMServices/2011/Organization.svc` (SOAP 1.2, WS-Security). */
  readonly organizationUrl: string;
  /** `<organizationUrl>/web` (SOAP 1.1, OAuth bearer). */
  readonly webUrl: string;
  /** Microsoft Online's STS: `<url>/RST2.srf` (WS-Trust February 2005). */
  readonly stsUrl: string;
  /** AD FS: `<url>/adfs/services/trust/13/usernamemixed` (WS-Trust 1.3). */
  readonly adfsUrl: string;
  /** The OAuth 2.0 token endpoint: `<url>/oauth2/token`. */
  readonly tokenUrl: string;
  /** The live store: read it, or change it between calls. */
  readonly store: EntityStore;
  /** Forgets every issued token. */
  revokeTokens(): void;
  /** Stops the server. */
  close(): Promise<void>;
}

const MAX_FORM = 1024 * 1024;

let defaultHashed: Promise<DynamicsData> | undefined;

/** The default data, hashed once per process (hashing is deliberately slow). */
function hashedDefaultData(): Promise<DynamicsData> {
  defaultHashed ??= hashDynamicsData(defaultDynamicsData());
  defaultHashed.catch(() => {
    defaultHashed = undefined;
  });
  return defaultHashed;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM) {
        req.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Starts a Dynamics emulator; close it when done. */
export async function startDynamicsEmulator(options: DynamicsEmulatorOptions = {}): Promise<DynamicsEmulator> {
  const ttl = options.tokenTtl ?? DEFAULT_TOKEN_TTL;
  if (!(Number.isFinite(ttl) && ttl > 0)) {
    throw new DynamicsEmulatorError(
      'DYNAMICS_EMULATOR_OPTIONS',
      `tokenTtl must be a positive number of seconds, got ${ttl}`,
    );
  }
  const now = options.now ?? Date.now;
  const data =
    options.data === undefined ? await hashedDefaultData() : await hashDynamicsData(parseDynamicsData(options.data));
  const store = EntityStore.fromData(data, { now });
  const accounts = new Accounts(data);
  const tokens = new TokenRegistry(ttl, now);
  const service = { store, tokens, ids: organizationIds(data), now };
  const sts = { accounts, tokens, now, keyIdentifier: randomBytes(20).toString('base64') };

  const single = await loadDynamicsModel();
  // Both ports run the model whose documents are the WCF split, so the server serves that at `?wsdl`.
  const { model, documents } = await wcfSplitMetadata(single);
  const soap = createSoapServer(options.log ? { log: options.log } : {});
  const handlers = organizationHandlers(service);
  const soapPort = model.services[0]!.ports.find((p) => p.soapVersion === '1.2')!.name;
  soap.addService(model, {
    path: DYNAMICS_PATHS.organization,
    port: soapPort,
    handlers,
    verifyHeaders: soapVerifier(service),
    wsdl: { documents },
  });
  soap.addService(model, {
    path: DYNAMICS_PATHS.web,
    port: WEB_PORT,
    handlers,
    verifyHeaders: webVerifier(service),
    wsdl: false,
  });
  // `?singleWsdl`: the single file, served (addresses rewritten the same way) by a server that only serves it.
  const singleWsdl = createSoapServer();
  singleWsdl.addService(single, { path: DYNAMICS_PATHS.organization, port: soapPort, handlers: {} });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const post = req.method === 'POST';
    if (post && (url.pathname === DYNAMICS_PATHS.sts || url.pathname === DYNAMICS_PATHS.adfs)) {
      const body = await readBody(req);
      if (body === undefined)
        return send(res, 413, { 'content-type': 'text/plain', connection: 'close' }, 'request too large');
      const answer = await answerRst(sts, url.pathname === DYNAMICS_PATHS.sts ? '2005/02' : '1.3', body);
      return send(res, answer.status, { 'content-type': 'application/soap+xml; charset=utf-8' }, answer.body);
    }
    if (url.pathname === DYNAMICS_PATHS.token) {
      if (!post) return send(res, 405, { 'content-type': 'text/plain', allow: 'POST' }, 'POST a token request');
      const body = await readBody(req);
      if (body === undefined)
        return send(res, 413, { 'content-type': 'text/plain', connection: 'close' }, 'request too large');
      const answer = await answerTokenRequest(
        accounts,
        tokens,
        req.headers['content-type'],
        req.headers.authorization,
        body,
      );
      return send(res, answer.status, answer.headers, answer.body);
    }
    if (post && url.pathname === DYNAMICS_PATHS.web && !bearerSubject(tokens, req.headers.authorization)) {
      // RFC 6750 section 3: no token, or one that is not valid.
      const challenge = req.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer';
      req.resume();
      return send(res, 401, { 'content-type': 'text/plain', 'www-authenticate': challenge }, 'unauthorized');
    }
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      url.pathname === DYNAMICS_PATHS.organization &&
      url.search.toLowerCase() === '?singlewsdl'
    ) {
      req.url = `${DYNAMICS_PATHS.organization}?wsdl`;
      return singleWsdl.handler(req, res);
    }
    soap.handler(req, res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, 'internal server error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    organizationUrl: `${url}${DYNAMICS_PATHS.organization}`,
    webUrl: `${url}${DYNAMICS_PATHS.web}`,
    stsUrl: `${url}${DYNAMICS_PATHS.sts}`,
    adfsUrl: `${url}${DYNAMICS_PATHS.adfs}`,
    tokenUrl: `${url}${DYNAMICS_PATHS.token}`,
    store,
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
