/** `soapstack mock <wsdl>`: serve every operation of a WSDL with sample or recorded responses until stopped. */
import { createMockServer } from '../mock/mock-server.js';
import { loadWsdl } from '../wsdl/index.js';

/**
 * Loads `wsdl`, starts the mock on 127.0.0.1 (`options.port`, default any free port), prints one line per
 * endpoint (`listening http://127.0.0.1:N/<path>`) and runs until SIGINT or SIGTERM; then it closes gracefully
 * and resolves 0.
 */
export async function mockCommand(wsdl: string, options: { port?: number; responses?: string }): Promise<number> {
  const model = await loadWsdl(wsdl);
  const server = createMockServer(model, options.responses === undefined ? {} : { responsesDir: options.responses });
  const { url } = await server.listen(options.port ?? 0, '127.0.0.1');
  const printed = new Set<string>();
  for (const hosted of server.ports) {
    if (printed.has(hosted.path)) continue;
    printed.add(hosted.path);
    process.stdout.write(`listening ${url}${hosted.path}\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
