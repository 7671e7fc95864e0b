/**
 * `runDemo`: the demo as a function. It runs the Dynamics flow (when the package has its emulator) and the
 * Crowd flow, each against its emulator started in this process on a free loopback port, and writes the
 * transcript line by line. It resolves to the exit code: 0 when every step worked, 1 naming the step that
 * failed otherwise.
 */
import { runCrowdFlow } from './crowd-flow.js';
import { findDynamicsEmulator } from './dynamics-emulator.js';
import { runDynamicsFlow } from './dynamics-flow.js';
import { SecretRegistry } from './secrets.js';
import { DemoStepError, describeError, type LineWriter, Transcript } from './transcript.js';

/** Options of `runDemo`. */
export interface DemoOptions {
  /** Show every envelope (request and response), secrets masked. Default false. */
  verbose?: boolean;
  /** Where the transcript goes, one line per call. Default: standard output. */
  write?: LineWriter;
  /**
   * Called with every secret the demo knows (passwords, the client secret, each token issued to it) as it
   * learns it: a test hook, to check that none of them is in the transcript. Never called with anything else.
   */
  onSecret?: (secret: string) => void;
}

/** Runs the demo; resolves to its exit code (0 when every step worked). */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const secrets = new SecretRegistry(options.onSecret);
  const transcript = new Transcript(write, secrets, options.verbose === true);
  transcript.line('soapstack demo: the two services soapstack is built for, each against its emulator on 127.0.0.1');
  transcript.line('(no network beyond loopback; passwords, tokens and secrets are never shown)');
  try {
    const startDynamics = await findDynamicsEmulator();
    if (startDynamics) await runDynamicsFlow(startDynamics, transcript, secrets);
    else {
      transcript.section('Microsoft Dynamics CRM: skipped (this build of soapstack has no Dynamics emulator)');
    }
    await runCrowdFlow(transcript, secrets);
  } catch (error) {
    transcript.line();
    if (error instanceof DemoStepError) {
      transcript.line(`FAILED at step ${error.step}: ${error.title}`);
    } else {
      transcript.line(`FAILED: ${describeError(error)}`);
    }
    return 1;
  }
  transcript.line();
  transcript.line(`Done: all ${transcript.steps} steps worked.`);
  return 0;
}
