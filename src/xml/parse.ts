// TEMPORARY saxes-based implementation so that other layers can be built; the xml helper replaces it with
// the real reader (same exported signature).
import { SaxesParser } from 'saxes';
import { SoapstackError } from '../errors.js';
import type { NamespaceScope, XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlReadOptions } from './types.js';

interface Building {
  ns: string;
  local: string;
  prefix: string;
  attrs: XmlAttribute[];
  children: XmlNode[];
  scope: NamespaceScope;
  start: number;
  end: number;
}

/** Parses a whole document into a tree. */
export function parseXml(text: string, options: XmlReadOptions = {}): XmlDocument {
  const source = options.source ?? '<input>';
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let root: Building | undefined;
  let scope: NamespaceScope = { xml: 'http://www.w3.org/XML/1998/namespace' };
  parser.on('doctype', () => {
    throw new SoapstackError('XML_DOCTYPE_FORBIDDEN', `${source}: DOCTYPE is not allowed`);
  });
  parser.on('opentag', (tag) => {
    const decls = tag.ns ?? {};
    const parentScope = stack.length ? stack[stack.length - 1]!.scope : scope;
    const ownScope = Object.keys(decls).length ? { ...parentScope, ...decls } : parentScope;
    const attrs: XmlAttribute[] = [];
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs.push({ ns: a.uri, local: a.local, prefix: a.prefix, value: a.value });
    }
    const el: Building = {
      ns: tag.uri,
      local: tag.local,
      prefix: tag.prefix,
      attrs,
      children: [],
      scope: ownScope,
      start: 0,
      end: 0,
    };
    if (stack.length) stack[stack.length - 1]!.children.push(el as XmlElement);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1]!.children.push(t);
  });
  parser.on('cdata', (t) => {
    if (stack.length) stack[stack.length - 1]!.children.push(t);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    el.end = parser.position;
  });
  parser.write(text).close();
  if (!root) throw new SoapstackError('XML_SYNTAX', `${source}: no root element`);
  scope = root.scope;
  return { root: root as XmlElement, text, source };
}
