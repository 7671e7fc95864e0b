/**
 * The catalog of generated type names, and the TypeScript expression of any type reference. Names are handed
 * out in a fixed order so that the same model always gives the same names:
 * 1. named types of the schema set (built-ins excepted), sorted by `{namespace}local`;
 * 2. for every complex type with complex subtypes, a `<Name>OrSubtype` union (what a declaration of the base
 *    accepts and yields: the base, or a subtype tagged with its `$type`);
 * 3. anonymous complex types: first those of global elements (sorted by key, named after the element), then,
 *    breadth first, those of local elements (named after the owner and the property: `OrderLines`).
 * Anonymous simple types are written inline.

 */
import type {
  ComplexType,
  ElementDeclaration,
  QNameKey,
  SchemaSet,
  SimpleType,
  TypeDefinition,
  TypeRef,
} from '../xsd/model.js';
import { parseQNameKey } from '../xsd/model.js';
import { BUILTIN_NAMESPACES, builtinName } from '../xsd/values/builtin-table.js';
import { quote } from './emitter.js';
import { NameScope, namespaceWord, pascal, RESERVED_TYPE_NAMES } from './naming.js';
import { complexShape } from './properties.js';
import { builtinType, simpleTypeExpression } from './simple-types.js';

/** Where a type is used: element values may be typed by xsi:type, attribute values never are. */
export type Position = 'element' | 'attribute';

/** A named user type and its generated name. */
export interface NamedType {
  readonly key: QNameKey;
  readonly name: string;
  readonly definition: TypeDefinition;
}

/** An anonymous complex type and the name it was given. */
export interface AnonymousType {
  readonly name: string;
  readonly definition: ComplexType;
  /** Where it was found, for its doc comment (`element {ns}order`, `Order.lines`). */
  readonly origin: string;
}

/** A base type's union with its subtypes. */
export interface SubtypeUnion {
  readonly name: string;
  readonly base: QNameKey;
  /** Concrete members: the base (unless abstract) and every complex type derived from it. */
  readonly members: QNameKey[];
}

function isAnyTypeKey(key: QNameKey): boolean {
  const { ns, local } = parseQNameKey(key);
  return local === 'anyType' && BUILTIN_NAMESPACES.has(ns);
}

/** True for the keys the codecs treat as built-ins (never generated). */
export function isBuiltinKey(key: QNameKey): boolean {
  return builtinName(key) !== undefined || isAnyTypeKey(key);
}

/** Names every type to generate and renders type references as TypeScript. */
export class TypeCatalog {
  readonly named: NamedType[] = [];
  readonly anonymous: AnonymousType[] = [];
  readonly unions: SubtypeUnion[] = [];
  private readonly nameByKey = new Map<QNameKey, string>();
  private readonly unionByKey = new Map<QNameKey, string>();
  /** Anonymous complex type (by identity, in the catalog's own copy of the schema) -> its name. */
  private readonly anonymousNames = new Map<ComplexType, string>();
  /** Named simple types whose alias would refer to itself (a malformed schema): typed `unknown`. */
  private readonly circular = new Set<QNameKey>();

  /** The catalog's own copy of the schema set: use it (not the model's) when asking for anonymous types. */
  readonly schema: SchemaSet;

  constructor(schema: SchemaSet) {
    // A fresh copy, so that an anonymous type shared by reference in memory (a base's particle reused in an
    // extension) is treated as it is after a JSON round trip: the output must not depend on where the model
    // came from (a WSDL just read or a cached model).
    this.schema = JSON.parse(JSON.stringify(schema)) as SchemaSet;
    schema = this.schema;
    const scope = new NameScope(RESERVED_TYPE_NAMES);
    const keys = Object.keys(schema.types)
      .filter((k) => !isBuiltinKey(k))
      .sort();
    for (const key of keys) {
      const { ns, local } = parseQNameKey(key);
      const base = pascal(local);
      const name = scope.claim(base, `${namespaceWord(ns)}${base}`);
      this.nameByKey.set(key, name);
      this.named.push({ key, name, definition: schema.types[key]! });
    }
    for (const { key, name, definition } of this.named) {
      if (definition.kind !== 'complex') continue;
      const members = this.concreteMembers(key, definition);
      // No union when the base stands alone, or when an abstract base has no concrete subtype at all.
      if (members.length === 0 || (members.length === 1 && members[0] === key)) continue;
      const unionName = scope.claim(`${name}OrSubtype`);
      this.unionByKey.set(key, unionName);
      this.unions.push({ name: unionName, base: key, members });
    }
    this.nameAnonymous(scope);
    this.findCircular();
  }

  /** The generated name of a named user type. */
  nameOf(key: QNameKey): string | undefined {
    return this.nameByKey.get(key);
  }

  /** The generated name of an anonymous complex type. */
  anonymousName(definition: ComplexType): string {
    return this.anonymousNames.get(definition) ?? 'unknown';
  }

  /** The TypeScript type of the value of an element (`| null` when nillable). `q` qualifies generated names. */
  elementValue(declaration: ElementDeclaration | undefined, q: string): string {
    if (declaration === undefined) return 'unknown';
    const type = this.typeRef(declaration.type, q, 'element');
    return declaration.nillable && type !== 'unknown' ? `${type} | null` : type;
  }

