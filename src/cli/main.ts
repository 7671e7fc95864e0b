/**
 * The soapstack command: a thin shell over the public API. Each subcommand lives in its own module; this file
 * only wires them to commander and turns errors into one clear line and an exit code.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { SoapstackError } from '../errors.js';
import { formatError } from './errors.js';
import { EXIT } from './exit.js';
import { addSignInOptions } from './signin-options.js';

export { EXIT } from './exit.js';

/** Error codes that mean the input (WSDL, XML, schema, command line) is wrong: exit 2. */
const INPUT_ERROR_PREFIXES = ['WSDL_', 'XSD_', 'XML_', 'DOCUMENT_', 'CLI_', 'CLIENT_OPTIONS'];

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('soapstack')
    .description('Inspect, call, mock and emulate SOAP services.')
    .option('--debug', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  let code: number = EXIT.ok;

  program
    .command('describe')
    .description('print the services, ports, operations and types of a WSDL')
    .argument('<wsdl>', 'WSDL file path or URL')
    .option('--json', 'print one JSON object instead of text')
    .option('--allow-any-origin', 'let a WSDL loaded from a URL import documents from other origins')
    .action(async (wsdl: string, options: { json?: boolean; allowAnyOrigin?: boolean }) => {
      const { describeCommand } = await import('./describe-command.js');
      code = await describeCommand(wsdl, options);
    });

  const call = program
    .command('call')
    .description('call one operation and print its output as JSON')
    .argument('<wsdl>', 'WSDL file path or URL')
    .argument('<operation>', 'operation name')
    .option('--args <json>', 'the input values as JSON')
    .option('--args-file <file>', 'read the input values from a JSON file')
    .option('--endpoint <url>', 'call this URL instead of the soap:address')
    .option('--service <name>', 'the wsdl:service (default: the first)')
    .option('--port <name>', 'the wsdl:port (default: the first)')
    .option('--soap-header <file>', 'add the XML in FILE as a SOAP header block (repeatable)', collect)
    .option('--timeout <ms>', 'timeout of the whole call in milliseconds', integer)
    .option('--raw', 'print the request and response envelopes on stderr (secrets masked)');
  addSignInOptions(call).action(async (wsdl: string, operation: string, options) => {
    const { callCommand } = await import('./call-command.js');
    code = await callCommand(wsdl, operation, options);
  });

  program
    .command('emulate')
    .description('run an emulator of a service (dynamics or crowd) on a local port until interrupted')
    .argument('<service>', 'the service to emulate: dynamics or crowd')
    .option('--port <n>', 'port to listen on (default: any free port)', integer)
    .option('--data <file>', 'a JSON file of data to load instead of the default (see docs/emulators.md)')
    .option('--token-ttl <seconds>', 'how long issued tokens stay valid', integer)
    .action(async (service: string, options: { port?: number; data?: string; tokenTtl?: number }) => {
      const { emulateCommand } = await import('./emulate-command.js');
      code = await emulateCommand(service, options);
    });

  program
    .command('mock')
    .description('serve every operation of a WSDL with sample or recorded responses')
    .argument('<wsdl>', 'WSDL file path or URL')
    .option('--port <n>', 'port to listen on (default: any free port)', integer)
    .option('--responses <dir>', 'answer with <dir>/<operation>.xml where present')
    .action(async (wsdl: string, options: { port?: number; responses?: string }) => {
      const { mockCommand } = await import('./mock-command.js');
      code = await mockCommand(wsdl, options);
    });

  program
    .command('generate')
    .description('write a typed TypeScript client (types, client factory, compiled model) for a WSDL')
    .argument('<wsdl>', 'WSDL file path or URL')
    .requiredOption('--out <dir>', 'the folder to write into (created when missing)')
    .option('--name <name>', 'the client name (default: the service name)')
    .action(async (wsdl: string, options: { out: string; name?: string }) => {
      const { generateCommand } = await import('./generate-command.js');
      code = await generateCommand(wsdl, options);
    });

  program
    .command('demo')
    .description('start the Dynamics and Crowd emulators and run both reference flows through soapstack clients')
    .option('--verbose', 'show each envelope (secrets masked)')
    .action(async (options: { verbose?: boolean }) => {
      const { demoCommand } = await import('./demo-command.js');
      code = await demoCommand({ verbose: options.verbose === true });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.stderr.write(`${formatError(error, program.opts<{ debug?: boolean }>().debug === true)}\n`);
    return isInputError(error) ? EXIT.usage : EXIT.failure;
  }
}

function isInputError(error: unknown): boolean {
  return error instanceof SoapstackError && INPUT_ERROR_PREFIXES.some((p) => error.code.startsWith(p));
}
