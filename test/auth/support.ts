/**
 * Stand-ins for the sign-in tests, on 127.0.0.1 port 0: a WS-Trust STS answering with the captured RSTRs
 * (each issued token made unique and given a lifetime on a clock the test controls), an OAuth token endpoint,
 * and a Dynamics Organization service that checks the issued token's validity on that clock.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testPath } from '../support/paths.js';

/** The test context's cleanup hook. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

/** A captured fixture as text. */
export function fixture(...parts: string[]): string {
  return readFileSync(testPath('fixtures', ...parts), 'utf8');
}

export const DYNAMICS = ['real', 'dynamics-crm-2011'] as const;
export const RSTR_ONLINE = fixture(...DYNAMICS, 'responses-dynamics_crm-gem', 'request_security_token_response.xml');
export const RSTR_ONPREMISE = fixture(
  ...DYNAMICS,
  'responses-dynamics_crm-gem',
  'request_security_token_response_onpremise.xml',
);
export const AUTH_FAILURE = fixture('trust', 'office365-auth-failure.xml');
export const ORGANIZATION_WSDL = testPath(
  'fixtures',
  ...DYNAMICS,
  'Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl',
);
export const DELETE_RESPONSE = fixture(...DYNAMICS, 'responses-dynamics_crm-gem', 'delete_response.xml');

/** A request as a stand-in saw it. */
export interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Serves `handler` on 127.0.0.1 port 0, recording requests; closed when the test ends. */
export async function serve(
  t: Cleanup,
  handler: (req: Seen, res: ServerResponse) => void,
  record = true,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      if (record) seen.push(request);
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
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sts`, seen, server };
}

/** A clock the test moves by hand. */
export class Clock {
  t = Date.UTC(2014, 1, 13, 1, 24, 35);
  readonly now = (): number => this.t;
}

const LIFETIME = /<wsu:Created>[^<]*<\/wsu:Created>\s*<wsu:Expires>[^<]*<\/wsu:Expires>(\s*<\/wst:Lifetime>)/;
const SECOND_CIPHER = /(<CipherData>\s*<CipherValue>)[^<]*(<\/CipherValue>\s*<\/CipherData>\s*<\/EncryptedData>)/;

/** The captured Microsoft Online RSTR with its Lifetime and its token's CipherValue replaced. */
export function onlineRstr(created: number, expires: number, cipher: string): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return RSTR_ONLINE.replace(
    LIFETIME,
    `<wsu:Created>${iso(created)}</wsu:Created><wsu:Expires>${iso(expires)}</wsu:Expires>$1`,
  ).replace(SECOND_CIPHER, `$1${cipher}$2`);
}

/** The second CipherValue (the token's own) of an envelope that carries one, or undefined. */
export function cipherOf(text: string): string | undefined {
  return /<CipherValue>([^<]*)<\/CipherValue>\s*<\/CipherData>\s*<\/EncryptedData>/.exec(text)?.[1];
}

/** An STS stand-in issuing unique tokens valid `lifetime` ms on `clock`; `issued` maps each token to its expiry. */
export async function standInSts(t: Cleanup, clock: Clock, lifetime: number) {
  const issued = new Map<string, number>();
  let count = 0;
  const sts = await serve(t, (_req, res) => {
    count++;
    const cipher = `TOKEN${count}${'x'.repeat(40)}`;
    issued.set(cipher, clock.t + lifetime);
    res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(onlineRstr(clock.t, clock.t + lifetime, cipher));
  });
  return { ...sts, issued, acquisitions: () => count };
}

/** A SOAP 1.2 fault as WCF writes one for a message whose security cannot be verified (an expired token). */
export const SECURITY_FAULT = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:a="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">a:InvalidSecurity</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">An error occurred when verifying security for the message.</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`;

/**
 * An Organization service stand-in: answers Delete when the request's Security header carries a token that
 * `valid(cipher)` accepts, and the security fault otherwise. Each request moves the clock by `tick` ms.
 */
export async function standInOrganization(
  t: Cleanup,
  clock: Clock,
  valid: (cipher: string | undefined) => boolean,
  tick = 1,
) {
  let refused = 0;
  const service = await serve(
    t,
    (req, res) => {
      clock.t += tick;
      const ok = valid(cipherOf(req.body));
      if (!ok) refused++;
      res.writeHead(ok ? 200 : 500, { 'content-type': 'application/soap+xml; charset=utf-8' });
      res.end(ok ? DELETE_RESPONSE : SECURITY_FAULT);
    },
    false,
  );
  return { ...service, refused: () => refused };
}
