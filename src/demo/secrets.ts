/**
 * The secrets the demo knows of (the passwords it signs in with, the client secret, every token the services
 * issued to it), and the last line of defence that keeps them out of the transcript: each line is checked
 * against them before it is printed. Masking (`maskSecrets`) is the first line; this one catches what a
 * masking rule would miss, such as a token echoed in an error message.
 */
import { MASK } from '../transport/mask.js';

/**
 * Secrets shorter than this are not searched for in printed lines: a short password such as Crowd's
 * `password` is also an ordinary word of the transcript ("password was invalid"). Such secrets are kept
 * out by construction instead (the demo never prints a credential it sends).
 */
const SHORTEST_SEARCHED = 9;

/** A set of secret strings, and a redactor for text about to be printed. */
export class SecretRegistry {
  private readonly secrets = new Set<string>();

  /** @param onSecret called once with each new secret (the test hook that checks the transcript). */
  constructor(private readonly onSecret?: (secret: string) => void) {}

  /** Adds secrets (empty and already-known values are ignored). */
  add(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (value === undefined || value === '' || this.secrets.has(value)) continue;
      this.secrets.add(value);
      this.onSecret?.(value);
    }
  }

  /** Every secret added so far. */
  list(): string[] {
    return [...this.secrets];
  }

  /** `text` with every searched secret replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (secret.length >= SHORTEST_SEARCHED && out.includes(secret)) out = out.split(secret).join(MASK);
    }
    return out;
  }
}

/** The text of every CipherValue, BinarySecret and KeyIdentifier in an issued token's XML: its secret parts. */
export function secretPartsOfToken(xml: string): string[] {
  const parts: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?(CipherValue|BinarySecret|KeyIdentifier)\b[^>]*>([^<]+)</g)) {
    parts.push(m[2]!.trim());
  }
  return parts;
}
