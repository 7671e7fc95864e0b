/**
 * The HTTP transport: undici's `Agent` (a keep-alive pool per origin, HTTP/1.1, no pipelining) or its
 * `ProxyAgent`, driven through `dispatch` with one handler object per call (exchange.ts). Options are
 * checked once here; `send` only reads them.
 */
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { describeTarget } from './classify.js';
import { TransportError, TransportOptionsError } from './errors.js';
import { Exchange } from './exchange.js';
import { type HttpTransportOptions, type ResolvedHttpOptions, resolveHttpOptions } from './options.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

/** Where a URL goes, split the way undici's dispatch wants it. */
interface Target {
  readonly origin: string;
  readonly path: string;
}

/**
 * A SOAP client calls one or a few endpoints, so parsed URLs are kept; the bound only guards against a
 * caller that varies the query string on every call.
 */
const MAX_CACHED_URLS = 256;

/** An HTTP transport over an undici dispatcher. */
class HttpTransport implements Transport {
  private readonly targets = new Map<string, Target>();
  private readonly timeout: number;
  private readonly maxResponseSize: number;
  private readonly proxied: boolean;

  constructor(
    private readonly dispatcher: Dispatcher,
    options: ResolvedHttpOptions,
  ) {
    this.timeout = options.timeout;
    this.maxResponseSize = options.maxResponseSize;
    this.proxied = options.proxy !== undefined;
  }

  send(request: TransportRequest): Promise<TransportResponse> {
    const url = request.url;
    const method = request.method ?? 'POST';
    let target = this.targets.get(url);
    if (target === undefined) {
      try {
        target = this.parse(url);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const signal = request.signal;
    if (signal?.aborted) {
      return Promise.reject(
        new TransportError('ABORTED', 'request aborted by the caller before it was sent', {
          target: describeTarget(method, url),
          requestSent: false,
          cause: signal.reason,
        }),
      );
    }
    const { origin, path } = target;
    return new Promise<TransportResponse>((resolve, reject) => {
      const exchange = new Exchange(
        resolve,
        reject,
        method,
        url,
        request.timeout ?? this.timeout,
        request.maxResponseSize ?? this.maxResponseSize,
        signal,
        this.proxied,
      );
      try {
        // undici reports a refusal (closed agent, invalid header) through the handler, not by throwing; the
        // catch is for the unexpected, so that the exchange's timer and signal listener are released.
        this.dispatcher.dispatch({ origin, path, method, headers: request.headers, body: request.body }, exchange);
      } catch (error) {
        exchange.error(error);
      }
    });
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private parse(url: string): Target {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TransportOptionsError('url', 'not an absolute URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new TransportOptionsError('url', `unsupported protocol ${parsed.protocol} (http: or https:)`);
    }
    if (parsed.username || parsed.password) {
      // Credentials in a URL end up in logs; the headers interceptor is the place for them.
      throw new TransportOptionsError('url', 'credentials in the URL are not sent; use an Authorization header');
    }
    const target: Target = { origin: parsed.origin, path: parsed.pathname + parsed.search };
    if (this.targets.size >= MAX_CACHED_URLS) this.targets.clear();
    this.targets.set(url, target);
    return target;
  }
}

/** Builds the undici dispatcher the options describe. */
function buildDispatcher(options: ResolvedHttpOptions): Dispatcher {
  const pool = {
    connections: options.connections,
    // One request per socket at a time: SOAP servers (IIS, WCF, XFire) handle pipelining poorly, and a
    // pipelined request behind a slow one would inherit its latency and its failure.
    pipelining: 1,
    keepAliveTimeout: options.keepAliveTimeout,
  };
  const tls = { ...options.tls, timeout: options.connectTimeout };
  const proxy = options.proxy;
  if (proxy === undefined) return new Agent({ ...pool, connect: tls });
  return new ProxyAgent({
    ...pool,
    uri: proxy.url,
    token: proxy.token,
    proxyTunnel: proxy.tunnel ?? true,
    requestTls: tls,
    proxyTls: { ...proxy.tls, timeout: options.connectTimeout },
  });
}

/**
 * Creates the HTTP transport. Connections are pooled per origin and kept alive; each call is bounded by
 * `timeout` (whole exchange) and `maxResponseSize` (the body is counted as it streams in and the connection
 * dropped past the limit, so no more than the limit is ever held). Responses are returned whatever their
 * status; failures reject with a `TransportError`. Throws `TransportOptionsError` for invalid options.
 */
export function createHttpTransport(options?: HttpTransportOptions): Transport {
  const resolved = resolveHttpOptions(options);
  return new HttpTransport(buildDispatcher(resolved), resolved);
}
