/**
 * The emulator's data as plain JSON (the `--data FILE` format, documented in docs/emulators.md):
 *
 * ```json
 * {
 *   "organization": { "organizationId": "<guid>", "businessUnitId": "<guid>", "name": "Contoso" },
 *   "users": [{ "username": "admin@contoso.onmicrosoft.com", "password": "pass@word1", "userId": "<guid>" }],
 *   "oauthClients": [{ "clientId": "soapstack-emulator", "clientSecret": "emulator-secret", "userId": "<guid>" }],
 *   "entities": [],
 *   "relationships": [],
 *   "records": { "account": [{ "accountid": "<guid>", "name": "Fourth Coffee", "revenue": "1500000.00" }] },
 *   "associations": [{ "relationship": "accountleads_association", "entity1Id": "<guid>", "entity2Id": "<guid>" }]
 * }
 * ```
 *
 * A user or client gives `password` / `clientSecret` in clear (hashed when loaded) or `passwordHash` /
 * `secretHash` (scrypt, the Crowd emulator's format). `entities` and `relationships` add to (or, by logical
 * or schema name, replace) the default metadata. Record values are stored by attribute type: see `StoredValue`.
 */
import { readFile } from 'node:fs/promises';
import { hashPassword, isPasswordHash } from '../crowd/passwords.js';
import type { EntityDefinition, RelationshipDefinition } from './definitions.js';
import { DynamicsEmulatorError } from './errors.js';

/**
 * A stored attribute value: String/Memo/EntityName, Decimal and Money (decimal text, every digit kept), BigInt
 * (integer text), DateTime (ISO 8601 text) and Uniqueidentifier as strings; Integer and Double as numbers;
 * Picklist/State/Status as the option's number; Boolean; Lookup/Customer/Owner as a reference object.
 */
export type StoredValue = string | number | boolean | null | StoredReference;

/** A stored lookup value. */
export interface StoredReference {
  readonly logicalName: string;
  readonly id: string;
  readonly name?: string;
}

/** A stored record: attribute values by logical name (its primary id attribute among them). */
export type StoredRecord = Record<string, StoredValue>;

/** A user the security token service signs in. */
export interface DynamicsUserData {
  readonly username: string;
  readonly password?: string;
  readonly passwordHash?: string;
  /** The systemuserid WhoAmI answers (default: a fixed id derived from nothing, see default data). */
  readonly userId?: string;
  readonly fullName?: string;
}

/** An OAuth 2.0 client (client credentials grant). */
export interface DynamicsOAuthClientData {
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly secretHash?: string;
  /** The application user its calls run as (default: the first user's id). */
  readonly userId?: string;
}

/** The organization's ids. */
export interface DynamicsOrganizationData {
  readonly organizationId?: string;
  readonly businessUnitId?: string;
  readonly name?: string;
}

/** A many-to-many link. */
export interface DynamicsAssociationData {
  readonly relationship: string;
  readonly entity1Id: string;
  readonly entity2Id: string;
}

/** Everything the emulator starts from (see the file comment). */
export interface DynamicsData {
  readonly organization?: DynamicsOrganizationData;
  readonly users: readonly DynamicsUserData[];
  readonly oauthClients?: readonly DynamicsOAuthClientData[];
  readonly entities?: readonly EntityDefinition[];
  readonly relationships?: readonly RelationshipDefinition[];
  readonly records?: Readonly<Record<string, readonly StoredRecord[]>>;
  readonly associations?: readonly DynamicsAssociationData[];
}

function invalid(message: string): DynamicsEmulatorError {
  return new DynamicsEmulatorError('DYNAMICS_DATA_INVALID', message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalArray = (v: unknown, name: string): unknown[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalid(`${name} must be an array`);
  return v;
};

/** Checks the shape of parsed JSON (values are checked against metadata when the store loads them). */
export function parseDynamicsData(value: unknown): DynamicsData {
  if (!isObject(value)) throw invalid('the data must be a JSON object');
  const users = optionalArray(value.users, 'users');
  users.forEach((u, i) => {
    if (!isObject(u) || typeof u.username !== 'string' || u.username === '')
      throw invalid(`users[${i}].username must be a non-empty string`);
    if (typeof u.password !== 'string' && typeof u.passwordHash !== 'string')
      throw invalid(`users[${i}] needs password or passwordHash`);
    if (typeof u.passwordHash === 'string' && !isPasswordHash(u.passwordHash))
      throw invalid(`users[${i}].passwordHash is not an scrypt hash`);
  });
  optionalArray(value.oauthClients, 'oauthClients').forEach((c, i) => {
    if (!isObject(c) || typeof c.clientId !== 'string' || c.clientId === '')
      throw invalid(`oauthClients[${i}].clientId must be a non-empty string`);
    if (typeof c.clientSecret !== 'string' && typeof c.secretHash !== 'string')
      throw invalid(`oauthClients[${i}] needs clientSecret or secretHash`);
  });
  optionalArray(value.entities, 'entities').forEach((e, i) => {
    if (!isObject(e) || typeof e.logicalName !== 'string' || !Array.isArray(e.attributes)) {
      throw invalid(`entities[${i}] needs logicalName and attributes`);
    }
    if (typeof e.primaryIdAttribute !== 'string' || typeof e.primaryNameAttribute !== 'string') {
      throw invalid(`entities[${i}] needs primaryIdAttribute and primaryNameAttribute`);
    }
  });
  optionalArray(value.relationships, 'relationships').forEach((r, i) => {
    if (!isObject(r) || typeof r.schemaName !== 'string' || (r.kind !== 'OneToMany' && r.kind !== 'ManyToMany')) {
      throw invalid(`relationships[${i}] needs schemaName and kind OneToMany or ManyToMany`);
    }
  });
  if (value.records !== undefined) {
    if (!isObject(value.records)) throw invalid('records must be an object of arrays by entity name');
    for (const [name, list] of Object.entries(value.records)) {
      if (!Array.isArray(list) || !list.every(isObject)) throw invalid(`records.${name} must be an array of objects`);
    }
  }
  optionalArray(value.associations, 'associations').forEach((a, i) => {
    if (
      !isObject(a) ||
      typeof a.relationship !== 'string' ||
      typeof a.entity1Id !== 'string' ||
      typeof a.entity2Id !== 'string'
    ) {
      throw invalid(`associations[${i}] needs relationship, entity1Id and entity2Id`);
    }
  });
  if (value.organization !== undefined && !isObject(value.organization))
    throw invalid('organization must be an object');
  return value as unknown as DynamicsData;
}

/** Reads and checks a data file. */
export async function loadDynamicsData(path: string): Promise<DynamicsData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new DynamicsEmulatorError('DYNAMICS_DATA_INVALID', `cannot read the data file ${path}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new DynamicsEmulatorError('DYNAMICS_DATA_INVALID', `${path} is not JSON`, { cause });
  }
  return parseDynamicsData(json);
}

/** The same data with every clear password and client secret replaced by its scrypt hash. */
export async function hashDynamicsData(data: DynamicsData): Promise<DynamicsData> {
  const users = await Promise.all(
    data.users.map(async ({ password, ...user }) =>
      password === undefined ? user : { ...user, passwordHash: await hashPassword(password) },
    ),
  );
  const oauthClients = await Promise.all(
    (data.oauthClients ?? []).map(async ({ clientSecret, ...client }) =>
      clientSecret === undefined ? client : { ...client, secretHash: await hashPassword(clientSecret) },
    ),
  );
  return { ...data, users, oauthClients };
}
