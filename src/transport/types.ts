/**
 * The one narrow interface between the SOAP layers and the network. Everything above (the client, auth,
 * WS-Addressing, logging, retries) sees only `send` and `close`; everything that varies per deployment
 * (proxy, TLS, pool size) is an option of the HTTP transport, and every cross-cutting behaviour is an
 * `Interceptor` joined by `compose` (see interceptors.ts).
 */

/** One HTTP request as the SOAP layer states it. */
export interface TransportRequest {
  /** Absolute `http:` or `https:` URL of the endpoint. */
  url: string;
  /** `POST` (the default) for SOAP calls; `GET` for `?wsdl` and the SOAP 1.2 response-only pattern. */
  method?: 'POST' | 'GET';
  /** Request headers, sent as given (Content-Type, SOAPAction, Authorization...). */
  headers: Record<string, string>;
  /** The envelope, already encoded or as text (sent as UTF-8). */
  body?: string | Uint8Array;
  /** Overrides the transport's `timeout` for this call (ms, whole exchange; 0 = none). */
  timeout?: number;
  /** Aborts the call; the promise then rejects with a `TransportError` coded `ABORTED`. */
  signal?: AbortSignal;
  /** Overrides the transport's `maxResponseSize` for this call (bytes). */
  maxResponseSize?: number;
}

/** One HTTP response, whatever its status: the transport does not judge a 500 (it may carry a SOAP fault). */
export interface TransportResponse {
  status: number;
  /** Response headers, names in lower case; repeated headers (Set-Cookie) as arrays. */
  headers: Record<string, string | string[]>;
  /** The Content-Type header as sent (with its charset parameter), or `''`. */
  contentType: string;
  /** The raw body bytes: the SOAP layer decodes them with the charset the message declares. */
  body: Buffer;
}

/** A way to send requests: the HTTP transport, or one wrapped by interceptors. */
export interface Transport {
  /** Sends one request; rejects with a `TransportError` when no complete response arrived. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes the pooled connections once the calls in flight are done. */
  close(): Promise<void>;
}

/** The function form of `Transport.send`, what each interceptor receives and returns. */
export type Send = (request: TransportRequest) => Promise<TransportResponse>;

/** Wraps a `Send` with behaviour of its own (headers, retries, logging); joined in order by `compose`. */
export type Interceptor = (next: Send) => Send;
