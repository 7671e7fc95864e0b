/**
 * The raw client baseline: an undici Pool (keep-alive, one connection per call in flight) posting the prepared
 * request bytes and reading the whole reply. No XML work at all: what a SOAP client's per-call overhead is
 * measured against, and the load generator of the hosting benchmark.
 */
import { Pool } from 'undici';

export interface RawPoster {
  call(): Promise<string>;
  close(): Promise<void>;
}

export function rawPoster(url: string, body: Buffer, headers: Record<string, string>, connections = 8): RawPoster {
  const { origin, pathname, search } = new URL(url);
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const path = pathname + search;
  return {
    async call() {
      const response = await pool.request({ path, method: 'POST', headers, body });
      const text = await response.body.text();
      if (response.statusCode !== 200)
        throw new Error(`raw POST ${url}: HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
      return text;
    },
    close: () => pool.close(),
  };
}
