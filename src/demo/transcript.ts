/**
 * The demo's transcript: numbered steps, each with what was sent (`->`) and what came back (`<-`) in a line,
 * and with `--verbose` every envelope of the step, masked. Every line goes through the secret registry before
 * it is written, so nothing the demo knows to be secret is ever printed.
 */
import type { EnvelopeEvent } from '../client/options.js';
import { maskSecrets } from '../transport/mask.js';
import type { SecretRegistry } from './secrets.js';

/** Where the transcript's lines go (one call per line, no trailing newline). */
export type LineWriter = (line: string) => void;

/** A step that failed: carries the step's number and title, and the error as `cause`. */
export class DemoStepError extends Error {
  constructor(
    readonly step: number,
    readonly title: string,
    cause: unknown,
  ) {
    super(`step ${step} (${title}) failed: ${describeError(cause)}`, { cause });
    this.name = 'DemoStepError';
  }
}

/** One line about an error: its code when it has one, and its message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

const INDENT = '     ';

/** Masks what `maskSecrets` cannot know is secret in one service's envelopes (a token returned as `out`). */
export type EnvelopeMask = (event: EnvelopeEvent, text: string) => string;

/** Writes the demo's transcript. */
export class Transcript {
  private count = 0;
  /**
   * Envelope lines wait here until the next line of the step is written: a response carrying a new token
   * arrives before the step has the token in hand and adds it to the secrets, so redacting it any earlier
   * could miss it.
   */
  private pending: string[] = [];
  /** Extra masking of envelopes, by service (see `EnvelopeMask`). */
  private readonly masks: EnvelopeMask[] = [];

  constructor(
    private readonly write: LineWriter,
    private readonly secrets: SecretRegistry,
    private readonly verbose: boolean,
  ) {}

  /** Adds a masking rule for envelopes, applied after `maskSecrets`. */
  addEnvelopeMask(mask: EnvelopeMask): void {
    this.masks.push(mask);
  }

  /** How many steps were run so far. */
  get steps(): number {
    return this.count;
  }

  /** A line of its own (a heading, a blank line). */
  line(text = ''): void {
    this.flush();
    this.write(this.secrets.redact(text));
  }

  /** Writes the envelope lines waiting to be written. */
  flush(): void {
    const lines = this.pending;
    this.pending = [];
    for (const text of lines) this.write(this.secrets.redact(text));
  }

  /** A section heading, preceded by a blank line. */
  section(title: string): void {
    this.line();
    this.line(title);
  }

  /**
   * Runs one numbered step. Its title is printed first; a failure is rethrown as a `DemoStepError` naming
   * the step, which ends the demo.
   */
  async step<T>(title: string, run: () => Promise<T>): Promise<T> {
    const number = ++this.count;
    this.line(`${String(number).padStart(3)}. ${title}`);
    try {
      return await run();
    } catch (error) {
      this.line(`${INDENT}!! ${describeError(error)}`);
      throw new DemoStepError(number, title, error);
    }
  }

  /** What the current step sent, in a line. */
  sent(text: string): void {
    this.line(`${INDENT}-> ${text}`);
  }

  /** What the current step got back, in a line. */
  received(text: string): void {
    this.line(`${INDENT}<- ${text}`);
  }

  /** A detail of what came back, indented under it. */
  detail(text: string): void {
    this.line(`${INDENT}     ${text}`);
  }

  /** With `--verbose`, prints an envelope of a client (the `onEnvelope` hook), secrets masked. */
  readonly envelope = (event: EnvelopeEvent): void => {
    if (!this.verbose) return;
    const what =
      event.direction === 'request'
        ? `request ${event.operation} to ${event.url}`
        : `response ${event.operation} (HTTP ${event.status ?? '?'})`;
    this.exchange(
      what,
      this.masks.reduce((text, mask) => mask(event, text), maskSecrets(event.envelope)),
    );
  };

  /** With `--verbose`, prints one message of an exchange (an envelope, a form or JSON body), secrets masked. */
  exchange(what: string, body: string): void {
    if (!this.verbose) return;
    this.pending.push(`${INDENT}   [${what}]`);
    for (const text of maskSecrets(body).split(/\r?\n/)) {
      if (text.trim() !== '') this.pending.push(`${INDENT}   | ${text}`);
    }
  }
}
