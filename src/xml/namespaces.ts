/**
 * Namespaces in XML 1.0 (third edition) applied to one start tag: the declarations among its attributes make the
 * element's scope (section 3), element and attribute names are expanded against it (section 6), and attributes
 * must stay unique after expansion (section 6.3).
 */
import { type NamespaceScope, XML_NS, XMLNS_NS, type XmlAttribute } from './types.js';

/** A name as read: the raw qualified name and its parts. The reader interns these, so equal names share strings. */
export interface QNameParts {
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
  /** True for `xmlns` and `xmlns:p`: a namespace declaration, not an attribute of the element. */
  readonly declaration: boolean;
}

/** Reports a problem with the attribute at `index` (or the element, for -1); never returns. */
export type AttributeFail = (index: number, problem: string) => never;

/**
 * The prototype of every scope: empty, frozen, and itself without a prototype, so that no prefix (`constructor`,
 * `__proto__`, `toString`) can reach `Object.prototype`, while scopes stay fast-mode objects that copy quickly
 * (an `Object.create(null)` object is a slow dictionary in V8).
 */
const SCOPE_PROTOTYPE: object = Object.freeze(Object.create(null));

/** A new scope holding the bindings of `parent` as its own properties. */
function copyScope(parent: NamespaceScope): Record<string, string> {
  return Object.assign(Object.create(SCOPE_PROTOTYPE), parent);
}

/** The scope every document starts in: only `xml` is bound. */
export const ROOT_SCOPE: NamespaceScope = Object.freeze(Object.assign(copyScope({}), { xml: XML_NS }));

/** Fails on a repeated attribute name (well-formedness constraint "Unique Att Spec", section 3.1). */
export function checkUniqueNames(names: readonly QNameParts[], count: number, fail: AttributeFail): void {
  if (count > 16) {
    const seen = new Set<string>();
    for (let k = 0; k < count; k++) {
      const qname = names[k]!.qname;
      if (seen.has(qname)) fail(k, `attribute '${qname}' appears twice`);
      seen.add(qname);
    }
    return;
  }
  for (let k = 1; k < count; k++) {
    const qname = names[k]!.qname;
    for (let j = 0; j < k; j++) if (names[j]!.qname === qname) fail(k, `attribute '${qname}' appears twice`);
  }
}

/**
 * Makes element scopes, sharing them: an element that declares nothing gets its parent's scope object, and
 * elements that make the same declarations under the same parent scope get one scope object between them (a
 * response that declares `xmlns:c` on each of 50,000 values makes one scope, not 50,000 copies).
 */
export class ScopeFactory {
  /** Derived scopes by parent scope, then by the declarations made (each `prefix\0uri\0`, in order). */
  private derived = new Map<NamespaceScope, Map<string, NamespaceScope>>();
  private size = 0;
  /**
   * The last few single declarations bound, and their results: siblings often repeat a declaration (a response
   * that writes `xmlns:c` on every typed value, alternating between two namespaces).
   */
  private readonly recentParents: Array<NamespaceScope | undefined> = [undefined, undefined, undefined, undefined];
  private readonly recentPrefixes = ['', '', '', ''];
  private readonly recentUris = ['', '', '', ''];
  private readonly recentScopes: NamespaceScope[] = [];
  private recentNext = 0;

