/**
 * A strict, namespace-aware, streaming XML 1.0 reader. It scans the text with `indexOf` and `charCodeAt` (no
 * per-character state machine), checks well-formedness (XML 1.0 fifth edition, Namespaces in XML 1.0) as it goes,
 * and refuses any DTD before reading it, so entities and external resources can never be fetched or expanded. It
 * has no code path that reads a file or the network.
 *
 * Input is pushed in chunks; a token cut by a chunk boundary stays in the buffer and is scanned again when more
 * input arrives (a text run resumes where it stopped; other markup waits until a chunk brings a `>` or the pending
 * part has doubled, so a hostile sender cannot make rescanning quadratic).
 */
import {
  ASCII_NAME,
  decodeCharData,
  describeChar,
  isNameCodePoint,
  isNameStartCodePoint,
  isXmlWhitespace,
  NAME_START,
} from './chars.js';
import { XmlForbiddenError } from './errors.js';
import { INCOMPLETE, limitOption, ReaderInput } from './input.js';
import {
  checkUniqueNames,
  elementNamespace,
  expandAttributes,
  type QNameParts,
  ROOT_SCOPE,
  ScopeFactory,
} from './namespaces.js';
import type { NamespaceScope, XmlAttribute, XmlReadOptions } from './types.js';

/** Receives what an `XmlReader` reads, in document order. */
export interface XmlHandler {
  /**
   * A start tag (or an empty-element tag, followed at once by `closeElement`). `attrs` leaves out namespace
   * declarations; `scope` is every binding in force, the parent's own object when the element declares none;
   * `start` is the offset of the `<`.
   */
  openElement(
    ns: string,
    local: string,
    prefix: string,
    attrs: XmlAttribute[],
    scope: NamespaceScope,
    start: number,
  ): void;
  /**
   * Character data inside the root element, unescaped: the text and CDATA sections between two tags merged into
   * one string (comments and processing instructions between them are dropped). Whitespace-only text is reported.
   */
  text(text: string): void;
  /** An end tag; `end` is the offset just past its `>`. */
  closeElement(end: number): void;
}

/** A name as read (`qname` is a flat string of its own, so `startsWith` against the buffer is a plain compare). */
interface ReadName extends QNameParts {
  /** The name read right after this one last time: the first guess for the next name (documents repeat). */
  next: ReadName | undefined;
  /** The scope this element name was last resolved in, and its namespace there. */
  scope: NamespaceScope | undefined;
  ns: string | undefined;
}

const NAME_CACHE_SIZE = 1024;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMP = 0x26;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const RSQB = 0x5d;
const CR = 0x0d;

/** Flags of a scanned run: it holds a reference, or a character that normalisation changes. */
const HAS_AMP = 1;
const HAS_NORMALISABLE = 2;

const EMPTY_ATTRS: XmlAttribute[] = Object.freeze([]) as unknown as XmlAttribute[];

