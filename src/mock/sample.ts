/**
 * Sample values: for any type of a compiled model, a value that the codecs encode into schema-valid XML.
 * - every required element is present, optional ones once while the value is still shallow (cheap), arrays
 *   (maxOccurs > 1, or inside a repeated group) with their minOccurs items, at least one;
 * - a choice takes its first branch that can be built; an abstract type its first concrete derived type, named
 *   with `$type` (xsi:type); an abstract element head its first concrete substitution group member;
 * - recursion stops at optional and array boundaries: a type already being built is left out where the
 *   content model allows it, so the result is always finite.
 * Property names follow the codecs' rules (elements in content-model order, then attributes).
 */
import type { CompiledModel, Operation } from '../wsdl/model.js';
import { createCodecs, type SchemaCodecs } from '../xsd/codec/index.js';
import { PropertyNamer } from '../xsd/codec/names.js';
import {
  type ComplexType,
  type ElementDeclaration,
  type Particle,
  parseQNameKey,
  type QNameKey,
  type SchemaSet,
  type TypeDefinition,
  type TypeRef,
  type Wildcard,
} from '../xsd/model.js';
import { sampleSimple } from './simple-sample.js';

/** Optional content is filled in only this close to the top of the value. */
const CHEAP_DEPTH = 3;
/** A hard stop for schemas whose required content never ends (not valid XML Schema, but seen). */
const MAX_DEPTH = 24;
const XS_ANY_TYPE = new Set([
  '{http://www.w3.org/2001/XMLSchema}anyType',
  '{http://www.w3.org/2001/XMLSchema}anySimpleType',
]);
const NOT_BUILT = Symbol('not built');

type Built = unknown | typeof NOT_BUILT;

function schemaOf(model: CompiledModel | SchemaSet): SchemaSet {
  return 'schema' in model ? model.schema : model;
}

function maxOf(max: number | 'unbounded'): number {
  return max === 'unbounded' ? Number.POSITIVE_INFINITY : max;
}

/** Builds sample values for one schema set. */
class Sampler {
  private readonly building = new Set<unknown>();
  private depth = 0;

  constructor(
    private readonly schema: SchemaSet,
    private readonly codecs: SchemaCodecs,
  ) {}

  /** A value of a type; `name` seeds string values. */
  type(ref: TypeRef | QNameKey, name: string): Built {
    const key = typeof ref === 'string' ? ref : 'ref' in ref ? ref.ref : undefined;
    if (key !== undefined && XS_ANY_TYPE.has(key)) return name;
    const def: TypeDefinition | undefined = key === undefined ? (ref as TypeDefinition) : this.schema.types[key];
    if (!def) return sampleSimple(this.schema, this.codecs, key!, name);
    if (def.kind === 'simple') return sampleSimple(this.schema, this.codecs, key ?? def, name);
    if (def.abstract) {
      for (const derived of key ? (this.schema.derivedTypes[key] ?? []) : []) {
        const candidate = this.schema.types[derived];
        if (candidate?.kind !== 'complex' || candidate.abstract) continue;
        const value = this.complex(candidate, derived, name);
        if (value !== NOT_BUILT) return { ...(value as object), $type: derived };
      }
      return NOT_BUILT;
    }
    return this.complex(def, key ?? def, name);
  }

  /** A value of an element declaration: its fixed or default value, else a value of its type. */
  element(decl: ElementDeclaration): Built {
    const constraint = decl.fixed ?? decl.default;
    if (constraint !== undefined) {
      try {
        return this.codecs.decodeSimple(constraint, decl.type);
      } catch {
        // A complex type with simple content: fall through to a sample.
      }
    }
    return this.type(decl.type, decl.name.local);
  }

  private complex(def: ComplexType, identity: unknown, name: string): Built {
    if (this.building.has(identity) || this.depth >= MAX_DEPTH) return NOT_BUILT;
    this.building.add(identity);
    this.depth++;
    try {
      const obj: Record<string, unknown> = {};
      const namer = new PropertyNamer({});
      if (def.content.kind === 'particle') {
        this.nameElements(def.content.particle, namer);
        if (!this.particle(def.content.particle, obj, false, namer)) return NOT_BUILT;
      } else if (def.content.kind === 'simple') {
        obj.$value = sampleSimple(this.schema, this.codecs, def.content.type, name);
      }
      for (const use of def.attributes) {
        if (use.use === 'prohibited') continue;
        const property = namer.attribute(use.name.ns, use.name.local);
        const constraint = use.fixed ?? use.default;
        define(
          obj,
          property,
          constraint !== undefined
            ? this.codecs.decodeSimple(constraint, use.type)
            : sampleSimple(this.schema, this.codecs, use.type, use.name.local),
        );
      }
      return obj;
    } finally {
      this.depth--;
      this.building.delete(identity);
    }
  }

  /** Names every element of the content model in the codecs' order, taken branches or not. */
  private nameElements(p: Particle, namer: PropertyNamer): void {
    if (p.kind === 'any') return;
    if (p.kind !== 'element') {
      for (const child of p.particles) this.nameElements(child, namer);
      return;
    }
    const ref = 'ref' in p.element ? p.element.ref : undefined;
    const decl = this.declaration(p);
    const members = ref ? (this.schema.substitutionGroups[ref] ?? []) : [];
    if (members.length === 0 || !decl.abstract) namer.element(decl.name.ns, decl.name.local);
    for (const member of members) {
      const m = this.schema.elements[member];
      if (m && !m.abstract) namer.element(m.name.ns, m.name.local);
    }
  }

