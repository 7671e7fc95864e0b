/** `createCrowdClient`: builds the soapstack client, reads the WSDL's wire profile, and wraps both in a `CrowdClient`. */
import { createClient } from '../../client/index.js';
import type { CompiledModel } from '../../wsdl/index.js';
import { loadBundledModel } from '../bundled.js';
import { CrowdClient } from './client.js';
import { type CrowdClientOptions, checkCrowdOptions } from './options.js';
import { CrowdSession } from './session.js';
import { wireProfile } from './wire-profile.js';

/**
 * Creates a Crowd client for the SecurityServer at `options.url`, from the shipped 2.0.5 model (no WSDL parse)
 * or `options.wsdl`. No request is sent until the first call, which authenticates the application.
 */
export async function createCrowdClient(options: CrowdClientOptions): Promise<CrowdClient> {
  checkCrowdOptions(options);
  const wsdl: string | CompiledModel = options.wsdl ?? (await loadBundledModel('crowd-2.0.5'));
  const soap = await createClient(wsdl, {
    endpoint: options.url,
    ...(options.transport !== undefined ? { transport: options.transport } : {}),
    ...(options.interceptors !== undefined ? { interceptors: options.interceptors } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.httpHeaders !== undefined ? { httpHeaders: options.httpHeaders } : {}),
    ...(options.onEnvelope !== undefined ? { onEnvelope: options.onEnvelope } : {}),
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
  });
  const profile = wireProfile(soap.model, soap.port);
  const application = { name: options.application.name, password: options.application.password };
  const session = new CrowdSession(soap, profile, application, { tokenMaxAge: options.tokenMaxAge, now: options.now });
  return new CrowdClient(session);
}
