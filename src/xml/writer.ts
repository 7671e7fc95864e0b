/**
 * A small, fast XML writer that owns namespace declarations and escaping, so no caller ever builds markup
 * from strings. Prefixes are chosen per element: a namespace already in scope reuses its prefix, otherwise
 * the preferred prefix (or `ns1`, `ns2`, ...) is declared on the element that first needs it.
 */
import { SoapstackError } from '../errors.js';
import { XML_NS, XMLNS_NS } from './types.js';

interface OpenElement {
  tag: string;
  /** Declarations made on this element, popped with it. */
  declared: Array<[prefix: string, previous: string | undefined]>;
}

const TEXT_ESCAPES = /[&<>\r]/g;
const ATTR_ESCAPES = /[&<>"\r\n\t]/g;
const ESCAPE_MAP: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
// XML 1.0 section 2.2: characters that may never appear, even escaped. With the `u` flag a surrogate in the
// class matches only when it is unpaired (a pair is one code point): such text cannot be encoded at all.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** Escapes character data for element content. */
export function escapeText(value: string): string {
  return TEXT_ESCAPES.test(value) ? value.replace(TEXT_ESCAPES, (c) => ESCAPE_MAP[c]!) : value;
}

/** Escapes an attribute value (quoted with `"`); whitespace is escaped so it survives attribute normalisation. */
export function escapeAttribute(value: string): string {
  return ATTR_ESCAPES.test(value) ? value.replace(ATTR_ESCAPES, (c) => ESCAPE_MAP[c]!) : value;
}

function checkChars(value: string): void {
  if (FORBIDDEN_CHARS.test(value)) {
    throw new SoapstackError('XML_INVALID_CHARACTER', 'text contains a character that XML 1.0 cannot represent');
  }
}

/** Writes XML with namespace declarations and escaping handled; see the file comment. */
export class XmlWriter {
  private out = '';
  /** True while the current start tag is still open (attributes may be added). */
  private tagOpen = false;
  private readonly stack: OpenElement[] = [];
  /** prefix -> namespace, current scope. */
  private readonly bindings = new Map<string, string>([['xml', XML_NS]]);
  /** namespace -> prefix, current scope (the most recent binding wins). */
  private readonly prefixes = new Map<string, string>([[XML_NS, 'xml']]);
  private generated = 0;
  /** The attributes written on the open start tag, as namespace and local name, to refuse a repeat. */
  private readonly attrNs: string[] = [];
  private readonly attrLocal: string[] = [];
  private attrCount = 0;

  constructor(options: { declaration?: boolean } = {}) {
    if (options.declaration) this.out = '<?xml version="1.0" encoding="utf-8"?>';
  }

  /** Opens an element in namespace `ns` (`''` for none), declaring a prefix for it when needed. */
  startElement(ns: string, local: string, preferredPrefix?: string): this {
    this.closeStartTag();
    const open: OpenElement = { tag: '', declared: [] };
    this.stack.push(open);
    let tag = local;
    if (ns === '') {
      // An unqualified element must not inherit a default namespace.
      if (this.bindings.get('')) this.bind(open, '', '');
    } else {
      const prefix = this.prefixInScope(ns) ?? this.declare(open, ns, preferredPrefix);
      if (prefix !== '') tag = `${prefix}:${local}`;
    }
    open.tag = tag;
    this.attrCount = 0;
    this.out += `<${tag}`;
    for (const [prefix] of open.declared) this.writeDeclaration(prefix);
    this.tagOpen = true;
    return this;
  }

  /** Adds an attribute to the element just opened. Namespaced attributes always get a prefix. */
  attribute(ns: string, local: string, value: string, preferredPrefix?: string): this {
    if (!this.tagOpen) throw new SoapstackError('XML_WRITER_STATE', `attribute ${local} written outside a start tag`);
    checkChars(value);
    for (let k = 0; k < this.attrCount; k++) {
      if (this.attrLocal[k] === local && this.attrNs[k] === ns) {
        throw new SoapstackError('XML_WRITER_STATE', `attribute {${ns}}${local} written twice`);
      }
    }
    if (ns === '' && local === 'xmlns') {
      throw new SoapstackError('XML_WRITER_STATE', 'xmlns is a namespace declaration: use declareNamespace');
    }
    this.attrNs[this.attrCount] = ns;
    this.attrLocal[this.attrCount++] = local;
    let name = local;
    if (ns !== '') {
      let prefix = this.prefixInScope(ns, true);
      if (prefix === undefined) {
        prefix = this.declare(this.stack[this.stack.length - 1]!, ns, preferredPrefix, true);
        this.writeDeclaration(prefix);
      }
      name = `${prefix}:${local}`;
    }
    this.out += ` ${name}="${escapeAttribute(value)}"`;
    return this;
  }

  /** Declares `prefix` for `ns` on the element just opened (for QName-valued content that needs it). */
  declareNamespace(prefix: string, ns: string): this {
    if (!this.tagOpen) throw new SoapstackError('XML_WRITER_STATE', 'namespace declared outside a start tag');
    if (this.bindings.get(prefix) === ns) return this;
    // Namespaces in XML 1.0 section 3: xml and xmlns are fixed, and a prefix cannot be undeclared.
    if (prefix === 'xmlns' || prefix === 'xml' || ns === XML_NS || ns === XMLNS_NS || (ns === '' && prefix !== '')) {
      throw new SoapstackError('XML_WRITER_STATE', `xmlns:${prefix}="${ns}" cannot be declared`);
    }
    this.bind(this.stack[this.stack.length - 1]!, prefix, ns);
    this.writeDeclaration(prefix);
    return this;
  }

  /**
   * A prefix bound to `ns` at the current element, declared on it if needed: for values that are QNames,
   * such as `xsi:type="p:Local"`. Must be called while the start tag is open when a declaration is needed.
   */
  prefixFor(ns: string, preferredPrefix?: string): string {
    const existing = this.prefixInScope(ns, true);
    if (existing !== undefined) return existing;
    if (!this.tagOpen) throw new SoapstackError('XML_WRITER_STATE', 'prefix needed outside a start tag');
    const prefix = this.declare(this.stack[this.stack.length - 1]!, ns, preferredPrefix, true);
    this.writeDeclaration(prefix);
    return prefix;
  }

  /** Writes escaped character data. */
  text(value: string): this {
    this.closeStartTag();
    checkChars(value);
    this.out += escapeText(value);
    return this;
  }

  /** Inserts already-serialised, well-formed XML verbatim (byte-exact tokens, xsd:any content). */
  raw(xml: string): this {
    this.closeStartTag();
    this.out += xml;
    return this;
  }

  /** Closes the innermost open element (as `<a/>` when it has no content). */
  endElement(): this {
    const open = this.stack.pop();
    if (!open) throw new SoapstackError('XML_WRITER_STATE', 'endElement without an open element');
    if (this.tagOpen) {
      this.out += '/>';
      this.tagOpen = false;
    } else {
      this.out += `</${open.tag}>`;
    }
    for (let i = open.declared.length - 1; i >= 0; i--) {
      const [prefix, previous] = open.declared[i]!;
      const ns = this.bindings.get(prefix)!;
      if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
      this.refreshPrefix(ns);
      if (previous !== undefined) this.refreshPrefix(previous);
    }
    return this;
  }

  /** Convenience: an element with text content only. */
  element(ns: string, local: string, text: string, preferredPrefix?: string): this {
    return this.startElement(ns, local, preferredPrefix).text(text).endElement();
  }

  /** The document written so far; every element must be closed. */
  toString(): string {
    if (this.stack.length) throw new SoapstackError('XML_WRITER_STATE', `${this.stack.length} element(s) left open`);
    return this.out;
  }

  private closeStartTag(): void {
    if (this.tagOpen) {
      this.out += '>';
      this.tagOpen = false;
    }
  }

  private writeDeclaration(prefix: string): void {
    const uri = this.bindings.get(prefix)!;
    checkChars(uri);
    const ns = escapeAttribute(uri);
    this.out += prefix === '' ? ` xmlns="${ns}"` : ` xmlns:${prefix}="${ns}"`;
  }

  /** The prefix currently bound to ns, if that binding is not shadowed. Attributes cannot use the default namespace. */
  private prefixInScope(ns: string, forAttribute = false): string | undefined {
    const prefix = this.prefixes.get(ns);
    if (prefix === undefined || this.bindings.get(prefix) !== ns) return undefined;
    if (forAttribute && prefix === '') {
      for (const [p, uri] of this.bindings) if (uri === ns && p !== '') return p;
      return undefined;
    }
    return prefix;
  }

  private declare(open: OpenElement, ns: string, preferred: string | undefined, needsPrefix = false): string {
    let prefix = preferred;
    if (
      prefix === undefined ||
      (needsPrefix && prefix === '') ||
      prefix === 'xml' ||
      prefix === 'xmlns' ||
      this.boundOnElement(open, prefix)
    ) {
      do prefix = `ns${++this.generated}`;
      while (this.bindings.has(prefix));
    }
    this.bind(open, prefix, ns);
    return prefix;
  }

  private boundOnElement(open: OpenElement, prefix: string): boolean {
    return open.declared.some(([p]) => p === prefix);
  }

  private bind(open: OpenElement, prefix: string, ns: string): void {
    open.declared.push([prefix, this.bindings.get(prefix)]);
    this.bindings.set(prefix, ns);
    this.prefixes.set(ns, prefix);
  }

  /** After a scope closes, find any prefix still bound to ns (or forget it). */
  private refreshPrefix(ns: string): void {
    const current = this.prefixes.get(ns);
    if (current !== undefined && this.bindings.get(current) === ns) return;
    this.prefixes.delete(ns);
    for (const [p, uri] of this.bindings) if (uri === ns) this.prefixes.set(ns, p);
  }
}
