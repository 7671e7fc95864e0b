/**
 * The properties of a complex type's value, named and shaped exactly as the codecs do it
 * (`src/xsd/codec/content-plan.ts` and `attribute-plan.ts`, docs/mapping.md "Names" and "Occurrence"):
 * elements first in content-model order through the same `PropertyNamer`, then attributes; an element is an
 * array when it, or a group around it, may repeat, or when it appears twice; a property is required only
 * when the element must appear (every group above it is required and none is a choice).
 */
import { PropertyNamer } from '../xsd/codec/names.js';
import type { ComplexType, ElementDeclaration, Particle, QNameKey, SchemaSet, TypeRef } from '../xsd/model.js';
import { parseQNameKey } from '../xsd/model.js';

/** One child-element property (or `$any` for wildcards). */
export interface ElementSlot {
  readonly name: string;
  /** The declaration; undefined for `$any` and for a reference to an element the schema set lacks. */
  readonly declaration: ElementDeclaration | undefined;
  repeated: boolean;
  required: boolean;
}

/** One attribute property. */
export interface AttributeSlot {
  readonly name: string;
  readonly type: TypeRef;
  readonly required: boolean;
}

/** Everything a complex type's value may hold. */
export interface ComplexShape {
  readonly elements: ElementSlot[];
  readonly attributes: AttributeSlot[];
  /** `$value`: the simple content's type. */
  readonly simpleContent: TypeRef | undefined;
  /** `$text`: mixed content. */
  readonly text: boolean;
  /** `$attributes`: an attribute wildcard. */
  readonly anyAttribute: boolean;
}

const maxOf = (max: number | 'unbounded'): number => (max === 'unbounded' ? Number.POSITIVE_INFINITY : max);

/** The shape of a complex type's values (default namespace prefixes, as the generated client uses). */
export function complexShape(type: ComplexType, schema: SchemaSet): ComplexShape {
  const namer = new PropertyNamer({});
  const elements: ElementSlot[] = [];
  let simpleContent: TypeRef | undefined;
  let text = false;
  if (type.content.kind === 'particle') {
    collectSlots(type.content.particle, schema, namer, elements);
    text = type.mixed;
  } else if (type.content.kind === 'simple') simpleContent = type.content.type;
  else text = type.mixed;
  const attributes: AttributeSlot[] = [];
  for (const use of type.attributes) {
    if (use.use === 'prohibited') continue;
    attributes.push({
      name: namer.attribute(use.name.ns, use.name.local),
      type: use.type,
      required: use.use === 'required',
    });
  }
  return { elements, attributes, simpleContent, text, anyAttribute: type.anyAttribute !== undefined };
}

/** True when a value of the shape needs at least one property (so `{}` is not a valid value). */
export function hasRequired(shape: ComplexShape): boolean {
  return (
    shape.simpleContent !== undefined ||
    shape.elements.some((e) => e.required) ||
    shape.attributes.some((a) => a.required)
  );
}

function collectSlots(root: Particle, schema: SchemaSet, namer: PropertyNamer, slots: ElementSlot[]): void {
  let anySlot: ElementSlot | undefined;
  const element = (
    declaration: ElementDeclaration | undefined,
    key: QNameKey,
    min: number,
    max: number,
    repeated: boolean,
    must: boolean,
  ) => {
    const { ns, local } = declaration?.name ?? parseQNameKey(key);
    const { name, shared } = namer.element(ns, local);
    let slot = shared ? slots.find((s) => s.name === name) : undefined;
    if (slot) slot.repeated = true;
    else {
      slot = { name, declaration, repeated: repeated || max > 1, required: false };
      slots.push(slot);
    }
    if (must && min > 0) slot.required = true;
  };
  const walk = (p: Particle, repeated: boolean, must: boolean): void => {
    const min = p.minOccurs;
    const max = maxOf(p.maxOccurs);
    if (p.kind === 'element') {
      const ref = 'ref' in p.element ? p.element.ref : undefined;
      const declaration = ref === undefined ? (p.element as ElementDeclaration) : schema.elements[ref];
      const members = ref === undefined ? [] : (schema.substitutionGroups[ref] ?? []);
      const key = ref ?? '';
      if (members.length === 0) {
        element(declaration, key, min, max, repeated, must);
        return;
      }
      // A substitution group head stands for a choice of itself (unless abstract) and its members.
      const inner = repeated || max > 1;
      if (declaration !== undefined && !declaration.abstract) element(declaration, key, 1, 1, inner, false);
      for (const member of members) {
        const m = schema.elements[member];
        if (m === undefined || m.abstract) continue;
        element(m, member, 1, 1, inner, false);
      }
      return;
    }
    if (p.kind === 'any') {
      if (anySlot) anySlot.repeated = true;
      else {
        anySlot = { name: '$any', declaration: undefined, repeated: repeated || max > 1, required: false };
        slots.push(anySlot);
      }
      return;
    }
    const inner = repeated || max > 1;
    const childMust = must && min > 0 && p.kind !== 'choice';
    for (const child of p.particles) walk(child, inner, childMust);
  };
  walk(root, false, true);
}
