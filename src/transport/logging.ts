/**
 * The logging interceptor: one line for each request and one for its response or failure, through a
 * function the caller supplies (so soapstack never picks a logger). Everything logged passes through
 * mask.ts first: headers by name, bodies and URLs by content.
 */
import { performance } from 'node:perf_hooks';
import { TransportOptionsError } from './errors.js';
import { maskHeaders, maskSecrets } from './mask.js';
import type { Interceptor, TransportRequest } from './types.js';

/** `info`: method, URL, status, duration. `debug`: also the headers and bodies (masked). */
export type LogLevel = 'info' | 'debug';

/** The structured form of a log line, for loggers that keep fields. */
export interface LogEntry {
  event: 'request' | 'response' | 'error';
  level: LogLevel;
  method: string;
  /** The URL with secret query parameters masked. */
  url: string;
  /** The response status (`response` events). */
  status?: number;
  /** Time since the request line, ms (`response` and `error` events). */
  durationMs?: number;
  /** The error's code (`error` events), such as `TIMEOUT`. */
  errorCode?: string;
  /** Headers, masked (debug level only). */
  headers?: Record<string, string | string[]>;
  /** The body as text, masked and cut to `maxBodyChars` (debug level only). */
  body?: string;
}

/** Options of `logging`. */
export interface LoggingOptions {
  /** Receives each line and its fields. An exception it throws is swallowed: logging never fails a call. */
  log: (message: string, entry: LogEntry) => void;
  /** Default `info`. */
  level?: LogLevel;
  /** Longest body logged at debug level, characters (default 65536). */
  maxBodyChars?: number;
}

/** Logs requests and responses, secrets masked. */
export function logging(options: LoggingOptions): Interceptor {
  if (typeof options?.log !== 'function') throw new TransportOptionsError('logging.log', 'expected a function');
  const level = options.level ?? 'info';
  if (level !== 'info' && level !== 'debug') throw new TransportOptionsError('logging.level', 'expected info or debug');
  const maxBodyChars = options.maxBodyChars ?? 65_536;
  if (!Number.isSafeInteger(maxBodyChars) || maxBodyChars < 0) {
    throw new TransportOptionsError('logging.maxBodyChars', 'expected an integer >= 0');
  }
  const debug = level === 'debug';
  const emit = (message: string, entry: LogEntry): void => {
    try {
      options.log(message, entry);
    } catch {
      // A broken log sink must not turn a successful call into a failed one.
    }
  };

  return (next) => async (request: TransportRequest) => {
    const method = request.method ?? 'POST';
    const url = maskSecrets(request.url);
    const started = performance.now();
    const out: LogEntry = { event: 'request', level, method, url };
    let line = `request ${method} ${url}`;
    if (debug) {
      out.headers = maskHeaders(request.headers);
      out.body = bodyText(request.body, maxBodyChars);
      line += `\n${renderHeaders(out.headers)}\n\n${out.body}`;
    }
    emit(line, out);
    try {
      const response = await next(request);
      const durationMs = performance.now() - started;
      const entry: LogEntry = { event: 'response', level, method, url, status: response.status, durationMs };
      let answer = `response ${response.status} ${method} ${url} (${durationMs.toFixed(1)} ms)`;
      if (debug) {
        entry.headers = maskHeaders(response.headers);
        entry.body = bodyText(response.body, maxBodyChars);
        answer += `\n${renderHeaders(entry.headers)}\n\n${entry.body}`;
      }
      emit(answer, entry);
      return response;
    } catch (error) {
      const durationMs = performance.now() - started;
      const code = errorCodeOf(error);
      // Errors from other interceptors may not be as careful as TransportError: mask their text too.
      const message = maskSecrets(error instanceof Error ? error.message : String(error));
      emit(`error ${code} ${method} ${url} (${durationMs.toFixed(1)} ms): ${message}`, {
        event: 'error',
        level,
        method,
        url,
        durationMs,
        errorCode: code,
      });
      throw error;
    }
  };
}

function errorCodeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'ERROR';
}

/** A body as masked text: decoded as UTF-8 (SOAP bodies almost always are), masked whole, then cut. */
function bodyText(body: string | Uint8Array | undefined, maxChars: number): string {
  if (body === undefined || body.length === 0) return '';
  // Decode at most 4 bytes per kept character, plus room so that a secret's closing tag just past the cut
  // is still seen by the masker (it masks an element left open to the end in any case).
  const limit = typeof body === 'string' ? maxChars + 4096 : maxChars * 4 + 4096;
  const window = typeof body === 'string' ? body.slice(0, limit) : decode(body, limit);
  const masked = maskSecrets(window);
  return masked.length > maxChars || body.length > limit ? `${masked.slice(0, maxChars)}…` : masked;
}

function decode(bytes: Uint8Array, maxBytes: number): string {
  const view = bytes.subarray(0, maxBytes);
  return Buffer.from(view.buffer, view.byteOffset, view.length).toString('utf8');
}

function renderHeaders(headers: Record<string, string | string[]>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : value}`)
    .join('\n');
}
