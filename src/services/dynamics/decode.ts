/**
 * Wire values to JavaScript attribute values: the inverse of encode.ts, applied to what the codecs decode
 * under `anyType` (`{ $type, $value }` for simple values, `{ $type, ...fields }` for complex ones).
 *
 * string, int, double, boolean, dateTime and long decode to `string`, `number`, `boolean`, `Date` and
 * `bigint`; decimal to `Decimal` and Money to `Money` (their text, every digit kept); guid to a plain
 * string (ids are strings everywhere; write one back with `guid()` or with metadata typing); EntityReference,
 * OptionSetValue and AliasedValue to their classes; an entity to `Entity`; EntityCollection and arrays to
 * arrays. A type the client has no shape for (metadata, for instance) is returned as the codecs decoded it.
 */
import { ARRAYS, CONTRACTS, clarkKey, T } from './namespaces.js';
import {
  AliasedValue,
  type AttributeValue,
  Decimal,
  EMPTY_GUID,
  type Entity,
  EntityReference,
  Money,
  OptionSetValue,
} from './values.js';

/** An `EntityCollection` read in full: its records and its paging state. */
export interface EntityCollection {
  /** The records of this page. */
  entities: Entity[];
  /** The entity the records are of (when the server says). */
  entityName?: string;
  /** True when more records match than this page holds. */
  moreRecords: boolean;
  /** The cookie that asks for the next page (undefined when the server sent none). */
  pagingCookie?: string;
  /** The total number of matching records when asked for (`-1` when not counted). */
  totalRecordCount: number;
  /** True when the total passed the server's limit (5000) and is not exact. */
  totalRecordCountLimitExceeded?: boolean;
}

/** A decoded wire value as the codecs give it: a plain record of properties. */
export type Wire = Record<string, unknown>;

const ARRAY_OF = `{${ARRAYS}}ArrayOf`;

/** Decodes one wire value (see the file comment). */
export function decodeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value as AttributeValue;
  if (value instanceof Date) return value;
  const wire = value as Wire;
  const type = wire.$type;
  if (typeof type !== 'string') return value as AttributeValue;
  if ('$value' in wire) return decodeSimple(type, wire.$value);
  switch (type) {
    case T.entityReference:
      return decodeReference(wire);
    case T.optionSetValue:
      return new OptionSetValue(Number(wire.Value));
    case T.money:
      return new Money(String(wire.Value ?? '0'));
    case T.aliasedValue:
      return new AliasedValue(
        String(wire.EntityLogicalName ?? ''),
        String(wire.AttributeLogicalName ?? ''),
        decodeValue(wire.Value),
      );
    case T.entity:
      return decodeEntity(wire);
    case T.entityCollection:
      return decodeEntityCollection(wire).entities;
    case T.arrayOfEntity:
      return items(wire.Entity).map((e) => decodeEntity(e as Wire));
    case T.entityReferenceCollection:
      return items(wire.EntityReference).map((r) => decodeReference(r as Wire));
    case clarkKey(CONTRACTS, 'ArrayOfOptionSetValue'):
      return items(wire.OptionSetValue).map((o) => new OptionSetValue(Number((o as Wire).Value)));
    case clarkKey(CONTRACTS, 'ArrayOfMoney'):
      return items(wire.Money).map((o) => new Money(String((o as Wire).Value ?? '0')));
    default:
      if (type.startsWith(ARRAY_OF)) return decodeWcfArray(type.slice(ARRAY_OF.length), wire);
      return value as AttributeValue;
  }
}

function decodeSimple(type: string, value: unknown): AttributeValue {
  if (type === T.decimal) return new Decimal(String(value));
  return value as AttributeValue;
}

function decodeWcfArray(itemName: string, wire: Wire): AttributeValue {
  const list = items(wire[itemName]);
  if (itemName === 'anyType') return list.map(decodeValue);
  if (itemName === 'decimal') return list.map((v) => new Decimal(String(v)));
  return list as AttributeValue;
}

function decodeReference(wire: Wire): EntityReference {
  const name = typeof wire.Name === 'string' ? wire.Name : undefined;
  return new EntityReference(String(wire.LogicalName ?? ''), String(wire.Id ?? EMPTY_GUID), name);
}

/** An `Entity` data contract as a record. */
export function decodeEntity(wire: Wire): Entity {
  const attributes: Entity['attributes'] = {};
  for (const pair of pairs(wire.Attributes)) setOwn(attributes, pair.key, decodeValue(pair.value));
  const formattedValues: Record<string, string> = {};
  const formatted = (wire.FormattedValues as Wire | null | undefined)?.KeyValuePairOfstringstring;
  for (const pair of items(formatted) as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof pair.key === 'string') setOwn(formattedValues, pair.key, String(pair.value ?? ''));
  }
  return {
    logicalName: String(wire.LogicalName ?? ''),
    id: String(wire.Id ?? EMPTY_GUID),
    attributes,
    formattedValues,
  };
}

/** An `EntityCollection` data contract with its paging state. */
export function decodeEntityCollection(wire: Wire | null | undefined): EntityCollection {
  const w = wire ?? {};
  const entities = items((w.Entities as Wire | null | undefined)?.Entity).map((e) => decodeEntity(e as Wire));
  const out: EntityCollection = {
    entities,
    moreRecords: w.MoreRecords === true,
    totalRecordCount: typeof w.TotalRecordCount === 'number' ? w.TotalRecordCount : -1,
  };
  if (typeof w.EntityName === 'string') out.entityName = w.EntityName;
  if (typeof w.PagingCookie === 'string' && w.PagingCookie !== '') out.pagingCookie = w.PagingCookie;
  if (typeof w.TotalRecordCountLimitExceeded === 'boolean') {
    out.totalRecordCountLimitExceeded = w.TotalRecordCountLimitExceeded;
  }
  return out;
}

/** The key/value pairs of an AttributeCollection or ParameterCollection. */
export function pairs(collection: unknown): Array<{ key: string; value: unknown }> {
  const list = items((collection as Wire | null | undefined)?.KeyValuePairOfstringanyType);
  return (list as Array<{ key?: unknown; value?: unknown }>)
    .filter((p) => typeof p.key === 'string')
    .map((p) => ({ key: p.key as string, value: p.value }));
}

/** Results of an Execute (a ParameterCollection) by name; EntityCollections kept with their paging state. */
export function decodeResults(collection: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of pairs(collection)) {
    const type = (value as Wire | null)?.$type;
    setOwn(out, key, type === T.entityCollection ? decodeEntityCollection(value as Wire) : decodeValue(value));
  }
  return out;
}

/**
 * Sets an own property whatever its name: a key from the wire such as `__proto__` must never reach the
 * object's prototype (docs/mapping.md, Safety).
 */
export function setOwn<V>(target: Record<string, V | undefined>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function items(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
