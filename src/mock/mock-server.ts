/**
 * `createMockServer`: a `SoapServer` answering every operation of every port of a compiled model with a
 * sample output (`sampleMessage`), or with a recorded response from `responsesDir` when one is there.
 */
import { statSync } from 'node:fs';
import type { OperationHandler } from '../server/context.js';
import { codecsFor, defaultPath } from '../server/endpoint.js';
import { ServerError } from '../server/errors.js';
import type { SoapServerOptions } from '../server/options.js';
import { createSoapServer, type SoapServer } from '../server/soap-server.js';
import type { CompiledModel, Operation } from '../wsdl/model.js';
import { recordedResponse } from './recorded.js';
import { sampleMessage } from './sample.js';

/** Options of `createMockServer`. */
export interface MockServerOptions {
  /** A folder of recorded responses, `<operation>.xml` each (a whole envelope or a body entry). */
  responsesDir?: string;
  /** Options of the underlying server (size limits, log). */
  server?: SoapServerOptions;
}

/** Builds (without starting) a server that mocks every port of `model`. */
export function createMockServer(model: CompiledModel, options: MockServerOptions = {}): SoapServer {
  const dir = options.responsesDir;
  if (dir !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ServerError('SERVER_OPTIONS_INVALID', `responsesDir ${dir} is not a folder`);
  }
  const server = createSoapServer(options.server);
  const codecs = codecsFor(model);
  const samples = new Map<Operation, unknown>();
  const handlerOf =
    (operation: Operation): OperationHandler =>
    async () => {
      const recorded = dir === undefined ? undefined : await recordedResponse(dir, operation.name);
      if (recorded) return recorded;
      if (!samples.has(operation)) samples.set(operation, sampleMessage(model, codecs, operation, 'output'));
      return samples.get(operation);
    };
  const taken = new Set<string>();
  for (const service of model.services) {
    for (const port of service.ports) {
      // Two ports of one version at the same address each get their own path.
      let path = defaultPath(service, port);
      if (taken.has(`${port.soapVersion} ${path}`))
        path = `${path.replace(/\/$/, '')}/${encodeURIComponent(port.name)}`;
      taken.add(`${port.soapVersion} ${path}`);
      const handlers: Record<string, OperationHandler> = {};
      for (const operation of port.operations) handlers[operation.name] = handlerOf(operation);
      server.addService(model, { service: service.name, port: port.name, path, handlers, codecs });
    }
  }
  return server;
}
