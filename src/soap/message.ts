/**
 * Binding messages to values: how the parts of a bound WSDL message become the body entries of an envelope,
 * and back. The client (requests out, responses in) and the server (requests in, responses out) share it.
 *
 * WSDL 1.1 section 3.5 (soap:body): with style="document" each part is a body entry (an element part is
 * written as that element); with style="rpc" the parts are accessors inside one wrapper element named after
 * the operation (the response's wrapper: the operation name plus "Response", WS-I BP R2729) in the
 * soap:body namespace. use="encoded" adds xsi:type to each accessor and resolves SOAP 1.1 section 5 multi-refs.
 */

import { SoapstackError } from '../errors.js';
import type { BoundMessage, MessagePart, Operation } from '../wsdl/model.js';
import type { XmlDocument, XmlElement } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';
import type { SchemaCodecs } from '../xsd/codec/index.js';
import type { QName } from '../xsd/model.js';
import { inlineMultiRefs } from './encoding.js';
import { clark } from './tree.js';

/** A body that does not match the operation's message: missing or unexpected entries. */
export class MessageError extends SoapstackError {
  declare readonly code: 'SOAP_MESSAGE_MISMATCH';
  constructor(message: string) {
    super('SOAP_MESSAGE_MISMATCH', message);
  }
}

/** Which way a message travels: the operation's input or its output. */
export type Direction = 'input' | 'output';

/**
 * The values of one message, as callers see them:
 * - document/literal wrapped: the wrapper element's content (an object of its children);
 * - document with one body part: that part's value; with several: `{ [partName]: value }`;
 * - rpc: `{ [partName]: value }`.
 */
export type MessageValue = unknown;

/** Encodes and decodes the messages of one bound operation. */
export class OperationMessages {
  /**
   * @param namespaces declared once on the Envelope of every message of this operation (see namespaces.ts);
   *   none by default.
   */
  constructor(
    readonly operation: Operation,
    private readonly codecs: SchemaCodecs,
    readonly namespaces: Readonly<Record<string, string>> = {},
  ) {}

  /** The bound message travelling in `direction`; an error for the output of a one-way operation. */
  message(direction: Direction): BoundMessage {
    const message = direction === 'input' ? this.operation.input : this.operation.output;
    if (!message) throw new MessageError(`operation ${this.operation.name} is one-way: it has no output message`);
    return message;
  }

  /** Writes the body entries of a message. */
  writeBody(w: XmlWriter, direction: Direction, value: MessageValue): void {
    const message = this.message(direction);
    if (this.operation.style === 'rpc') {
      const wrapper = this.rpcWrapper(direction, message);
      w.startElement(wrapper.ns, wrapper.local, 'm');
      for (const part of message.body) this.writePart(w, part, message, field(value, part.name));
      w.endElement();
      return;
    }
    if (message.body.length === 1) {
      this.writePart(w, message.body[0]!, message, message.wrapped ? (value ?? {}) : value);
      return;
    }
    for (const part of message.body) this.writePart(w, part, message, field(value, part.name));
  }

  /** Decodes the body entries of a message. */
  readBody(entries: readonly XmlElement[], doc: XmlDocument, direction: Direction): MessageValue {
    const message = this.message(direction);
    if (message.use === 'encoded') entries = inlineMultiRefs(entries);
    if (this.operation.style === 'rpc') {
      const wrapper = entries[0];
      if (!wrapper) throw new MessageError(`the ${direction} of ${this.operation.name} has no body entry`);
      return this.readParts(elementChildren(wrapper), doc, message, true);
    }
    if (message.body.length === 1) {
      const part = message.body[0]!;
      const entry = entries[0];
      if (!entry) {
        throw new MessageError(
          `the ${direction} of ${this.operation.name} has no body entry (expected ${partLabel(part)})`,
        );
      }
      return this.readPart(entry, doc, part);
    }
    return this.readParts(entries, doc, message, false);
  }

  /** Writes the header blocks of the message's declared soap:headers that `values` (by part name) supplies. */
  writeHeaders(w: XmlWriter, direction: Direction, values: Readonly<Record<string, unknown>> | undefined): void {
    const message = this.message(direction);
    for (const header of message.headers) {
      const value = values?.[header.part.name];
      if (value === undefined) continue;
      this.writePart(w, header.part, message, value);
    }
  }

  /** Decodes the declared header blocks found among `blocks`, by part name; undeclared blocks are left alone. */
  readHeaders(blocks: readonly XmlElement[], doc: XmlDocument, direction: Direction): Record<string, unknown> {
    const message = this.message(direction);
    const values: Record<string, unknown> = {};
    for (const header of message.headers) {
      const name = header.part.element;
      const block = name ? blocks.find((b) => clark(b.ns, b.local) === name) : undefined;
      if (block) values[header.part.name] = this.readPart(block, doc, header.part);
    }
    return values;
  }

  private rpcWrapper(direction: Direction, message: BoundMessage): QName {
    const local = direction === 'input' ? this.operation.name : `${this.operation.name}Response`;
    return { ns: message.namespace ?? '', local };
  }

  private writePart(w: XmlWriter, part: MessagePart, message: BoundMessage, value: unknown): void {
    if (part.element) {
      this.codecs.encodeElement(w, part.element, value);
      return;
    }
    // A type part is an accessor named after the part, unqualified (WSDL 1.1 section 3.5, WS-I BP R2735).
    const name = { ns: '', local: part.name };
    if (message.use === 'encoded') this.codecs.encodeType(w, name, ANY_TYPE, withType(value, part.type!));
    else this.codecs.encodeType(w, name, part.type!, value);
  }

  private readPart(el: XmlElement, doc: XmlDocument, part: MessagePart): unknown {
    if (part.element) return this.codecs.decodeElement(el, part.element, doc);
    // An encoded accessor's xsi:type, when present, is honoured by the type's codec.
    return this.codecs.decodeType(el, part.type!, doc);
  }

  /** Parts matched to entries by name (rpc accessors are unqualified) or, failing that, by position. */
  private readParts(
    entries: readonly XmlElement[],
    doc: XmlDocument,
    message: BoundMessage,
    rpc: boolean,
  ): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    message.body.forEach((part, index) => {
      const byName = entries.find((e) =>
        part.element ? clark(e.ns, e.local) === part.element : e.local === part.name,
      );
      const entry = byName ?? (rpc ? entries[index] : undefined);
      if (entry)
        Object.defineProperty(values, part.name, {
          value: this.readPart(entry, doc, part),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    });
    return values;
  }
}

const XSD = 'http://www.w3.org/2001/XMLSchema';
const ANY_TYPE = `{${XSD}}anyType`;

/** SOAP encoding names the accessor's type on the wire: carry the part's type as `$type` for the anyType codec. */
function withType(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return '$type' in value ? value : { ...value, $type: type };
  }
  return { $type: type, $value: value };
}

function field(value: unknown, name: string): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

function partLabel(part: MessagePart): string {
  return part.element ?? `part ${part.name}`;
}
