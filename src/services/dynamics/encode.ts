/**
 * JavaScript attribute values to wire values: what the codecs write under `anyType` with an `xsi:type`
 * (docs/mapping.md: `{ $type, $value }` for simple values, `{ $type, ...fields }` for complex ones), e.g.
 *
 *   <c:value i:type="d:decimal">12.50</c:value>   from decimal('12.50')
 *   <c:value i:type="b:Money"><b:Value>12.50</b:Value></c:value>   from money('12.50')
 *
 * Without a hint a value is typed by what it is: string -> xs:string, an integer number -> xs:int, another
 * number -> xs:double, bigint -> xs:long, boolean, Date -> xs:dateTime, and the classes of values.ts. A
 * hint (from the entity's metadata, see typing.ts) types plain values for the attribute they go to.
 */
import { DynamicsValueError } from './errors.js';
import { ARRAYS, CONTRACTS, clarkKey, T } from './namespaces.js';
import {
  AliasedValue,
  type Attributes,
  type AttributeValue,
  Decimal,
  decimalText,
  EMPTY_GUID,
  type Entity,
  EntityReference,
  Guid,
  guidText,
  isEntity,
  Money,
  OptionSetValue,
} from './values.js';

/** How to type a plain value: the wire type the attribute has (from metadata). */
export interface WireHint {
  /** An AttributeTypeCode: `Decimal`, `Money`, `Lookup`, `Picklist`, `Uniqueidentifier`... */
  readonly attributeType: string;
  /** For lookups: the entities the attribute may point to. */
  readonly targets?: readonly string[];
}

/** A value as the codecs write it under `anyType`. */
export type WireValue = { $type: string; [key: string]: unknown } | null;

/** A `KeyValuePairOfstringanyType` collection (AttributeCollection, ParameterCollection). */
export interface WirePairs {
  KeyValuePairOfstringanyType: Array<{ key: string; value: WireValue }>;
}

const simple = (type: string, value: unknown): WireValue => ({ $type: type, $value: value });

/** A wire value for `value`, typed by `hint` when given (see the file comment). */
export function encodeValue(value: AttributeValue | undefined, hint?: WireHint, path = 'value'): WireValue {
  if (value === null || value === undefined) return null;
  if (hint) {
    const typed = byHint(value, hint, path);
    if (typed !== undefined) return typed;
  }
  switch (typeof value) {
    case 'string':
      return simple(T.string, value);
    case 'number':
      return simple(Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? T.int : T.double, value);
    case 'bigint':
      return simple(T.long, value);
    case 'boolean':
      return simple(T.boolean, value);
    default:
      break;
  }
  if (value instanceof Date) return simple(T.dateTime, value);
  if (value instanceof EntityReference) return encodeReference(value);
  if (value instanceof OptionSetValue) return { $type: T.optionSetValue, Value: value.value };
  if (value instanceof Money) return { $type: T.money, Value: value.value };
  if (value instanceof Decimal) return simple(T.decimal, value.value);
  if (value instanceof Guid) return simple(T.guid, value.value);
  if (value instanceof AliasedValue) {
    return {
      $type: T.aliasedValue,
      AttributeLogicalName: value.attributeLogicalName,
      EntityLogicalName: value.entityLogicalName,
      Value: encodeValue(value.value, undefined, `${path}.value`),
    };
  }
  if (Array.isArray(value)) return encodeArray(value, path);
  if (isEntity(value)) return { $type: T.entity, ...encodeEntity(value) };
  if (typeof value === 'object' && typeof (value as { $type?: unknown }).$type === 'string') {
    // Already a wire value (an escape hatch for types the client has no class for).
    return value as WireValue;
  }
  throw new DynamicsValueError(`${path}: cannot type ${describe(value)} for the wire`);
}

