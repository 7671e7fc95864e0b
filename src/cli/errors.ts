/** How the CLI prints an error: one line with the error's code and message; the stack only when asked. */
import { SoapstackError } from '../errors.js';

export function formatError(error: unknown, debug: boolean): string {
  if (debug && error instanceof Error && error.stack) return error.stack;
  if (error instanceof SoapstackError) return `soapstack: ${error.message} [${error.code}]`;
  if (error instanceof Error) return `soapstack: ${error.message}`;
  return `soapstack: ${String(error)}`;
}
