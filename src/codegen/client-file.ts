/**
 * Writes `client.ts`: the typed client of one service. Each operation of the port becomes a method whose
 * input and output are the message values the runtime takes and returns (`src/soap/message.ts`): the element
 * value of a single body part (a wrapped operation's wrapper, whose children are the arguments), or an object
 * keyed by part name (rpc style, several parts). Declared faults get a union type and a type guard.
 */
import type { BoundMessage, CompiledModel, MessagePart, Operation, Port, Service } from '../wsdl/model.js';
import type { TypeCatalog } from './catalog.js';
import { propertyKey, quote, type SourceWriter } from './emitter.js';
import { NameScope, pascal } from './naming.js';
import { complexShape, hasRequired } from './properties.js';

/** What `writeClient` needs besides the catalog. */
export interface ClientFileOptions {
  readonly model: CompiledModel;
  readonly service: Service;
  readonly port: Port;
  /** The other ports of the service offering the same operations (callers may pick one). */
  readonly ports: readonly string[];
  /** PascalCase base name: `<Name>Client`, `create<Name>Client`. */
  readonly name: string;
  /** The module the runtime is imported from (`soapstack`). */
  readonly runtime: string;
}

/** The TypeScript types of one message's value. */
interface MessageShape {
  readonly type: string;
  /** The value may be left out (an input whose every field is optional, or with no parts). */
  readonly optional: boolean;
}

const Q = 'T.';

/** Writes the client module. */
export function writeClient(out: SourceWriter, catalog: TypeCatalog, options: ClientFileOptions): void {
  const { service, port, name, runtime } = options;
  const clientName = `${name}Client`;
  const optionsName = `${name}ClientOptions`;
  const factory = `create${name}Client`;
  const scope = new NameScope([
    'T',
    'CallOptions',
    'Client',
    'ClientOptions',
    'CodecOptions',
    'CompiledModel',
    'SoapFault',
    'createClient',
    'deserializeModel',
    'readFileSync',
    'compiledModel',
    'cachedModel',
    'SERVICE',
    clientName,
    optionsName,
    factory,
  ]);
  out.line("import { readFileSync } from 'node:fs';");
  out.line('import {');
  out.line('  type CallOptions,');
  out.line('  type Client,');
  out.line('  type ClientOptions,');
  out.line('  type CodecOptions,');
  out.line('  type CompiledModel,');
  out.line('  createClient,');
  out.line('  deserializeModel,');
  // SoapFault is a value import (the fault guards test instanceof): only where some operation declares a fault.
  if (port.operations.some((op) => op.faults.some((f) => f.part?.element !== undefined))) out.line('  SoapFault,');
  out.line(`} from ${quote(runtime)};`);
  out.line("import type * as T from './types.js';");
  out.line();
  out.doc('The service this client calls (the first of the WSDL).');
  out.line(`const SERVICE = ${quote(service.name)};`);
  out.line();
  out.doc(
    `Options of \`${factory}\`: those of \`createClient\` (endpoint, transport, plugins, timeouts, ...), less the choice of service and the codecs' namespace prefixes, which would change the names the generated types use.`,
  );
  out.line(`export type ${optionsName} = Omit<ClientOptions, 'service' | 'port' | 'codecs'> & {`);
  out.line(`  /** The port to call (default ${quote(port.name)}); every one listed offers the same operations. */`);
  out.line(`  port?: ${options.ports.map(quote).join(' | ')};`);
  out.line("  codecs?: Omit<CodecOptions, 'namespacePrefixes'>;");
  out.line('};');

  const methods: { op: Operation; key: string; input: MessageShape; output: string; headers: string }[] = [];
  for (const op of port.operations) {
    const input = messageShape(catalog, op, op.input, 'input');
    const output = op.output ? messageShape(catalog, op, op.output, 'output').type : 'void';
    methods.push({ op, key: propertyKey(op.name), input, output, headers: headersType(catalog, op.input) });
  }

  out.line();
  out.doc(
    `The typed client of service \`${service.name}\` (port \`${port.name}\`): one method per operation. \`$client\` is the untyped client underneath (callRaw, the model); \`$close\` closes its HTTP pool.`,
  );
  out.block(`export interface ${clientName} {`, () => {
    out.line('readonly $client: Client;');
    out.line('$close(): Promise<void>;');
    for (const { op, key, input, output, headers } of methods) {
      out.doc(op.documentation ?? `Operation \`${op.name}\`.`);
      const param = `input${input.optional ? '?' : ''}: ${input.type}`;
      out.line(`${key}(${param}, options?: ${callOptionsType(headers)}): Promise<${output}>;`);
    }
  });

  for (const { op } of methods) writeFaults(out, catalog, op, scope);

  out.line();
  out.line('let cachedModel: CompiledModel | undefined;');
  out.line();
  out.doc('The compiled model beside this file, read once: the WSDL is never parsed at run time.');
  out.block('function compiledModel(): CompiledModel {', () => {
    out.line("cachedModel ??= deserializeModel(readFileSync(new URL('./model.json', import.meta.url), 'utf8'));");
    out.line('return cachedModel;');
  });
  out.line();
  out.doc(`Creates the typed client of service \`${service.name}\` (no network traffic until the first call).`);
  out.block(`export async function ${factory}(options: ${optionsName} = {}): Promise<${clientName}> {`, () => {
    out.line('const client = await createClient(compiledModel(), { ...options, service: SERVICE });');
    out.block(
      'return {',
      () => {
        out.line('$client: client,');
        out.line('$close: () => client.close(),');
        for (const { op, key, output } of methods) {
          out.line(
            `${key}: (input, callOptions) => client.call(${quote(op.name)}, input, callOptions) as Promise<${output}>,`,
          );
        }
      },
      '};',
    );
  });
}

