/**
 * Document loaders: how WSDL and schema documents are fetched. One narrow interface; a file loader, an HTTP
 * loader (undici), and a default that picks by scheme. The loader is passed down to the schema reader, which
 * knows nothing of files or HTTP.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { isUrl } from '../xsd/location.js';
import { WsdlError } from './errors.js';

/** A fetched document. */
export interface LoadedDocument {
  /** Absolute file path or URL, after redirects. */
  readonly location: string;
  readonly text: string;
}

/** Fetches a document by absolute location (file path or URL). */
export interface DocumentLoader {
  /** Reads the document at `location`; rejects with a `DOCUMENT_LOAD_FAILED` error naming it. */
  load(location: string): Promise<LoadedDocument>;
}

/** Options of the HTTP loader. */
export interface HttpLoaderOptions {
  /** Time allowed for the response headers and between body chunks, in ms. Default 30,000. */
  readonly timeout?: number;
  /** Largest accepted document, in bytes. Default 32 MiB. */
  readonly maxSize?: number;
  /** Redirects followed before giving up. Default 5. */
  readonly maxRedirects?: number;
  /** Called before each hop (the first request and every redirect); false refuses the hop. */
  readonly allow?: (url: string) => boolean;
  /** Extra request headers (e.g. Authorization for a protected metadata endpoint). */
  readonly headers?: Record<string, string>;
}

/** Options of the file loader. */
export interface FileLoaderOptions {
  /** Largest accepted document, in bytes. Default 32 MiB. */
  readonly maxSize?: number;
}

const DEFAULT_MAX_SIZE = 32 * 1024 * 1024;

function loadFailed(location: string, why: string, cause?: unknown): WsdlError {
  return new WsdlError('DOCUMENT_LOAD_FAILED', `cannot load ${location}: ${why}`, { location, cause });
}

/**
 * Decodes a document's bytes: UTF-8 unless a byte order mark says UTF-16 (XML 1.0, section 4.3.3 and
 * appendix F); a UTF-8 BOM is dropped.
 */
export function decodeDocument(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

/** Loads files; accepts absolute paths and `file:` URLs. */
export function fileLoader(options: FileLoaderOptions = {}): DocumentLoader {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  return {
    async load(location) {
      const path = location.startsWith('file:') ? fileURLToPath(location) : location;
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (cause) {
        throw loadFailed(path, (cause as Error).message, cause);
      }
      if (bytes.length > maxSize) throw loadFailed(path, `larger than ${maxSize} bytes`);
      return { location: path, text: decodeDocument(bytes) };
    },
  };
}

/** Loads `http:` and `https:` URLs with undici, following a few redirects. */
export function httpLoader(options: HttpLoaderOptions = {}): DocumentLoader {
  const timeout = options.timeout ?? 30_000;
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const maxRedirects = options.maxRedirects ?? 5;
  return {
    async load(location) {
      let url = location;
      for (let hop = 0; ; hop++) {
        if (options.allow && !options.allow(url)) {
          throw new WsdlError('WSDL_IMPORT_FORBIDDEN', `refused to fetch ${url}: origin not allowed`, {
            location: url,
          });
        }
        let res: Awaited<ReturnType<typeof request>>;
        try {
          res = await request(url, {
            method: 'GET',
            headersTimeout: timeout,
            bodyTimeout: timeout,
            headers: { accept: 'text/xml, application/xml, application/wsdl+xml, */*', ...options.headers },
          });
        } catch (cause) {
          throw loadFailed(url, (cause as Error).message, cause);
        }
        const { statusCode, headers, body } = res;
        if (statusCode >= 300 && statusCode < 400 && headers.location !== undefined) {
          await body.dump();
          if (hop >= maxRedirects) throw loadFailed(location, `more than ${maxRedirects} redirects`);
          url = new URL(String(headers.location), url).href;
          continue;
        }
        if (statusCode < 200 || statusCode >= 300) {
          await body.dump();
          throw loadFailed(url, `HTTP status ${statusCode}`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        try {
          for await (const chunk of body) {
            size += (chunk as Buffer).length;
            if (size > maxSize) {
              body.destroy();
              throw loadFailed(url, `larger than ${maxSize} bytes`);
            }
            chunks.push(chunk as Buffer);
          }
        } catch (cause) {
          if (cause instanceof WsdlError) throw cause;
          throw loadFailed(url, (cause as Error).message, cause);
        }
        return { location: url, text: decodeDocument(Buffer.concat(chunks)) };
      }
    },
  };
}

/** Picks the file loader or the HTTP loader by the location's scheme. */
export function defaultLoader(options: HttpLoaderOptions & FileLoaderOptions = {}): DocumentLoader {
  const files = fileLoader(options);
  const http = httpLoader(options);
  return {
    load(location) {
      if (!isUrl(location)) return files.load(location);
      const scheme = location.slice(0, location.indexOf(':')).toLowerCase();
      if (scheme === 'http' || scheme === 'https') return http.load(location);
      return Promise.reject(loadFailed(location, `unsupported scheme "${scheme}:"`));
    },
  };
}