function byHint(value: AttributeValue, hint: WireHint, path: string): WireValue | undefined {
  const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
  switch (hint.attributeType) {
    case 'Decimal':
      return plain ? simple(T.decimal, decimalText(value as string | number | bigint, path)) : undefined;
    case 'Money':
      return plain || value instanceof Decimal
        ? { $type: T.money, Value: decimalText(String(value), path) }
        : undefined;
    case 'Double':
      return typeof value === 'number' || typeof value === 'string' ? simple(T.double, Number(value)) : undefined;
    case 'Integer':
      return typeof value === 'number' || typeof value === 'string' ? simple(T.int, Number(value)) : undefined;
    case 'BigInt':
      return plain ? simple(T.long, BigInt(value as string | number | bigint)) : undefined;
    case 'Picklist':
    case 'State':
    case 'Status':
      return typeof value === 'number' ? { $type: T.optionSetValue, Value: value } : undefined;
    case 'Uniqueidentifier':
      return typeof value === 'string' ? simple(T.guid, guidText(value, path)) : undefined;
    case 'Lookup':
    case 'Customer':
    case 'Owner': {
      if (typeof value !== 'string') return undefined;
      const target = hint.targets?.length === 1 ? hint.targets[0] : undefined;
      if (!target) {
        throw new DynamicsValueError(
          `${path}: the lookup may point to ${hint.targets?.join(', ') || 'several entities'}; pass ref(entity, id)`,
        );
      }
      return encodeReference(new EntityReference(target, value));
    }
    case 'DateTime':
      return typeof value === 'string' ? simple(T.dateTime, value) : undefined;
    case 'Boolean':
      return typeof value === 'number' ? simple(T.boolean, value !== 0) : undefined;
    case 'String':
    case 'Memo':
    case 'EntityName':
      return typeof value === 'number' || typeof value === 'bigint' ? simple(T.string, String(value)) : undefined;
    default:
      return undefined;
  }
}

function encodeReference(value: EntityReference): WireValue {
  return { $type: T.entityReference, Id: value.id, LogicalName: value.logicalName };
}

/** Arrays: of records -> EntityCollection; of references -> EntityReferenceCollection; else a WCF array. */
function encodeArray(items: readonly AttributeValue[], path: string): WireValue {
  if (items.length > 0 && items.every(isEntity)) {
    return { $type: T.entityCollection, Entities: { Entity: items.map((e) => encodeEntity(e as Entity)) } };
  }
  if (items.length > 0 && items.every((i) => i instanceof EntityReference)) {
    return {
      $type: T.entityReferenceCollection,
      EntityReference: items.map((r) => ({
        Id: (r as EntityReference).id,
        LogicalName: (r as EntityReference).logicalName,
      })),
    };
  }
  const arrayOf = (local: string, item: string, map: (v: AttributeValue) => unknown): WireValue => ({
    $type: clarkKey(ARRAYS, local),
    [item]: items.map(map),
  });
  if (items.length > 0) {
    if (items.every((i) => typeof i === 'string')) return arrayOf('ArrayOfstring', 'string', (v) => v);
    if (items.every((i) => typeof i === 'boolean')) return arrayOf('ArrayOfboolean', 'boolean', (v) => v);
    if (items.every((i) => typeof i === 'number' && Number.isInteger(i))) return arrayOf('ArrayOfint', 'int', (v) => v);
    if (items.every((i) => typeof i === 'number')) return arrayOf('ArrayOfdouble', 'double', (v) => v);
    if (items.every((i) => i instanceof Decimal))
      return arrayOf('ArrayOfdecimal', 'decimal', (v) => (v as Decimal).value);
    if (items.every((i) => i instanceof Guid)) return arrayOf('ArrayOfguid', 'guid', (v) => (v as Guid).value);
    if (items.every((i) => i instanceof Date)) return arrayOf('ArrayOfdateTime', 'dateTime', (v) => v);
    if (items.every((i) => i instanceof OptionSetValue)) {
      return {
        $type: clarkKey(CONTRACTS, 'ArrayOfOptionSetValue'),
        OptionSetValue: items.map((i) => ({ Value: (i as OptionSetValue).value })),
      };
    }
  }
  return arrayOf('ArrayOfanyType', 'anyType', (v) => encodeValue(v, undefined, path));
}

/** An `Entity` data contract (without `$type`) for a record. */
export function encodeEntity(
  entity: Pick<Entity, 'logicalName' | 'attributes'> & { id?: string },
  hints?: HintSource,
): Record<string, unknown> {
  return {
    Attributes: encodeAttributes(entity.attributes, hints, entity.logicalName),
    Id: entity.id === undefined ? EMPTY_GUID : guidText(entity.id),
    LogicalName: entity.logicalName,
  };
}

/** Where hints come from: the attribute's metadata, looked up by entity and attribute name. */
export type HintSource = (entity: string, attribute: string) => WireHint | undefined;

/** An AttributeCollection for `attributes` (undefined values left out, null written as nil). */
export function encodeAttributes(attributes: Attributes, hints?: HintSource, entityName = ''): WirePairs {
  const pairs: WirePairs['KeyValuePairOfstringanyType'] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    pairs.push({ key, value: encodeValue(value, hints?.(entityName, key), `${entityName}.${key}`) });
  }
  return { KeyValuePairOfstringanyType: pairs };
}

/** A ParameterCollection (the same pairs) for request parameters. */
export function encodeParameters(parameters: Record<string, AttributeValue | undefined>): WirePairs {
  return encodeAttributes(parameters, undefined, 'parameters');
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return value.constructor?.name && value.constructor !== Object ? `a ${value.constructor.name}` : 'an object';
}
