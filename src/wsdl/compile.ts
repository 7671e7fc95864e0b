/**
 * Compilation: joins services, ports, bindings, portTypes and messages into the plain-data `CompiledModel`.
 * Only SOAP bindings (1.1 and 1.2) are compiled; a port whose binding is HTTP GET/POST or anything else is
 * skipped, not fatal.
 *
 * WSDL 1.1, sections 2.4-2.7 and 3:
 *   <wsdl:portType name> <wsdl:operation name parameterOrder?>
 *     <wsdl:input name? message/> <wsdl:output name? message/>? <wsdl:fault name message/>*
 *   </wsdl:operation>* </wsdl:portType>
 *   <wsdl:binding name type> <soap:binding transport style?/>
 *     <wsdl:operation name> <soap:operation soapAction? style?/>
 *       <wsdl:input name?> soap:body, soap:header* </wsdl:input> <wsdl:output name?> ... </wsdl:output>?
 *       <wsdl:fault name> <soap:fault name use/> </wsdl:fault>*
 *   </wsdl:operation>* </wsdl:binding>
 *   <wsdl:service name> <wsdl:port name binding> <soap:address location/> </wsdl:port>* </wsdl:service>
 */

import type { XmlElement } from '../xml/types.js';
import { attr, childElements, textOf } from '../xsd/node.js';
import { type CompileContext, componentRef, problem } from './context.js';
import { bindMessage, type MessageContext, namedMessage } from './message.js';
import type { BoundFault, Operation, Port, Service, SoapVersion } from './model.js';
import { WSDL_NS, WSDL_SOAP11_NS, WSDL_SOAP12_NS } from './namespaces.js';
import type { WsdlComponent } from './read.js';

const SOAP_VERSIONS: Record<string, SoapVersion> = { [WSDL_SOAP11_NS]: '1.1', [WSDL_SOAP12_NS]: '1.2' };

/** Compiles every service of the definitions against the resolved schema set. */
export function compileServices(ctx: CompileContext): Service[] {
  const services: Service[] = [];
  for (const service of ctx.defs.services) {
    const ports: Port[] = [];
    for (const p of childElements(service.node, WSDL_NS)) {
      if (p.local !== 'port') continue;
      const port = compilePort(ctx, service, p);
      if (port) ports.push(port);
    }
    services.push({ name: attr(service.node, 'name') ?? '', ports });
  }
  return services;
}

function compilePort(cc: CompileContext, service: WsdlComponent, p: XmlElement): Port | undefined {
  const bindingRef = componentRef(cc, cc.defs.bindings, 'binding', service, p, 'binding');
  if (!bindingRef) return undefined;
  const { key: bindingKey, component: binding } = bindingRef;
  const soapBinding = childElements(binding.node).find((e) => e.local === 'binding' && SOAP_VERSIONS[e.ns]);
  if (!soapBinding) return undefined;
  const soapNs = soapBinding.ns;
  const address = childElements(p, soapNs).find((e) => e.local === 'address');
  const ctx: MessageContext = { ...cc, soapNs };
  const portType = componentRef(cc, cc.defs.portTypes, 'portType', binding, binding.node, 'type')?.component;
  if (!portType) return undefined;
  const defaultStyle = attr(soapBinding, 'style') === 'rpc' ? 'rpc' : 'document';
  const operations: Operation[] = [];
  for (const op of childElements(binding.node, WSDL_NS)) {
    if (op.local !== 'operation') continue;
    const compiled = compileOperation(ctx, binding, portType, op, defaultStyle);
    if (compiled) operations.push(compiled);
  }
  return {
    name: attr(p, 'name') ?? '',
    binding: bindingKey,
    soapVersion: SOAP_VERSIONS[soapNs]!,
    address: address ? (attr(address, 'location') ?? '') : '',
    operations,
  };
}

const child = (el: XmlElement | undefined, local: string) =>
  el ? childElements(el, WSDL_NS).find((e) => e.local === local) : undefined;

/** Finds the portType operation a binding operation binds: same name, and same input/output names when given. */
function abstractOperation(portType: WsdlComponent, bound: XmlElement): XmlElement | undefined {
  const name = attr(bound, 'name');
  const candidates = childElements(portType.node, WSDL_NS).filter(
    (e) => e.local === 'operation' && attr(e, 'name') === name,
  );
  if (candidates.length <= 1) return candidates[0];
  const same = (dir: string) => (c: XmlElement) => {
    const n = child(bound, dir) && attr(child(bound, dir)!, 'name');
    return n === undefined || attr(child(c, dir) ?? c, 'name') === n;
  };
  return candidates.find((c) => same('input')(c) && same('output')(c)) ?? candidates[0];
}

function compileOperation(
  ctx: MessageContext,
  binding: WsdlComponent,
  portType: WsdlComponent,
  op: XmlElement,
  defaultStyle: 'document' | 'rpc',
): Operation | undefined {
  const name = attr(op, 'name') ?? '';
  const abstract = abstractOperation(portType, op);
  if (!abstract) {
    problem(ctx, binding.document, op, `operation ${name} is not in portType ${attr(portType.node, 'name')}`);
    return undefined;
  }
  const soapOp = childElements(op, ctx.soapNs).find((e) => e.local === 'operation');
  const styleAttr = soapOp ? attr(soapOp, 'style') : undefined;
  const style = styleAttr === 'rpc' || styleAttr === 'document' ? styleAttr : defaultStyle;
  const abstractInput = child(abstract, 'input');
  // Notification operations (output only) have no request to send; they are not callable over SOAP/HTTP.
  if (!abstractInput) return undefined;
  const abstractOutput = child(abstract, 'output');
  const doc = style === 'document';
  // WSDL 1.1 section 3.5 requires soap:body's namespace with rpc; without one, the wrapper goes in the
  // targetNamespace of the definitions that hold the binding (a leniency node-soap and zeep share), not in
  // no namespace.
  const rpcNamespace = doc ? undefined : (attr(binding.document.root, 'targetNamespace') ?? ctx.defs.targetNamespace);
  const input = bindMessage(
    ctx,
    portType,
    abstractInput,
    binding,
    child(op, 'input'),
    doc ? name : undefined,
    rpcNamespace,
  );
  if (!input) return undefined;
  const output = abstractOutput
    ? bindMessage(ctx, portType, abstractOutput, binding, child(op, 'output'), doc ? '' : undefined, rpcNamespace)
    : undefined;
  const faults: BoundFault[] = [];
  for (const f of childElements(abstract, WSDL_NS)) {
    if (f.local !== 'fault') continue;
    const faultName = attr(f, 'name') ?? '';
    const named = namedMessage(ctx, portType, f);
    if (!named) continue;
    const { key: message, parts } = named;
    const boundFault = childElements(op, WSDL_NS).find((e) => e.local === 'fault' && attr(e, 'name') === faultName);
    const soapFault = boundFault ? childElements(boundFault, ctx.soapNs).find((e) => e.local === 'fault') : undefined;
    faults.push({
      name: faultName,
      message,
      ...(parts[0] ? { part: parts[0] } : {}),
      use: soapFault && attr(soapFault, 'use') === 'encoded' ? 'encoded' : 'literal',
    });
  }
  const docNode = child(abstract, 'documentation');
  const documentation = docNode ? textOf(docNode).trim() : '';
  return {
    name,
    style,
    action: soapOp ? (attr(soapOp, 'soapAction') ?? attr(soapOp, 'soapActionURI') ?? '') : '',
    input,
    ...(output ? { output } : {}),
    faults,
    ...(documentation ? { documentation } : {}),
  };
}
