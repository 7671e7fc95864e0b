/**
 * Writes element content in content-model order (XML Schema Part 1, section 3.8 model groups): sequences in
 * order, the first choice branch the value has content for, `all` in declared order. Each slot's items are
 * consumed as the particles that name it are met, so a repeating group `(k, v)*` is rebuilt item by item and
 * an element named twice in a sequence takes its items in turn. What is left over is an issue.
 */
import type { XmlWriter } from '../../xml/writer.js';
import { preview } from '../values/simple-codec.js';
import type { ChildSlot, ContentPlan, EncodeNode, LeafNode } from './content-plan.js';
import { isLeaf } from './content-plan.js';
import type { EncodeContext } from './context.js';
import { getOwn } from './names.js';
import { isRawXml } from './raw-xml.js';

/** Per-encode state: each slot's items and how many have been written. */
interface EncodeState {
  readonly slots: readonly ChildSlot[];
  readonly items: (unknown[] | undefined)[];
  readonly used: number[];
}

/** Writes the child elements of `obj` for a compiled content model. */
export function encodeElements(
  w: XmlWriter,
  obj: Record<string, unknown>,
  content: ContentPlan,
  ctx: EncodeContext,
): void {
  const slots = content.slots;
  const state: EncodeState = { slots, items: new Array(slots.length), used: new Array(slots.length).fill(0) };
  for (const slot of slots) {
    const value = slot.unsafe ? getOwn(obj, slot.name) : obj[slot.name];
    if (value === undefined || (value === null && omitsNull(slot, content))) continue;
    // A repeated slot takes an array (or one item); a single slot's value may itself be an array (a list type).
    state.items[slot.index] = slot.repeated && Array.isArray(value) ? value : [value];
  }
  encodeNode(w, content.root, state, ctx);
  for (const slot of slots) {
    const items = state.items[slot.index];
    if (items !== undefined && state.used[slot.index]! < items.length) {
      ctx.issue(
        'too_many',
        `${items.length - state.used[slot.index]!} value(s) of ${slot.name} have no place in the content model ` +
          '(maxOccurs reached, or another branch of a choice is present)',
        slot.name,
      );
    }
  }
}

/**
 * `null` for an optional element that is not nillable means "no value": it is omitted, as zeep does, rather
 * than refused (xsi:nil would be invalid there, XML Schema Part 1, section 3.3.4, Element Locally Valid 3.1).
 * A required or nillable element keeps the usual rule (xsi:nil, or the not_nillable issue).
 */
function omitsNull(slot: ChildSlot, content: ContentPlan): boolean {
  return slot.element !== undefined && !slot.element.declaration.nillable && !content.required.includes(slot);
}

function hasRemaining(node: EncodeNode, state: EncodeState): boolean {
  if (isLeaf(node)) {
    const items = state.items[node.slot];
    return items !== undefined && state.used[node.slot]! < items.length;
  }
  const slots = node.slots;
  for (const index of slots) {
    const items = state.items[index];
    if (items !== undefined && state.used[index]! < items.length) return true;
  }
  return false;
}

/** Writes one node; returns how many elements it wrote. */
function encodeNode(w: XmlWriter, node: EncodeNode, state: EncodeState, ctx: EncodeContext): number {
  if (isLeaf(node)) return encodeSlot(w, node, state, ctx);
  let total = 0;
  for (let i = 0; i < node.max; i++) {
    if (i >= node.min && !hasRemaining(node, state)) break;
    let written = 0;
    if (node.kind === 'choice') {
      const branch = node.children.find((c) => hasRemaining(c, state));
      if (branch === undefined) {
        if (!node.emptiable && i < Math.max(node.min, 1)) {
          const names = node.slots.map((s) => state.slots[s]!.name).join(', ');
          ctx.issue('required', `one of ${names} is required`);
        }
        break;
      }
      written = encodeNode(w, branch, state, ctx);
    } else {
      for (const child of node.children) written += encodeNode(w, child, state, ctx);
    }
    total += written;
    if (written === 0) break;
  }
  return total;
}

function encodeSlot(w: XmlWriter, node: LeafNode, state: EncodeState, ctx: EncodeContext): number {
  const slot = state.slots[node.slot]!;
  const items = state.items[node.slot];
  const used = state.used[node.slot]!;
  const available = items === undefined ? 0 : items.length - used;
  const count = Math.min(available, node.max);
  for (let n = 0; n < count; n++) {
    const item = items![used + n];
    if (slot.repeated) ctx.path.push(slot.name, used + n);
    else ctx.path.push(slot.name);
    if (slot.element === undefined) {
      if (isRawXml(item)) w.raw(item.$xml);
      else ctx.issue('invalid_type', `wildcard content must be raw XML ({ $xml }), got ${preview(item)}`);
    } else if (item !== undefined) {
      slot.element.encode(w, item, ctx);
    }
    ctx.path.length -= slot.repeated ? 2 : 1;
  }
  state.used[node.slot] = used + count;
  if (count < node.min) {
    const what = slot.element === undefined ? 'wildcard content' : `element ${slot.name}`;
    const words = node.min === 1 ? `required ${what} is missing` : `${what} needs at least ${node.min} items`;
    ctx.issue('required', words, slot.name);
  }
  return count;
}