/** XMLDecl (production [23]), at the very start of the document only. */
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*("1\.[0-9]+"|'1\.[0-9]+')([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*("[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*("(yes|no)"|'(yes|no)'))?[ \t\r\n]*\?>$/;

/** `<!` keywords that open a DTD or a declaration that belongs in one: all refused. */
const DTD_KEYWORDS = ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'];

/** Reads XML pushed in chunks and reports elements and text to a handler. */
export class XmlReader extends ReaderInput {
  private readonly handler: XmlHandler;
  private readonly maxDepth: number;
  private readonly maxAttributes: number;
  private readonly maxNameLength: number;
  /** Where an XML declaration may stand: 0, or 1 after a byte order mark. */
  private declarationAt = 0;

  private depth = 0;
  private rootSeen = false;
  private readonly openNames: ReadName[] = [];
  private readonly openScopes: NamespaceScope[] = [];
  private scope: NamespaceScope = ROOT_SCOPE;
  private readonly scopes = new ScopeFactory();
  private pendingText = '';

  /** A text run cut by the end of the buffer: its absolute start, where to resume scanning, and its flags. */
  private textFrom = -1;
  private textResume = 0;
  private textFlags = 0;

  /** Interned names, by hash; the last name scanned. */
  // Left holey: an empty slot reads as undefined, and filling 1,024 slots per document costs more than a small parse.
  private readonly nameCache: Array<ReadName | undefined> = new Array(NAME_CACHE_SIZE);
  private name: ReadName = {
    qname: '',
    prefix: '',
    local: '',
    declaration: false,
    next: undefined,
    scope: undefined,
    ns: undefined,
  };
  /** The attributes of the start tag being read. */
  private readonly attrNames: QNameParts[] = [];
  private readonly attrValues: string[] = [];
  private readonly attrOffsets: number[] = [];

  /** Offset of the start tag being read, for problems with the element as a whole. */
  private tagStart = 0;

  private readonly failAttribute = (index: number, problem: string): never =>
    this.fail(index < 0 ? this.tagStart : this.attrOffsets[index]!, problem);

  constructor(handler: XmlHandler, options: XmlReadOptions = {}) {
    super(options);
    this.handler = handler;
    this.maxDepth = limitOption(options, 'maxDepth');
    this.maxAttributes = limitOption(options, 'maxAttributes');
    this.maxNameLength = limitOption(options, 'maxNameLength');
  }

  /** Checks, once the input has ended, that the root element was read whole. */
  protected override finish(): void {
    if (this.depth > 0) {
      this.fail(this.buf.length, `unexpected end of input: <${this.openNames[this.depth - 1]!.qname}> is not closed`);
    }
    if (!this.rootSeen) this.fail(this.buf.length, 'no root element');
  }

  /** Consumes every complete token in the buffer. */
  protected override scan(): void {
    const buf = this.buf;
    const len = buf.length;
    let i = this.pos;
    if (i === 0 && this.base === 0 && buf.charCodeAt(0) === 0xfeff) {
      i = 1;
      this.declarationAt = 1;
    }
    this.pendingMarkup = 0;
    while (i < len) {
      let next: number;
      if (buf.charCodeAt(i) === LT) {
        const c1 = buf.charCodeAt(i + 1);
        if (c1 === SLASH) next = this.endTag(i);
        else if (c1 === BANG) next = this.bang(i);
        else if (c1 === QUESTION) next = this.processingInstruction(i);
        else if (i + 1 < len) next = this.startTag(i);
        else next = this.needMore(i, 'markup');
        if (next === INCOMPLETE) {
          this.pendingMarkup = len - i;
          break;
        }
      } else if (this.depth > 0) {
        next = this.textRun(i);
        if (next === INCOMPLETE) break;
      } else {
        next = this.outsideRoot(i);
      }
      i = next;
    }
    this.pos = i;
  }

  /** `<` Name (S Attribute)* S? (`>` | `/>`) (productions [40], [44]). */
  private startTag(lt: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = this.scanName(lt + 1, 'element name');
    if (i === INCOMPLETE) return INCOMPLETE;
    const name = this.name;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      let c = buf.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= len) return this.needMore(lt, 'start tag');
        if (buf.charCodeAt(i + 1) !== GT) this.fail(i + 1, `expected '>' after '/' in <${name.qname}>`);
        i += 2;
        selfClosing = true;
        break;
      }
      if (!isXmlWhitespace(c)) {
        if (i >= len) return this.needMore(lt, 'start tag');
        this.fail(i, `unexpected ${describeChar(buf, i)} in start tag <${name.qname}>`);
      }
      do i++;
      while (isXmlWhitespace(buf.charCodeAt(i)));
      c = buf.charCodeAt(i);
      if (c === GT || c === SLASH) continue;
      if (i >= len) return this.needMore(lt, 'start tag');

      // Attribute ::= Name Eq AttValue
      const attrStart = i;
      i = this.scanName(i, 'attribute name');
      if (i === INCOMPLETE) return INCOMPLETE;
      const attrName = this.name;
      while (isXmlWhitespace(buf.charCodeAt(i))) i++;
      if (buf.charCodeAt(i) !== EQUALS) {
        if (i >= len) return this.needMore(lt, 'start tag');
        this.fail(i, `expected '=' after attribute name '${attrName.qname}'`);
      }
      i++;
      while (isXmlWhitespace(buf.charCodeAt(i))) i++;
      const quote = buf.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) {
        if (i >= len) return this.needMore(lt, 'start tag');
        this.fail(i, `expected a quoted value for attribute '${attrName.qname}'`);
      }
      const valueStart = ++i;
      let flags = 0;
      for (;;) {
        const v = buf.charCodeAt(i);
        if (v === quote) break;
        if (v > LT) {
          if (v >= 0xd800) i = this.checkHighChar(i);
        } else if (v === LT) {
          this.fail(i, `'<' is not allowed in attribute value of '${attrName.qname}'`);
        } else if (v === AMP) {
          flags |= HAS_AMP;
        } else if (v < 0x20) {
          if (v === 0x09 || v === 0x0a || v === CR) flags |= HAS_NORMALISABLE;
          else this.fail(i, `character ${describeChar(buf, i)} is not allowed in XML`);
        } else if (i >= len) {
          // charCodeAt gave NaN: the value runs past the buffer.
          if (i - valueStart > this.maxTextLength) this.valueTooLong(valueStart);
          return this.needMore(lt, 'start tag');
        }
        i++;
      }
      if (i - valueStart > this.maxTextLength) this.valueTooLong(valueStart);
      const value = flags === 0 ? buf.slice(valueStart, i) : decodeCharData(buf, valueStart, i, true, this.failAt);
      if (count >= this.maxAttributes) {
        this.limit('maxAttributes', attrStart, `more than ${this.maxAttributes} attributes on <${name.qname}>`);
      }
      this.attrNames[count] = attrName;
      this.attrValues[count] = value;
      this.attrOffsets[count] = attrStart;
      count++;
      i++;
    }
    this.openElement(lt, name, count, selfClosing, i);
    return i;
  }

  private openElement(lt: number, name: ReadName, count: number, selfClosing: boolean, end: number): void {
    const depth = this.depth;
    if (depth === 0) {
      if (this.rootSeen) this.fail(lt, `a document has one root element; <${name.qname}> follows the end of it`);
      this.rootSeen = true;
    } else {
      this.flushText();
    }
    if (depth >= this.maxDepth) this.limit('maxDepth', lt, `elements nested more than ${this.maxDepth} deep`);
    let scope = this.scope;
    let attrs = EMPTY_ATTRS;
    if (count > 0) {
      const fail = this.failAttribute;
      this.tagStart = lt;
      checkUniqueNames(this.attrNames, count, fail);
      scope = this.scopes.bind(this.attrNames, this.attrValues, count, scope, fail);
      attrs = expandAttributes(this.attrNames, this.attrValues, count, scope, fail);
      if (attrs.length === 0) attrs = EMPTY_ATTRS;
    }
    let ns = name.ns;
    if (name.scope !== scope) {
      ns = elementNamespace(name, scope);
      name.scope = scope;
      name.ns = ns;
    }
    if (ns === undefined) this.fail(lt, `unbound namespace prefix '${name.prefix}' in element <${name.qname}>`);
    if (name.prefix === 'xmlns') this.fail(lt, `an element name must not have the prefix 'xmlns' (<${name.qname}>)`);
    this.handler.openElement(ns, name.local, name.prefix, attrs, scope, this.base + lt);
    if (selfClosing) {
      this.handler.closeElement(this.base + end);
    } else {
      this.openNames[depth] = name;
      this.openScopes[depth] = scope;
      this.depth = depth + 1;
      this.scope = scope;
    }
  }

  /** ETag ::= `</` Name S? `>` (production [42]); it must match the open start tag. */
  private endTag(lt: number): number {
    const buf = this.buf;
    const depth = this.depth;
    if (depth === 0) this.fail(lt, 'end tag without a matching start tag');
    const expected = this.openNames[depth - 1]!;
    let i = lt + 2 + expected.qname.length;
    const c = buf.charCodeAt(i);
    if (!buf.startsWith(expected.qname, lt + 2) || (c < 0x80 ? ASCII_NAME[c]! !== 0 : isNameCodePoint(c))) {
      if (buf.indexOf('>', lt) < 0) return this.needMore(lt, 'end tag');
      const found = this.scanName(lt + 2, 'element name');
      if (found === INCOMPLETE) return INCOMPLETE;
      this.fail(lt, `end tag </${this.name.qname}> does not match start tag <${expected.qname}>`);
    }
    while (isXmlWhitespace(buf.charCodeAt(i))) i++;
    if (buf.charCodeAt(i) !== GT) {
      if (i >= buf.length) return this.needMore(lt, 'end tag');
      this.fail(i, `expected '>' to end </${expected.qname}>`);
    }
    i++;
    this.flushText();
    this.handler.closeElement(this.base + i);
    this.depth = depth - 1;
    this.scope = depth > 1 ? this.openScopes[depth - 2]! : ROOT_SCOPE;
    return i;
  }

  /** CharData inside the root: up to the next `<`, with references, line ends, `]]>` and characters checked. */
  private textRun(start: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = start;
    let flags = 0;
    if (this.textFrom === this.base + start) {
      i = this.textResume - this.base;
      flags = this.textFlags;
      this.textFrom = -1;
    }
    for (; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c > LT) {
        if (c === RSQB) {
          if (buf.charCodeAt(i + 1) === RSQB && buf.charCodeAt(i + 2) === GT) {
            this.fail(i, "']]>' is not allowed in text (escape the '>' as &gt;)");
          }
        } else if (c >= 0xd800) {
          i = this.checkHighChar(i);
        }
      } else if (c === LT) {
        break;
      } else if (c < 0x20) {
        if (c === CR) flags |= HAS_NORMALISABLE;
        else if (c !== 0x0a && c !== 0x09) this.fail(i, `character ${describeChar(buf, i)} is not allowed in XML`);
      } else if (c === AMP) {
        flags |= HAS_AMP;
      }
    }
    if (i - start > this.maxTextLength) this.textTooLong(start);
    if (i >= len && !this.final) {
      // The run may go on in the next chunk. Resume two characters back, so that a ']]>' or a surrogate pair cut
      // by the boundary is checked whole.
      this.textFrom = this.base + start;
      let resume = Math.max(start, i - 2);
      // Never resume on the second half of a surrogate pair.
      const c = buf.charCodeAt(resume);
      if (resume > start && c >= 0xdc00 && c <= 0xdfff) resume--;
      this.textResume = this.base + resume;
      this.textFlags = flags;
      return INCOMPLETE;
    }
    this.appendText(flags === 0 ? buf.slice(start, i) : decodeCharData(buf, start, i, false, this.failAt), start);
    return i;
  }

  /**
   * Checks the character at `i` (>= U+D800): a surrogate must be half of a pair, U+FFFE and U+FFFF are not
   * characters. Returns the index of its last code unit.
   */
  private checkHighChar(i: number): number {
    const buf = this.buf;
    const c = buf.charCodeAt(i);
    if (c < 0xe000) {
      if (c <= 0xdbff) {
        const low = buf.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) return i + 1;
        // A high surrogate at the very end of a chunk: its pair may come next (the caller rescans it).
        if (i + 1 >= buf.length && !this.final) return i;
      }
      this.fail(i, `unpaired surrogate ${describeChar(buf, i)}`);
    }
    if (c >= 0xfffe) this.fail(i, `character ${describeChar(buf, i)} is not allowed in XML`);
    return i;
  }

  /** Outside the root element only whitespace may stand between markup (production [27] Misc). */
  private outsideRoot(start: number): number {
    const buf = this.buf;
    let i = start;
    while (isXmlWhitespace(buf.charCodeAt(i))) i++;
    if (i < buf.length && buf.charCodeAt(i) !== LT) {
      this.fail(
        i,
        this.rootSeen
          ? 'text after the root element (only comments, processing instructions and whitespace may follow it)'
          : `text before the root element: ${describeChar(buf, i)} (is this XML?)`,
      );
    }
    return i;
  }

  /** `<!`: a comment, a CDATA section, or a DTD declaration (refused at once). */
  private bang(lt: number): number {
    const buf = this.buf;
    const head = buf.slice(lt + 2, lt + 11);
    if (head.startsWith('--')) return this.comment(lt);
    if (head.startsWith('[CDATA[')) return this.cdata(lt);
    const upper = head.toUpperCase();
    let maybe = !this.final && ('--'.startsWith(head) || '[CDATA['.startsWith(head));
    for (const keyword of DTD_KEYWORDS) {
      if (upper.startsWith(keyword)) {
        throw new XmlForbiddenError(
          keyword === 'DOCTYPE'
            ? 'a document type declaration (<!DOCTYPE) is not allowed: DTDs, entities and external references are refused'
            : `<!${keyword} is a DTD declaration: DTDs, entities and external references are refused`,
          this.position(lt),
        );
      }
      if (!this.final && keyword.startsWith(upper)) maybe = true;
    }
    if (maybe) return INCOMPLETE;
    return this.fail(lt, "expected '<!--' or '<![CDATA[' after '<!'");
  }

  /** Comment ::= `<!--` ((Char - '-') | ('-' (Char - '-')))* `-->` (production [15]). */
  private comment(lt: number): number {
    const buf = this.buf;
    const dashes = buf.indexOf('--', lt + 4);
    if (dashes < 0 || dashes + 2 >= buf.length) return this.needMore(lt, 'comment');
    if (buf.charCodeAt(dashes + 2) !== GT) this.fail(dashes, "'--' is not allowed inside a comment");
    this.checkChars(lt + 4, dashes);
    return dashes + 3;
  }

  /** CDSect ::= `<![CDATA[` (Char* - (Char* ']]>' Char*)) `]]>` (production [18]); merged into the text. */
  private cdata(lt: number): number {
    const buf = this.buf;
    if (this.depth === 0) this.fail(lt, 'a CDATA section is only allowed inside the root element');
    const start = lt + 9;
    const end = buf.indexOf(']]>', start);
    if (end < 0) {
      if (buf.length - start > this.maxTextLength) this.textTooLong(start);
      return this.needMore(lt, 'CDATA section');
    }
    if (end - start > this.maxTextLength) this.textTooLong(start);
    this.checkChars(start, end);
    const text = buf.slice(start, end);
    this.appendText(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, lt);
    return end + 3;
  }

  /** PI ::= `<?` PITarget (S Char*)? `?>` (production [16]); the XML declaration when first in the document. */
  private processingInstruction(lt: number): number {
    const buf = this.buf;
    const i = this.scanName(lt + 2, 'processing instruction target');
    if (i === INCOMPLETE) return INCOMPLETE;
    const target = this.name.qname;
    const end = buf.indexOf('?>', i);
    if (end < 0) return this.needMore(lt, 'processing instruction');
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.base + lt !== this.declarationAt) {
        this.fail(lt, `'<?${target}' is reserved: the XML declaration may only stand at the very start of a document`);
      }
      if (!XML_DECLARATION.test(buf.slice(lt, end + 2))) this.fail(lt, 'malformed XML declaration');
      return end + 2;
    }
    if (this.name.prefix !== '') this.fail(lt + 2, `processing instruction target '${target}' must not contain ':'`);
    if (i < end && !isXmlWhitespace(buf.charCodeAt(i))) {
      this.fail(i, `expected whitespace after the processing instruction target '${target}'`);
    }
    this.checkChars(i, end);
    return end + 2;
  }

  /**
   * Scans a QName (Namespaces production [7]) from `start`; leaves its interned parts in `this.name` and returns the
   * offset after it. Names start with a NameStartChar, a colon must separate two non-empty parts.
   */
  private scanName(start: number, what: string): number {
    const buf = this.buf;
    const previous = this.name;
    const guess = previous.next;
    if (guess !== undefined) {
      // The name that followed the previous one last time: when it is here whole (followed by an ASCII character
      // that cannot continue a name), it was checked when first read and the scan is saved.
      const length = guess.qname.length;
      const after = buf.charCodeAt(start + length);
      if (after < 0x80 && ASCII_NAME[after] === 0 && buf.startsWith(guess.qname, start)) {
        this.name = guess;
        return start + length;
      }
    }
    let i = start;
    let colon = -1;
    let hash = 0;
    for (;;) {
      const c = buf.charCodeAt(i);
      const first = i === start || i === colon + 1;
      if (c < 0x80) {
        const cls = ASCII_NAME[c]!;
        if (first ? (cls & NAME_START) === 0 || c === COLON : cls === 0) break;
        if (c === COLON) {
          if (colon >= 0) this.fail(i, `${what} '${buf.slice(start, i + 1)}' has more than one ':'`);
          colon = i;
        }
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
      } else {
        // Beyond ASCII (or NaN past the end of the buffer, which no test below accepts).
        let code = c;
        let width = 1;
        if (c >= 0xd800 && c <= 0xdbff) {
          const low = buf.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
            width = 2;
          }
        }
        if (!(first ? isNameStartCodePoint(code) : isNameCodePoint(code))) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        i += width;
      }
    }
    const length = i - start;
    if (length > this.maxNameLength) {
      this.limit('maxNameLength', start, `${what} longer than ${this.maxNameLength} characters`);
    }
    if (i >= buf.length - (buf.charCodeAt(buf.length - 1) >= 0xd800 ? 1 : 0) && !this.final) return INCOMPLETE;
    if (length === 0) this.fail(i, `expected ${what}, found ${describeChar(buf, i)}`);
    if (colon === i - 1) this.fail(i, `${what} '${buf.slice(start, i)}' needs a valid name after ':'`);
    const slot = hash & (NAME_CACHE_SIZE - 1);
    let parts = this.nameCache[slot];
    if (parts === undefined || parts.qname.length !== length || !buf.startsWith(parts.qname, start)) {
      const qname = flatCopy(buf, start, i);
      const prefix = colon < 0 ? '' : qname.slice(0, colon - start);
      parts = {
        qname,
        prefix,
        local: colon < 0 ? qname : qname.slice(colon - start + 1),
        declaration: prefix === 'xmlns' || qname === 'xmlns',
        next: undefined,
        scope: undefined,
        ns: undefined,
      };
      this.nameCache[slot] = parts;
    }
    previous.next = parts;
    this.name = parts;
    return i;
  }

  private appendText(text: string, at: number): void {
    if (text.length === 0) return;
    if (this.pendingText === '') {
      this.pendingText = text;
    } else {
      if (this.pendingText.length + text.length > this.maxTextLength) this.textTooLong(at);
      this.pendingText += text;
    }
  }

  private flushText(): void {
    const text = this.pendingText;
    if (text !== '') {
      this.pendingText = '';
      this.handler.text(text);
    }
  }
}

/**
 * `text.slice(from, to)` as a string of its own: a slice of 13 or more characters would be a view that keeps the
 * whole buffer alive and compares more slowly. Only used for names, once per distinct name.
 */
function flatCopy(text: string, from: number, to: number): string {
  const codes: number[] = [];
  for (let k = from; k < to; k++) codes.push(text.charCodeAt(k));
  return String.fromCharCode(...codes);
}