  /** The TypeScript type of a type reference's values. `q` qualifies generated names (`T.` outside types.ts). */
  typeRef(ref: TypeRef | QNameKey, q: string, position: Position): string {
    if (typeof ref !== 'string' && !('ref' in ref)) {
      if (ref.kind !== 'complex') return this.simpleExpression(ref, q);
      const name = position === 'element' ? this.anonymousName(ref) : 'unknown';
      return name === 'unknown' ? name : q + name;
    }
    const key = typeof ref === 'string' ? ref : ref.ref;
    const builtin = builtinName(key);
    if (builtin === 'anySimpleType' || builtin === 'anyAtomicType') {
      // Under anySimpleType an xsi:type'd simple value keeps its type: `{ $type, $value }` (docs/mapping.md).
      return position === 'element' ? `string | ${q}TypedValue` : 'string';
    }
    if (builtin !== undefined) return builtinType(builtin);
    if (isAnyTypeKey(key)) return position === 'element' ? 'unknown' : 'string';
    const definition = this.schema.types[key];
    const name = this.nameByKey.get(key);
    if (definition === undefined || name === undefined) return 'unknown';
    if (definition.kind === 'complex') {
      if (position === 'attribute') return 'unknown';
      return q + (this.unionByKey.get(key) ?? name);
    }
    return this.circular.has(key) ? 'unknown' : q + name;
  }

  /** The expression of a simple type's values, its item and member types referred to by name. */
  simpleExpression(type: SimpleType, q: string): string {
    return simpleTypeExpression(type, (ref) => this.typeRef(ref, q, 'attribute'));
  }

  /** The definition of a named simple type (what its alias stands for). */
  namedSimple(key: QNameKey, definition: SimpleType): string {
    return this.circular.has(key) ? 'unknown' : this.simpleExpression(definition, '');
  }

  /** The literal type of a named complex type's `$type`. */
  typeTag(key: QNameKey): string {
    return quote(key);
  }

  private concreteMembers(key: QNameKey, definition: ComplexType): QNameKey[] {
    const members: QNameKey[] = definition.abstract ? [] : [key];
    for (const derived of this.schema.derivedTypes[key] ?? []) {
      const d = this.schema.types[derived];
      if (d?.kind === 'complex' && !d.abstract && this.nameByKey.has(derived) && !members.includes(derived)) {
        members.push(derived);
      }
    }
    return members;
  }

  private nameAnonymous(scope: NameScope): void {
    const queue: { owner: string; definition: ComplexType }[] = [];
    const claim = (definition: ComplexType, wanted: string[], origin: string): string | undefined => {
      if (this.anonymousNames.has(definition)) return undefined;
      const name = scope.claim(wanted[0]!, ...wanted.slice(1));
      this.anonymousNames.set(definition, name);
      this.anonymous.push({ name, definition, origin });
      return name;
    };
    // Global elements' anonymous types are named first (after their element), before any nested type can
    // take such a name; then the named types' and those types' contents are walked breadth first.
    for (const { key, definition } of this.named) {
      if (definition.kind === 'complex') queue.push({ owner: this.nameByKey.get(key)!, definition });
    }
    for (const key of Object.keys(this.schema.elements).sort()) {
      const type = this.schema.elements[key]!.type;
      if ('ref' in type || type.kind !== 'complex') continue;
      const { ns, local } = parseQNameKey(key);
      const base = pascal(local);
      const name = claim(type, [base, `${base}Element`, `${namespaceWord(ns)}${base}`], `element ${key}`);
      if (name !== undefined) queue.push({ owner: name, definition: type });
    }
    for (let i = 0; i < queue.length; i++) {
      const { owner, definition } = queue[i]!;
      for (const slot of complexShape(definition, this.schema).elements) {
        const type = slot.declaration?.type;
        if (type === undefined || 'ref' in type || type.kind !== 'complex') continue;
        const name = claim(type, [`${owner}${pascal(slot.name)}`], `${owner}.${slot.name}`);
        if (name !== undefined) queue.push({ owner: name, definition: type });
      }
    }
  }

  /** Marks named simple types that reach themselves through list items or union members. */
  private findCircular(): void {
    const refsOf = (type: SimpleType): QNameKey[] => {
      const out: QNameKey[] = [];
      const visit = (ref: TypeRef | undefined): void => {
        if (ref === undefined) return;
        if ('ref' in ref) out.push(ref.ref);
        else if (ref.kind === 'simple') {
          visit(ref.itemType);
          for (const m of ref.memberTypes ?? []) visit(m);
        }
      };
      visit(type.itemType);
      for (const m of type.memberTypes ?? []) visit(m);
      return out;
    };
    for (const { key, definition } of this.named) {
      if (definition.kind !== 'simple') continue;
      const seen = new Set<QNameKey>();
      const stack = refsOf(definition);
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (next === key) {
          this.circular.add(key);
          break;
        }
        if (seen.has(next)) continue;
        seen.add(next);
        const d = this.schema.types[next];
        if (d?.kind === 'simple' && !isBuiltinKey(next)) stack.push(...refsOf(d));
      }
    }
  }
}
