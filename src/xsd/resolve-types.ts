/**
 * Resolution of type definitions: simple types (restriction with merged facets, list, union) and complex
 * types (empty, element-only or mixed content, simpleContent and complexContent derivation).
 */
import type { XmlElement } from '../xml/types.js';
import { ANY_SIMPLE_TYPE, ANY_TYPE, XSD_NAMESPACES } from './builtins.js';
import { hasFacets, mergeFacets } from './facets.js';
import type {
  AttributeUse,
  ComplexType,
  ContentModel,
  Particle,
  QNameKey,
  SimpleType,
  TypeDefinition,
  TypeRef,
  Wildcard,
} from './model.js';
import { attr, childElements } from './node.js';
import type { RawComponent, SchemaDocument } from './read.js';
import type { Resolver } from './resolve.js';
import { attributeUses, modelGroupOf } from './resolve-declarations.js';
import { soapArrayItemType } from './resolve-soap-array.js';

/** Resolves the top-level type `key` declared by `raw`. */
export function namedTypeDefinition(ctx: Resolver, raw: RawComponent, key: QNameKey): TypeDefinition {
  return raw.node.local === 'complexType'
    ? complexType(ctx, raw.schema, raw.node, key)
    : simpleType(ctx, raw.schema, raw.node, key);
}

/** An anonymous type declared in place (an `xs:simpleType` or `xs:complexType` child of `node`), if any. */
export function inlineType(ctx: Resolver, schema: SchemaDocument, node: XmlElement): TypeDefinition | undefined {
  for (const c of childElements(node, XSD_NAMESPACES)) {
    if (c.local === 'complexType') return complexType(ctx, schema, c, undefined);
    if (c.local === 'simpleType') return simpleType(ctx, schema, c, undefined);
  }
  return undefined;
}

/** The definition a TypeRef stands for. */
function definitionOf(ctx: Resolver, ref: TypeRef): TypeDefinition | undefined {
  return 'ref' in ref ? ctx.namedType(ref.ref) : ref;
}

/**
 * The base of a derivation named `base=` on `node`. A redefinition naming itself (Part 1, section 4.2.2)
 * derives from the original it replaces.
 */
function baseOf(
  ctx: Resolver,
  schema: SchemaDocument,
  node: XmlElement,
  own: QNameKey | undefined,
): { key?: QNameKey; def?: TypeDefinition } {
  const value = attr(node, 'base');
  if (value === undefined) return {};
  const key = ctx.reference(schema, node, value, 'type') ?? ANY_TYPE;
  const original = key === own ? ctx.raw.redefined.get(key) : undefined;
  if (original) {
    const def =
      original.node.local === 'complexType'
        ? complexType(ctx, original.schema, original.node, undefined)
        : simpleType(ctx, original.schema, original.node, undefined);
    return def.base === undefined ? { def } : { key: def.base, def };
  }
  return { key, def: ctx.namedType(key) };
}

/**
 * simpleType (Part 2, section 4.1.2):
 *   <simpleType name?> Content: (annotation?, (restriction | list | union)) </simpleType>
 *   <restriction base?> Content: (annotation?, (simpleType?, facets*)) </restriction>
 *   <list itemType?> Content: (annotation?, simpleType?) </list>
 *   <union memberTypes?> Content: (annotation?, simpleType*) </union>
 */
