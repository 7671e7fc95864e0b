/**
 * One HTTP exchange as an undici dispatch handler. It is the transport's hot path, so it is written as one
 * object per call and nothing else: no body stream (the chunks go straight into an array, counted against
 * the size limit as they arrive), no AbortController (the deadline timer and the caller's signal call
 * undici's own abort), no closures (the timer and the signal listener receive this object).
 *
 * Why `dispatch` and not `request`: `request` wraps the body in a Readable that we would drain at once, and
 * its only ways to stop a call are a signal (one more object per call) or destroying that stream. Here the
 * handler sees each chunk and holds undici's controller, so the size limit and the deadline act exactly.
 */
import type { Dispatcher } from 'undici';
import { describeTarget, toTransportError } from './classify.js';
import { TransportError, TransportOptionsError } from './errors.js';
import type { TransportResponse } from './types.js';

/** Called by the deadline timer (a module function plus an argument: no closure per call). */
function onDeadline(exchange: Exchange): void {
  exchange.fail(exchange.timeoutError());
}

/**
 * Hands the response over once undici has released the socket. With `pipelining: 1` undici frees a socket
 * only on the next turn of the event loop (`setImmediate`, queued just after it calls `onResponseEnd`), so
 * a caller resumed at once would find the socket busy and the pool would open a second connection for a
 * strictly sequential caller. A tick later, an immediate queued now runs after undici's: the socket is
 * free when the caller sends again. The response is not late: the socket could not be reused earlier.
 */
function resolveAfterRelease(resolve: (response: TransportResponse) => void, response: TransportResponse): void {
  setImmediate(resolve, response);
}

/** The per-call state of one request; settles its promise exactly once. */
export class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined = undefined;
  private settled = false;
  private sent = false;
  private status = 0;
  private headers: Record<string, string | string[]> | undefined = undefined;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | undefined = undefined;
  private abortError: TransportError | undefined = undefined;

  constructor(
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (error: Error) => void,
    // Kept apart and joined into `METHOD url` only when an error needs a message.
    private readonly method: string,
    private readonly url: string,
    private readonly timeout: number,
    private readonly limit: number,
    private readonly signal: AbortSignal | undefined,
    private readonly proxied: boolean,
  ) {
    if (timeout > 0) this.timer = setTimeout(onDeadline, timeout, this);
    if (signal !== undefined) signal.addEventListener('abort', this, { once: true });
  }

  /** The caller's signal fired (EventListener object form: the exchange is its own listener). */
  handleEvent(): void {
    const reason = this.signal?.reason;
    this.fail(
      new TransportError('ABORTED', 'request aborted by the caller', {
        target: this.target(),
        requestSent: this.sent,
        cause: reason,
      }),
    );
  }

  /** The TIMEOUT error for this call, built when the deadline fires. */
  timeoutError(): TransportError {
    return new TransportError('TIMEOUT', `no complete response within ${this.timeout} ms`, {
      target: this.target(),
      requestSent: this.sent,
    });
  }

  /** Fails the call now and stops undici (at once if it is writing or reading, else when it starts). */
  fail(error: TransportError): void {
    if (this.settled) return;
    this.finish();
    this.abortError = error;
    this.reject(error);
    // Aborting destroys the socket: a connection whose response we walked away from cannot be reused.
    this.controller?.abort(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // A call that timed out or was aborted while it waited for a socket must not go out now.
    if (this.abortError !== undefined) {
      controller.abort(this.abortError);
      return;
    }
    this.sent = true;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    this.headers = headers as Record<string, string | string[]>;
    const declared = headers['content-length'];
    // Refuse a declared oversize body before reading a byte of it.
    if (typeof declared === 'string' && Number(declared) > this.limit) this.fail(this.tooLarge());
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.fail(this.tooLarge());
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.finish();
    const headers = this.headers ?? {};
    const type = headers['content-type'];
    const chunks = this.chunks;
    const response: TransportResponse = {
      status: this.status,
      headers,
      // A repeated Content-Type (a broken proxy) counts by its first value, as browsers do.
      contentType: typeof type === 'string' ? type : (type?.[0] ?? ''),
      body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.size),
    };
    process.nextTick(resolveAfterRelease, this.resolve, response);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.error(error);
  }

  /** Fails the call with what undici (or a synchronous `dispatch`) raised, translated. */
  error(error: unknown): void {
    if (this.settled) return;
    this.finish();
    if (error instanceof Error && (error as { code?: unknown }).code === 'UND_ERR_INVALID_ARG') {
      // A request undici cannot put on the wire (a header value with a line break, a bad method): the
      // caller's mistake, not the network's. undici's message names the header, not its value.
      this.reject(new TransportOptionsError('request', 'undici refused to send it', { cause: error }));
      return;
    }
    this.reject(toTransportError(error, { target: this.target(), sent: this.sent, proxied: this.proxied }));
  }

  private finish(): void {
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.signal !== undefined) this.signal.removeEventListener('abort', this);
  }

  private tooLarge(): TransportError {
    return new TransportError('RESPONSE_TOO_LARGE', `response body larger than ${this.limit} bytes`, {
      target: this.target(),
      requestSent: true,
    });
  }

  private target(): string {
    return describeTarget(this.method, this.url);
  }
}
