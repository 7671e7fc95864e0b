/** The options of `createSoapServer`, checked once when the server is built. */
import type { XmlLimits } from '../xml/types.js';
import { ServerError } from './errors.js';

/** One line of the access log: never any request content (bodies carry passwords and tokens). */
export interface ServerLogEntry {
  readonly method: string;
  /** The URL path, without its query string. */
  readonly path: string;
  /** The operation the request was routed to, when it got that far. */
  readonly operation?: string;
  readonly status: number;
  /** Time from the request's arrival to the end of the response, in milliseconds. */
  readonly durationMs: number;
}

/** Options of `createSoapServer`. */
export interface SoapServerOptions {
  /** Largest request body accepted, in bytes; a larger one gets 413 and a client fault. Default 10 MiB. */
  maxRequestSize?: number;
  /** Limits of the XML reader for request envelopes (depth, names, attributes, text). */
  xmlLimits?: Partial<XmlLimits>;
  /** Receives one entry per request, after its response is sent. */
  log?: (entry: ServerLogEntry) => void;
}

/** Options with defaults applied. */
export interface ResolvedServerOptions {
  readonly maxRequestSize: number;
  readonly xmlLimits: Partial<XmlLimits>;
  readonly log: ((entry: ServerLogEntry) => void) | undefined;
}

/** 10 MiB: far above any real request of the services this toolkit serves. */
export const DEFAULT_MAX_REQUEST_SIZE = 10 * 1024 * 1024;

const LIMIT_KEYS: ReadonlySet<string> = new Set([
  'maxDepth',
  'maxSize',
  'maxAttributes',
  'maxNameLength',
  'maxTextLength',
]);

function invalid(message: string): ServerError {
  return new ServerError('SERVER_OPTIONS_INVALID', message);
}

function positiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Applies defaults and refuses nonsense early, naming the option at fault. */
export function resolveServerOptions(options: SoapServerOptions = {}): ResolvedServerOptions {
  if (typeof options !== 'object' || options === null) throw invalid('options must be an object');
  const maxRequestSize = options.maxRequestSize ?? DEFAULT_MAX_REQUEST_SIZE;
  if (!positiveInteger(maxRequestSize))
    throw invalid(`maxRequestSize must be a positive integer, got ${String(maxRequestSize)}`);
  const xmlLimits = options.xmlLimits ?? {};
  for (const [key, value] of Object.entries(xmlLimits)) {
    if (!LIMIT_KEYS.has(key)) throw invalid(`xmlLimits.${key} is not an XML limit`);
    if (!positiveInteger(value)) throw invalid(`xmlLimits.${key} must be a positive integer, got ${String(value)}`);
  }
  if (options.log !== undefined && typeof options.log !== 'function') throw invalid('log must be a function');
  // The request text can never be longer than its bytes, so the XML size limit follows the request limit.
  return { maxRequestSize, xmlLimits: { maxSize: maxRequestSize, ...xmlLimits }, log: options.log };
}
