/** `soapstack emulate <service>`: run a local emulator of a service (for now `crowd`) until stopped. */
import { loadCrowdData, startCrowdEmulator } from '../emulators/index.js';
import { SoapstackError } from '../errors.js';

/** The services `emulate` knows. */
export const EMULATED_SERVICES = ['crowd'] as const;

/** A command line `emulate` cannot run: an unknown service or a bad option. */
export class EmulateUsageError extends SoapstackError {
  declare readonly code: 'CLI_USAGE';
  constructor(message: string) {
    super('CLI_USAGE', message);
  }
}

/** Resolves when the process gets SIGINT or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Starts the emulator of `service` on 127.0.0.1 (`options.port`, default any free port) with the directory in
 * `options.data` (a JSON file, see docs/emulators.md; default the built-in one) and tokens living
 * `options.tokenTtl` seconds; prints `listening <url>` for each endpoint and runs until SIGINT or SIGTERM, then
 * closes and resolves 0.
 */
export async function emulateCommand(
  service: string,
  options: { port?: number; data?: string; tokenTtl?: number },
): Promise<number> {
  if (service !== 'crowd') {
    throw new EmulateUsageError(`unknown service ${JSON.stringify(service)}; known: ${EMULATED_SERVICES.join(', ')}`);
  }
  if (options.tokenTtl !== undefined && !(Number.isFinite(options.tokenTtl) && options.tokenTtl > 0)) {
    throw new EmulateUsageError(`--token-ttl must be a positive number of seconds, got ${options.tokenTtl}`);
  }
  const data = options.data === undefined ? undefined : await loadCrowdData(options.data);
  const emulator = await startCrowdEmulator({
    port: options.port ?? 0,
    ...(data ? { data } : {}),
    ...(options.tokenTtl !== undefined ? { tokenTtl: options.tokenTtl } : {}),
  });
  process.stdout.write(`listening ${emulator.url}\n`);
  await untilStopped();
  await emulator.close();
  return 0;
}
