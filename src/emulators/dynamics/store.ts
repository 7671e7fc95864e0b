/**
 * The entity store: records by entity and id, checked against the metadata (definitions.ts) on every write,
 * and the many-to-many links. Values are plain data (`StoredValue`), so `snapshot()` is a `DynamicsData`
 * fragment that a data file may hold.
 */
import { randomUUID } from 'node:crypto';
import type { DynamicsAssociationData, DynamicsData, StoredRecord, StoredReference, StoredValue } from './data.js';
import {
  type AttributeDefinition,
  DEFAULT_ENTITIES,
  DEFAULT_RELATIONSHIPS,
  type EntityDefinition,
  type RelationshipDefinition,
} from './definitions.js';
import { DynamicsEmulatorError } from './errors.js';
import { doesNotExist, ERROR_CODES, invalidArgument, noAttribute, noEntity, OrganizationFault } from './faults.js';
import { normalizeGuid, toStored } from './values.js';

/** One attribute value to write: the name and the value as decoded from the wire (or a stored value). */
export interface AttributeInput {
  readonly key: string;
  readonly value: unknown;
}

/** Options of the store. */
export interface EntityStoreOptions {
  /** The clock for createdon / modifiedon, in milliseconds since the epoch. */
  now?: () => number;
}

type ManyToMany = Extract<RelationshipDefinition, { kind: 'ManyToMany' }>;

/** Records and links, checked against metadata. */
export class EntityStore {
  private readonly definitions = new Map<string, EntityDefinition>();
  private readonly attributeIndex = new Map<string, Map<string, AttributeDefinition>>();
  private readonly relationshipIndex = new Map<string, RelationshipDefinition>();
  private readonly tables = new Map<string, Map<string, StoredRecord>>();
  /** Many-to-many links by relationship: `entity1Id|entity2Id`. */
  private readonly links = new Map<string, Set<string>>();
  private readonly now: () => number;

  constructor(
    entities: readonly EntityDefinition[] = DEFAULT_ENTITIES,
    relationships: readonly RelationshipDefinition[] = DEFAULT_RELATIONSHIPS,
    options: EntityStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    for (const e of entities) {
      this.definitions.set(e.logicalName, e);
      this.attributeIndex.set(e.logicalName, new Map(e.attributes.map((a) => [a.logicalName, a])));
      this.tables.set(e.logicalName, new Map());
    }
    for (const r of relationships) this.relationshipIndex.set(r.schemaName, r);
  }

