/**
 * Messages and their SOAP binding: wsdl:message parts, soap:body (use, namespace, parts, encodingStyle),
 * soap:header (message, part, use), and the document/literal wrapped test.
 *
 * WSDL 1.1, sections 2.3 and 3.5-3.7:
 *   <wsdl:message name="nmtoken"> <part name="nmtoken" element="qname"? type="qname"?/>* </wsdl:message>
 *   <soap:body parts="nmtokens"? use="literal|encoded"? encodingStyle="uri-list"? namespace="uri"?>
 *   <soap:header message="qname" part="nmtoken" use="literal|encoded" encodingStyle="uri-list"? namespace="uri"?>
 */

import type { XmlElement } from '../xml/types.js';
import { ANY_TYPE, canonicalBuiltinKey } from '../xsd/builtins.js';
import type { QNameKey, SchemaSet, TypeDefinition } from '../xsd/model.js';
import { attr, childElements } from '../xsd/node.js';
import { type CompileContext, componentRef, ensureElement, problem, qnameAttr } from './context.js';
import type { BoundHeader, BoundMessage, MessagePart } from './model.js';
import { WSDL_NS } from './namespaces.js';
import type { WsdlComponent } from './read.js';

/** What compiling one operation needs: the compilation context and the SOAP binding namespace (soap or soap12). */
export interface MessageContext extends CompileContext {
  readonly soapNs: string;
}

/** The parts of message `key`, each checked to name an existing element or type. */
export function messageParts(ctx: CompileContext, key: QNameKey, message: WsdlComponent): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const p of childElements(message.node, WSDL_NS)) {
    if (p.local !== 'part') continue;
    const name = attr(p, 'name') ?? '';
    if (attr(p, 'element') !== undefined) {
      const element = qnameAttr(ctx, message, p, 'element');
      if (element === undefined) continue;
      ensureElement(ctx, element, message.document, p);
      parts.push({ name, element });
    } else if (attr(p, 'type') !== undefined) {
      const raw = qnameAttr(ctx, message, p, 'type');
      if (raw === undefined) continue;
      const type = canonicalBuiltinKey(raw);
      if (!ctx.schema.types[type]) {
        problem(ctx, message.document, p, `part ${name}: type ${type} is not defined`);
        parts.push({ name, type: ANY_TYPE });
      } else parts.push({ name, type });
    } else {
      problem(ctx, message.document, p, `part ${name} of message ${key} has neither element= nor type=`);
    }
  }
  return parts;
}

/** The message a wsdl:input/output/fault or soap:header names, and its parts. */
export function namedMessage(
  ctx: CompileContext,
  from: WsdlComponent,
  node: XmlElement,
  attrName = 'message',
): { key: QNameKey; parts: MessagePart[] } | undefined {
  const ref = componentRef(ctx, ctx.defs.messages, 'message', from, node, attrName);
  return ref ? { key: ref.key, parts: messageParts(ctx, ref.key, ref.component) } : undefined;
}

/**
 * Binds one direction (input or output) of an operation: `abstract` is the portType's wsdl:input/output,
 * `bound` the binding's (absent when the binding says nothing, which means literal and all parts in the body).
 * `defaultNamespace` stands in for a missing soap:body namespace (rpc, see compile.ts).
 */
export function bindMessage(
  ctx: MessageContext,
  portType: WsdlComponent,
  abstract: XmlElement,
  binding: WsdlComponent,
  bound: XmlElement | undefined,
  wrapperName: string | undefined,
  defaultNamespace?: string,
): BoundMessage | undefined {
  const named = namedMessage(ctx, portType, abstract);
  if (!named) return undefined;
  const { key: message, parts } = named;
  const soap = bound ? childElements(bound, ctx.soapNs) : [];
  const body = soap.find((e) => e.local === 'body');
  const headers: BoundHeader[] = [];
  for (const h of soap) {
    const header = h.local === 'header' ? bindHeader(ctx, binding, h) : undefined;
    if (header) headers.push(header);
  }
  const use = body && attr(body, 'use') === 'encoded' ? 'encoded' : 'literal';
  const listed = body ? attr(body, 'parts') : undefined;
  let bodyParts: MessagePart[];
  if (listed !== undefined) {
    const names = listed.split(/\s+/).filter(Boolean);
    bodyParts = [];
    for (const n of names) {
      const p = parts.find((x) => x.name === n);
      if (p) bodyParts.push(p);
      else problem(ctx, binding.document, body!, `soap:body names part "${n}" that message ${message} lacks`);
    }
  } else {
    const inHeaders = new Set(headers.filter((h) => h.message === message).map((h) => h.part.name));
    bodyParts = parts.filter((p) => !inHeaders.has(p.name));
  }
  const namespace = (body ? attr(body, 'namespace') : undefined) ?? defaultNamespace;
  const encodingStyle = body ? attr(body, 'encodingStyle') : undefined;
  return {
    message,
    use,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(encodingStyle !== undefined ? { encodingStyle } : {}),
    body: bodyParts,
    headers,
    wrapped: wrapperName !== undefined && use === 'literal' && isWrapper(ctx.schema, bodyParts, wrapperName),
  };
}

function bindHeader(ctx: MessageContext, binding: WsdlComponent, h: XmlElement): BoundHeader | undefined {
  const named = namedMessage(ctx, binding, h);
  if (!named) return undefined;
  const message = named.key;
  const partName = attr(h, 'part') ?? '';
  const part = named.parts.find((p) => p.name === partName);
  if (!part) {
    problem(ctx, binding.document, h, `soap:header names part "${partName}" that message ${message} lacks`);
    return undefined;
  }
  const namespace = attr(h, 'namespace');
  const required = h.attrs.some((a) => a.local === 'required' && a.ns === WSDL_NS && a.value === 'true');
  return {
    message,
    part,
    use: attr(h, 'use') === 'encoded' ? 'encoded' : 'literal',
    ...(namespace !== undefined ? { namespace } : {}),
    required,
  };
}

/**
 * The document/literal wrapped convention: one element part whose element (named like the operation, for the
 * input; `''` skips the name test, for the output) has a complex type whose content is a sequence (or empty)
 * and which has no attributes.
 */
function isWrapper(schema: SchemaSet, parts: MessagePart[], name: string): boolean {
  if (parts.length !== 1 || parts[0]!.element === undefined) return false;
  const key = parts[0]!.element;
  const element = schema.elements[key];
  if (!element) return false;
  if (name !== '' && element.name.local !== name) return false;
  const type: TypeDefinition | undefined = 'ref' in element.type ? schema.types[element.type.ref] : element.type;
  if (type?.kind !== 'complex' || type.attributes.length > 0 || type.anyAttribute || type.mixed) return false;
  return (
    type.content.kind === 'empty' || (type.content.kind === 'particle' && type.content.particle.kind === 'sequence')
  );
}
