/**
 * The HTTP transport's options: one typed object, checked once when the transport is built (so `send` never
 * re-validates), with `timeout` and `maxResponseSize` overridable per request.
 */
import { TransportOptionsError } from './errors.js';

/** TLS settings for HTTPS endpoints (and, under `proxy.tls`, for an HTTPS proxy); as in `tls.connect`. */
export interface TlsOptions {
  /** Trusted certificates (PEM) replacing the default roots: a private CA or a self-signed server. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate chain (PEM) for mutual TLS. */
  cert?: string | Buffer | Array<string | Buffer>;
  /** Client private key (PEM) for mutual TLS. */
  key?: string | Buffer | Array<string | Buffer>;
  /** Passphrase of `key`. */
  passphrase?: string;
  /** Verify the server certificate (default true). Turning it off invites a man in the middle. */
  rejectUnauthorized?: boolean;
  /** SNI and verification name, when it differs from the URL's host. */
  servername?: string;
}

/** An HTTP(S) proxy. */
export interface ProxyOptions {
  /** `http://host:port` or `https://host:port`; `user:password@` in it becomes Basic proxy credentials. */
  url: string;
  /** A full Proxy-Authorization value (`Basic ...`, `Bearer ...`), instead of credentials in the URL. */
  token?: string;
  /**
   * Tunnel plain-http targets with CONNECT as well (default true, as undici does). False sends them to the
   * proxy in absolute form; HTTPS targets are always tunnelled.
   */
  tunnel?: boolean;
  /** TLS to an `https:` proxy itself. */
  tls?: TlsOptions;
}

/** Options of `createHttpTransport`. */
export interface HttpTransportOptions {
  /** Most sockets kept per origin (default 16). Calls beyond it queue. */
  connections?: number;
  /** How long an idle keep-alive socket stays open, ms (default 4000; servers often close at 5000). */
  keepAliveTimeout?: number;
  /** Whole exchange (connect + headers + body), ms; default 60000; 0 = no limit. Per call: `request.timeout`. */
  timeout?: number;
  /** Longest TCP + TLS connect, ms (default 10000, never more than `timeout`). */
  connectTimeout?: number;
  /** Largest response body accepted, bytes (default 128 MiB; `Infinity` = no limit). Per call: `request.maxResponseSize`. */
  maxResponseSize?: number;
  /** TLS settings for `https:` endpoints. */
  tls?: TlsOptions;
  /** Send everything through this proxy (URL or options). */
  proxy?: string | ProxyOptions;
}

/** Options after checking, with every default filled in. */
export interface ResolvedHttpOptions {
  readonly connections: number;
  readonly keepAliveTimeout: number;
  readonly timeout: number;
  readonly connectTimeout: number;
  readonly maxResponseSize: number;
  readonly tls: TlsOptions | undefined;
  readonly proxy: Readonly<ProxyOptions> | undefined;
}

/** Defaults, named so the documentation and the code cannot drift apart. */
export const HTTP_DEFAULTS = {
  connections: 16,
  keepAliveTimeout: 4000,
  timeout: 60_000,
  connectTimeout: 10_000,
  maxResponseSize: 128 * 1024 * 1024,
} as const;

/** Checks `options` and fills in defaults; throws `TransportOptionsError` naming the first bad option. */
export function resolveHttpOptions(options: HttpTransportOptions = {}): ResolvedHttpOptions {
  const connections = integer('connections', options.connections ?? HTTP_DEFAULTS.connections, 1);
  const keepAliveTimeout = integer('keepAliveTimeout', options.keepAliveTimeout ?? HTTP_DEFAULTS.keepAliveTimeout, 1);
  const timeout = integer('timeout', options.timeout ?? HTTP_DEFAULTS.timeout, 0);
  let connectTimeout = integer('connectTimeout', options.connectTimeout ?? HTTP_DEFAULTS.connectTimeout, 1);
  if (timeout > 0 && connectTimeout > timeout) connectTimeout = timeout;
  const maxResponseSize = checkRequestLimits({ maxResponseSize: options.maxResponseSize }).maxResponseSize;
  const tls = options.tls === undefined ? undefined : checkTls('tls', options.tls);
  const proxy = options.proxy === undefined ? undefined : checkProxy(options.proxy);
  return {
    connections,
    keepAliveTimeout,
    timeout,
    connectTimeout,
    maxResponseSize: maxResponseSize ?? HTTP_DEFAULTS.maxResponseSize,
    tls,
    proxy,
  };
}

/**
 * Checks the per-call overrides. The transport does not call this on its hot path (a wrong number there
 * fails as undici or the timer sees it); it is exported for layers that take these values from users.
 */
export function checkRequestLimits(limits: { timeout?: number; maxResponseSize?: number }): {
  timeout: number | undefined;
  maxResponseSize: number | undefined;
} {
  const timeout = limits.timeout === undefined ? undefined : integer('timeout', limits.timeout, 0);
  const size = limits.maxResponseSize;
  if (size !== undefined && size !== Number.POSITIVE_INFINITY) integer('maxResponseSize', size, 1);
  return { timeout, maxResponseSize: size };
}

function integer(option: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new TransportOptionsError(option, `expected an integer >= ${min}, got ${describe(value)}`);
  }
  return value;
}

function checkTls(option: string, tls: TlsOptions): TlsOptions {
  if (typeof tls !== 'object' || tls === null) throw new TransportOptionsError(option, 'expected an object');
  if (tls.rejectUnauthorized !== undefined && typeof tls.rejectUnauthorized !== 'boolean') {
    throw new TransportOptionsError(`${option}.rejectUnauthorized`, 'expected a boolean');
  }
  if (tls.servername !== undefined && (typeof tls.servername !== 'string' || tls.servername === '')) {
    throw new TransportOptionsError(`${option}.servername`, 'expected a host name');
  }
  if (tls.passphrase !== undefined && typeof tls.passphrase !== 'string') {
    // Never echo the value: it is a secret.
    throw new TransportOptionsError(`${option}.passphrase`, 'expected a string');
  }
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    throw new TransportOptionsError(`${option}.cert`, 'cert and key go together (mutual TLS needs both)');
  }
  return { ...tls };
}

function checkProxy(proxy: string | ProxyOptions): ProxyOptions {
  const given: ProxyOptions = typeof proxy === 'string' ? { url: proxy } : { ...proxy };
  let parsed: URL;
  try {
    parsed = new URL(given.url);
  } catch {
    // The URL may hold credentials: say what is wrong, not what it was.
    throw new TransportOptionsError('proxy.url', 'not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TransportOptionsError('proxy.url', `unsupported protocol ${parsed.protocol} (http: or https:)`);
  }
  if (given.token !== undefined && (parsed.username || parsed.password)) {
    throw new TransportOptionsError('proxy.token', 'give credentials either in the URL or as token, not both');
  }
  if (given.tls !== undefined) given.tls = checkTls('proxy.tls', given.tls);
  return given;
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}
