/**
 * Resolution of declarations and particles: global and local elements, attributes and attribute uses,
 * model groups (sequence, choice, all; named groups inlined), wildcards, occurrence bounds.
 */
import type { XmlElement } from '../xml/types.js';
import { ANY_SIMPLE_TYPE, ANY_TYPE, XSD_NAMESPACES } from './builtins.js';
import type {
  AttributeUse,
  ElementDeclaration,
  MaxOccurs,
  ModelGroupParticle,
  Particle,
  QNameKey,
  TypeRef,
  Wildcard,
} from './model.js';
import { parseQNameKey } from './model.js';
import { attr, childElements } from './node.js';
import type { RawComponent, SchemaDocument } from './read.js';
import type { Resolver } from './resolve.js';
import { inlineType } from './resolve-types.js';

const isTrue = (v: string | undefined) => v === 'true' || v === '1';

/**
 * A top-level element (Part 1, section 3.3.2):
 *   <element abstract? default? fixed? name nillable? substitutionGroup? type?>
 *     Content: (annotation?, ((simpleType | complexType)?, (unique | key | keyref)*))
 *   </element>
 * Without a type of its own, an element takes its substitution group head's type, else anyType.
 */
export function globalElement(ctx: Resolver, raw: RawComponent, key: QNameKey): ElementDeclaration {
  const { node, schema } = raw;
  const groupAttr = attr(node, 'substitutionGroup');
  // XSD 1.1 allows a list of heads; the first is the one recorded, every one is linked.
  const heads = (groupAttr ?? '').split(/\s+/).filter(Boolean);
  const head = heads.length ? ctx.reference(schema, node, heads[0]!, 'element') : undefined;
  let type = elementType(ctx, schema, node);
  if (!type) type = (head !== undefined ? ctx.element(head)?.type : undefined) ?? { ref: ANY_TYPE };
  return {
    name: parseQNameKey(key),
    type,
    ...flags(node),
    ...(head !== undefined ? { substitutionGroup: head } : {}),
  };
}

/** A top-level attribute declaration: always qualified by the schema's target namespace. */
export function globalAttribute(ctx: Resolver, raw: RawComponent, key: QNameKey): AttributeUse {
  return {
    name: parseQNameKey(key),
    type: attributeType(ctx, raw.schema, raw.node),
    use: 'optional',
    ...valueConstraint(raw.node),
  };
}

function flags(node: XmlElement): Pick<ElementDeclaration, 'nillable' | 'abstract' | 'default' | 'fixed'> {
  return {
    nillable: isTrue(attr(node, 'nillable')),
    abstract: isTrue(attr(node, 'abstract')),
    ...valueConstraint(node),
  };
}

function valueConstraint(node: XmlElement): { default?: string; fixed?: string } {
  const d = attr(node, 'default');
  const f = attr(node, 'fixed');
  return { ...(d !== undefined ? { default: d } : {}), ...(f !== undefined ? { fixed: f } : {}) };
}

/** The `type=` or anonymous type of an element; undefined when it states neither. */
function elementType(ctx: Resolver, schema: SchemaDocument, node: XmlElement): TypeRef | undefined {
  const t = attr(node, 'type');
  if (t !== undefined) return ctx.typeRef(schema, node, t);
  return inlineType(ctx, schema, node);
}

function attributeType(ctx: Resolver, schema: SchemaDocument, node: XmlElement): TypeRef {
  const t = attr(node, 'type');
  if (t !== undefined) return ctx.typeRef(schema, node, t);
  return inlineType(ctx, schema, node) ?? { ref: ANY_SIMPLE_TYPE };
}

/** minOccurs / maxOccurs (Part 1, section 3.9.2), both 1 by default. */
function occurs(node: XmlElement): { minOccurs: number; maxOccurs: MaxOccurs } {
  const min = attr(node, 'minOccurs');
  const max = attr(node, 'maxOccurs')?.trim();
  return {
    minOccurs: min === undefined ? 1 : Number.parseInt(min, 10) || 0,
    maxOccurs: max === undefined ? 1 : max === 'unbounded' ? 'unbounded' : Number.parseInt(max, 10) || 0,
  };
}

/** The model group a complexType (or extension/restriction, or named group) states: its group, all, choice or sequence child. */
export function modelGroupOf(ctx: Resolver, schema: SchemaDocument, node: XmlElement): Particle | undefined {
  for (const c of childElements(node, XSD_NAMESPACES)) {
    if (c.local === 'sequence' || c.local === 'choice' || c.local === 'all' || c.local === 'group') {
      return particle(ctx, schema, c);
    }
  }
  return undefined;
}

/**
 * One particle:
 *   <sequence|choice maxOccurs? minOccurs?> Content: (annotation?, (element | group | choice | sequence | any)*)
 *   <all maxOccurs? minOccurs?> Content: (annotation?, element*)
 *   <group ref maxOccurs? minOccurs?> (a named model group, inlined here)
 *   <any namespace? processContents? maxOccurs? minOccurs?>
 *   <element ref | name ...>
 */
function particle(ctx: Resolver, schema: SchemaDocument, node: XmlElement): Particle | undefined {
  switch (node.local) {
    case 'element':
      return elementParticle(ctx, schema, node);
    case 'sequence':
    case 'choice':
    case 'all': {
      const particles: Particle[] = [];
      for (const c of childElements(node, XSD_NAMESPACES)) {
        const p = particle(ctx, schema, c);
        if (p) particles.push(p);
      }
      return { kind: node.local, ...occurs(node), particles };
    }
    case 'group':
      return groupReference(ctx, schema, node);
    case 'any':
      return { kind: 'any', ...occurs(node), ...wildcard(schema, node) };
    default:
      return undefined;
  }
}

