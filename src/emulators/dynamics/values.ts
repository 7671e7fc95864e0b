/**
 * Attribute values between the wire and the store. On the wire (as the codecs decode `anyType` with an
 * `xsi:type`, docs/mapping.md) a value is `{ $type, $value }` (string, int, decimal, dateTime, guid...) or a
 * typed object (`EntityReference`, `OptionSetValue`, `Money`); in the store it is a `StoredValue` chosen by
 * the attribute's type. A value of the wrong type for its attribute is refused with InvalidArgument.
 */
import type { StoredReference, StoredValue } from './data.js';
import type { AttributeDefinition } from './definitions.js';
import { invalidArgument } from './faults.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const CONTRACTS = 'http://schemas.microsoft.com/xrm/2011/Contracts';
const SERIALIZATION = 'http://schemas.microsoft.com/2003/10/Serialization/';

/** Clark keys of the `xsi:type`s values are written with. */
export const WIRE_TYPES = Object.freeze({
  string: `{${XS}}string`,
  int: `{${XS}}int`,
  long: `{${XS}}long`,
  double: `{${XS}}double`,
  decimal: `{${XS}}decimal`,
  boolean: `{${XS}}boolean`,
  dateTime: `{${XS}}dateTime`,
  guid: `{${SERIALIZATION}}guid`,
  entityReference: `{${CONTRACTS}}EntityReference`,
  optionSetValue: `{${CONTRACTS}}OptionSetValue`,
  money: `{${CONTRACTS}}Money`,
  aliasedValue: `{${CONTRACTS}}AliasedValue`,
  entity: `{${CONTRACTS}}Entity`,
  entityCollection: `{${CONTRACTS}}EntityCollection`,
});

type Wire = Record<string, unknown>;

