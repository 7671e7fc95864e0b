/**
 * The SecurityServer service: every operation of the Crowd 2.0.5 WSDL bound to the emulator's handlers, each
 * (but authenticateApplication) behind the application-token check. `createCrowdService` gives what
 * `SoapServer.addService` takes, so the service can be hosted inside any soapstack server; `addCrowdService`
 * does that in one call.
 */
import type { OperationHandler, RequestContext, SoapServer } from '../../server/index.js';
import { loadBundledModel } from '../../services/bundled.js';
import type { CompiledModel } from '../../wsdl/model.js';
import type { CrowdDirectory } from './directory.js';
import { notSupported } from './faults.js';
import type { CrowdHandler } from './handlers-auth.js';
import * as auth from './handlers-auth.js';
import { groupHandlers } from './handlers-groups.js';
import * as principals from './handlers-principals.js';
import { checkApplicationToken } from './session.js';
import { stringArray } from './wire.js';

/** Where Crowd serves the SecurityServer, and so where the emulator does. */
export const CROWD_SERVICE_PATH = '/crowd/services/SecurityServer';

/** Options of `createCrowdService`. */
export interface CrowdServiceOptions {
  /** The URL path. Default `/crowd/services/SecurityServer`. */
  path?: string;
  /** Receives a principal's new password when resetPrincipalCredential is called (Crowd e-mails it). */
  onPasswordReset?: (principal: string, password: string) => void;
}

/** What `SoapServer.addService(model, options)` needs to host the emulated SecurityServer. */
export interface CrowdService {
  readonly model: CompiledModel;
  readonly path: string;
  readonly handlers: Readonly<Record<string, OperationHandler>>;
}

/** getCacheTime, isCacheEnabled, getDomain, getCookieInfo, getGrantedAuthorities. */
const serverHandlers: Readonly<Record<string, CrowdHandler>> = {
  getCacheTime: (_input, call) => ({ out: call.directory.settings.cacheTime }),
  isCacheEnabled: (_input, call) => ({ out: call.directory.settings.cacheEnabled }),
  getDomain: (_input, call) => ({ out: call.directory.settings.domain }),
  getCookieInfo: (_input, call) => ({
    out: { domain: call.directory.settings.domain, secure: call.directory.settings.secureCookie },
  }),
  // The groups whose members may use the application (none listed: every principal may).
  getGrantedAuthorities: (_input, call) => ({ out: stringArray(call.application.allowedGroups ?? []) }),
};

/** Every operation the emulator implements, but authenticateApplication. */
const tokenHandlers: Readonly<Record<string, CrowdHandler>> = {
  authenticatePrincipal: auth.authenticatePrincipal,
  authenticatePrincipalSimple: auth.authenticatePrincipalSimple,
  createPrincipalToken: auth.createPrincipalToken,
  isValidPrincipalToken: auth.isValidPrincipalToken,
  invalidatePrincipalToken: auth.invalidatePrincipalToken,
  findPrincipalByToken: principals.findPrincipalByToken,
  findPrincipalByName: principals.findPrincipalByName,
  findPrincipalWithAttributesByName: principals.findPrincipalWithAttributesByName,
  searchPrincipals: principals.searchPrincipals,
  findAllPrincipalNames: principals.findAllPrincipalNames,
  addPrincipal: principals.addPrincipal,
  addAllPrincipals: principals.addAllPrincipals,
  removePrincipal: principals.removePrincipal,
  updatePrincipalCredential: principals.updatePrincipalCredential,
  resetPrincipalCredential: principals.resetPrincipalCredential,
  addAttributeToPrincipal: principals.addAttributeToPrincipal,
  updatePrincipalAttribute: principals.updatePrincipalAttribute,
  removeAttributeFromPrincipal: principals.removeAttributeFromPrincipal,
  ...groupHandlers,
  ...serverHandlers,
};

/** The names of the operations the emulator implements (the others answer a "not supported" fault). */
export const CROWD_EMULATED_OPERATIONS: readonly string[] = ['authenticateApplication', ...Object.keys(tokenHandlers)];

function inputObject(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
}

/** The handlers of every operation of `model`'s SecurityServer port, serving `directory`. */
export function crowdHandlers(
  model: CompiledModel,
  directory: CrowdDirectory,
  options: CrowdServiceOptions = {},
): Record<string, OperationHandler> {
  const handlers: Record<string, OperationHandler> = {};
  const port = model.services[0]?.ports[0];
  for (const operation of port?.operations ?? []) {
    const name = operation.name;
    if (name === 'authenticateApplication') {
      handlers[name] = (input, ctx) => auth.authenticateApplication(directory, inputObject(input), ctx);
      continue;
    }
    const handler = Object.hasOwn(tokenHandlers, name) ? tokenHandlers[name] : undefined;
    handlers[name] = (input: unknown, ctx: RequestContext) => {
      const values = inputObject(input);
      const application = checkApplicationToken(directory, ctx, values.in0);
      if (!handler) throw notSupported(ctx);
      return handler(values, { ctx, directory, application, onPasswordReset: options.onPasswordReset });
    };
  }
  return handlers;
}

/** The emulated SecurityServer over `directory`, on the bundled Crowd 2.0.5 model. */
export async function createCrowdService(
  directory: CrowdDirectory,
  options: CrowdServiceOptions = {},
): Promise<CrowdService> {
  const model = await loadBundledModel('crowd-2.0.5');
  return { model, path: options.path ?? CROWD_SERVICE_PATH, handlers: crowdHandlers(model, directory, options) };
}

/** Hosts the emulated SecurityServer on `server`; resolves to the path it is served at. */
export async function addCrowdService(
  server: SoapServer,
  directory: CrowdDirectory,
  options: CrowdServiceOptions = {},
): Promise<string> {
  const service = await createCrowdService(directory, options);
  return server.addService(service.model, { path: service.path, handlers: service.handlers }).path;
}
