/**
 * The compiled model: everything a client, a server, the code generator and the mock need, as plain data.
 * It is produced once from the WSDL documents and their schemas, can be written to disk as JSON and read
 * back (the client's cache), and nothing downstream parses the WSDL again.
 */
import type { QNameKey, SchemaSet } from '../xsd/model.js';

/** Bumped whenever the shape below changes, so an old cache entry is never misread. */
export const COMPILED_MODEL_FORMAT = 2;

/** The SOAP version a port is bound to. */
export type SoapVersion = '1.1' | '1.2';

/** A WSDL compiled into plain data: services, ports, bound operations and the schema set they use. */
export interface CompiledModel {
  readonly format: typeof COMPILED_MODEL_FORMAT;
  /** The WSDL's targetNamespace and name (root document). */
  readonly targetNamespace: string;
  readonly name?: string;
  /** Every document read (root first), with a hash of its content: the cache key. */
  readonly documents: DocumentInfo[];
  /** Prefixes declared on the root definitions element, prefix to URI (for describe and codegen). */
  readonly prefixes: Record<string, string>;
  readonly schema: SchemaSet;
  readonly services: Service[];
  /** Problems tolerated while compiling (only with `onUnresolved: 'collect'`), rendered `file:line:column: problem`. */
  readonly issues?: CompileIssue[];
}

/** One tolerated problem. */
export interface CompileIssue {
  readonly code: string;
  readonly message: string;
}

/** One document the model was built from (the cache checks each one's hash). */
export interface DocumentInfo {
  /** Absolute file path or URL. */
  readonly location: string;
  readonly kind: 'wsdl' | 'xsd';
  /** sha256 of the document text, hex. */
  readonly sha256: string;
}

/** A wsdl:service and its SOAP ports. */
export interface Service {
  readonly name: string;
  readonly ports: Port[];
}

/** A port joined with its binding and portType: one SOAP endpoint and its operations. */
export interface Port {
  readonly name: string;
  /** The binding's key. */
  readonly binding: QNameKey;
  readonly soapVersion: SoapVersion;
  /** soap:address location ('' when absent). */
  readonly address: string;
  readonly operations: Operation[];
}

/** One operation as bound: portType operation plus soap:operation, soap:body and soap:header details. */
export interface Operation {
  readonly name: string;
  readonly style: 'document' | 'rpc';
  /** soapAction (SOAP 1.1 header / SOAP 1.2 `action` parameter); '' when none. */
  readonly action: string;
  readonly input: BoundMessage;
  /** Absent for one-way operations. */
  readonly output?: BoundMessage;
  readonly faults: BoundFault[];
  readonly documentation?: string;
}

/** An input or output message as bound by soap:body and soap:header. */
export interface BoundMessage {
  /** The wsdl:message key. */
  readonly message: QNameKey;
  readonly use: 'literal' | 'encoded';
  /** soap:body namespace: the wrapper namespace in rpc style. */
  readonly namespace?: string;
  readonly encodingStyle?: string;
  /** Parts carried in the body (soap:body parts= or every part not bound to a header). */
  readonly body: MessagePart[];
  readonly headers: BoundHeader[];
  /**
   * document/literal wrapped (one element part whose element has the operation's name for input, a
   * sequence content, no attributes): callers pass and receive the wrapper's children directly.
   */
  readonly wrapped: boolean;
}

/** wsdl:part: either an element (document style) or a type (rpc style). */
export interface MessagePart {
  readonly name: string;
  readonly element?: QNameKey;
  readonly type?: QNameKey;
}

/** A soap:header binding: one part of a message carried as a header block. */
export interface BoundHeader {
  readonly message: QNameKey;
  readonly part: MessagePart;
  readonly use: 'literal' | 'encoded';
  readonly namespace?: string;
  readonly required: boolean;
}

/** A wsdl:fault of an operation, bound by soap:fault. */
export interface BoundFault {
  readonly name: string;
  readonly message: QNameKey;
  /** The fault message's single part: the detail entry. */
  readonly part?: MessagePart;
  readonly use: 'literal' | 'encoded';
}