/** `<group ref=...>`: the named group's model group, with the reference's occurrence bounds. */
function groupReference(ctx: Resolver, schema: SchemaDocument, node: XmlElement): Particle | undefined {
  const ref = attr(node, 'ref');
  if (ref === undefined) {
    ctx.invalid(schema, node, 'xs:group inside a content model needs ref=');
    return undefined;
  }
  const key = ctx.reference(schema, node, ref, 'group');
  if (key === undefined) return undefined;
  const raw = ctx.raw.groups.get(key)!;
  const guard = `group ${key}`;
  if (ctx.active.has(guard)) {
    ctx.invalid(schema, node, `group ${key} contains itself`);
    return undefined;
  }
  ctx.active.add(guard);
  try {
    const inner = modelGroupOf(ctx, raw.schema, raw.node);
    if (!inner || inner.kind === 'element' || inner.kind === 'any') return inner;
    return { ...(inner as ModelGroupParticle), ...occurs(node) };
  } finally {
    ctx.active.delete(guard);
  }
}

/** An element particle: a reference to a global element, or a local declaration qualified per form. */
function elementParticle(ctx: Resolver, schema: SchemaDocument, node: XmlElement): Particle | undefined {
  const ref = attr(node, 'ref');
  if (ref !== undefined) {
    const key = ctx.reference(schema, node, ref, 'element');
    return key === undefined ? undefined : { kind: 'element', ...occurs(node), element: { ref: key } };
  }
  const name = attr(node, 'name');
  if (name === undefined) {
    ctx.invalid(schema, node, 'a local xs:element needs name= or ref=');
    return undefined;
  }
  const form = attr(node, 'form') ?? schema.elementFormDefault;
  const element: ElementDeclaration = {
    name: { ns: form === 'qualified' ? schema.targetNamespace : '', local: name },
    type: elementType(ctx, schema, node) ?? { ref: ANY_TYPE },
    ...flags(node),
  };
  return { kind: 'element', ...occurs(node), element };
}

/** xs:any / xs:anyAttribute. */
function wildcard(schema: SchemaDocument, node: XmlElement): Wildcard {
  const pc = attr(node, 'processContents');
  return {
    namespace: attr(node, 'namespace')?.trim() || '##any',
    targetNamespace: schema.targetNamespace,
    processContents: pc === 'lax' || pc === 'skip' ? pc : 'strict',
  };
}

/**
 * The attribute uses stated by a complexType, derivation or attributeGroup, attribute groups inlined:
 *   ((attribute | attributeGroup)*, anyAttribute?)
 */
export function attributeUses(
  ctx: Resolver,
  schema: SchemaDocument,
  node: XmlElement,
): { attributes: AttributeUse[]; anyAttribute?: Wildcard } {
  const attributes: AttributeUse[] = [];
  let anyAttribute: Wildcard | undefined;
  for (const c of childElements(node, XSD_NAMESPACES)) {
    if (c.local === 'attribute') {
      const use = attributeUse(ctx, schema, c);
      if (use) attributes.push(use);
    } else if (c.local === 'attributeGroup') {
      const inner = attributeGroup(ctx, schema, c);
      attributes.push(...inner.attributes);
      if (inner.anyAttribute && !anyAttribute) anyAttribute = inner.anyAttribute;
    } else if (c.local === 'anyAttribute') {
      anyAttribute = wildcard(schema, c);
    }
  }
  return anyAttribute ? { attributes, anyAttribute } : { attributes };
}

function attributeGroup(
  ctx: Resolver,
  schema: SchemaDocument,
  node: XmlElement,
): { attributes: AttributeUse[]; anyAttribute?: Wildcard } {
  const ref = attr(node, 'ref');
  const key = ref === undefined ? undefined : ctx.reference(schema, node, ref, 'attributeGroup');
  if (key === undefined) return { attributes: [] };
  const guard = `attributeGroup ${key}`;
  if (ctx.active.has(guard)) return { attributes: [] };
  ctx.active.add(guard);
  try {
    const raw = ctx.raw.attributeGroups.get(key)!;
    return attributeUses(ctx, raw.schema, raw.node);
  } finally {
    ctx.active.delete(guard);
  }
}

/**
 * attribute (Part 1, section 3.2.2):
 *   <attribute default? fixed? form? name? ref? type? use?> Content: (annotation?, simpleType?) </attribute>
 */
function attributeUse(ctx: Resolver, schema: SchemaDocument, node: XmlElement): AttributeUse | undefined {
  const u = attr(node, 'use');
  const use = u === 'required' || u === 'prohibited' ? u : 'optional';
  const ref = attr(node, 'ref');
  if (ref !== undefined) {
    const key = ctx.reference(schema, node, ref, 'attribute');
    const global = key === undefined ? undefined : ctx.attribute(key);
    if (!global) return undefined;
    const site = valueConstraint(node);
    return {
      name: global.name,
      type: global.type,
      use,
      ...valueConstraint(node),
      ...((site.default ?? site.fixed) ? {} : pick(global)),
    };
  }
  const name = attr(node, 'name');
  if (name === undefined) {
    ctx.invalid(schema, node, 'xs:attribute needs name= or ref=');
    return undefined;
  }
  const form = attr(node, 'form') ?? schema.attributeFormDefault;
  return {
    name: { ns: form === 'qualified' ? schema.targetNamespace : '', local: name },
    type: attributeType(ctx, schema, node),
    use,
    ...valueConstraint(node),
  };
}

function pick(a: AttributeUse): { default?: string; fixed?: string } {
  return {
    ...(a.default !== undefined ? { default: a.default } : {}),
    ...(a.fixed !== undefined ? { fixed: a.fixed } : {}),
  };
}
