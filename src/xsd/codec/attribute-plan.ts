/**
 * Attribute uses of a complex type (XML Schema Part 1, section 3.2) compiled for the complex codec: one slot
 * per attribute with its value codec, a dispatch map, and the defaults to fill in when decoding.
 */
import type { AttributeUse } from '../model.js';
import type { SimpleValueCodec } from '../values/simple-codec.js';
import { internalize, isUnsafeKey, type PropertyNamer } from './names.js';
import type { CodecRegistry } from './registry.js';

/** One attribute property. */
export interface AttributeSlot {
  readonly name: string;
  readonly ns: string;
  readonly local: string;
  readonly unsafe: boolean;
  readonly required: boolean;
  /** The default or fixed value applied when the attribute is absent (section 3.2.1, {value constraint}). */
  readonly defaultText: string | undefined;
  readonly fixed: string | undefined;
  readonly codec: SimpleValueCodec;
}

/** The compiled attributes of one complex type. */
export interface AttributePlan {
  readonly slots: AttributeSlot[];
  /** namespace -> local name -> slot. */
  readonly dispatch: Map<string, Map<string, AttributeSlot>>;
  /** Slots with a default or fixed value. */
  readonly defaulted: AttributeSlot[];
}

/** Compiles attribute uses; prohibited ones are left out. Call after every element has been named. */
export function compileAttributes(
  uses: readonly AttributeUse[],
  namer: PropertyNamer,
  registry: CodecRegistry,
): AttributePlan {
  const slots: AttributeSlot[] = [];
  const dispatch = new Map<string, Map<string, AttributeSlot>>();
  for (const use of uses) {
    if (use.use === 'prohibited') continue;
    const name = namer.attribute(use.name.ns, use.name.local);
    const slot: AttributeSlot = {
      name: internalize(name),
      ns: use.name.ns,
      local: use.name.local,
      unsafe: isUnsafeKey(name),
      required: use.use === 'required',
      defaultText: use.default ?? use.fixed,
      fixed: use.fixed,
      codec: registry.simpleCodec(use.type),
    };
    slots.push(slot);
    let byLocal = dispatch.get(slot.ns);
    if (!byLocal) {
      byLocal = new Map();
      dispatch.set(slot.ns, byLocal);
    }
    byLocal.set(slot.local, slot);
  }
  return { slots, dispatch, defaulted: slots.filter((s) => s.defaultText !== undefined) };
}
