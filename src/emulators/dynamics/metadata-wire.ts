/**
 * Metadata as the service's `EntityMetadata` / `AttributeMetadata` / relationship data contracts (the shape of
 * the captured RetrieveEntity and RetrieveAllEntities responses): labels as `Label` with a 1033
 * `LocalizedLabel`, option sets with their labels, lookups with their targets, required levels as managed
 * properties, and stable MetadataIds derived from the names.
 */
import { createHash } from 'node:crypto';
import type { AttributeDefinition, EntityDefinition, RelationshipDefinition } from './definitions.js';
import type { EntityStore } from './store.js';

type Wire = Record<string, unknown>;

const METADATA = 'http://schemas.microsoft.com/xrm/2011/Metadata';
const meta = (local: string): string => `{${METADATA}}${local}`;

/** Which parts of the metadata a request asks for (EntityFilters). */
export interface MetadataFilters {
  readonly attributes: boolean;
  readonly relationships: boolean;
}

/** Reads EntityFilters (`Entity Attributes`, a list, or `{ $value }`); `All` means everything. */
export function readEntityFilters(value: unknown): MetadataFilters {
  const raw = (value as { $value?: unknown } | null)?.$value ?? value;
  const names = (Array.isArray(raw) ? raw : String(raw ?? 'Entity').split(/[\s,]+/)).map(String);
  const all = names.includes('All');
  return { attributes: all || names.includes('Attributes'), relationships: all || names.includes('Relationships') };
}

