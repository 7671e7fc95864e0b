/** Reading the character content of an element that may hold text only. */
import type { XmlElement } from '../../xml/types.js';
import type { DecodeContext } from './context.js';

/**
 * The concatenated text children of `el`. A child element is an issue (simple content holds none); comments
 * and processing instructions never reach the tree.
 */
export function textContent(el: XmlElement, ctx: DecodeContext): string {
  const children = el.children;
  if (children.length === 1) {
    const only = children[0]!;
    if (typeof only === 'string') return only;
  } else if (children.length === 0) {
    return '';
  }
  let text = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (typeof child === 'string') text += child;
    else ctx.issue('unexpected_element', `element ${child.local} is not allowed in simple content`, child.local);
  }
  return text;
}

/** True when `el` has at least one child element. */
export function hasChildElements(el: XmlElement): boolean {
  const children = el.children;
  for (let i = 0; i < children.length; i++) if (typeof children[i] !== 'string') return true;
  return false;
}
