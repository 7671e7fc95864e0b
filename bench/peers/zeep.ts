/**
 * Runs zeep's side of the decode benchmark (zeep_decode.py, under Debian's /usr/bin/python3) on a reply written
 * to a file and returns its median MB/s, or why it could not run (no Python, no zeep): the rows are then left
 * out with a note, never estimated.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PYTHON, peerFile } from './paths.js';

const run = promisify(execFile);

export interface ZeepDecode {
  mbPerSec: number;
  medianMs: number;
  runs: number;
  bytes: number;
  entities: number;
}

/** `{ result }` when zeep ran, `{ missing }` with the reason when it could not. */
export async function zeepDecode(
  wsdlPath: string,
  replyPath: string,
  runs = 3,
  maxSeconds = 90,
): Promise<{ result: ZeepDecode } | { missing: string }> {
  try {
    await run(PYTHON, ['-c', 'import zeep'], { timeout: 60_000 });
  } catch (error) {
    return { missing: `zeep rows omitted: ${PYTHON} cannot import zeep (${firstLine(error)})` };
  }
  const args = [peerFile('zeep_decode.py'), wsdlPath, replyPath, String(runs), String(maxSeconds)];
  const { stdout } = await run(PYTHON, args, { timeout: (maxSeconds + 240) * 1000, maxBuffer: 1 << 20 });
  return { result: JSON.parse(stdout.trim().split('\n').pop()!) as ZeepDecode };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}
