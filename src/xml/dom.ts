/**
 * Helpers over the parsed tree: finding children and attributes, text content, QName values resolved in an
 * element's scope, and the exact source text of an element (optionally made self-contained for namespaces).
 */
import type { SourcePosition } from '../errors.js';
import { isNameCodePoint, isNameStartCodePoint } from './chars.js';
import { XmlSyntaxError } from './errors.js';
import { positionOf } from './position.js';
import type { ExpandedName, XmlDocument, XmlElement } from './types.js';
import { escapeAttribute } from './writer.js';

export { positionOf };

/** The child elements of `el`, in document order (text left out). */
export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) if (typeof child !== 'string') out.push(child);
  return out;
}

/** The first child element of `el` named `{ns}local`, if any. */
export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const child of el.children) {
    if (typeof child !== 'string' && child.local === local && child.ns === ns) return child;
  }
  return undefined;
}

/** All the text inside `el`, descendants included, in document order (the XPath string-value). */
export function textContent(el: XmlElement): string {
  const children = el.children;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let out = '';
  // Iterative, so that a deep tree cannot overflow the stack.
  const stack: Array<readonly (XmlElement | string)[] | number> = [children, 0];
  while (stack.length) {
    const index = stack.pop() as number;
    const list = stack.pop() as readonly (XmlElement | string)[];
    for (let i = index; i < list.length; i++) {
      const child = list[i]!;
      if (typeof child === 'string') {
        out += child;
      } else if (child.children.length) {
        stack.push(list, i + 1, child.children, 0);
        break;
      }
    }
  }
  return out;
}

/** The value of the attribute `{ns}local` of `el` (`ns` defaults to none, as for unprefixed attributes). */
export function getAttribute(el: XmlElement, local: string, ns = ''): string | undefined {
  for (const attr of el.attrs) if (attr.local === local && attr.ns === ns) return attr.value;
  return undefined;
}

function isNCName(text: string): boolean {
  if (text.length === 0) return false;
  let i = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x3a || !(i === 0 ? isNameStartCodePoint(code) : isNameCodePoint(code))) return false;
    i++;
  }
  return true;
}

function where(el: XmlElement, doc: XmlDocument | undefined): SourcePosition {
  return doc ? positionOf(doc, el.start) : { source: '<element>', line: 0, column: 0 };
}

/**
 * Resolves a QName-valued attribute or text (`tns:Thing`, XML Schema Part 2 section 3.2.18) in the scope of `el`:
 * the prefix is looked up in `el.scope`, an unprefixed name takes the default namespace (none when there is none).
 * Surrounding whitespace is ignored. An unbound prefix or a value that is not a QName is an `XmlSyntaxError`; pass
 * the document to have its position in the message.
 */
export function resolveQName(el: XmlElement, value: string, doc?: XmlDocument): ExpandedName {
  const lexical = value.trim();
  const colon = lexical.indexOf(':');
  const prefix = colon < 0 ? '' : lexical.slice(0, colon);
  const local = colon < 0 ? lexical : lexical.slice(colon + 1);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) {
    throw new XmlSyntaxError(`'${lexical}' is not a QName (in <${el.local}>)`, where(el, doc));
  }
  // Whatever the scope object's prototype, only a string is a binding (a prefix may be `constructor`).
  const found: unknown = el.scope[prefix];
  const ns = typeof found === 'string' ? found : undefined;
  if (ns === undefined) {
    if (prefix === '') return { ns: '', local };
    throw new XmlSyntaxError(
      `unbound namespace prefix '${prefix}' in QName '${lexical}' (in <${el.local}>)`,
      where(el, doc),
    );
  }
  return { ns, local };
}

/** Values this long are not looked at for QName prefixes. */
const QNAME_VALUE_LIMIT = 256;
const QNAME_TOKEN = /^([^\s:]+):[^\s:]+$/;

/** The namespace declarations written in the start tag of `el` (`''` for the default namespace). */
function declaredInStartTag(text: string, el: XmlElement): Set<string> {
  // The start tag ends at the first '>' outside a quoted value.
  let end = el.start;
  for (let quote = 0; end < el.end; end++) {
    const c = text.charCodeAt(end);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      break;
    }
  }
  const declared = new Set<string>();
  const pattern = /[ \t\r\n]xmlns(?::([^\s=]+))?[ \t\r\n]*=/g;
  for (const match of text.slice(el.start, end).matchAll(pattern)) declared.add(match[1] ?? '');
  return declared;
}

/**
 * The exact source text of `el` (from its `<` to the end of its end tag). With `namespaces: true`, the namespace
 * declarations that the fragment needs but makes outside itself are added to its start tag, so that it can be
 * embedded in another document; the text is otherwise byte-exact. "Needs" covers the prefixes of element and
 * attribute names, the default namespace of unprefixed elements, and prefixes used by QName-like attribute values
 * and simple text content (such as `xsi:type="tns:T"` or `<faultcode>s:Client</faultcode>`) that are bound there.
 */
export function outerXml(doc: XmlDocument, el: XmlElement, options: { namespaces?: boolean } = {}): string {
  const xml = doc.text.slice(el.start, el.end);
  if (!options.namespaces) return xml;
  const needed = new Map<string, string>();
  const consider = (prefix: string, at: XmlElement): void => {
    const uri = at.scope[prefix];
    // Only bindings that come from outside the fragment: the same as at its top element.
    if (prefix !== 'xml' && uri !== undefined && uri !== '' && el.scope[prefix] === uri) needed.set(prefix, uri);
  };
  const considerValue = (value: string, at: XmlElement): void => {
    if (value.length > QNAME_VALUE_LIMIT || !value.includes(':')) return;
    for (const token of value.trim().split(/\s+/)) {
      const match = QNAME_TOKEN.exec(token);
      if (match && at.scope[match[1]!] !== undefined) consider(match[1]!, at);
    }
  };
  const pending: XmlElement[] = [el];
  while (pending.length) {
    const at = pending.pop()!;
    consider(at.prefix, at);
    for (const attr of at.attrs) {
      if (attr.prefix !== '') consider(attr.prefix, at);
      considerValue(attr.value, at);
    }
    let simple = true;
    for (const child of at.children) {
      if (typeof child !== 'string') {
        simple = false;
        pending.push(child);
      }
    }
    if (simple && at.children.length === 1) considerValue(at.children[0] as string, at);
  }
  if (needed.size === 0) return xml;
  const declared = declaredInStartTag(doc.text, el);
  let declarations = '';
  for (const [prefix, uri] of needed) {
    if (declared.has(prefix)) continue;
    declarations += `${prefix === '' ? ' xmlns' : ` xmlns:${prefix}`}="${escapeAttribute(uri)}"`;
  }
  const nameEnd = 1 + (el.prefix ? el.prefix.length + 1 : 0) + el.local.length;
  return xml.slice(0, nameEnd) + declarations + xml.slice(nameEnd);
}
