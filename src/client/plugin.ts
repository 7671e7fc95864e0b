/**
 * Running call plugins. Order is decided in one place: plugins run in the order they are listed, and their
 * header blocks are written in that order, after the binding's declared headers and before the caller's own
 * blocks (see SoapClient.attempt).
 */
import type { CallAdditions, CallInfo, CallPlugin, SoapHeaderBlock } from '../soap/call-plugin.js';

export type { CallAdditions, CallInfo, CallPlugin } from '../soap/call-plugin.js';

/** Runs every plugin's `prepare` in order and merges what they add. */
export async function preparePlugins(plugins: readonly CallPlugin[], call: CallInfo): Promise<CallAdditions> {
  const soapHeaders: SoapHeaderBlock[] = [];
  let httpHeaders: Record<string, string> | undefined;
  for (const plugin of plugins) {
    const added = await plugin.prepare?.(call);
    if (added?.soapHeaders) soapHeaders.push(...added.soapHeaders);
    if (added?.httpHeaders) httpHeaders = { ...httpHeaders, ...added.httpHeaders };
  }
  return { soapHeaders, ...(httpHeaders ? { httpHeaders } : {}) };
}

/** True when any plugin asks for a retry of the failed attempt (every plugin is told of the failure). */
export async function pluginsWantRetry(
  plugins: readonly CallPlugin[],
  error: unknown,
  call: CallInfo,
): Promise<boolean> {
  let retry = false;
  for (const plugin of plugins) {
    if (plugin.retryAfter && (await plugin.retryAfter(error, call))) retry = true;
  }
  return retry;
}