  private declaration(p: Particle & { kind: 'element' }): ElementDeclaration {
    if (!('ref' in p.element)) return p.element;
    const decl = this.schema.elements[p.element.ref];
    if (decl) return decl;
    const name = parseQNameKey(p.element.ref);
    return { name, type: { ref: '{http://www.w3.org/2001/XMLSchema}anyType' }, nillable: false, abstract: false };
  }

  /** Fills `obj` with the content of `p`; false when required content cannot be built. */
  private particle(p: Particle, obj: Record<string, unknown>, repeated: boolean, namer: PropertyNamer): boolean {
    const optional = p.minOccurs === 0;
    if (optional && this.depth > CHEAP_DEPTH) return true;
    const max = maxOf(p.maxOccurs);
    switch (p.kind) {
      case 'element': {
        const decl = this.concrete(p);
        if (!decl) return optional;
        let value = this.element(decl);
        if (value === NOT_BUILT) {
          if (optional) return true;
          if (!decl.nillable) return false;
          value = null;
        }
        const property = namer.element(decl.name.ns, decl.name.local).name;
        const count = Math.max(1, Math.min(p.minOccurs, 3));
        define(obj, property, repeated || max > 1 ? Array.from({ length: count }, () => value) : value);
        return true;
      }
      case 'any': {
        if (optional) return true;
        const raw = { $xml: `<sample xmlns="${wildcardNamespace(p)}"/>` };
        define(obj, '$any', repeated || max > 1 ? [raw] : raw);
        return true;
      }
      case 'choice': {
        for (const branch of p.particles) {
          const trial: Record<string, unknown> = {};
          if (this.particle(branch, trial, repeated || max > 1, namer)) {
            Object.assign(obj, trial);
            return true;
          }
        }
        return optional || p.particles.length === 0;
      }
      default: {
        const trial: Record<string, unknown> = {};
        for (const child of p.particles) {
          if (!this.particle(child, trial, repeated || max > 1, namer)) return optional;
        }
        Object.assign(obj, trial);
        return true;
      }
    }
  }

  /** The declaration to write for an element particle: an abstract head's first concrete member. */
  private concrete(p: Particle & { kind: 'element' }): ElementDeclaration | undefined {
    const decl = this.declaration(p);
    if (!decl.abstract) return decl;
    const ref = 'ref' in p.element ? p.element.ref : undefined;
    for (const member of ref ? (this.schema.substitutionGroups[ref] ?? []) : []) {
      const m = this.schema.elements[member];
      if (m && !m.abstract) return m;
    }
    return undefined;
  }
}

function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A namespace the wildcard admits, for a placeholder element. */
function wildcardNamespace(w: Wildcard): string {
  const listed = w.namespace.split(/\s+/).find((n) => n !== '' && !n.startsWith('##'));
  if (listed) return listed;
  if (w.namespace.includes('##targetNamespace')) return w.targetNamespace;
  return 'urn:soapstack:sample';
}

function finish(value: Built): unknown {
  return value === NOT_BUILT ? null : value;
}

/**
 * A sample value of the type `typeRef` (a named type's key or a type reference) in `model`'s schema. `codecs`
 * checks simple values against their facets; by default codecs are created for the schema.
 */
export function sampleValue(
  model: CompiledModel | SchemaSet,
  codecs: SchemaCodecs | undefined,
  typeRef: TypeRef | QNameKey,
): unknown {
  const schema = schemaOf(model);
  return finish(new Sampler(schema, codecs ?? createCodecs(schema)).type(typeRef, 'value'));
}

/** A sample value of the global element `element` (its key) or of a declaration. */
export function sampleElement(
  model: CompiledModel | SchemaSet,
  codecs: SchemaCodecs | undefined,
  element: QNameKey | ElementDeclaration,
): unknown {
  const schema = schemaOf(model);
  const decl = typeof element === 'string' ? schema.elements[element] : element;
  if (!decl) return null;
  return finish(new Sampler(schema, codecs ?? createCodecs(schema)).element(decl));
}

/**
 * A sample of a whole message of `operation`, in the shape `OperationMessages.writeBody` takes: the wrapper's
 * content when wrapped, the part's value for one part, `{ part: value }` for several parts or rpc style.
 */
export function sampleMessage(
  model: CompiledModel | SchemaSet,
  codecs: SchemaCodecs | undefined,
  operation: Operation,
  direction: 'input' | 'output',
): unknown {
  const schema = schemaOf(model);
  const sampler = new Sampler(schema, codecs ?? createCodecs(schema));
  const message = direction === 'input' ? operation.input : operation.output;
  if (!message) return undefined;
  const partValue = (part: (typeof message.body)[number]): unknown => {
    if (part.element) {
      const decl = schema.elements[part.element];
      return decl ? finish(sampler.element(decl)) : null;
    }
    return finish(sampler.type(part.type ?? '{http://www.w3.org/2001/XMLSchema}anyType', part.name));
  };
  if (operation.style !== 'rpc' && message.body.length === 1) return partValue(message.body[0]!);
  const out: Record<string, unknown> = {};
  for (const part of message.body) define(out, part.name, partValue(part));
  return out;
}
