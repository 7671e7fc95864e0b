/**
 * Entity metadata, read through `RetrieveEntity` / `RetrieveAllEntities` and kept in a `MetadataCache`, so
 * that plain values can be typed for the attribute they go to (a number for a decimal attribute becomes
 * `xs:decimal`, a GUID string for a lookup an EntityReference to its target, a number for a picklist an
 * OptionSetValue, a string for money a Money).
 *
 * The friendly shape keeps what typing and callers need; the decoded data contract is kept as `raw`.
 */

import type { Wire } from './decode.js';
import type { WireHint } from './encode.js';

/** One option of a picklist, state or status attribute. */
export interface OptionMetadata {
  readonly value: number;
  readonly label?: string;
}

/** What the client knows of one attribute. */
export interface AttributeMetadata {
  readonly logicalName: string;
  readonly schemaName?: string;
  /** The AttributeTypeCode: `String`, `Integer`, `Decimal`, `Money`, `Lookup`, `Picklist`, `DateTime`... */
  readonly attributeType: string;
  /** The metadata type's local name, e.g. `LookupAttributeMetadata`. */
  readonly metadataType?: string;
  readonly displayName?: string;
  /** For lookups: the entities it may point to. */
  readonly targets?: readonly string[];
  /** For picklists, states and statuses. */
  readonly options?: readonly OptionMetadata[];
  readonly isPrimaryId?: boolean;
  readonly isPrimaryName?: boolean;
  readonly isValidForCreate?: boolean;
  readonly isValidForUpdate?: boolean;
  readonly requiredLevel?: string;
}

/** A relationship as metadata lists it. */
export interface RelationshipMetadata {
  readonly schemaName: string;
  readonly kind: 'OneToMany' | 'ManyToMany';
  /** One-to-many: the entity referenced (the "one" side) and the one referencing it. */
  readonly referencedEntity?: string;
  readonly referencedAttribute?: string;
  readonly referencingEntity?: string;
  readonly referencingAttribute?: string;
  /** Many-to-many: the two entities and the intersect entity. */
  readonly entity1?: string;
  readonly entity2?: string;
  readonly intersectEntity?: string;
}

