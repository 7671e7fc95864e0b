/**
 * Conversions between SecurityServer's wire values (as the codecs decode them, docs/mapping.md) and the
 * friendly shapes of types.ts. Property names that come from the wire (attribute and factor names) are
 * defined as own data properties, so a name such as `__proto__` can never reach an object's prototype.
 */
import type {
  CrowdAttributes,
  CrowdCookieInfo,
  CrowdEntity,
  CrowdGroup,
  CrowdNestableGroup,
  NewGroup,
  NewPrincipal,
  PasswordInput,
  SearchRestrictions,
  ValidationFactors,
} from './types.js';

/** A decoded wire object (a complex type's value). */
type Wire = Record<string, unknown>;

function isWire(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own enumerable property, whatever its name (no prototype setter is reached). */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `ArrayOfString` (`{ string: [...] }`, nil or absent) as an array of its non-nil items. */
export function fromArrayOfString(value: unknown): string[] {
  if (!isWire(value)) return [];
  const items = value.string;
  if (!Array.isArray(items)) return typeof items === 'string' ? [items] : [];
  return items.filter((s): s is string => typeof s === 'string');
}

/** An array of strings as `ArrayOfString`. */
export function toArrayOfString(values: readonly string[]): Wire {
  return { string: [...values] };
}

/** `ArrayOfSOAPAttribute` as a map of name to values; a name sent twice keeps all its values. */
export function fromAttributes(value: unknown): CrowdAttributes {
  const out: CrowdAttributes = {};
  if (!isWire(value) || !Array.isArray(value.SOAPAttribute)) return out;
  for (const attribute of value.SOAPAttribute) {
    if (!isWire(attribute) || typeof attribute.name !== 'string') continue;
    const values = fromArrayOfString(attribute.values);
    const known = Object.hasOwn(out, attribute.name) ? out[attribute.name] : undefined;
    define(out, attribute.name, known ? [...known, ...values] : values);
  }
  return out;
}

/** One attribute as `SOAPAttribute`. */
export function toAttribute(name: string, values: string | readonly string[]): Wire {
  return { name, values: toArrayOfString(typeof values === 'string' ? [values] : values) };
}

/** A map of attributes as `ArrayOfSOAPAttribute`. */
export function toAttributes(attributes: Readonly<Record<string, string | readonly string[]>> | undefined): Wire {
  return { SOAPAttribute: Object.entries(attributes ?? {}).map(([name, values]) => toAttribute(name, values)) };
}

/** Validation factors as `ArrayOfValidationFactor` (an empty one when none are given, as Crowd's own client sends). */
export function toValidationFactors(factors: ValidationFactors | undefined): Wire {
  return { ValidationFactor: Object.entries(factors ?? {}).map(([name, value]) => ({ name, value })) };
}

/** Search restrictions as `ArrayOfSearchRestriction`. */
export function toSearchRestrictions(restrictions: SearchRestrictions): Wire {
  const list = Array.isArray(restrictions)
    ? (restrictions as ReadonlyArray<{ name: string; value: string | number | boolean }>)
    : Object.entries(restrictions).map(([name, value]) => ({ name, value }));
  return { SearchRestriction: list.map(({ name, value }) => ({ name, value: String(value) })) };
}

/** A password as `PasswordCredential`. */
export function toPasswordCredential(password: PasswordInput): Wire {
  if (typeof password === 'string') return { credential: password };
  return {
    credential: password.credential,
    ...(password.encrypted !== undefined ? { encryptedCredential: password.encrypted } : {}),
  };
}

/** The secret text of a password input (to be masked in errors). */
export function passwordText(password: PasswordInput): string {
  return typeof password === 'string' ? password : password.credential;
}

/** `SOAPPrincipal` (also the shared part of `SOAPGroup`, `SOAPRole`, `SOAPNestableGroup`) as a `CrowdEntity`. */
export function fromEntity(value: unknown): CrowdEntity {
  const wire = isWire(value) ? value : {};
  const entity: CrowdEntity = {
    name: typeof wire.name === 'string' ? wire.name : '',
    active: wire.active === true,
    attributes: fromAttributes(wire.attributes),
  };
  if (typeof wire.description === 'string') entity.description = wire.description;
  const directoryId = wire.directoryId ?? wire.directoryID;
  if (typeof directoryId === 'bigint') entity.directoryId = directoryId;
  if (typeof wire.ID === 'bigint') entity.id = wire.ID;
  if (wire.conception instanceof Date) entity.created = wire.conception;
  if (wire.lastModified instanceof Date) entity.lastModified = wire.lastModified;
  return entity;
}

/** `SOAPGroup` or `SOAPRole` as a `CrowdGroup`. */
export function fromGroup(value: unknown): CrowdGroup {
  return { ...fromEntity(value), members: fromArrayOfString(isWire(value) ? value.members : undefined) };
}

/** `SOAPNestableGroup` as a `CrowdNestableGroup`. */
export function fromNestableGroup(value: unknown): CrowdNestableGroup {
  return { ...fromEntity(value), groupMembers: fromArrayOfString(isWire(value) ? value.groupMembers : undefined) };
}

/** `SOAPCookieInfo` as a `CrowdCookieInfo`. */
export function fromCookieInfo(value: unknown): CrowdCookieInfo {
  const wire = isWire(value) ? value : {};
  return { secure: wire.secure === true, ...(typeof wire.domain === 'string' ? { domain: wire.domain } : {}) };
}

/** The items of an `ArrayOf<item>` wrapper (nil or absent: none). */
export function itemsOf(value: unknown, item: string): unknown[] {
  if (!isWire(value)) return [];
  const items = value[item];
  return Array.isArray(items) ? items.filter((i) => i !== null) : [];
}

/** A new principal as `SOAPPrincipal`, with the directory id under the loaded WSDL's element name. */
export function toPrincipal(principal: NewPrincipal, directoryIdField: string): Wire {
  const wire: Wire = {
    active: principal.active ?? true,
    attributes: toAttributes(principal.attributes),
  };
  if (principal.description !== undefined) wire.description = principal.description;
  if (principal.directoryId !== undefined) wire[directoryIdField] = principal.directoryId;
  wire.name = principal.name;
  return wire;
}

/** A new group or role as `SOAPGroup` / `SOAPRole`. */
export function toGroup(group: NewGroup, directoryIdField: string): Wire {
  const wire = toPrincipal(group, directoryIdField);
  if (group.members !== undefined) wire.members = toArrayOfString(group.members);
  return wire;
}
