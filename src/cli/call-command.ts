/** `soapstack call <wsdl> <operation> [--args JSON | --args-file FILE] ...`: one call, output as JSON. */
import { readFile } from 'node:fs/promises';
import { createClient } from '../client/index.js';
import { SoapstackError } from '../errors.js';
import { SoapFault } from '../soap/fault.js';
import { isTransportError, maskSecrets } from '../transport/index.js';
import { EXIT } from './exit.js';
import { parseJsonExact, toJson } from './json.js';
import { type SignInOptions, signInPlugins } from './signin-options.js';

/** The options of `soapstack call`. */
export interface CallCommandOptions extends SignInOptions {
  args?: string;
  argsFile?: string;
  endpoint?: string;
  service?: string;
  port?: string;
  soapHeader?: string[];
  raw?: boolean;
  timeout?: number;
}

export async function callCommand(wsdl: string, operation: string, options: CallCommandOptions): Promise<number> {
  if (options.args !== undefined && options.argsFile !== undefined) {
    throw new UsageError('give --args or --args-file, not both');
  }
  const argsText = options.argsFile !== undefined ? await readFile(options.argsFile, 'utf8') : options.args;
  let args: unknown;
  try {
    args = argsText === undefined ? undefined : parseJsonExact(argsText);
  } catch (error) {
    throw new UsageError(`the arguments are not JSON: ${(error as Error).message}`);
  }
  const soapHeaders = await Promise.all((options.soapHeader ?? []).map((file) => readFile(file, 'utf8')));
  const client = await createClient(wsdl, {
    ...(options.service ? { service: options.service } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(soapHeaders.length ? { soapHeaders } : {}),
    ...(options.raw
      ? {
          onEnvelope: (e) =>
            process.stderr.write(`${e.direction === 'request' ? '>' : '<'} ${e.url}\n${maskSecrets(e.envelope)}\n`),
        }
      : {}),
  });
  if (!client.operationNames.includes(operation)) {
    await client.close();
    throw new UsageError(`no operation ${operation}; the port offers ${client.operationNames.join(', ')}`);
  }
  try {
    // Sign in first (eagerly), so that a refused password is reported as such before any call is made.
    const plugins = await signInPlugins(options, client.version);
    const output = await client.call(operation, args, plugins.length ? { plugins } : {});
    process.stdout.write(`${toJson(output ?? null)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SoapstackError && error.code === 'AUTH_FAILED') {
      process.stderr.write(`soapstack: sign-in failed: ${error.message}\n`);
      return EXIT.auth;
    }
    if (error instanceof SoapFault) {
      process.stderr.write(`${toJson({ fault: faultJson(error) })}\n`);
      return EXIT.fault;
    }
    if (isTransportError(error) || (error instanceof SoapstackError && isAnswerError(error.code))) {
      process.stderr.write(`soapstack: ${error.message} [${error.code}]\n`);
      return EXIT.transport;
    }
    throw error;
  } finally {
    await client.close();
  }
}

/** A wrong command line: exit 2 with the message. */
export class UsageError extends SoapstackError {
  constructor(message: string) {
    super('CLI_USAGE', message);
  }
}

/** Errors about the HTTP answer (not a SOAP message of the right version): transport-level for the CLI. */
function isAnswerError(code: string): boolean {
  return [
    'HTTP_STATUS',
    'SOAP_EMPTY_RESPONSE',
    'SOAP_UNEXPECTED_CONTENT_TYPE',
    'SOAP_NOT_ENVELOPE',
    'SOAP_VERSION_MISMATCH',
  ].includes(code);
}

function faultJson(fault: SoapFault): Record<string, unknown> {
  return {
    code: fault.faultCode,
    subcodes: fault.subcodes,
    reason: fault.reason,
    actor: fault.actor ?? fault.role,
    name: fault.faultName,
    detail: fault.decodedDetail,
  };
}
