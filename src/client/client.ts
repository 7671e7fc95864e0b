/**
 * `createClient(wsdl, options)`: a client with one async method per operation of the chosen service and port.
 *
 * A call writes the envelope from the compiled model (never from a template), sends it through the transport
 * and its interceptors, and reads the answer: the output values, or the `SoapFault` the server sent, or a typed
 * error saying why the answer is not one.
 */
import { writeEnvelope } from '../soap/envelope.js';
import { requestHeaders } from '../soap/http.js';
import { OperationMessages } from '../soap/message.js';
import { envelopeNamespaces } from '../soap/namespaces.js';
import type { SoapVersion } from '../soap/version.js';
import { compose, createHttpTransport, type Transport } from '../transport/index.js';
import type { CompiledModel, Operation, Port, Service } from '../wsdl/index.js';
import type { XmlWriter } from '../xml/writer.js';
import { isRawXml, type SchemaCodecs } from '../xsd/codec/index.js';
import { type LoadedModel, loadModel } from './model-source.js';
import {
  type CallOptions,
  type ClientOptions,
  ClientOptionsError,
  checkCallOptions,
  checkClientOptions,
  type SoapHeaderBlock,
} from './options.js';
import { type CallAdditions, type CallPlugin, pluginsWantRetry, preparePlugins } from './plugin.js';
import { type DecodedResponse, readResponse } from './response.js';

/** The result of `callRaw`: the decoded output with the exact envelopes exchanged. */
export interface RawCallResult {
  value: unknown;
  headers: Record<string, unknown>;
  status: number;
  request: string;
  response: string;
}

/** An operation as a method: arguments in (see docs/mapping.md), output values out. */
export type OperationMethod = (args?: unknown, options?: CallOptions) => Promise<unknown>;

interface BoundOperation {
  messages: OperationMessages;
  httpHeaders: Record<string, string>;
}

const DEFAULT_MAX_RESPONSE = 64 * 1024 * 1024;
/** The options of a call given none: shared, so the per-call path can skip checking them. */
const EMPTY: CallOptions = Object.freeze({});

/** A SOAP client for one port of a compiled WSDL. Operations are also reachable as methods named after them. */
export class SoapClient {
  /** The compiled model the client was built from. */
  readonly model: CompiledModel;
  /** The wsdl:service and port the client calls, and the port's SOAP version. */
  readonly service: Service;
  readonly port: Port;
  readonly version: SoapVersion;
  private readonly operations = new Map<string, BoundOperation>();
  private readonly send: Transport['send'];
  private readonly transport: Transport;
  private readonly ownsTransport: boolean;
  private readonly codecs: SchemaCodecs;
  private readonly plugins: readonly CallPlugin[];

  /** @internal Use `createClient`. */
  constructor(
    loaded: LoadedModel,
    private readonly options: ClientOptions,
  ) {
    this.model = loaded.model;
    this.service = pick(this.model.services, options.service, 'service', this.model);
    this.port = pick(this.service.ports, options.port, 'port', this.model);
    this.version = this.port.soapVersion;
    for (const operation of this.port.operations) {
      this.operations.set(operation.name, {
        messages: new OperationMessages(operation, loaded.codecs, envelopeNamespaces(this.model)),
        httpHeaders: requestHeaders(this.version, operation.action),
      });
    }
    const given = options.transport;
    this.ownsTransport = !isTransport(given);
    this.transport = isTransport(given)
      ? given
      : createHttpTransport({ maxResponseSize: options.maxResponseSize ?? DEFAULT_MAX_RESPONSE, ...given });
    const composed = options.interceptors?.length ? compose(this.transport, ...options.interceptors) : this.transport;
    this.send = composed.send.bind(composed);
    this.codecs = loaded.codecs;
    this.plugins = options.plugins ?? [];
  }

  /** The names of the operations this port offers. */
  get operationNames(): string[] {
    return [...this.operations.keys()];
  }

  /** The bound operation's model (style, action, messages). */
  operation(name: string): Operation {
    return this.bound(name).messages.operation;
  }

  /** Calls `name` with `args` and resolves to its output values. */
  async call(name: string, args?: unknown, options: CallOptions = EMPTY): Promise<unknown> {
    const decoded = await this.exchange(name, args, options, false);
    return decoded?.value;
  }

  /** Calls `name` and resolves to the output together with the exact request and response envelopes. */
  async callRaw(name: string, args?: unknown, options: CallOptions = EMPTY): Promise<RawCallResult> {
    const result: Partial<RawCallResult> = {};
    const decoded = await this.exchange(name, args, options, true, result);
    return { ...(result as RawCallResult), value: decoded?.value, headers: decoded?.headers ?? {} };
  }

  /** Closes the client's own HTTP pool (a transport passed in is left to its owner). */
  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  private bound(name: string): BoundOperation {
    const op = this.operations.get(name);
    if (!op) {
      throw new ClientOptionsError(
        `operation ${name} is not offered by port ${this.port.name}; it has ${this.operationNames.join(', ')}`,
      );
    }
    return op;
  }

