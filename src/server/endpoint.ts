/**
 * One hosted port: its operations indexed for routing, its codecs and message mappers, its handlers.
 *
 * Routing (after the path): the action the request carries (SOAP 1.1 section 6.1.1 SOAPAction, SOAP 1.2 Part 2
 * section 7.1.4 / RFC 3902 `action` parameter) when it names exactly one operation, else the qualified name of
 * the first body entry: the input's element part in document style (the wrapper element when wrapped), the
 * operation wrapper `{soap:body namespace}operation` in rpc style (WSDL 1.1 section 3.5).
 */
import { OperationMessages } from '../soap/message.js';
import { envelopeNamespaces } from '../soap/namespaces.js';
import type { CompiledModel, Operation, Port, Service } from '../wsdl/model.js';
import type { XmlElement } from '../xml/types.js';
import { createCodecs, type SchemaCodecs } from '../xsd/codec/index.js';
import type { HeaderVerifier, OperationHandler } from './context.js';
import { ServerError } from './errors.js';
import type { WsdlSourceOptions } from './wsdl-documents.js';

/** How `addService` hosts a port of a compiled model. */
export interface ServiceOptions {
  /** The wsdl:service to host. Default: the model's first service. */
  service?: string;
  /** The wsdl:port to host. Default: the service's first port. */
  port?: string;
  /** The URL path. Default: the path of the port's soap:address, else `/<service name>`. */
  path?: string;
  /** The operations' handlers, by operation name. An operation without one answers with a Receiver fault. */
  handlers: Readonly<Record<string, OperationHandler>>;
  /** Runs before every handler (WS-Security checks); may throw a `SoapFault`. */
  verifyHeaders?: HeaderVerifier;
  /** Codecs for the model's schema; by default created once per model. */
  codecs?: SchemaCodecs;
  /** Where the served `?wsdl` documents' texts come from; `false` serves no WSDL at this path. */
  wsdl?: WsdlSourceOptions | false;
}

/** A hosted operation. */
export interface HostedOperation {
  readonly operation: Operation;
  readonly messages: OperationMessages;
  readonly handler: OperationHandler | undefined;
}

/** A port hosted at a path. */
export class PortEndpoint {
  readonly operations = new Map<string, HostedOperation>();
  private readonly byAction = new Map<string, HostedOperation | null>();
  private readonly byElement = new Map<string, HostedOperation | null>();
  private readonly withoutBody: HostedOperation[] = [];

  constructor(
    readonly model: CompiledModel,
    readonly service: Service,
    readonly port: Port,
    readonly path: string,
    readonly codecs: SchemaCodecs,
    readonly verifyHeaders: HeaderVerifier | undefined,
    handlers: Readonly<Record<string, OperationHandler>>,
  ) {
    for (const name of Object.keys(handlers)) {
      if (!port.operations.some((o) => o.name === name)) {
        throw new ServerError(
          'SERVER_UNKNOWN_OPERATION',
          `port ${port.name} has no operation ${name} (handler given for it)`,
        );
      }
      if (typeof handlers[name] !== 'function') {
        throw new ServerError('SERVER_OPTIONS_INVALID', `the handler of ${name} is not a function`);
      }
    }
    for (const operation of port.operations) {
      const handler = Object.hasOwn(handlers, operation.name) ? handlers[operation.name] : undefined;
      const hosted: HostedOperation = {
        operation,
        messages: new OperationMessages(operation, codecs, envelopeNamespaces(model)),
        handler,
      };
      this.operations.set(operation.name, hosted);
      // An action or element shared by two operations routes to neither by that key (null marks the clash).
      if (operation.action !== '') index(this.byAction, operation.action, hosted);
      const element = inputElementKey(operation);
      if (element === undefined) this.withoutBody.push(hosted);
      else index(this.byElement, element, hosted);
    }
  }

  /** The operation a request is for, by its action and its first body entry. */
  route(action: string | undefined, firstEntry: XmlElement | undefined): HostedOperation | undefined {
    if (action) {
      const byAction = this.byAction.get(action);
      if (byAction) return byAction;
    }
    if (firstEntry) return this.byElement.get(`{${firstEntry.ns}}${firstEntry.local}`) ?? undefined;
    return this.withoutBody.length === 1 ? this.withoutBody[0] : undefined;
  }
}

function index(map: Map<string, HostedOperation | null>, key: string, hosted: HostedOperation): void {
  map.set(key, map.has(key) ? null : hosted);
}

/** The Clark key of the first body entry of the operation's input; undefined when the body is empty. */
function inputElementKey(operation: Operation): string | undefined {
  const input = operation.input;
  if (operation.style === 'rpc') return `{${input.namespace ?? ''}}${operation.name}`;
  const first = input.body[0];
  if (!first) return undefined;
  return first.element ?? `{}${first.name}`;
}

/** The service and port `options` name in `model`, or an error saying what the model has. */
export function selectPort(
  model: CompiledModel,
  options: Pick<ServiceOptions, 'service' | 'port'>,
): { service: Service; port: Port } {
  const service =
    options.service === undefined ? model.services[0] : model.services.find((s) => s.name === options.service);
  if (!service) {
    const names = model.services.map((s) => s.name).join(', ') || 'none';
    throw new ServerError(
      'SERVER_SERVICE_NOT_FOUND',
      `the WSDL has no service ${options.service ?? ''} (services: ${names})`,
    );
  }
  const port = options.port === undefined ? service.ports[0] : service.ports.find((p) => p.name === options.port);
  if (!port) {
    const names = service.ports.map((p) => p.name).join(', ') || 'none';
    throw new ServerError(
      'SERVER_SERVICE_NOT_FOUND',
      `service ${service.name} has no port ${options.port ?? ''} (ports: ${names})`,
    );
  }
  return { service, port };
}

/** The default path of a port: its soap:address path, else `/<service>`. */
export function defaultPath(service: Service, port: Port): string {
  try {
    const path = new URL(port.address).pathname;
    if (path && path !== '/') return path;
  } catch {
    // No usable address: fall through to the service name.
  }
  return `/${encodeURIComponent(service.name)}`;
}

const codecsByModel = new WeakMap<CompiledModel, SchemaCodecs>();

/** One set of codecs per model, shared by every port hosted from it. */
export function codecsFor(model: CompiledModel): SchemaCodecs {
  let codecs = codecsByModel.get(model);
  if (!codecs) {
    codecs = createCodecs(model.schema);
    codecsByModel.set(model, codecs);
  }
  return codecs;
}
