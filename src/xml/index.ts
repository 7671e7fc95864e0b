/**
 * The XML layer: a strict, namespace-aware streaming reader and tree parser (no DTDs, no entities, no external
 * access; limits on everything), a writer that owns namespaces and escaping, and helpers over the tree.
 */
export { decodeXmlBytes } from './decode.js';
export {
  childElements,
  firstChild,
  getAttribute,
  outerXml,
  positionOf,
  resolveQName,
  textContent,
} from './dom.js';
export { XmlError, XmlForbiddenError, XmlLimitError, XmlSyntaxError } from './errors.js';
export { parseXml } from './parse.js';
export { type XmlHandler, XmlReader } from './reader.js';
export * from './types.js';
export { escapeAttribute, escapeText, XmlWriter } from './writer.js';
