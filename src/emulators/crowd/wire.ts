/**
 * Values as the SecurityServer's messages carry them (docs/mapping.md: longs as bigint, dates as Date, repeated
 * elements as arrays, nil as null), read from decoded requests and built for responses. The shapes follow the
 * captured Crowd 2.0.5 responses: a principal is `ID` (-1), `active`, `attributes`, `description` (nil),
 * `directoryId`, `name`; its attributes start with givenName, sn, displayName, mail.
 */
import type { CrowdDirectory, CrowdGroup, CrowdPrincipal } from './directory.js';
import type { ValidationFactor } from './tokens.js';

/** ns1:AuthenticatedToken as decoded. */
export interface WireToken {
  name?: string | null;
  token?: string | null;
}

/** ns1:PasswordCredential as decoded. */
export interface WireCredential {
  credential?: string | null;
  encryptedCredential?: boolean;
}

/** ns2:SOAPAttribute. */
export interface WireAttribute {
  name?: string | null;
  values?: { string?: Array<string | null> } | null;
}

/** ns2:SOAPPrincipal. */
export interface WirePrincipal {
  ID?: bigint;
  active?: boolean;
  attributes?: { SOAPAttribute?: Array<WireAttribute | null> } | null;
  conception?: Date;
  description?: string | null;
  directoryId?: bigint;
  lastModified?: Date;
  name?: string | null;
}

/** ns2:SOAPGroup and ns2:SOAPRole. */
export interface WireGroup extends WirePrincipal {
  members?: { string?: Array<string | null> } | null;
}

/** ns2:ArrayOfSearchRestriction. */
export interface WireRestrictions {
  SearchRestriction?: Array<{ name?: string | null; value?: string | null } | null>;
}

/** The principal attributes Crowd keeps as fields rather than as custom attributes. */
export const CORE_ATTRIBUTES = ['givenName', 'sn', 'displayName', 'mail'] as const;

/** The object an input value is, or an empty one (nil and absent read as nothing given). */
export function objectOf<T extends object>(value: unknown): Partial<T> {
  return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
}

/** A string input (in1, in2, ...): nil or absent becomes ''. */
export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `ArrayOfString` from a list. */
export function stringArray(items: readonly string[]): { string: string[] } {
  return { string: [...items] };
}

/** The validation factors of an `ArrayOfValidationFactor` (nil, empty and nil items give none). */
export function validationFactorsOf(value: unknown): ValidationFactor[] {
  const items = objectOf<{ ValidationFactor: unknown[] }>(value).ValidationFactor ?? [];
  const factors: ValidationFactor[] = [];
  for (const item of items) {
    const f = objectOf<{ name: unknown; value: unknown }>(item);
    if (typeof f.name === 'string') factors.push({ name: f.name, value: stringOf(f.value) });
  }
  return factors;
}

/** A SOAPAttribute's name and values (nil values dropped). */
export function attributeOf(value: unknown): { name: string; values: string[] } {
  const a = objectOf<WireAttribute>(value);
  const values = (objectOf<{ string: unknown[] }>(a.values).string ?? []).filter(
    (v): v is string => typeof v === 'string',
  );
  return { name: stringOf(a.name), values };
}

/** The attributes of an ArrayOfSOAPAttribute. */
export function attributesOf(value: unknown): Array<{ name: string; values: string[] }> {
  const items = objectOf<{ SOAPAttribute: unknown[] }>(value).SOAPAttribute ?? [];
  return items.map(attributeOf).filter((a) => a.name !== '');
}

function attributeList(entries: Iterable<[string, readonly string[]]>): { SOAPAttribute: WireAttribute[] } {
  return { SOAPAttribute: [...entries].map(([name, values]) => ({ name, values: stringArray(values) })) };
}

/** The core attributes of a principal (those with a value), in Crowd's order. */
export function coreAttributes(p: CrowdPrincipal): Array<[string, string[]]> {
  const core: Array<[string, string | undefined]> = [
    ['givenName', p.firstName],
    ['sn', p.lastName],
    ['displayName', p.displayName],
    ['mail', p.email],
  ];
  return core.filter((e): e is [string, string] => e[1] !== undefined).map(([n, v]) => [n, [v]]);
}

/** A SOAPPrincipal: with every attribute, or (`withCustom` false) the core ones only. */
export function principalValue(dir: CrowdDirectory, p: CrowdPrincipal, withCustom = true): WirePrincipal {
  const entries: Array<[string, readonly string[]]> = coreAttributes(p);
  if (withCustom) entries.push(...p.attributes.entries());
  return {
    ID: -1n,
    active: p.active,
    attributes: attributeList(entries),
    description: null,
    directoryId: dir.settings.directoryId,
    name: p.name,
  };
}

/** A SOAPGroup or SOAPRole, with its attributes when `withAttributes`. */
export function groupValue(dir: CrowdDirectory, g: CrowdGroup, withAttributes = false): WireGroup {
  return {
    ID: -1n,
    active: g.active,
    ...(withAttributes ? { attributes: attributeList(g.attributes.entries()) } : {}),
    description: g.description ?? null,
    directoryId: dir.settings.directoryId,
    members: stringArray([...g.members]),
    name: g.name,
  };
}