  /**
   * The scope of an element: its parent's, plus the declarations among its attributes (section 3). Returns `parent`
   * itself when the element declares nothing.
   */
  bind(
    names: readonly QNameParts[],
    values: readonly string[],
    count: number,
    parent: NamespaceScope,
    fail: AttributeFail,
  ): NamespaceScope {
    let declarations = 0;
    let prefix = '';
    let uri = '';
    for (let k = 0; k < count; k++) {
      const name = names[k]!;
      if (!name.declaration) continue;
      prefix = name.prefix === '' ? '' : name.local;
      uri = values[k]!;
      declarations++;
      if (prefix === 'xmlns') fail(k, "the prefix 'xmlns' must not be declared");
      if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) {
        fail(k, `the prefix 'xml' and the namespace ${XML_NS} belong to each other only`);
      }
      if (uri === XMLNS_NS) fail(k, `the namespace ${XMLNS_NS} must not be declared`);
      if (uri === '' && prefix !== '') {
        fail(k, `the prefix '${prefix}' cannot be undeclared in XML 1.0 (xmlns:${prefix}="")`);
      }
    }
    if (declarations === 0) return parent;
    if (declarations === 1) {
      for (let r = 0; r < 4; r++) {
        if (this.recentParents[r] === parent && this.recentUris[r] === uri && this.recentPrefixes[r] === prefix) {
          return this.recentScopes[r]!;
        }
      }
    }
    const scope = this.derive(names, values, count, parent);
    if (declarations === 1) {
      const r = this.recentNext;
      this.recentNext = (r + 1) & 3;
      this.recentParents[r] = parent;
      this.recentPrefixes[r] = prefix;
      this.recentUris[r] = uri;
      this.recentScopes[r] = scope;
    }
    return scope;
  }

  /** The scope `parent` plus the (checked) declarations, made once per parent and set of declarations. */
  private derive(
    names: readonly QNameParts[],
    values: readonly string[],
    count: number,
    parent: NamespaceScope,
  ): NamespaceScope {
    // U+0000 can occur neither in a prefix nor in a namespace name (not even as a reference): an unambiguous separator.
    let key = '';
    for (let k = 0; k < count; k++) {
      const name = names[k]!;
      if (name.declaration) key += `${name.prefix === '' ? '' : name.local}\0${values[k]}\0`;
    }
    let byKey = this.derived.get(parent);
    const known = byKey?.get(key);
    if (known !== undefined) return known;
    const scope = copyScope(parent);
    for (let k = 0; k < count; k++) {
      const name = names[k]!;
      if (!name.declaration) continue;
      if (values[k] === '') delete scope[''];
      else scope[name.prefix === '' ? '' : name.local] = values[k]!;
    }
    // Bounded, so that a document of endless distinct declarations cannot grow the cache without end.
    if (this.size >= 4096) {
      this.derived = new Map();
      this.size = 0;
      byKey = undefined;
    }
    if (byKey === undefined) {
      byKey = new Map();
      this.derived.set(parent, byKey);
    }
    byKey.set(key, scope);
    this.size++;
    return scope;
  }
}

/** The namespace of an element name in `scope`, or undefined when its prefix is not bound. */
export function elementNamespace(name: QNameParts, scope: NamespaceScope): string | undefined {
  return name.prefix === '' ? (scope[''] ?? '') : scope[name.prefix];
}

/**
 * The attributes of an element (declarations left out), expanded against its scope and checked to be unique as
 * expanded names. Unprefixed attributes are in no namespace (section 6.2).
 */
export function expandAttributes(
  names: readonly QNameParts[],
  values: readonly string[],
  count: number,
  scope: NamespaceScope,
  fail: AttributeFail,
): XmlAttribute[] {
  let size = 0;
  for (let k = 0; k < count; k++) if (!names[k]!.declaration) size++;
  // Sized exactly: most elements have one or two attributes, and a grown array would reserve room for 17.
  const attrs = new Array<XmlAttribute>(size);
  let prefixed = false;
  for (let k = 0, j = 0; k < count; k++) {
    const name = names[k]!;
    if (name.declaration) continue;
    let ns = '';
    if (name.prefix !== '') {
      const bound = scope[name.prefix];
      if (bound === undefined) fail(k, `unbound namespace prefix '${name.prefix}' in attribute '${name.qname}'`);
      ns = bound;
      prefixed = true;
    }
    attrs[j++] = { ns, local: name.local, prefix: name.prefix, value: values[k]! };
  }
  // Raw names are already unique, so two attributes can only clash after expansion when one has a prefix.
  if (prefixed) {
    const clash = findExpandedClash(attrs);
    if (clash >= 0) {
      const a = attrs[clash]!;
      // Report it at the attribute as written: the clash-th one that is not a declaration.
      let k = -1;
      for (let seen = -1; seen < clash; ) if (!names[++k]!.declaration) seen++;
      fail(k, `attribute {${a.ns}}${a.local} appears twice (after namespace expansion)`);
    }
  }
  return attrs;
}

/** The index of the first attribute whose expanded name repeats an earlier one, or -1. */
function findExpandedClash(attrs: readonly XmlAttribute[]): number {
  if (attrs.length > 16) {
    const seen = new Set<string>();
    for (let k = 0; k < attrs.length; k++) {
      const key = `{${attrs[k]!.ns}}${attrs[k]!.local}`;
      if (seen.has(key)) return k;
      seen.add(key);
    }
    return -1;
  }
  for (let k = 1; k < attrs.length; k++) {
    const a = attrs[k]!;
    for (let j = 0; j < k; j++) if (a.local === attrs[j]!.local && a.ns === attrs[j]!.ns) return k;
  }
  return -1;
}
