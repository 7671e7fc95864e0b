/**
 * The schema model: plain data, keyed by kind, JSON-serialisable (it is part of the compiled model that is
 * cached on disk). Named components are referred to by their Clark-notation key (`{namespace}local`), never by
 * object pointer, so recursive types need no cycles in the data.
 *
 * Reading happens in two phases (zeep does the same): `read` collects raw components per schema document,
 * `resolve` turns references into keys, inlines named groups and attribute groups, and computes the effective
 * content of derived types. Everything below is the resolved form.
 */

/** `{namespace}local`: the key of every named component. `{}local` for no namespace. */
export type QNameKey = string;

/** An expanded name: namespace URI (`''` for none) and local name. */
export interface QName {
  readonly ns: string;
  readonly local: string;
}

/** maxOccurs: a count, or `unbounded`. */
export type MaxOccurs = number | 'unbounded';

/** A reference to a named type, or an anonymous type declared in place. */
export type TypeRef = { readonly ref: QNameKey } | TypeDefinition;

/** A simple or complex type definition. */
export type TypeDefinition = SimpleType | ComplexType;

/** Constraining facets (XML Schema Part 2, section 4.3). Absent means not constrained. */
export interface Facets {
  length?: number;
  minLength?: number;
  maxLength?: number;
  /** Each pattern is one `xs:pattern` value, in XML Schema regex syntax. Patterns of one derivation step are OR-ed. */
  patterns?: string[];
  enumeration?: string[];
  whiteSpace?: 'preserve' | 'replace' | 'collapse';
  maxInclusive?: string;
  maxExclusive?: string;
  minInclusive?: string;
  minExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

/**
 * simpleType (XML Schema Part 2, section 4.1):
 *   <simpleType name?> Content: (annotation?, (restriction | list | union)) </simpleType>
 */
export interface SimpleType {
  readonly kind: 'simple';
  readonly name?: QNameKey;
  readonly variety: 'atomic' | 'list' | 'union';
  /** For atomic types: the built-in primitive (or built-in derived type) whose value space applies, e.g. `{http://www.w3.org/2001/XMLSchema}decimal`. */
  readonly builtin?: QNameKey;
  /** The primitive ancestor (one of the 19 primitives of Part 2 section 3.2, or anySimpleType), e.g. `{...}decimal` for `int`. */
  readonly primitive?: QNameKey;
  /** The type this one restricts, when it is a restriction. */
  readonly base?: QNameKey;
  /** The effective facets: this type's own merged over its base's. */
  readonly facets: Facets;
  readonly itemType?: TypeRef;
  readonly memberTypes?: TypeRef[];
}

/**
 * complexType (XML Schema Part 1, section 3.4.2):
 *   <complexType abstract? mixed? name?>
 *     Content: (annotation?, (simpleContent | complexContent | ((group | all | choice | sequence)?, ((attribute | attributeGroup)*, anyAttribute?))))
 *   </complexType>
 */
export interface ComplexType {
  readonly kind: 'complex';
  readonly name?: QNameKey;
  readonly abstract: boolean;
  readonly mixed: boolean;
  /** The base type named by complexContent/simpleContent extension or restriction. */
  readonly base?: QNameKey;
  readonly derivation?: 'extension' | 'restriction';
  /** The effective content: for an extension, the base's particles followed by this type's own. */
  readonly content: ContentModel;
  /** The effective attribute uses, inherited ones included, attribute groups inlined. */
  readonly attributes: AttributeUse[];
  readonly anyAttribute?: Wildcard;
  /**
   * A SOAP-encoded array type (a restriction of soapenc:Array): the item type its `wsdl:arrayType` names
   * (WSDL 1.1 section 2.2, SOAP 1.1 section 5.4.2), e.g. `{http://www.w3.org/2001/XMLSchema}string`.
   */
  readonly arrayItemType?: QNameKey;
}

/** What a complex type's element may contain: nothing, simple content, or particles. */
export type ContentModel =
  | { readonly kind: 'empty' }
  /** simpleContent: the element's text has this simple type. */
  | { readonly kind: 'simple'; readonly type: TypeRef }
  /** element-only or mixed content (see ComplexType.mixed). */
  | { readonly kind: 'particle'; readonly particle: Particle };

/** A particle of a content model (XML Schema Part 1, section 3.9): an element, a model group or a wildcard. */
export type Particle = ElementParticle | ModelGroupParticle | AnyParticle;

/** minOccurs and maxOccurs of a particle. */
export interface Occurs {
  readonly minOccurs: number;
  readonly maxOccurs: MaxOccurs;
}

/** A local element declaration, or a reference to a global one (`ref`). */
export interface ElementParticle extends Occurs {
  readonly kind: 'element';
  readonly element: ElementDeclaration | { readonly ref: QNameKey };
}

/** sequence, choice and all. Named groups (`xs:group ref`) are inlined as one of these by the resolver. */
export interface ModelGroupParticle extends Occurs {
  readonly kind: 'sequence' | 'choice' | 'all';
  readonly particles: Particle[];
}

export interface AnyParticle extends Occurs, Wildcard {
  readonly kind: 'any';
}

/** xs:any / xs:anyAttribute: `namespace` is the attribute's raw list (`##any`, `##other`, `##local`, `##targetNamespace`, URIs). */
export interface Wildcard {
  readonly namespace: string;
  /** The target namespace of the schema the wildcard was declared in (needed to interpret `##other`). */
  readonly targetNamespace: string;
  readonly processContents: 'strict' | 'lax' | 'skip';
}

/**
 * element (XML Schema Part 1, section 3.3.2). `name` is already qualified according to form /
 * elementFormDefault: an unqualified local element has `ns: ''`.
 */
export interface ElementDeclaration {
  readonly name: QName;
  readonly type: TypeRef;
  readonly nillable: boolean;
  readonly abstract: boolean;
  readonly default?: string;
  readonly fixed?: string;
  readonly substitutionGroup?: QNameKey;
}

/** attribute use (XML Schema Part 1, section 3.2). `name` is qualified according to form / attributeFormDefault. */
export interface AttributeUse {
  readonly name: QName;
  readonly type: TypeRef;
  readonly use: 'optional' | 'required' | 'prohibited';
  readonly default?: string;
  readonly fixed?: string;
}

/** The resolved set of every schema component reachable from the loaded documents. */
export interface SchemaSet {
  readonly elements: Record<QNameKey, ElementDeclaration>;
  readonly types: Record<QNameKey, TypeDefinition>;
  readonly attributes: Record<QNameKey, AttributeUse>;
  /** Substitution group head to every member that may stand for it (transitively), in document order. */
  readonly substitutionGroups: Record<QNameKey, QNameKey[]>;
  /** Base type to every type derived from it (transitively), in document order: the candidates for xsi:type. */
  readonly derivedTypes: Record<QNameKey, QNameKey[]>;
  /** Target namespaces of the schemas read, in document order. */
  readonly namespaces: string[];
}

/** Builds the Clark-notation key of a name. */
export function qnameKey(ns: string, local: string): QNameKey {
  return `{${ns}}${local}`;
}

/** Splits a Clark-notation key back into namespace and local name. */
export function parseQNameKey(key: QNameKey): QName {
  const close = key.indexOf('}');
  return { ns: key.slice(1, close), local: key.slice(close + 1) };
}