/** A value as the codecs write it under anyType. */
export type WireValue = Wire | null;

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The canonical (lower-case, no braces) form of a GUID, or undefined. */
export function normalizeGuid(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = GUID.exec(text.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The plain value inside a wire value: `$value`, a reference's id, an option's or money's Value. */
export function plainOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const w = value as Wire;
  if ('$value' in w) return w.$value;
  if ('Id' in w) return w.Id;
  if ('Value' in w) return w.Value;
  return value;
}

function typeName(value: unknown): string {
  const t = (value as Wire | null)?.$type;
  return typeof t === 'string' ? t.slice(t.indexOf('}') + 1) : typeof value;
}

/** Converts a plain or wire value to what `def` stores; `where` names it in the fault. */
export function toStored(def: AttributeDefinition, value: unknown, where: string): StoredValue {
  if (value === null || value === undefined) return null;
  const wrong = () =>
    invalidArgument(`Incorrect type of attribute value ${typeName(value)} for ${where} (${def.type}).`);
  const plain = plainOf(value);
  switch (def.type) {
    case 'String':
    case 'Memo':
    case 'EntityName':
      if (typeof plain !== 'string') throw wrong();
      return plain;
    case 'Integer': {
      const n = typeof plain === 'string' ? Number(plain) : plain;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw wrong();
      return n;
    }
    case 'Double': {
      const n = typeof plain === 'string' ? Number(plain) : plain;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw wrong();
      return n;
    }
    case 'BigInt':
      if (typeof plain === 'bigint') return plain.toString();
      if (
        (typeof plain === 'number' && Number.isInteger(plain)) ||
        (typeof plain === 'string' && /^-?\d+$/.test(plain))
      ) {
        return String(plain);
      }
      throw wrong();
    case 'Decimal':
    case 'Money': {
      const text = typeof plain === 'number' ? String(plain) : plain;
      if (typeof text !== 'string' || !DECIMAL.test(text.trim())) throw wrong();
      return text.trim();
    }
    case 'Boolean':
      if (typeof plain === 'boolean') return plain;
      if (plain === 'true' || plain === 'false') return plain === 'true';
      throw wrong();
    case 'DateTime': {
      const date = plain instanceof Date ? plain : typeof plain === 'string' ? new Date(plain) : undefined;
      if (!date || Number.isNaN(date.getTime())) throw wrong();
      return date.toISOString();
    }
    case 'Uniqueidentifier': {
      const id = normalizeGuid(plain);
      if (!id) throw wrong();
      return id;
    }
    case 'Picklist':
    case 'State':
    case 'Status': {
      const n = typeof plain === 'string' ? Number(plain) : plain;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw wrong();
      if (def.options && !def.options.some((o) => o.value === n)) {
        throw invalidArgument(
          `${n} is not a valid value for ${where}: its options are ${def.options.map((o) => o.value).join(', ')}.`,
        );
      }
      return n;
    }
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      return toReference(def, value, where, wrong);
  }
}

function toReference(def: AttributeDefinition, value: unknown, where: string, wrong: () => Error): StoredReference {
  let logicalName: unknown;
  let id: unknown;
  let name: unknown;
  if (typeof value === 'object' && value !== null && !('$value' in value)) {
    const w = value as Wire;
    logicalName = w.LogicalName ?? w.logicalName;
    id = w.Id ?? w.id;
    name = w.Name ?? w.name;
  } else if (def.targets?.length === 1) {
    logicalName = def.targets[0];
    id = plainOf(value);
  }
  const guid = normalizeGuid(id);
  if (typeof logicalName !== 'string' || !guid) throw wrong();
  if (def.targets && !def.targets.includes(logicalName)) {
    throw invalidArgument(`${where} may refer to ${def.targets.join(', ')}, not to ${logicalName}.`);
  }
  return typeof name === 'string' ? { logicalName, id: guid, name } : { logicalName, id: guid };
}

const simple = ($type: string, $value: unknown): Wire => ({ $type, $value });

/** The wire value of a stored value of `def`. */
export function toWire(def: AttributeDefinition, value: StoredValue | undefined): WireValue {
  if (value === null || value === undefined) return null;
  switch (def.type) {
    case 'String':
    case 'Memo':
    case 'EntityName':
      return simple(WIRE_TYPES.string, String(value));
    case 'Integer':
      return simple(WIRE_TYPES.int, value);
    case 'Double':
      return simple(WIRE_TYPES.double, value);
    case 'BigInt':
      return simple(WIRE_TYPES.long, String(value));
    case 'Decimal':
      return simple(WIRE_TYPES.decimal, String(value));
    case 'Money':
      return { $type: WIRE_TYPES.money, Value: String(value) };
    case 'Boolean':
      return simple(WIRE_TYPES.boolean, value);
    case 'DateTime':
      return simple(WIRE_TYPES.dateTime, new Date(String(value)));
    case 'Uniqueidentifier':
      return simple(WIRE_TYPES.guid, value);
    case 'Picklist':
    case 'State':
    case 'Status':
      return { $type: WIRE_TYPES.optionSetValue, Value: value };
    case 'Lookup':
    case 'Customer':
    case 'Owner': {
      const ref = value as StoredReference;
      return {
        $type: WIRE_TYPES.entityReference,
        Id: ref.id,
        LogicalName: ref.logicalName,
        ...(ref.name !== undefined ? { Name: ref.name } : {}),
      };
    }
  }
}

/** The label of an option-set value, for FormattedValues. */
export function formattedValue(def: AttributeDefinition, value: StoredValue | undefined): string | undefined {
  if (typeof value !== 'number' || !def.options) return undefined;
  return def.options.find((o) => o.value === value)?.label;
}

/**
 * A value reduced for comparison in queries: references to their id, decimals and money to numbers, dates to
 * milliseconds, strings lower-cased (SQL Server's default collation is case-insensitive).
 */
export function comparable(def: AttributeDefinition | undefined, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  const plain = plainOf(value);
  if (plain === null || plain === undefined) return null;
  if (typeof plain === 'object' && !(plain instanceof Date)) {
    const ref = plain as Partial<StoredReference>;
    return typeof ref.id === 'string' ? ref.id.toLowerCase() : null;
  }
  switch (def?.type) {
    case 'Decimal':
    case 'Money':
    case 'Integer':
    case 'Double':
    case 'BigInt':
    case 'Picklist':
    case 'State':
    case 'Status':
      return Number(plain);
    case 'DateTime':
      return plain instanceof Date ? plain.getTime() : new Date(String(plain)).getTime();
    case 'Boolean':
      return plain === true || plain === 'true' || plain === 1 || plain === '1';
    case 'Uniqueidentifier':
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      return normalizeGuid(plain) ?? String(plain).toLowerCase();
    default:
      if (plain instanceof Date) return plain.getTime();
      if (typeof plain === 'bigint') return Number(plain);
      return typeof plain === 'string' ? plain.toLowerCase() : (plain as number | boolean);
  }
}