/** A stable GUID for a metadata name (MetadataId). */
export function metadataId(name: string): string {
  const h = createHash('sha1').update(`soapstack-dynamics-emulator:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function label(text: string | undefined): Wire {
  if (text === undefined) return { LocalizedLabels: { LocalizedLabel: [] }, UserLocalizedLabel: null };
  const localized = { IsManaged: true, Label: text, LanguageCode: 1033 };
  return { LocalizedLabels: { LocalizedLabel: [localized] }, UserLocalizedLabel: localized };
}

const METADATA_TYPES: Readonly<Record<string, string>> = {
  Boolean: 'BooleanAttributeMetadata',
  Customer: 'LookupAttributeMetadata',
  DateTime: 'DateTimeAttributeMetadata',
  Decimal: 'DecimalAttributeMetadata',
  Double: 'DoubleAttributeMetadata',
  Integer: 'IntegerAttributeMetadata',
  BigInt: 'BigIntAttributeMetadata',
  Lookup: 'LookupAttributeMetadata',
  Memo: 'MemoAttributeMetadata',
  Money: 'MoneyAttributeMetadata',
  Owner: 'LookupAttributeMetadata',
  Picklist: 'PicklistAttributeMetadata',
  State: 'StateAttributeMetadata',
  Status: 'StatusAttributeMetadata',
  String: 'StringAttributeMetadata',
  EntityName: 'EntityNameAttributeMetadata',
  Uniqueidentifier: 'AttributeMetadata',
};

function optionSet(entity: string, a: AttributeDefinition): Wire {
  return {
    MetadataId: metadataId(`${entity}.${a.logicalName}.optionset`),
    IsGlobal: false,
    Name: `${entity}_${a.logicalName}`,
    OptionSetType: a.type,
    Options: {
      OptionMetadata: (a.options ?? []).map((o) =>
        a.type === 'Status' && o.state !== undefined
          ? { $type: meta('StatusOptionMetadata'), Label: label(o.label), Value: o.value, State: o.state }
          : { Label: label(o.label), Value: o.value },
      ),
    },
  };
}

/** One attribute's metadata. */
export function attributeWire(entity: EntityDefinition, a: AttributeDefinition): Wire {
  const out: Wire = {
    $type: meta(METADATA_TYPES[a.type] ?? 'AttributeMetadata'),
    MetadataId: metadataId(`${entity.logicalName}.${a.logicalName}`),
    AttributeType: a.type,
    DisplayName: label(a.displayName),
    EntityLogicalName: entity.logicalName,
    IsCustomAttribute: false,
    IsPrimaryId: a.logicalName === entity.primaryIdAttribute,
    IsPrimaryName: a.logicalName === entity.primaryNameAttribute,
    IsValidForCreate: !a.readOnly || a.logicalName === entity.primaryIdAttribute,
    IsValidForRead: true,
    IsValidForUpdate: !a.readOnly,
    LogicalName: a.logicalName,
    RequiredLevel: {
      CanBeChanged: false,
      ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings',
      Value: a.requiredLevel ?? (a.logicalName === entity.primaryIdAttribute ? 'SystemRequired' : 'None'),
    },
    SchemaName: a.schemaName ?? a.logicalName,
  };
  if (a.targets) out.Targets = { string: [...a.targets] };
  if (a.options) out.OptionSet = optionSet(entity.logicalName, a);
  return out;
}

function oneToMany(r: Extract<RelationshipDefinition, { kind: 'OneToMany' }>): Wire {
  return {
    MetadataId: metadataId(r.schemaName),
    IsCustomRelationship: false,
    SchemaName: r.schemaName,
    RelationshipType: 'OneToManyRelationship',
    ReferencedAttribute: r.referencedAttribute,
    ReferencedEntity: r.referencedEntity,
    ReferencingAttribute: r.referencingAttribute,
    ReferencingEntity: r.referencingEntity,
  };
}

function manyToMany(r: Extract<RelationshipDefinition, { kind: 'ManyToMany' }>): Wire {
  return {
    MetadataId: metadataId(r.schemaName),
    IsCustomRelationship: false,
    SchemaName: r.schemaName,
    RelationshipType: 'ManyToManyRelationship',
    Entity1LogicalName: r.entity1,
    Entity2LogicalName: r.entity2,
    IntersectEntityName: r.intersectEntity,
  };
}

/** One entity's metadata with the parts `filters` asks for. */
export function entityMetadataWire(store: EntityStore, entity: EntityDefinition, filters: MetadataFilters): Wire {
  const out: Wire = {
    $type: meta('EntityMetadata'),
    MetadataId: metadataId(entity.logicalName),
    DisplayName: label(entity.displayName),
    IsCustomEntity: false,
    LogicalName: entity.logicalName,
    ObjectTypeCode: entity.objectTypeCode,
    PrimaryIdAttribute: entity.primaryIdAttribute,
    PrimaryNameAttribute: entity.primaryNameAttribute,
    SchemaName: entity.schemaName ?? entity.logicalName,
  };
  if (filters.attributes)
    out.Attributes = { AttributeMetadata: entity.attributes.map((a) => attributeWire(entity, a)) };
  if (filters.relationships) {
    const rels = store.relationships;
    const one = rels.filter((r) => r.kind === 'OneToMany');
    out.OneToManyRelationships = {
      OneToManyRelationshipMetadata: one.filter((r) => r.referencedEntity === entity.logicalName).map(oneToMany),
    };
    out.ManyToOneRelationships = {
      OneToManyRelationshipMetadata: one.filter((r) => r.referencingEntity === entity.logicalName).map(oneToMany),
    };
    out.ManyToManyRelationships = {
      ManyToManyRelationshipMetadata: rels
        .filter(
          (r) => r.kind === 'ManyToMany' && (r.entity1 === entity.logicalName || r.entity2 === entity.logicalName),
        )
        .map((r) => manyToMany(r as Extract<RelationshipDefinition, { kind: 'ManyToMany' }>)),
    };
  }
  return out;
}

/** Every entity's metadata, as an `ArrayOfEntityMetadata`. */
export function allEntitiesWire(store: EntityStore, filters: MetadataFilters): Wire {
  return {
    $type: meta('ArrayOfEntityMetadata'),
    EntityMetadata: store.entities.map((e) => {
      const { $type: _type, ...rest } = entityMetadataWire(store, e, filters);
      return rest;
    }),
  };
}
