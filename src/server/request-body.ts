/**
 * Reading a request body under a size limit. A `Content-Length` above the limit is refused before any of the
 * body is read; a body that grows past the limit as it streams is refused as soon as it does. Either way the
 * caller answers at once and the connection is closed after the answer, so a hostile client cannot make the
 * server hold more than the limit.
 */
import type { IncomingMessage } from 'node:http';
import { decodeDocument } from '../wsdl/loader.js';

/** The body as text, or `too-large` when it passed the limit. */
export type BodyResult = { readonly text: string } | { readonly tooLarge: true };

/** Reads the whole body of `req` (at most `limit` bytes) and decodes it (UTF-8, or UTF-16 by byte order mark). */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        // Stop buffering; what is still on its way is discarded by node once the answer is sent.
        req.pause();
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ text: decodeDocument(Buffer.concat(chunks, size)) });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
