// zeep peer from TypeScript: runs zeep_client.py (Debian's Python) for one call and returns its JSON
// result or the SOAP fault, so tests can prove soapstack's servers against zeep in one line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testPath } from '../../support/paths.js';
import { runPython } from '../../support/processes.js';

/** test/interop/peers/zeep_client.py */
export const zeepClientScript: string = testPath('interop', 'peers', 'zeep_client.py');

/** A SOAP fault as zeep reports it. */
export interface ZeepFault {
  /** faultcode's text as the server wrote it, prefix included (e.g. `soap11env:Server`). */
  code: string;
  message: string;
  /** The raw XML of the detail's children (namespace declarations in scope added), or null. */
  detail: string | null;
}

/** The outcome of `callWithZeep`. */
export type ZeepOutcome = { result: unknown } | { fault: ZeepFault };

/** Options for `callWithZeep`, mirroring zeep_client.py's flags. */
export interface ZeepCallOptions {
  /** Call this endpoint instead of the WSDL's soap:address. */
  address?: string;
  /** Add a WS-Security UsernameToken (with a wsu:Timestamp). */
  username?: string;
  password?: string;
  /** Send PasswordDigest instead of PasswordText. */
  digest?: boolean;
  /** An XML element (as text) added to the SOAP header as it is. */
  rawHeader?: string;
  /** Hang guard for the whole call (default 60 s). */
  timeoutMs?: number;
}

/**
 * Calls `operation` of the service at `wsdlUrl` with zeep. `args` is the JSON object of the wrapper's
 * children (longs and decimals best given as strings; null is sent as xsi:nil). Resolves with the
 * result (longs and decimals as strings, int as numbers, dateTimes in ISO 8601) or the fault; rejects
 * when zeep fails otherwise, with its stderr in the message.
 */
export async function callWithZeep(
  wsdlUrl: string,
  operation: string,
  args: Record<string, unknown> = {},
  options: ZeepCallOptions = {},
): Promise<ZeepOutcome> {
  const argv = [wsdlUrl, operation, JSON.stringify(args)];
  if (options.address) argv.push('--address', options.address);
  if (options.username !== undefined) argv.push('--username', options.username);
  if (options.password !== undefined) argv.push('--password', options.password);
  if (options.digest) argv.push('--digest');
  let dir: string | undefined;
  try {
    if (options.rawHeader !== undefined) {
      dir = await mkdtemp(join(tmpdir(), 'soapstack-zeep-'));
      const file = join(dir, 'header.xml');
      await writeFile(file, options.rawHeader);
      argv.push('--raw-header', file);
    }
    const run = await runPython(zeepClientScript, argv, { timeoutMs: options.timeoutMs ?? 60_000 });
    if (run.code === 0) return { result: JSON.parse(run.stdout) };
    if (run.code === 3) return JSON.parse(run.stdout) as { fault: ZeepFault };
    throw new Error(`zeep_client.py ${operation} exited with ${run.code ?? run.signal}\n--- stderr ---\n${run.stderr}`);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
