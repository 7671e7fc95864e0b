/** `soapstack emulate <service>`: run a local emulator of a service (`crowd` or `dynamics`) until stopped. */
import { loadCrowdData, loadDynamicsData, startCrowdEmulator, startDynamicsEmulator } from '../emulators/index.js';
import { SoapstackError } from '../errors.js';

/** The services `emulate` knows. */
export const EMULATED_SERVICES = ['crowd', 'dynamics'] as const;

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

/** Starts the emulator named, prints its URLs, and resolves to a function that stops it. */
async function start(
  service: (typeof EMULATED_SERVICES)[number],
  options: { port?: number; data?: string; tokenTtl?: number },
): Promise<() => Promise<void>> {
  const common = {
    port: options.port ?? 0,
    ...(options.tokenTtl !== undefined ? { tokenTtl: options.tokenTtl } : {}),
  };
  if (service === 'crowd') {
    const data = options.data === undefined ? undefined : await loadCrowdData(options.data);
    const emulator = await startCrowdEmulator({ ...common, ...(data ? { data } : {}) });
    process.stdout.write(`listening ${emulator.url}\n`);
    return () => emulator.close();
  }
  const data = options.data === undefined ? undefined : await loadDynamicsData(options.data);
  const emulator = await startDynamicsEmulator({ ...common, ...(data ? { data } : {}) });
  process.stdout.write(
    [
      `sts ${emulator.stsUrl}`,
      `adfs ${emulator.adfsUrl}`,
      `oauth ${emulator.tokenUrl}`,
      `organization ${emulator.organizationUrl}`,
      `web ${emulator.webUrl}`,
      '',
    ].join('\n'),
  );
  return () => emulator.close();
}

/**
 * Starts the emulator of `service` on 127.0.0.1 (`options.port`, default any free port) with the data in
 * `options.data` (a JSON file, see docs/emulators.md; default the built-in data) and tokens living
 * `options.tokenTtl` seconds; prints one line per endpoint (`listening <url>` for crowd; `sts`, `adfs`,
 * `oauth`, `organization` and `web` lines for dynamics) and runs until SIGINT or SIGTERM, then closes and
 * resolves 0.
 */
export async function emulateCommand(
  service: string,
  options: { port?: number; data?: string; tokenTtl?: number },
): Promise<number> {
  if (service !== 'crowd' && service !== 'dynamics') {
    throw new EmulateUsageError(`unknown service ${JSON.stringify(service)}; known: ${EMULATED_SERVICES.join(', ')}`);
  }
  if (options.tokenTtl !== undefined && !(Number.isFinite(options.tokenTtl) && options.tokenTtl > 0)) {
    throw new EmulateUsageError(`--token-ttl must be a positive number of seconds, got ${options.tokenTtl}`);
  }
  const stop = await start(service, options);
  await untilStopped();
  await stop();
  return 0;
}
