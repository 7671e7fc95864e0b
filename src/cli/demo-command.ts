/**
 * `soapstack demo [--verbose]` (and `npm start`): runs the demo (src/demo) and prints its transcript on
 * standard output. Exit code 0 when every step worked, 1 otherwise (the transcript names the failing step).
 */
import { runDemo } from '../demo/run.js';

/**
 * Set by the demo's own test, which runs this command in a child process with an IPC channel: each secret
 * the demo learns (the tokens the emulators issued) is then sent to the test over that channel, never
 * printed, so that the test can check the transcript holds none of them.
 */
const REPORT_SECRETS_ENV = 'SOAPSTACK_DEMO_REPORT_SECRETS';

/** Runs the demo; resolves to the exit code. */
export async function demoCommand(options: { verbose?: boolean } = {}): Promise<number> {
  const send = process.env[REPORT_SECRETS_ENV] === '1' ? process.send?.bind(process) : undefined;
  const sent: Promise<void>[] = [];
  const onSecret = send
    ? (secret: string) => {
        sent.push(new Promise((resolve) => send({ secret }, undefined, {}, () => resolve())));
      }
    : undefined;
  try {
    return await runDemo({ verbose: options.verbose === true, ...(onSecret ? { onSecret } : {}) });
  } finally {
    // Let every report reach the test before the channel closes (it would keep the process alive).
    await Promise.all(sent);
    if (send) process.disconnect?.();
  }
}
