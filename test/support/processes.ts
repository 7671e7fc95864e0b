// Child processes for the interoperability peers: a Python server started and awaited until it prints
// `listening <url>`, and a Python command run to completion. Every child is killed on close, and any
// still alive when the test process exits is killed then, so no peer outlives its test run.
import { type ChildProcess, spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths.js';
import { PYTHON } from './peers.js';

/** A running peer server. */
export interface PeerProcess {
  /** The URL the server printed in its `listening <url>` line. */
  url: string;
  /** The child's process id. */
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. Idempotent. */
  close(): Promise<void>;
}

/** Options for `startPython`. */
export interface StartOptions {
  /** How long to wait for the `listening` line before giving up (default 30 s). */
  timeoutMs?: number;
  /** Extra environment variables for the child. */
  env?: NodeJS.ProcessEnv;
}

/** The outcome of `runPython`. */
export interface RunResult {
  /** The exit status, or null when a signal ended the child. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options for `runPython`. */
export interface RunOptions {
  /** Kill the child and reject after this long (default 60 s): a hang guard, not a timing assertion. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

const STDERR_KEPT = 16 * 1024;
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function scriptPath(script: string): string {
  return isAbsolute(script) ? script : `${repoRoot}/${script}`;
}

function spawnPython(script: string, args: readonly string[], env: NodeJS.ProcessEnv | undefined): ChildProcess {
  const child = spawn(PYTHON, ['-u', scriptPath(script), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', ...env },
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Keeps the last few KB of a stream (always drained, so a chatty child never blocks on a full pipe). */
function tail(stream: NodeJS.ReadableStream | null): () => string {
  let kept = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    kept = (kept + chunk).slice(-STDERR_KEPT);
  });
  return () => kept;
}

function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `/usr/bin/python3 <script> <args>` (script absolute or relative to the repository root) and
 * resolves once it prints a line `listening <url>` on stdout. Rejects, with the child's stderr in the
 * message, when it exits first or does not print the line in time.
 */
export function startPython(
  script: string,
  args: readonly string[] = [],
  options: StartOptions = {},
): Promise<PeerProcess> {
  const child = spawnPython(script, args, options.env);
  child.stdin?.end();
  const stderr = tail(child.stderr);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= stop(child);
    return closing;
  };

  return new Promise<PeerProcess>((resolve, reject) => {
    let ready = false;
    const fail = (why: string): void => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      void close().then(() => {
        const output = stderr().trim();
        reject(new Error(`${script}: ${why}${output ? `\n--- stderr ---\n${output}` : ''}`));
      });
    };
    const timer = setTimeout(
      () => fail(`no "listening <url>" line within ${options.timeoutMs ?? 30_000} ms`),
      options.timeoutMs ?? 30_000,
    );

    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^listening (\S+)/.exec(line);
      if (!match || ready) return;
      ready = true;
      clearTimeout(timer);
      resolve({ url: match[1]!, pid: child.pid!, close });
    });
    child.once('error', (error) => fail(`could not start ${PYTHON}: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited before listening (code ${code}, signal ${signal})`));
  });
}

/** Runs `/usr/bin/python3 <script> <args>` to completion and returns its exit status and output. */
export function runPython(script: string, args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
  const child = spawnPython(script, args, options.env);
  child.stdin?.end(options.input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise<RunResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(child, 1000).then(() =>
        reject(
          new Error(`${script} ${args.join(' ')}: still running after ${timeoutMs} ms\n--- stderr ---\n${stderr}`),
        ),
      );
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${PYTHON}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
