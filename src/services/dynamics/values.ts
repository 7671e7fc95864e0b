/**
 * Attribute values: the JavaScript shapes of the Organization service's typed values, and the helpers that
 * make them. Plain `string`, `number`, `boolean`, `bigint` and `Date` values are typed by what they are
 * (or by the entity's metadata when the client has it, see typing.ts); these classes say exactly which
 * wire type is meant. Decimals and money keep every digit: they hold the decimal's text.
 */
import { DynamicsValueError } from './errors.js';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** Checks a decimal given as text, a number or a bigint, and returns its text (never an exponent). */
export function decimalText(value: string | number | bigint, what = 'decimal'): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DynamicsValueError(`${what} must be finite, got ${value}`);
    // Number's shortest round-trip text; above 1e21 or below 1e-6 it uses an exponent, which xs:decimal forbids.
    const text = String(value);
    if (!/e/i.test(text)) return text;
    return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  }
  const text = String(value).trim();
  if (!DECIMAL.test(text)) throw new DynamicsValueError(`${what} ${JSON.stringify(value)} is not a decimal number`);
  return text;
}

/** Checks a GUID (with or without braces) and returns it lower-case without braces. */
export function guidText(value: string, what = 'id'): string {
  if (typeof value !== 'string' || !GUID.test(value)) {
    throw new DynamicsValueError(`${what} ${JSON.stringify(value)} is not a GUID`);
  }
  return value.replace(/[{}]/g, '').toLowerCase();
}

/** A lookup: a reference to a record (`EntityReference`). */
export class EntityReference {
  /** The target record's id (a GUID). */
  readonly id: string;
  /** The display name the server sends along (read only: ignored when writing). */
  declare readonly name?: string;
  /** @param logicalName the target entity, e.g. `contact`. */
  constructor(
    readonly logicalName: string,
    id: string,
    name?: string,
  ) {
    this.id = guidText(id);
    if (name !== undefined) this.name = name;
  }
}

/** A picklist, state or status value (`OptionSetValue`). */
export class OptionSetValue {
  constructor(readonly value: number) {
    if (!Number.isInteger(value)) throw new DynamicsValueError(`an option value must be an integer, got ${value}`);
  }
}

/** A currency amount (`Money`): its decimal text, every digit kept. */
export class Money {
  /** The amount as decimal text, e.g. `'60000.0000'`. */
  readonly value: string;
  constructor(value: string | number | bigint) {
    this.value = decimalText(value, 'money');
  }
  /** The amount's text. */
  toString(): string {
    return this.value;
  }
}

/** An exact decimal (`xs:decimal`): its text, every digit kept. */
export class Decimal {
  /** The number as decimal text. */
  readonly value: string;
  constructor(value: string | number | bigint) {
    this.value = decimalText(value);
  }
  /** The number's text. */
  toString(): string {
    return this.value;
  }
}

/** A unique identifier (`ser:guid`) written as such rather than as a string. */
export class Guid {
  /** Lower-case, no braces. */
  readonly value: string;
  constructor(value: string) {
    this.value = guidText(value, 'guid');
  }
  /** The GUID's text. */
  toString(): string {
    return this.value;
  }
}

/** A value read through a link entity's alias (`AliasedValue`, read only). */
export class AliasedValue {
  constructor(
    /** The linked entity. */
    readonly entityLogicalName: string,
    /** The linked entity's attribute. */
    readonly attributeLogicalName: string,
    /** The value, decoded like any attribute value. */
    readonly value: AttributeValue,
  ) {}
}

/** A record: its entity name, id and attributes, as read or as written in a collection. */
export interface Entity {
  /** The entity's logical name, e.g. `account`. */
  logicalName: string;
  /** The record's id; the empty GUID for a record not yet created. */
  id: string;
  /** Attribute values by logical name. */
  attributes: Attributes;
  /** The server's display text of attribute values (option labels, formatted dates and money). */
  formattedValues: Record<string, string>;
}

/** Any attribute value the client reads or writes. */
export type AttributeValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | null
  | EntityReference
  | OptionSetValue
  | Money
  | Decimal
  | Guid
  | AliasedValue
  | Entity
  | { readonly $type: string; readonly [key: string]: unknown }
  | readonly AttributeValue[];

/** Attribute values by logical name. */
export type Attributes = Record<string, AttributeValue | undefined>;

/** A reference to a record: `ref('contact', id)`. */
export function ref(logicalName: string, id: string): EntityReference {
  return new EntityReference(logicalName, id);
}

/** An option set value: `option(1)`. */
export function option(value: number): OptionSetValue {
  return new OptionSetValue(value);
}

/** A money amount: `money('12.34')` (text keeps every digit). */
export function money(value: string | number | bigint): Money {
  return new Money(value);
}

/** An exact decimal: `decimal('12345678901234567.89')`. */
export function decimal(value: string | number | bigint): Decimal {
  return new Decimal(value);
}

/** A GUID value (rather than a string): `guid('7bf2e032-...')`. */
export function guid(value: string): Guid {
  return new Guid(value);
}

/** A 64-bit integer (`xs:long`): `long('9007199254740993')`. */
export function long(value: bigint | number | string): bigint {
  try {
    return BigInt(value);
  } catch {
    throw new DynamicsValueError(`${JSON.stringify(String(value))} is not an integer`);
  }
}

/** The empty GUID, the id of an entity not yet created. */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** True for a plain record object (`{ logicalName, attributes }`). */
export function isEntity(value: unknown): value is Entity {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Entity).logicalName === 'string' &&
    typeof (value as Entity).attributes === 'object'
  );
}
