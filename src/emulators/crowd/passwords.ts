/**
 * Password hashes of the emulator's directory: scrypt (RFC 7914) with a random 16-byte salt, stored as
 * `scrypt$N$r$p$<salt base64>$<hash base64>` so that a data file may carry hashes made with other costs.
 * Comparison is constant-time (`timingSafeEqual`). Clear passwords are never kept, logged or returned.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** The cost the emulator hashes with: cheap enough for tests that start many emulators, still a real KDF. */
const DEFAULT_COST = { N: 4096, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes `password` with a fresh salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_LENGTH, DEFAULT_COST);
  const { N, r, p } = DEFAULT_COST;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `hash` has the stored format (checked when a data file gives `passwordHash`). */
export function isPasswordHash(hash: string): boolean {
  const m = FORMAT.exec(hash);
  if (!m) return false;
  const N = Number(m[1]);
  return N >= 2 && (N & (N - 1)) === 0 && Number(m[2]) > 0 && Number(m[3]) > 0;
}

/** A hash no password matches: verified against when a name is unknown, so that both cases take as long. */
let decoy: Promise<string> | undefined;

/** True when `password` matches `hash` (false for a malformed hash); `undefined` checks against a decoy. */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  const stored = hash ?? (await decoy);
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const key = await derive(password, Buffer.from(m[4]!, 'base64'), expected.length, {
    N: Number(m[1]),
    r: Number(m[2]),
    p: Number(m[3]),
  });
  return timingSafeEqual(key, expected) && hash !== undefined;
}
