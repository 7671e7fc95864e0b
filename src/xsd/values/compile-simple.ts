/**
 * Builds the codec of a simple type from the schema model: a built-in by name, or a user `SimpleType`
 * (restriction of a built-in, list, or union), with its effective facets.
 */
import type { Facets, QNameKey, SimpleType, TypeDefinition, TypeRef } from '../model.js';
import { atomicHandler, INVALID, whiteSpaceFunction } from './atomic-handlers.js';
import { BUILTIN_VALUES, type BuiltinName, builtinName } from './builtin-table.js';
import { compileFacets, type FacetSubject } from './facets.js';
import { AtomicCodec, ListCodec, type SimpleValueCodec, UnionCodec } from './simple-codec.js';

/** How the compiler reaches other types: the codec of a reference, and the definition behind a key. */
export interface SimpleTypeResolver {
  simpleCodec(ref: TypeRef): SimpleValueCodec;
  definition(key: QNameKey): TypeDefinition | undefined;
}

const NO_FACETS: Facets = {};

/** The codec of a built-in simple type, with the type's own extra facets (if any). */
export function builtinCodec(
  name: BuiltinName,
  label: string = `xs:${name}`,
  facets: Facets = NO_FACETS,
): SimpleValueCodec {
  const info = BUILTIN_VALUES[name];
  if (info.kind === 'list') {
    const list = new ListCodec(label, builtinCodec(info.item!));
    list.check = compileFacets(info.nonEmpty ? { minLength: 1, ...facets } : facets, lexicalSubject(list));
    return list;
  }
  const whiteSpace = facets.whiteSpace ?? info.whiteSpace;
  const handler = atomicHandler(info, whiteSpace);
  const ws = whiteSpaceFunction(whiteSpace);
  const subject: FacetSubject = {
    key: (value) => handler.key(value),
    compare: handler.compare,
    measure: handler.measure,
    digits: handler.digits,
    literal(text) {
      const value = handler.parse(ws(text), undefined);
      return value === INVALID ? undefined : value;
    },
  };
  return new AtomicCodec(label, handler, ws, compileFacets(facets, subject), info.kind !== 'QName');
}

/** Facets of lists and unions compare lexical forms; a list's length counts its items. */
function lexicalSubject(codec: ListCodec | UnionCodec): FacetSubject {
  return {
    key: (_value, lexical) => lexical,
    compare: undefined,
    measure: codec instanceof ListCodec ? (value) => (value as unknown[]).length : undefined,
    digits: false,
    literal: (text) => text,
  };
}

/** The built-in an atomic user type derives from: its `builtin`, else the first built-in up its base chain. */
function atomicBuiltin(type: SimpleType, resolver: SimpleTypeResolver): BuiltinName {
  const direct = type.builtin === undefined ? undefined : builtinName(type.builtin);
  if (direct) return direct;
  let base = type.base;
  for (let depth = 0; base !== undefined && depth < 64; depth++) {
    const name = builtinName(base);
    if (name) return name;
    const definition = resolver.definition(base);
    if (definition?.kind !== 'simple') break;
    if (definition.builtin !== undefined && builtinName(definition.builtin)) return builtinName(definition.builtin)!;
    base = definition.base;
  }
  return 'string';
}

/** Compiles a user simple type. List and union members are reached through the resolver (and its cache). */
export function compileSimpleType(type: SimpleType, label: string, resolver: SimpleTypeResolver): SimpleValueCodec {
  if (type.variety === 'list') {
    const item = type.itemType ? resolver.simpleCodec(type.itemType) : builtinCodec('string');
    const list = new ListCodec(label, item);
    list.check = compileFacets(type.facets, lexicalSubject(list));
    return list;
  }
  if (type.variety === 'union') {
    const union = new UnionCodec(
      label,
      (type.memberTypes ?? []).map((m) => resolver.simpleCodec(m)),
    );
    union.check = compileFacets(type.facets, lexicalSubject(union));
    return union;
  }
  return builtinCodec(atomicBuiltin(type, resolver), label, type.facets);
}
