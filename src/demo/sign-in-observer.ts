/**
 * A transport that watches sign-in exchanges go by. The Dynamics client signs in itself (its `signIn` option,
 * as a user writes it) and keeps its tokens private; the demo still wants to say when the token expires, to
 * know every token issued (so that none can reach the transcript), and with `--verbose` to show the
 * security token service's exchange. This transport forwards every request unchanged to the HTTP transport
 * and reads the answers of the STS (a WS-Trust RSTR) and of the OAuth token endpoint (RFC 6749 5.1 JSON).
 */
import {
  createHttpTransport,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../transport/index.js';
import { readRstr } from '../ws/trust/index.js';
import type { TrustVersion } from '../ws/trust/versions.js';
import { type SecretRegistry, secretPartsOfToken } from './secrets.js';
import type { Transcript } from './transcript.js';

/** What the observer learned from the last sign-in. */
export interface ObservedSignIn {
  /** When the issued token stops being valid, when the service said so. */
  expires?: Date;
  /** `'ws-trust'` or `'oauth'`. */
  kind: 'ws-trust' | 'oauth';
}

/** Where the sign-in endpoints are. */
export interface SignInEndpoints {
  /** The WS-Trust STS URL and its version. */
  sts?: { url: string; trust: TrustVersion };
  /** The OAuth token endpoint. */
  tokenUrl?: string;
}

/** A transport that forwards to HTTP and observes sign-ins; `last` is the latest one seen. */
export class SignInObserver implements Transport {
  /** The latest sign-in seen, or undefined before the first. */
  last: ObservedSignIn | undefined;
  private readonly http = createHttpTransport();

  constructor(
    private readonly endpoints: SignInEndpoints,
    private readonly secrets: SecretRegistry,
    private readonly transcript: Transcript,
  ) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const sts = this.endpoints.sts;
    const isSts = sts !== undefined && request.url === sts.url;
    const isToken = request.url === this.endpoints.tokenUrl;
    if ((isSts || isToken) && request.body !== undefined) {
      this.transcript.exchange(`sign-in request to ${request.url}`, bodyText(request.body));
    }
    const response = await this.http.send(request);
    if (isSts) this.observeRstr(response, sts.trust);
    else if (isToken) this.observeTokenResponse(response);
    if (isSts || isToken)
      this.transcript.exchange(`sign-in response (HTTP ${response.status})`, response.body.toString('utf8'));
    return response;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Records the issued token's secret parts and expiry (a fault is left for the client to report). */
  private observeRstr(response: TransportResponse, trust: TrustVersion): void {
    try {
      const token = readRstr(response.body.toString('utf8'), trust);
      this.secrets.add(token.xml, ...secretPartsOfToken(token.xml), token.proofToken, token.entropy);
      this.last = { kind: 'ws-trust', ...(token.expires ? { expires: token.expires } : {}) };
    } catch {
      this.last = undefined;
    }
  }

  /** Records the access token and its expiry (`expires_in` seconds from now). */
  private observeTokenResponse(response: TransportResponse): void {
    try {
      const body = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
      if (typeof body.access_token === 'string') this.secrets.add(body.access_token);
      if (typeof body.refresh_token === 'string') this.secrets.add(body.refresh_token);
      const seconds = Number(body.expires_in);
      this.last = {
        kind: 'oauth',
        ...(Number.isFinite(seconds) && body.expires_in !== undefined
          ? { expires: new Date(Date.now() + seconds * 1000) }
          : {}),
      };
    } catch {
      this.last = undefined;
    }
  }
}

function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}
