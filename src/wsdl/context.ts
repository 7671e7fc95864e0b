/**
 * The state of one compilation: the definitions read, the resolved schema set, and how problems are handled.
 * In strict mode (the default) the first problem is a `WsdlError`; in lenient mode (`onUnresolved: 'collect'`)
 * each one is recorded and the offending piece is skipped or replaced by a placeholder.
 */

import type { XmlDocument, XmlElement } from '../xml/types.js';
import { ANY_TYPE } from '../xsd/builtins.js';
import type { ElementDeclaration, QNameKey, SchemaSet } from '../xsd/model.js';
import { parseQNameKey, qnameKey } from '../xsd/model.js';
import { attr, resolveQName } from '../xsd/node.js';
import type { CompileIssue } from './model.js';
import { type RawDefinitions, type WsdlComponent, wsdlInvalid } from './read.js';

/** What compiling needs to know of its context. */
export interface CompileContext {
  readonly defs: RawDefinitions;
  readonly schema: SchemaSet;
  readonly lenient: boolean;
  readonly issues: CompileIssue[];
}

/** Reports a problem at `node`: thrown in strict mode, recorded in lenient mode. */
export function problem(ctx: CompileContext, document: XmlDocument, node: XmlElement, message: string): void {
  const error = wsdlInvalid(document, node, message);
  if (!ctx.lenient) throw error;
  ctx.issues.push({ code: error.code, message: error.message });
}

/** Resolves a QName attribute of a WSDL element; undefined (after reporting) when absent or its prefix is undeclared. */
export function qnameAttr(
  ctx: CompileContext,
  component: WsdlComponent,
  node: XmlElement,
  name: string,
): QNameKey | undefined {
  const value = attr(node, name);
  const key = value === undefined ? undefined : resolveQName(node, value);
  if (key === undefined) {
    problem(
      ctx,
      component.document,
      node,
      value === undefined ? `missing ${name}=` : `undeclared prefix in ${name}="${value}"`,
    );
  }
  return key;
}

/**
 * Looks up the WSDL component a QName attribute names. An unprefixed name that misses in the default namespace
 * is also tried in the document's targetNamespace (many hand-written WSDLs rely on that).
 */
export function componentRef(
  ctx: CompileContext,
  table: Map<QNameKey, WsdlComponent>,
  what: string,
  from: WsdlComponent,
  node: XmlElement,
  name: string,
): { key: QNameKey; component: WsdlComponent } | undefined {
  const key = qnameAttr(ctx, from, node, name);
  if (key === undefined) return undefined;
  const found = table.get(key);
  if (found) return { key, component: found };
  const value = attr(node, name)!.trim();
  if (!value.includes(':')) {
    const tnsKey = qnameKey(attr(from.document.root, 'targetNamespace') ?? '', value);
    const inTns = table.get(tnsKey);
    if (inTns) return { key: tnsKey, component: inTns };
  }
  problem(ctx, from.document, node, `${what} ${key} is not defined`);
  return undefined;
}

/** Checks that a part's element exists; in lenient mode a missing one gets an anyType placeholder. */
export function ensureElement(ctx: CompileContext, key: QNameKey, document: XmlDocument, node: XmlElement): void {
  if (ctx.schema.elements[key]) return;
  problem(ctx, document, node, `element ${key} is not defined`);
  const placeholder: ElementDeclaration = {
    name: parseQNameKey(key),
    type: { ref: ANY_TYPE },
    nillable: true,
    abstract: false,
  };
  (ctx.schema.elements as Record<QNameKey, ElementDeclaration>)[key] = placeholder;
}
