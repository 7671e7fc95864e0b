/**
 * Compiles a content model (XML Schema Part 1, section 3.8, model groups; 3.9 particles) into what the
 * complex codec runs: one slot per property, a dispatch map from `{ns}local` to slot for decoding, and a tree
 * of nodes that writes the slots back in content-model order when encoding. Element refs and substitution
 * groups are resolved here, once.
 */
import type { ElementDeclaration, Particle, QNameKey } from '../model.js';
import type { ElementCodec } from './element-codec.js';
import { internalize, isUnsafeKey, type PropertyNamer } from './names.js';
import type { CodecRegistry } from './registry.js';
import { type NamespaceTest, namespaceTest } from './wildcard.js';

/** One property of the decoded object that holds child elements. */
export interface ChildSlot {
  readonly index: number;
  readonly name: string;
  /**
   * The element's namespace (the wildcard slot has none). Mutable: the decoder swaps in the equal string
   * object the reader interned, so later comparisons succeed on pointer identity.
   */
  ns: string;
  readonly local: string;
  /** The next slot with the same local name in another namespace (the dispatch map is keyed by local name). */
  sameLocal: ChildSlot | undefined;
  /** Always an array: the element may occur more than once (its own maxOccurs or an enclosing group's). */
  repeated: boolean;
  /** `__proto__`, `constructor`, `prototype`: written with defineProperty. */
  readonly unsafe: boolean;
  /** The element's codec; undefined for the wildcard slot (`$any`), whose items are raw XML. */
  readonly element: ElementCodec | undefined;
}

/** A node of the encode tree. `max` is Infinity for `unbounded`. */
export type EncodeNode = LeafNode | GroupNode;

/** An element particle or a wildcard: writes items of one slot. */
export interface LeafNode {
  readonly kind: 'element' | 'any';
  readonly slot: number;
  readonly min: number;
  readonly max: number;
}

/** A model group. */
export interface GroupNode {
  readonly kind: 'sequence' | 'choice' | 'all';
  readonly min: number;
  readonly max: number;
  readonly children: readonly EncodeNode[];
  /** Every slot under this node, to tell whether the value has content for it. */
  readonly slots: readonly number[];
  /** True when writing nothing satisfies the group. */
  readonly emptiable: boolean;
}

/** True for element and wildcard nodes. */
export function isLeaf(node: EncodeNode): node is LeafNode {
  return node.kind === 'element' || node.kind === 'any';
}

/** The compiled content model of one complex type. */
export interface ContentPlan {
  readonly slots: ChildSlot[];
  /** local name -> slot (chained through `sameLocal` when two namespaces share the local name). */
  readonly dispatch: Map<string, ChildSlot>;
  readonly root: EncodeNode;
  /** The `$any` slot and the namespace tests of the wildcards that fill it. */
  readonly anySlot: ChildSlot | undefined;
  readonly wildcards: NamespaceTest[];
  /** Slots that must be present whenever the element is (checked when decoding in strict mode). */
  readonly required: ChildSlot[];
}

function maxOf(max: number | 'unbounded'): number {
  return max === 'unbounded' ? Number.POSITIVE_INFINITY : max;
}

function slotsUnder(node: EncodeNode): number[] {
  return isLeaf(node) ? [node.slot] : [...node.slots];
}

function isEmptiable(node: EncodeNode): boolean {
  if (node.min === 0) return true;
  return isLeaf(node) ? false : node.emptiable;
}

/** Compiles a particle tree. */
export function compileContent(particle: Particle, namer: PropertyNamer, registry: CodecRegistry): ContentPlan {
  const slots: ChildSlot[] = [];
  const dispatch = new Map<string, ChildSlot>();
  const wildcards: NamespaceTest[] = [];
  const required = new Set<ChildSlot>();
  let anySlot: ChildSlot | undefined;

  const elementNode = (
    codec: ElementCodec,
    min: number,
    max: number,
    repeated: boolean,
    mustAppear: boolean,
  ): EncodeNode => {
    const { name, shared } = namer.element(codec.ns, codec.local);
    let slot = shared ? slots.find((s) => s.name === name)! : undefined;
    if (slot) slot.repeated = true;
    else {
      slot = {
        index: slots.length,
        name: internalize(name),
        ns: codec.ns,
        local: codec.local,
        sameLocal: undefined,
        repeated: repeated || max > 1,
        unsafe: isUnsafeKey(name),
        element: codec,
      };
      slots.push(slot);
      const first = dispatch.get(codec.local);
      if (first === undefined) dispatch.set(codec.local, slot);
      else {
        let last = first;
        while (last.sameLocal !== undefined) last = last.sameLocal;
        last.sameLocal = slot;
      }
    }
    if (mustAppear && min > 0) required.add(slot);
    return { kind: 'element', slot: slot.index, min, max };
  };

  const walk = (p: Particle, repeated: boolean, mustAppear: boolean): EncodeNode => {
    const min = p.minOccurs;
    const max = maxOf(p.maxOccurs);
    switch (p.kind) {
      case 'element': {
        const ref = 'ref' in p.element ? p.element.ref : undefined;
        const declaration: ElementDeclaration = ref ? registry.globalElement(ref) : (p.element as ElementDeclaration);
        const members: readonly QNameKey[] = ref ? (registry.schema.substitutionGroups[ref] ?? []) : [];
        const codec = registry.elementCodec(ref ?? declaration);
        if (members.length === 0) return elementNode(codec, min, max, repeated, mustAppear);
        // A substitution group head stands for a choice of itself (unless abstract) and its members.
        const inner = repeated || max > 1;
        const children: EncodeNode[] = [];
        if (!declaration.abstract) children.push(elementNode(codec, 1, 1, inner, false));
        for (const member of members) {
          if (registry.globalElement(member).abstract) continue;
          children.push(elementNode(registry.elementCodec(member), 1, 1, inner, false));
        }
        return { kind: 'choice', min, max, children, slots: children.flatMap(slotsUnder), emptiable: min === 0 };
      }
      case 'any': {
        if (anySlot) anySlot.repeated = true;
        else {
          anySlot = {
            index: slots.length,
            name: '$any',
            ns: '',
            local: '',
            sameLocal: undefined,
            repeated: repeated || max > 1,
            unsafe: false,
            element: undefined,
          };
          slots.push(anySlot);
        }
        wildcards.push(namespaceTest(p));
        return { kind: 'any', slot: anySlot.index, min, max };
      }
      default: {
        const inner = repeated || max > 1;
        const childMust = mustAppear && min > 0 && p.kind !== 'choice';
        const children = p.particles.map((c) => walk(c, inner, childMust));
        const emptiable =
          p.kind === 'choice' ? children.length === 0 || children.some(isEmptiable) : children.every(isEmptiable);
        return { kind: p.kind, min, max, children, slots: children.flatMap(slotsUnder), emptiable };
      }
    }
  };

  const root = walk(particle, false, true);
  return { slots, dispatch, root, anySlot, wildcards, required: [...required] };
}