  private async exchange(
    name: string,
    args: unknown,
    options: CallOptions,
    keepRaw: boolean,
    raw?: Partial<RawCallResult>,
  ): Promise<DecodedResponse | undefined> {
    const op = this.bound(name);
    if (options !== EMPTY && Object.keys(options).length) checkCallOptions(options);
    const url = options.endpoint ?? this.options.endpoint ?? this.port.address;
    if (!url) throw new ClientOptionsError(`port ${this.port.name} has no soap:address: pass an endpoint`);
    const plugins = options.plugins ?? this.plugins;
    if (!plugins.length) return this.attempt(name, op, args, options, url, undefined, keepRaw, raw);
    for (let attempt = 0; ; attempt++) {
      const call = {
        operation: op.messages.operation,
        action: op.messages.operation.action,
        url,
        version: this.version,
        attempt,
        ...(options.signal ? { signal: options.signal } : {}),
      };
      try {
        const additions = await preparePlugins(plugins, call);
        return await this.attempt(name, op, args, options, url, additions, keepRaw, raw);
      } catch (error) {
        // One retry at most, whatever the plugins say: an auth fault must never become a loop.
        if (attempt > 0 || !(await pluginsWantRetry(plugins, error, call))) throw error;
      }
    }
  }

  /** One exchange: write the envelope, send it, read the answer. */
  private async attempt(
    name: string,
    op: BoundOperation,
    args: unknown,
    options: CallOptions,
    url: string,
    additions: CallAdditions | undefined,
    keepRaw: boolean,
    raw?: Partial<RawCallResult>,
  ): Promise<DecodedResponse | undefined> {
    const clientOptions = this.options;
    // Header blocks add up, in this order: the declared parts, the plugins', the client's, the call's.
    const declared = options.headers;
    const pluginBlocks = additions?.soapHeaders?.length ? additions.soapHeaders : undefined;
    const clientBlocks = clientOptions.soapHeaders;
    const callBlocks = options.soapHeaders;
    const envelope = writeEnvelope(this.version, {
      header:
        declared || pluginBlocks || clientBlocks || callBlocks
          ? (w) => {
              if (declared) op.messages.writeHeaders(w, 'input', declared);
              if (pluginBlocks) writeBlocks(w, pluginBlocks);
              if (clientBlocks) writeBlocks(w, clientBlocks);
              if (callBlocks) writeBlocks(w, callBlocks);
            }
          : undefined,
      body: (w) => op.messages.writeBody(w, 'input', args),
      namespaces: op.messages.namespaces,
    });
    const extraHeaders = options.httpHeaders ?? clientOptions.httpHeaders;
    const headers =
      extraHeaders || additions?.httpHeaders
        ? { ...clientOptions.httpHeaders, ...additions?.httpHeaders, ...extraHeaders, ...op.httpHeaders }
        : op.httpHeaders;
    const onEnvelope = clientOptions.onEnvelope;
    onEnvelope?.({ direction: 'request', operation: name, url, envelope });
    const timeout = options.timeout ?? clientOptions.timeout;
    const response = await this.send({
      url,
      method: 'POST',
      headers,
      body: envelope,
      ...(timeout !== undefined ? { timeout } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (onEnvelope || keepRaw) {
      const text = response.body.toString('utf8');
      onEnvelope?.({ direction: 'response', operation: name, url, envelope: text, status: response.status });
      if (raw) Object.assign(raw, { request: envelope, response: text, status: response.status });
    }
    return readResponse(response, op.messages, this.version, this.codecs, clientOptions.xmlLimits, url);
  }
}

/** A client whose operations are also methods: `client.Create(args)` is `client.call('Create', args)`. */
export type Client = SoapClient & Record<string, OperationMethod | unknown>;

/**
 * Loads the WSDL (a path, a URL or an already compiled model), picks the service and port (the first by
 * default) and returns a client. Loading goes through the on-disk cache of compiled models unless
 * `cache: false`.
 */
export async function createClient(wsdl: string | CompiledModel, options: ClientOptions = {}): Promise<Client> {
  checkClientOptions(options);
  const loaded = await loadModel(wsdl, options);
  const client = new SoapClient(loaded, options);
  for (const name of client.operationNames) {
    // Methods never shadow the client's own members; such an operation stays reachable through call().
    if (name in client) continue;
    Object.defineProperty(client, name, {
      value: (args?: unknown, callOptions?: CallOptions) => client.call(name, args, callOptions),
      enumerable: true,
    });
  }
  return client as Client;
}

function writeBlocks(w: XmlWriter, blocks: readonly SoapHeaderBlock[]): void {
  for (const block of blocks) {
    if (typeof block === 'function') block(w);
    else w.raw(typeof block === 'string' ? block : isRawXml(block) ? block.$xml : String(block));
  }
}

function isTransport(value: unknown): value is Transport {
  return typeof value === 'object' && value !== null && typeof (value as Transport).send === 'function';
}

function pick<T extends { name: string }>(
  items: readonly T[],
  name: string | undefined,
  what: string,
  model: CompiledModel,
): T {
  if (name === undefined) {
    const first = items[0];
    if (!first) throw new ClientOptionsError(`the WSDL ${model.documents[0]?.location ?? ''} has no SOAP ${what}`);
    return first;
  }
  const found = items.find((i) => i.name === name);
  if (!found) {
    throw new ClientOptionsError(`no ${what} named ${name}; the WSDL has ${items.map((i) => i.name).join(', ')}`);
  }
  return found;
}