/** What the client knows of one entity. */
export interface EntityMetadata {
  readonly logicalName: string;
  readonly schemaName?: string;
  readonly displayName?: string;
  readonly objectTypeCode?: number;
  readonly primaryIdAttribute?: string;
  readonly primaryNameAttribute?: string;
  readonly isCustomEntity?: boolean;
  /** Attributes by logical name (empty unless the request asked for them). */
  readonly attributes: ReadonlyMap<string, AttributeMetadata>;
  /** Relationships (empty unless the request asked for them). */
  readonly relationships: readonly RelationshipMetadata[];
  /** The decoded `EntityMetadata` data contract. */
  readonly raw: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const localOf = (type: unknown): string | undefined =>
  typeof type === 'string' ? type.slice(type.indexOf('}') + 1) : undefined;

/** The user's label of a `Label` (UserLocalizedLabel, else the first LocalizedLabel). */
export function labelText(label: unknown): string | undefined {
  const l = label as Wire | null | undefined;
  const user = str((l?.UserLocalizedLabel as Wire | null | undefined)?.Label);
  if (user !== undefined) return user;
  const first = list((l?.LocalizedLabels as Wire | null | undefined)?.LocalizedLabel)[0] as Wire | undefined;
  return str(first?.Label);
}

function optionsOf(attr: Wire): OptionMetadata[] | undefined {
  const set = attr.OptionSet as Wire | null | undefined;
  if (!set) return undefined;
  const options = list((set.Options as Wire | null | undefined)?.OptionMetadata) as Wire[];
  const out: OptionMetadata[] = [];
  for (const o of options) {
    if (typeof o.Value !== 'number') continue;
    const label = labelText(o.Label);
    out.push(label === undefined ? { value: o.Value } : { value: o.Value, label });
  }
  // Boolean attributes list TrueOption / FalseOption instead.
  for (const key of ['FalseOption', 'TrueOption']) {
    const o = set[key] as Wire | null | undefined;
    if (o && typeof o.Value === 'number')
      out.push({ value: o.Value, ...(labelText(o.Label) ? { label: labelText(o.Label) as string } : {}) });
  }
  return out;
}

/** The friendly shape of a decoded `AttributeMetadata` (any of its derived types). */
export function toAttributeMetadata(raw: unknown): AttributeMetadata {
  const a = (raw ?? {}) as Wire;
  const targets = list((a.Targets as Wire | null | undefined)?.string).filter(
    (t): t is string => typeof t === 'string',
  );
  const options = optionsOf(a);
  const entries: Array<[string, unknown]> = [
    ['logicalName', str(a.LogicalName) ?? ''],
    ['schemaName', str(a.SchemaName)],
    ['attributeType', str(a.AttributeType) ?? 'Virtual'],
    ['metadataType', localOf(a.$type)],
    ['displayName', labelText(a.DisplayName)],
    ['targets', targets.length ? targets : undefined],
    ['options', options?.length ? options : undefined],
    ['isPrimaryId', typeof a.IsPrimaryId === 'boolean' ? a.IsPrimaryId : undefined],
    ['isPrimaryName', typeof a.IsPrimaryName === 'boolean' ? a.IsPrimaryName : undefined],
    ['isValidForCreate', typeof a.IsValidForCreate === 'boolean' ? a.IsValidForCreate : undefined],
    ['isValidForUpdate', typeof a.IsValidForUpdate === 'boolean' ? a.IsValidForUpdate : undefined],
    ['requiredLevel', str((a.RequiredLevel as Wire | null | undefined)?.Value)],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as unknown as AttributeMetadata;
}

function toRelationship(raw: unknown): RelationshipMetadata | undefined {
  const r = (raw ?? {}) as Wire;
  const schemaName = str(r.SchemaName);
  if (!schemaName) return undefined;
  const manyToMany = localOf(r.$type) === 'ManyToManyRelationshipMetadata' || 'IntersectEntityName' in r;
  const entries: Array<[string, unknown]> = manyToMany
    ? [
        ['entity1', str(r.Entity1LogicalName)],
        ['entity2', str(r.Entity2LogicalName)],
        ['intersectEntity', str(r.IntersectEntityName)],
      ]
    : [
        ['referencedEntity', str(r.ReferencedEntity)],
        ['referencedAttribute', str(r.ReferencedAttribute)],
        ['referencingEntity', str(r.ReferencingEntity)],
        ['referencingAttribute', str(r.ReferencingAttribute)],
      ];
  return {
    schemaName,
    kind: manyToMany ? 'ManyToMany' : 'OneToMany',
    ...Object.fromEntries(entries.filter(([, v]) => v !== undefined)),
  } as RelationshipMetadata;
}

/** The friendly shape of a decoded `EntityMetadata`. */
export function toEntityMetadata(raw: unknown): EntityMetadata {
  const e = (raw ?? {}) as Wire;
  const attributes = new Map<string, AttributeMetadata>();
  for (const a of list((e.Attributes as Wire | null | undefined)?.AttributeMetadata)) {
    const meta = toAttributeMetadata(a);
    if (meta.logicalName) attributes.set(meta.logicalName, meta);
  }
  const relationships: RelationshipMetadata[] = [];
  for (const key of ['OneToManyRelationships', 'ManyToOneRelationships']) {
    for (const r of list((e[key] as Wire | null | undefined)?.OneToManyRelationshipMetadata)) {
      const rel = toRelationship(r);
      if (rel) relationships.push(rel);
    }
  }
  for (const r of list((e.ManyToManyRelationships as Wire | null | undefined)?.ManyToManyRelationshipMetadata)) {
    const rel = toRelationship(r);
    if (rel) relationships.push({ ...rel, kind: 'ManyToMany' });
  }
  const entries: Array<[string, unknown]> = [
    ['schemaName', str(e.SchemaName)],
    ['displayName', labelText(e.DisplayName)],
    ['objectTypeCode', typeof e.ObjectTypeCode === 'number' ? e.ObjectTypeCode : undefined],
    ['primaryIdAttribute', str(e.PrimaryIdAttribute)],
    ['primaryNameAttribute', str(e.PrimaryNameAttribute)],
    ['isCustomEntity', typeof e.IsCustomEntity === 'boolean' ? e.IsCustomEntity : undefined],
  ];
  return {
    logicalName: str(e.LogicalName) ?? '',
    ...Object.fromEntries(entries.filter(([, v]) => v !== undefined)),
    attributes,
    relationships,
    raw,
  } as EntityMetadata;
}

/**
 * Entity metadata by logical name, shared by any number of clients (metadata changes rarely; `clear` or
 * `delete` after a customisation). Only metadata that lists attributes is useful for typing.
 */
export class MetadataCache {
  private readonly entities = new Map<string, EntityMetadata>();

  /** The cached metadata of `logicalName`. */
  get(logicalName: string): EntityMetadata | undefined {
    return this.entities.get(logicalName);
  }

  /** Caches `metadata` (replacing what was there). */
  set(metadata: EntityMetadata): void {
    this.entities.set(metadata.logicalName, metadata);
  }

  /** True when `logicalName` is cached. */
  has(logicalName: string): boolean {
    return this.entities.has(logicalName);
  }

  /** Forgets one entity. */
  delete(logicalName: string): void {
    this.entities.delete(logicalName);
  }

  /** Forgets everything. */
  clear(): void {
    this.entities.clear();
  }

  /** The logical names cached. */
  get names(): string[] {
    return [...this.entities.keys()];
  }

  /** How `entity.attribute` is typed on the wire, when known. */
  hint(entity: string, attribute: string): WireHint | undefined {
    const a = this.entities.get(entity)?.attributes.get(attribute);
    if (!a) return undefined;
    return a.targets ? { attributeType: a.attributeType, targets: a.targets } : { attributeType: a.attributeType };
  }
}
