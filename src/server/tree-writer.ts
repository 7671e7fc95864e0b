/**
 * Writes a parsed element back through the `XmlWriter`, with a hook to change attribute values and text on
 * the way: how served WSDL documents get their addresses rewritten without any string templates. Namespace
 * declarations are reproduced where the source made them (an element whose scope differs from its parent's),
 * so QName-valued attributes such as `type="tns:Order"` keep meaning what they meant.
 */
import type { NamespaceScope, XmlAttribute, XmlElement } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';

/** Changes applied while writing: each returns the new value, or undefined to keep the original. */
export interface TreeEdits {
  /** A new value for an attribute of `el`. */
  attribute?(el: XmlElement, attr: XmlAttribute, ancestors: readonly XmlElement[]): string | undefined;
  /** New text content for an element whose children are text only. */
  text?(el: XmlElement, text: string, ancestors: readonly XmlElement[]): string | undefined;
}

const EMPTY_SCOPE: NamespaceScope = Object.freeze({ xml: 'http://www.w3.org/XML/1998/namespace' });

/** Writes `el` and its descendants; `parentScope` is the scope the writer is in (empty at a document's root). */
export function writeTree(
  w: XmlWriter,
  el: XmlElement,
  edits: TreeEdits = {},
  parentScope: NamespaceScope = EMPTY_SCOPE,
): void {
  const ancestors: XmlElement[] = [];
  const visit = (node: XmlElement, outer: NamespaceScope): void => {
    w.startElement(node.ns, node.local, node.prefix);
    if (node.scope !== outer) {
      for (const [prefix, uri] of Object.entries(node.scope)) {
        if (prefix === 'xml' || outer[prefix] === uri) continue;
        w.declareNamespace(prefix, uri);
      }
    }
    for (const attr of node.attrs) {
      const value = edits.attribute?.(node, attr, ancestors) ?? attr.value;
      w.attribute(attr.ns, attr.local, value, attr.prefix || undefined);
    }
    const textOnly = node.children.length > 0 && node.children.every((c) => typeof c === 'string');
    if (textOnly && edits.text) {
      const text = node.children.join('');
      w.text(edits.text(node, text, ancestors) ?? text);
    } else {
      ancestors.push(node);
      for (const child of node.children) {
        if (typeof child === 'string') w.text(child);
        else visit(child, node.scope);
      }
      ancestors.pop();
    }
    w.endElement();
  };
  visit(el, parentScope);
}