export function simpleType(ctx: Resolver, schema: SchemaDocument, node: XmlElement, name?: QNameKey): SimpleType {
  const named = name === undefined ? {} : { name };
  const body = childElements(node, XSD_NAMESPACES).find((c) => c.local !== 'annotation');
  if (body?.local === 'list') {
    const itemAttr = attr(body, 'itemType');
    const itemType: TypeRef =
      itemAttr !== undefined
        ? ctx.typeRef(schema, body, itemAttr)
        : (inlineType(ctx, schema, body) ?? { ref: ANY_SIMPLE_TYPE });
    return { kind: 'simple', ...named, variety: 'list', facets: { whiteSpace: 'collapse' }, itemType };
  }
  if (body?.local === 'union') {
    const memberTypes: TypeRef[] = [];
    for (const m of (attr(body, 'memberTypes') ?? '').split(/\s+/)) {
      if (m) memberTypes.push(ctx.typeRef(schema, body, m));
    }
    for (const c of childElements(body, XSD_NAMESPACES)) {
      if (c.local === 'simpleType') memberTypes.push(simpleType(ctx, schema, c, undefined));
    }
    return { kind: 'simple', ...named, variety: 'union', facets: {}, memberTypes };
  }
  if (body?.local !== 'restriction') {
    ctx.invalid(schema, node, 'xs:simpleType needs one of xs:restriction, xs:list or xs:union');
    return { kind: 'simple', ...named, variety: 'atomic', base: ANY_SIMPLE_TYPE, facets: {} };
  }
  const { key, def } = baseOf(ctx, schema, body, name);
  const base = def ?? inlineType(ctx, schema, body);
  return restrictSimple(base, body, key, named);
}

/** A simple type restricting `base` by the facets of `restriction`. */
function restrictSimple(
  base: TypeDefinition | undefined,
  restriction: XmlElement,
  baseKey: QNameKey | undefined,
  named: { name?: QNameKey },
): SimpleType {
  // A complex base here is a schema error or anyType; its value space is anySimpleType's.
  const b: SimpleType | undefined = base?.kind === 'simple' ? base : undefined;
  const out: SimpleType = {
    kind: 'simple',
    ...named,
    variety: b?.variety ?? 'atomic',
    ...(b?.builtin ? { builtin: b.builtin } : {}),
    ...(b?.primitive ? { primitive: b.primitive } : {}),
    ...(baseKey === undefined ? {} : { base: baseKey }),
    facets: mergeFacets(b?.facets ?? {}, restriction),
    ...(b?.itemType ? { itemType: b.itemType } : {}),
    ...(b?.memberTypes ? { memberTypes: b.memberTypes } : {}),
  };
  return out;
}

/**
 * complexType (Part 1, section 3.4.2):
 *   <complexType abstract? mixed? name?>
 *     Content: (annotation?, (simpleContent | complexContent |
 *               ((group | all | choice | sequence)?, ((attribute | attributeGroup)*, anyAttribute?))))
 *   </complexType>
 *   <complexContent mixed?> Content: (annotation?, (restriction | extension)) </complexContent>
 *   <simpleContent> Content: (annotation?, (restriction | extension)) </simpleContent>
 */
export function complexType(ctx: Resolver, schema: SchemaDocument, node: XmlElement, name?: QNameKey): ComplexType {
  const named = name === undefined ? {} : { name };
  const abstract = attr(node, 'abstract') === 'true' || attr(node, 'abstract') === '1';
  let mixed = attr(node, 'mixed') === 'true' || attr(node, 'mixed') === '1';
  const children = childElements(node, XSD_NAMESPACES);
  const wrapper = children.find((c) => c.local === 'complexContent' || c.local === 'simpleContent');
  if (!wrapper) {
    const own = ownContent(ctx, schema, node);
    return { kind: 'complex', ...named, abstract, mixed, content: own.content, ...own.attrs };
  }
  const derivation = childElements(wrapper, XSD_NAMESPACES).find(
    (c) => c.local === 'extension' || c.local === 'restriction',
  );
  if (!derivation) {
    ctx.invalid(schema, wrapper, `xs:${wrapper.local} needs xs:extension or xs:restriction`);
    return { kind: 'complex', ...named, abstract, mixed, content: { kind: 'empty' }, attributes: [] };
  }
  const wrapperMixed = attr(wrapper, 'mixed');
  if (wrapperMixed !== undefined) mixed = wrapperMixed === 'true' || wrapperMixed === '1';
  const kind = derivation.local as 'extension' | 'restriction';
  const { key: baseKey, def: baseDef } = baseOf(ctx, schema, derivation, name);
  const head = { kind: 'complex' as const, ...named, abstract, mixed, ...(baseKey ? { base: baseKey } : {}) };
  const own = ownContent(ctx, schema, derivation);
  const baseComplex = baseDef?.kind === 'complex' ? baseDef : undefined;
  const attrs = mergeAttributes(baseComplex, own.attrs);
  let content: ContentModel;
  if (wrapper.local === 'simpleContent') {
    content = simpleContent(ctx, schema, derivation, kind, baseKey, baseDef);
  } else if (kind === 'restriction') {
    content = own.content;
    const item = soapArrayItemType(schema, derivation);
    if (item !== undefined) return { ...head, derivation: kind, content, ...attrs, arrayItemType: item };
  } else {
    content = extendContent(baseComplex?.content, own.content);
    if (baseComplex?.mixed && !mixed && wrapperMixed === undefined) head.mixed = true;
  }
  return { ...head, derivation: kind, content, ...attrs };
}

