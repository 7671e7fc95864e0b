/**
 * Records as the Organization service's `Entity` and `EntityCollection` data contracts (the shape of the
 * captured Retrieve and RetrieveMultiple responses): attributes as `KeyValuePairOfstringanyType` with typed
 * values, the primary id always among them, option-set labels in FormattedValues, lookups with the target's
 * name, and a linked entity's columns as `AliasedValue`s keyed `alias.attribute`.
 */
import type { StoredRecord, StoredReference, StoredValue } from './data.js';
import type { AttributeDefinition } from './definitions.js';
import type { QueryResult, QueryRow } from './query-engine.js';
import type { EmulatorQuery, QueryLink } from './query-model.js';
import type { EntityStore } from './store.js';
import { formattedValue, toWire, WIRE_TYPES, type WireValue } from './values.js';

type Wire = Record<string, unknown>;
type Pair = { key: string; value: WireValue };

function wireValueOf(store: EntityStore, def: AttributeDefinition, value: StoredValue | undefined): WireValue {
  if (value !== null && typeof value === 'object') {
    const ref = value as StoredReference;
    const name = ref.name ?? store.nameOf(ref);
    return toWire(def, name === undefined ? ref : { ...ref, name });
  }
  return toWire(def, value);
}

/** The attribute names of `record` that `columns` selects (checked against metadata). */
function selected(
  store: EntityStore,
  entity: string,
  columns: 'all' | readonly string[],
  record: StoredRecord,
): string[] {
  if (columns === 'all') return Object.keys(record).filter((k) => record[k] !== null && record[k] !== undefined);
  for (const c of columns) store.attribute(entity, c);
  return columns.filter((c) => record[c] !== null && record[c] !== undefined);
}

/** One record as an `Entity` (without `$type`). */
export function entityWire(
  store: EntityStore,
  entity: string,
  record: StoredRecord,
  columns: 'all' | readonly string[],
  extra: Pair[] = [],
): Wire {
  const def = store.entity(entity);
  const names = selected(store, entity, columns, record);
  if (!names.includes(def.primaryIdAttribute)) names.unshift(def.primaryIdAttribute);
  const pairs: Pair[] = [];
  const formatted: Array<{ key: string; value: string }> = [];
  for (const name of names) {
    const attr = store.attribute(entity, name);
    pairs.push({ key: name, value: wireValueOf(store, attr, record[name]) });
    const label = formattedValue(attr, record[name]);
    if (label !== undefined) formatted.push({ key: name, value: label });
  }
  pairs.push(...extra);
  return {
    Attributes: { KeyValuePairOfstringanyType: pairs },
    EntityState: null,
    FormattedValues: { KeyValuePairOfstringstring: formatted },
    Id: record[def.primaryIdAttribute],
    LogicalName: entity,
    RelatedEntities: {},
  };
}

function aliased(store: EntityStore, links: readonly QueryLink[], row: QueryRow, out: Pair[]): void {
  for (const link of links) {
    const linked = row.linked.get(link.alias);
    const record = linked?.record;
    if (record) {
      for (const name of selected(store, link.toEntity, link.columns, record)) {
        const attr = store.attribute(link.toEntity, name);
        out.push({
          key: `${link.alias}.${name}`,
          value: {
            $type: WIRE_TYPES.aliasedValue,
            AttributeLogicalName: name,
            EntityLogicalName: link.toEntity,
            Value: wireValueOf(store, attr, record[name]),
          },
        });
      }
    }
    aliased(store, link.links, row, out);
  }
}

/** A page of query results as an `EntityCollection` (without `$type`). */
export function collectionWire(store: EntityStore, query: EmulatorQuery, result: QueryResult, allRows?: number): Wire {
  let entities: Wire[];
  if (query.aggregates?.length) {
    const pairs: Pair[] = query.aggregates.map((a) => {
      const count =
        a.kind === 'count'
          ? (allRows ?? result.rows.length)
          : result.rows.filter((r) => r.record[a.attribute] != null).length;
      return {
        key: a.alias,
        value: {
          $type: WIRE_TYPES.aliasedValue,
          AttributeLogicalName: a.attribute,
          EntityLogicalName: query.entityName,
          Value: { $type: WIRE_TYPES.int, $value: count },
        },
      };
    });
    entities = [
      {
        Attributes: { KeyValuePairOfstringanyType: pairs },
        EntityState: null,
        FormattedValues: {},
        Id: '00000000-0000-0000-0000-000000000000',
        LogicalName: query.entityName,
        RelatedEntities: {},
      },
    ];
  } else {
    entities = result.rows.map((row) => {
      const extra: Pair[] = [];
      aliased(store, query.links, row, extra);
      return entityWire(store, query.entityName, row.record, query.columns, extra);
    });
  }
  return {
    Entities: { Entity: entities },
    EntityName: query.entityName,
    MinActiveRowVersion: '-1',
    MoreRecords: result.moreRecords,
    PagingCookie: result.pagingCookie ?? null,
    TotalRecordCount: result.totalRecordCount,
    TotalRecordCountLimitExceeded: result.totalRecordCountLimitExceeded,
  };
}
