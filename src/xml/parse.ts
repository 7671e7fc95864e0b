/**
 * `parseXml`: a whole document into the light tree of `types.ts`, built on the streaming reader's events.
 */
import { type XmlHandler, XmlReader } from './reader.js';
import type { NamespaceScope, XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlReadOptions } from './types.js';

/** An element while it is built; `end` is set when its end tag is read. */
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

const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/**
 * Builds the tree from reader events. Children wait on one shared stack and each element gets an array of exactly
 * its children when its end tag is read (leaves share one empty array): far fewer and smaller allocations than
 * growing an array per element. Text events are already merged per run, so each becomes one child.
 */
class TreeBuilder implements XmlHandler {
  root: Building | undefined;
  /** The children read so far of every open element, innermost last: `nodes[0, count)`. */
  private readonly nodes: XmlNode[] = [];
  private count = 0;
  private readonly open: Building[] = [];
  /** Where each open element's children start in `nodes`. */
  private readonly marks: number[] = [];

  openElement(
    ns: string,
    local: string,
    prefix: string,
    attrs: XmlAttribute[],
    scope: NamespaceScope,
    start: number,
  ): void {
    const element: Building = { ns, local, prefix, attrs, children: NO_CHILDREN, scope, start, end: 0 };
    if (this.open.length === 0) this.root = element;
    else this.nodes[this.count++] = element;
    this.open.push(element);
    this.marks.push(this.count);
  }

  text(text: string): void {
    this.nodes[this.count++] = text;
  }

  closeElement(end: number): void {
    const element = this.open.pop()!;
    const mark = this.marks.pop()!;
    element.end = end;
    const size = this.count - mark;
    if (size === 0) return;
    // Entries past `count` are left in place (they are in the tree anyway) and overwritten later. Small arrays are
    // written as literals: V8 can then allocate them straight in the old generation once it sees that they live.
    const nodes = this.nodes;
    element.children =
      size === 1 ? [nodes[mark]!] : size === 2 ? [nodes[mark]!, nodes[mark + 1]!] : nodes.slice(mark, this.count);
    this.count = mark;
  }
}

/**
 * Parses a whole document into a tree. Throws `XmlSyntaxError`, `XmlLimitError` or `XmlForbiddenError` (any
 * DOCTYPE) with the position of the problem.
 */
export function parseXml(text: string, options: XmlReadOptions = {}): XmlDocument {
  const builder = new TreeBuilder();
  new XmlReader(builder, options).write(text).close();
  return { root: builder.root as XmlElement, text, source: options.source ?? '<input>' };
}