/** The content and attributes a complexType or derivation element states itself. */
function ownContent(
  ctx: Resolver,
  schema: SchemaDocument,
  node: XmlElement,
): { content: ContentModel; attrs: { attributes: AttributeUse[]; anyAttribute?: Wildcard } } {
  const particle = modelGroupOf(ctx, schema, node);
  const content: ContentModel = particle ? { kind: 'particle', particle } : { kind: 'empty' };
  return { content, attrs: attributeUses(ctx, schema, node) };
}

/** Extension (Part 1, section 3.4.2, complex content): the base's particle, then this type's own, in a sequence. */
function extendContent(base: ContentModel | undefined, own: ContentModel): ContentModel {
  if (base?.kind !== 'particle') return own;
  if (own.kind !== 'particle') return base;
  const particles: Particle[] = [...flatten(base.particle), ...flatten(own.particle)];
  return { kind: 'particle', particle: { kind: 'sequence', minOccurs: 1, maxOccurs: 1, particles } };
}

/** A once-only sequence contributes its particles; anything else contributes itself. */
function flatten(p: Particle): Particle[] {
  return p.kind === 'sequence' && p.minOccurs === 1 && p.maxOccurs === 1 ? p.particles : [p];
}

/** simpleContent: the text's type, from a simple base or from a complex base with simple content. */
function simpleContent(
  ctx: Resolver,
  schema: SchemaDocument,
  derivation: XmlElement,
  kind: 'extension' | 'restriction',
  baseKey: QNameKey | undefined,
  baseDef: TypeDefinition | undefined,
): ContentModel {
  let textType: TypeRef = baseDef?.kind === 'simple' && baseKey ? { ref: baseKey } : { ref: ANY_SIMPLE_TYPE };
  if (baseDef?.kind === 'complex' && baseDef.content.kind === 'simple') textType = baseDef.content.type;
  if (kind === 'extension' || (!hasFacets(derivation) && !inlineSimple(derivation))) {
    return { kind: 'simple', type: textType };
  }
  const inline = inlineSimple(derivation);
  const base = inline ? simpleType(ctx, schema, inline, undefined) : definitionOf(ctx, textType);
  const baseName = !inline && 'ref' in textType ? textType.ref : undefined;
  return { kind: 'simple', type: restrictSimple(base, derivation, baseName, {}) };
}

function inlineSimple(derivation: XmlElement): XmlElement | undefined {
  return childElements(derivation, XSD_NAMESPACES).find((c) => c.local === 'simpleType');
}

/**
 * Attribute uses of a derived type: the base's, then this type's own; an own use of the same name replaces the
 * base's, and `use="prohibited"` removes it (Part 1, section 3.4.2, {attribute uses}).
 */
function mergeAttributes(
  base: ComplexType | undefined,
  own: { attributes: AttributeUse[]; anyAttribute?: Wildcard },
): { attributes: AttributeUse[]; anyAttribute?: Wildcard } {
  const byName = new Map<string, AttributeUse>();
  for (const a of base?.attributes ?? []) byName.set(`{${a.name.ns}}${a.name.local}`, a);
  for (const a of own.attributes) byName.set(`{${a.name.ns}}${a.name.local}`, a);
  const attributes = [...byName.values()].filter((a) => a.use !== 'prohibited');
  const anyAttribute = own.anyAttribute ?? base?.anyAttribute;
  return anyAttribute ? { attributes, anyAttribute } : { attributes };
}