/** `CallOptions`, with the declared soap:header parts typed when the input has any. */
function callOptionsType(headers: string): string {
  return headers === '' ? 'CallOptions' : `Omit<CallOptions, 'headers'> & { headers?: ${headers} }`;
}

/**
 * The declared header parts of a message, by part name. Each is optional: a sign-in plugin or `soapHeaders`
 * may supply the block instead.
 */
function headersType(catalog: TypeCatalog, message: BoundMessage): string {
  if (message.headers.length === 0) return '';
  const fields = message.headers.map((h) => `${propertyKey(h.part.name)}?: ${partType(catalog, h.part)}`);
  return `{ ${fields.join('; ')} }`;
}

/** The value of one part: its element's value, or a value of its type. */
function partType(catalog: TypeCatalog, part: MessagePart): string {
  if (part.element !== undefined) return catalog.elementValue(catalog.schema.elements[part.element], Q);
  if (part.type !== undefined) return catalog.typeRef(part.type, Q, 'element');
  return 'unknown';
}

/** The value of a message as `OperationMessages` writes and reads it. */
function messageShape(
  catalog: TypeCatalog,
  op: Operation,
  message: BoundMessage,
  direction: 'input' | 'output',
): MessageShape {
  const parts = message.body;
  if (op.style === 'document' && parts.length === 1) {
    const part = parts[0]!;
    return {
      type: partType(catalog, part),
      optional: direction === 'input' && message.wrapped && !needsValue(catalog, part),
    };
  }
  if (parts.length === 0) return { type: 'Record<string, never>', optional: true };
  // rpc accessors and several document parts: keyed by part name. Out of a response, a missing part is absent.
  const mark = direction === 'output' ? '?' : '';
  const fields = parts.map((p) => `${propertyKey(p.name)}${mark}: ${partType(catalog, p)}`);
  return { type: `{ ${fields.join('; ')} }`, optional: false };
}

/** True when a wrapped part's element needs at least one property (else the runtime sends it empty). */
function needsValue(catalog: TypeCatalog, part: MessagePart): boolean {
  const declaration = part.element === undefined ? undefined : catalog.schema.elements[part.element];
  if (declaration === undefined) return true;
  const type = 'ref' in declaration.type ? catalog.schema.types[declaration.type.ref] : declaration.type;
  if (type?.kind !== 'complex' || type.abstract) return true;
  return hasRequired(complexShape(type, catalog.schema));
}

/** `<Op>Fault` (the operation's declared faults as `SoapFault`s with a typed detail) and `is<Op>Fault`. */
function writeFaults(out: SourceWriter, catalog: TypeCatalog, op: Operation, scope: NameScope): void {
  const members: string[] = [];
  const names: string[] = [];
  for (const fault of op.faults) {
    // Only a fault whose part is an element is recognised by the client (its detail entry is that element).
    const element = fault.part?.element;
    if (element === undefined || names.includes(fault.name)) continue;
    const detail = catalog.elementValue(catalog.schema.elements[element], Q);
    members.push(`{ faultName: ${quote(fault.name)}; decodedDetail: ${detail} }`);
    names.push(fault.name);
  }
  if (members.length === 0) return;
  const typeName = scope.claim(`${pascal(op.name)}Fault`);
  const guardName = scope.claim(`is${pascal(op.name)}Fault`);
  out.line();
  out.doc(`A fault declared by \`${op.name}\`, its detail decoded: tell them apart by \`faultName\`.`);
  if (members.length === 1) out.line(`export type ${typeName} = SoapFault & ${members[0]};`);
  else {
    out.line(`export type ${typeName} = SoapFault &`);
    out.line('  (');
    for (const m of members) out.line(`    | ${m}`);
    out.line('  );');
  }
  out.line();
  out.doc(`True when \`error\` is one of the faults \`${op.name}\` declares (its detail was recognised and decoded).`);
  out.block(`export function ${guardName}(error: unknown): error is ${typeName} {`, () => {
    const tests = names.map((n) => `error.faultName === ${quote(n)}`).join(' || ');
    out.line(`return error instanceof SoapFault && (${tests});`);
  });
}