  /** A store with the default metadata plus the data's, holding the data's records and links. */
  static fromData(data: DynamicsData, options: EntityStoreOptions = {}): EntityStore {
    const entities = new Map(DEFAULT_ENTITIES.map((e) => [e.logicalName, e]));
    for (const e of data.entities ?? []) entities.set(e.logicalName, e);
    const relationships = new Map(DEFAULT_RELATIONSHIPS.map((r) => [r.schemaName, r]));
    for (const r of data.relationships ?? []) relationships.set(r.schemaName, r);
    const store = new EntityStore([...entities.values()], [...relationships.values()], options);
    try {
      for (const [entity, records] of Object.entries(data.records ?? {})) {
        for (const record of records) {
          const def = store.entity(entity);
          const id = record[def.primaryIdAttribute];
          const attributes = Object.entries(record)
            .filter(([key]) => key !== def.primaryIdAttribute)
            .map(([key, value]) => ({ key, value: value as unknown }));
          store.create(entity, attributes, { id: typeof id === 'string' ? id : undefined, system: true });
        }
      }
      for (const link of data.associations ?? []) {
        const rel = store.relationship(link.relationship);
        if (rel.kind !== 'ManyToMany') throw invalidArgument(`${link.relationship} is not a many-to-many relationship`);
        store.link(rel, link.entity1Id, link.entity2Id, true);
      }
    } catch (error) {
      if (error instanceof OrganizationFault) {
        throw new DynamicsEmulatorError('DYNAMICS_DATA_INVALID', `the data's records are invalid: ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
    return store;
  }

  /** Every entity's metadata. */
  get entities(): EntityDefinition[] {
    return [...this.definitions.values()];
  }

  /** Every relationship. */
  get relationships(): RelationshipDefinition[] {
    return [...this.relationshipIndex.values()];
  }

  /** An entity's metadata, or the "not found in the MetadataCache" fault. */
  entity(name: string): EntityDefinition {
    const def = this.definitions.get(name);
    if (!def) throw noEntity(name);
    return def;
  }

  /** An attribute's metadata, or the captured "entity doesn't contain attribute" fault. */
  attribute(entity: string, name: string): AttributeDefinition {
    this.entity(entity);
    const def = this.attributeIndex.get(entity)!.get(name);
    if (!def) throw noAttribute(entity, name);
    return def;
  }

  /** An attribute's metadata, or undefined. */
  findAttribute(entity: string, name: string): AttributeDefinition | undefined {
    return this.attributeIndex.get(entity)?.get(name);
  }

  /** A relationship by schema name. */
  relationship(schemaName: string): RelationshipDefinition {
    const rel = this.relationshipIndex.get(schemaName);
    if (!rel)
      throw new OrganizationFault(ERROR_CODES.invalidRelationship, `The relationship ${schemaName} does not exist.`);
    return rel;
  }

  /** The live records of an entity (do not change them: use the methods). */
  records(entity: string): Iterable<StoredRecord> {
    this.entity(entity);
    return this.tables.get(entity)!.values();
  }

  /** The number of records of an entity. */
  count(entity: string): number {
    this.entity(entity);
    return this.tables.get(entity)!.size;
  }

  /** The record, or the ObjectDoesNotExist fault. */
  get(entity: string, id: string): StoredRecord {
    this.entity(entity);
    const key = normalizeGuid(id);
    const record = key ? this.tables.get(entity)!.get(key) : undefined;
    if (!record) throw doesNotExist(entity, id);
    return record;
  }

  /** The record, or undefined. */
  find(entity: string, id: string): StoredRecord | undefined {
    const key = normalizeGuid(id);
    return key ? this.tables.get(entity)?.get(key) : undefined;
  }

  /** The primary name of the record a reference points to (for EntityReference.Name). */
  nameOf(ref: StoredReference): string | undefined {
    const def = this.definitions.get(ref.logicalName);
    const value = def && this.find(ref.logicalName, ref.id)?.[def.primaryNameAttribute];
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * Creates a record; resolves to its id (`options.id`, else a new one). Read-only attributes are refused
   * unless `options.system` (loading a data file).
   */
  create(
    entity: string,
    attributes: readonly AttributeInput[],
    options: { id?: string | undefined; system?: boolean; owner?: StoredReference } = {},
  ): string {
    const def = this.entity(entity);
    const table = this.tables.get(entity)!;
    const given = [...attributes];
    let id = options.id;
    const idInput = given.findIndex((a) => a.key === def.primaryIdAttribute);
    if (idInput >= 0) {
      id ??= String((given[idInput]!.value as { $value?: unknown } | null)?.$value ?? given[idInput]!.value);
      given.splice(idInput, 1);
    }
    const key =
      id === undefined || normalizeGuid(id) === '00000000-0000-0000-0000-000000000000'
        ? randomUUID()
        : normalizeGuid(id);
    if (!key) throw invalidArgument(`${id} is not a valid id for ${entity}.`);
    if (table.has(key)) throw new OrganizationFault(ERROR_CODES.duplicateRecord, 'Cannot insert duplicate key.');
    const record: StoredRecord = { [def.primaryIdAttribute]: key };
    this.assign(def, record, given, options.system === true);
    const stamp = new Date(this.now()).toISOString();
    if (this.findAttribute(entity, 'createdon') && record.createdon === undefined) record.createdon = stamp;
    if (this.findAttribute(entity, 'modifiedon') && record.modifiedon === undefined) record.modifiedon = stamp;
    if (options.owner && this.findAttribute(entity, 'ownerid') && record.ownerid === undefined)
      record.ownerid = options.owner;
    if (this.findAttribute(entity, 'statecode') && record.statecode === undefined) record.statecode = 0;
    if (this.findAttribute(entity, 'statuscode') && record.statuscode === undefined) {
      record.statuscode = this.defaultStatus(entity, Number(record.statecode ?? 0)) ?? null;
    }
    this.computeFullName(def, record);
    table.set(key, record);
    return key;
  }

  /** Changes a record's attributes. */
  update(entity: string, id: string, attributes: readonly AttributeInput[]): void {
    const def = this.entity(entity);
    const record = this.get(entity, id);
    const given = attributes.filter((a) => a.key !== def.primaryIdAttribute);
    // Checked on a copy first: a refused value changes nothing.
    const copy = { ...record };
    this.assign(def, copy, given, false);
    if (this.findAttribute(entity, 'modifiedon')) copy.modifiedon = new Date(this.now()).toISOString();
    this.computeFullName(def, copy);
    Object.assign(record, copy);
    for (const key of Object.keys(record)) if (copy[key] === undefined) delete record[key];
  }

  /** Sets a record's state and status (SetState). */
  setState(entity: string, id: string, state: number, status: number): void {
    this.get(entity, id);
    const statusDef = this.findAttribute(entity, 'statuscode');
    const option = statusDef?.options?.find((o) => o.value === status);
    if (status !== -1 && option?.state !== undefined && option.state !== state) {
      throw invalidArgument(`${status} is not a valid status code for state code ${state}.`);
    }
    const chosen = status === -1 ? this.defaultStatus(entity, state) : status;
    this.update(entity, id, [
      { key: 'statecode', value: state },
      { key: 'statuscode', value: chosen ?? null },
    ]);
  }

  /** Deletes a record; lookups pointing to it are cleared and its many-to-many links removed. */
  delete(entity: string, id: string): void {
    const record = this.get(entity, id);
    const key = record[this.entity(entity).primaryIdAttribute] as string;
    this.tables.get(entity)!.delete(key);
    for (const [name, table] of this.tables) {
      const lookups = [...this.attributeIndex.get(name)!.values()].filter((a) => a.targets?.includes(entity));
      if (lookups.length === 0) continue;
      for (const other of table.values()) {
        for (const a of lookups) {
          const ref = other[a.logicalName] as StoredReference | null | undefined;
          if (ref && ref.logicalName === entity && ref.id === key) other[a.logicalName] = null;
        }
      }
    }
    for (const rel of this.relationshipIndex.values()) {
      if (rel.kind !== 'ManyToMany') continue;
      const set = this.links.get(rel.schemaName);
      if (!set) continue;
      for (const pair of set) {
        const [a, b] = pair.split('|');
        if ((rel.entity1 === entity && a === key) || (rel.entity2 === entity && b === key)) set.delete(pair);
      }
    }
  }

  /** Links `related` records to a record through `relationship` (Associate). */
  associate(entity: string, id: string, relationship: string, related: readonly StoredReference[]): void {
    this.relate(entity, id, relationship, related, true);
  }

  /** Removes links made by `associate` (Disassociate). */
  disassociate(entity: string, id: string, relationship: string, related: readonly StoredReference[]): void {
    this.relate(entity, id, relationship, related, false);
  }

  /** The ids of entity2 records linked to an entity1 record (or the other way round) by a many-to-many relationship. */
  linked(relationship: string, entity: string, id: string): string[] {
    const rel = this.relationship(relationship) as ManyToMany;
    const set = this.links.get(rel.schemaName) ?? new Set<string>();
    const out: string[] = [];
    for (const pair of set) {
      const [a, b] = pair.split('|') as [string, string];
      if (rel.entity1 === entity && a === id) out.push(b);
      else if (rel.entity2 === entity && b === id) out.push(a);
    }
    return out;
  }

  /** Records and links as plain data (the `records` and `associations` of a data file). */
  snapshot(): Pick<DynamicsData, 'records' | 'associations'> {
    const records: Record<string, StoredRecord[]> = {};
    for (const [name, table] of this.tables)
      if (table.size > 0) records[name] = [...table.values()].map((r) => ({ ...r }));
    const associations: DynamicsAssociationData[] = [];
    for (const [relationship, set] of this.links) {
      for (const pair of set) {
        const [entity1Id, entity2Id] = pair.split('|') as [string, string];
        associations.push({ relationship, entity1Id, entity2Id });
      }
    }
    return { records, associations };
  }

  private relate(
    entity: string,
    id: string,
    relationship: string,
    related: readonly StoredReference[],
    add: boolean,
  ): void {
    const rel = this.relationship(relationship);
    const record = this.get(entity, id);
    const key = record[this.entity(entity).primaryIdAttribute] as string;
    // Everything is checked before anything changes.
    for (const r of related) this.get(r.logicalName, r.id);
    if (rel.kind === 'ManyToMany') {
      for (const r of related) {
        const other = normalizeGuid(r.id)!;
        if (entity === rel.entity1 && r.logicalName === rel.entity2) this.link(rel, key, other, add);
        else if (entity === rel.entity2 && r.logicalName === rel.entity1) this.link(rel, other, key, add);
        else throw this.wrongSide(rel.schemaName, entity, r.logicalName);
      }
      return;
    }
    const target: StoredReference = { logicalName: entity, id: key };
    const changes: Array<{ entity: string; id: string; ref: StoredReference | null }> = [];
    for (const r of related) {
      const other = normalizeGuid(r.id)!;
      if (entity === rel.referencedEntity && r.logicalName === rel.referencingEntity) {
        changes.push({ entity: r.logicalName, id: other, ref: add ? target : null });
      } else if (entity === rel.referencingEntity && r.logicalName === rel.referencedEntity) {
        changes.push({ entity, id: key, ref: add ? { logicalName: r.logicalName, id: other } : null });
      } else throw this.wrongSide(rel.schemaName, entity, r.logicalName);
    }
    for (const c of changes) {
      const row = this.get(c.entity, c.id);
      if (c.ref === null) {
        const current = row[rel.referencingAttribute] as StoredReference | null | undefined;
        // Disassociate only clears a lookup that points to the record named.
        const pointsTo = c.entity === entity ? related[0] : target;
        if (!current || !pointsTo || current.id !== normalizeGuid(pointsTo.id)) continue;
      }
      this.update(c.entity, c.id, [{ key: rel.referencingAttribute, value: c.ref }]);
    }
  }

  private wrongSide(schemaName: string, entity: string, other: string): OrganizationFault {
    return new OrganizationFault(
      ERROR_CODES.invalidRelationship,
      `The relationship ${schemaName} does not link ${entity} and ${other}.`,
    );
  }

  private link(rel: ManyToMany, entity1Id: string, entity2Id: string, add: boolean): void {
    const a = normalizeGuid(entity1Id);
    const b = normalizeGuid(entity2Id);
    if (!a || !b) throw invalidArgument('an association needs two record ids');
    let set = this.links.get(rel.schemaName);
    if (!set) {
      set = new Set();
      this.links.set(rel.schemaName, set);
    }
    if (add) set.add(`${a}|${b}`);
    else set.delete(`${a}|${b}`);
  }

  private assign(
    def: EntityDefinition,
    record: StoredRecord,
    attributes: readonly AttributeInput[],
    system: boolean,
  ): void {
    for (const { key, value } of attributes) {
      const attr = this.attribute(def.logicalName, key);
      if (attr.readOnly && !system) {
        throw invalidArgument(`The attribute ${key} of ${def.logicalName} cannot be set.`);
      }
      const stored: StoredValue = toStored(attr, value, `${def.logicalName}.${key}`);
      if (!system && stored !== null && typeof stored === 'object' && !this.find(stored.logicalName, stored.id)) {
        throw doesNotExist(stored.logicalName, stored.id);
      }
      record[key] = stored;
    }
  }

  private defaultStatus(entity: string, state: number): number | undefined {
    return this.findAttribute(entity, 'statuscode')?.options?.find((o) => (o.state ?? 0) === state)?.value;
  }

  private computeFullName(def: EntityDefinition, record: StoredRecord): void {
    const fullname = this.findAttribute(def.logicalName, 'fullname');
    if (!fullname?.readOnly || !this.findAttribute(def.logicalName, 'lastname')) return;
    const parts = [record.firstname, record.lastname].filter((p): p is string => typeof p === 'string' && p !== '');
    record.fullname = parts.length ? parts.join(' ') : null;
  }
}
