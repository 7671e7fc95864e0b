/**
 * The Crowd emulator's directory as plain data: the JSON format of `--data FILE` (documented in
 * docs/emulators.md), its validation, and `loadCrowdData`, which reads a file and hashes the clear passwords
 * it gives. Every problem is reported with its path (`principals[2].attributes.mail`).
 */
import { readFile } from 'node:fs/promises';
import { CrowdEmulatorError } from './errors.js';
import { hashPassword, isPasswordHash } from './passwords.js';

/** Attributes by name, each with its values (Crowd's SOAPAttribute). */
export type CrowdAttributesData = Record<string, string[]>;

/** An application allowed to call the SecurityServer. Give `password` (hashed on load) or `passwordHash`. */
export interface CrowdApplicationData {
  name: string;
  password?: string;
  /** `scrypt$N$r$p$salt$hash`, as written by the emulator. */
  passwordHash?: string;
  /** When given, only requests from these addresses are accepted for this application. */
  remoteAddresses?: string[];
  /** When given, only members of these groups may authenticate through this application. */
  allowedGroups?: string[];
}

/** A principal (user). `active` defaults to true; dates are ISO 8601 texts. */
export interface CrowdPrincipalData {
  name: string;
  password?: string;
  passwordHash?: string;
  active?: boolean;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  email?: string;
  /** Other attributes (lastAuthenticated, requiresPasswordChange, custom ones). */
  attributes?: CrowdAttributesData;
  created?: string;
  updated?: string;
}

/** A group, or a role (same shape). `active` defaults to true. */
export interface CrowdGroupData {
  name: string;
  description?: string;
  active?: boolean;
  /** Principal names. */
  members?: string[];
  attributes?: CrowdAttributesData;
  created?: string;
  updated?: string;
}

/** Server-wide answers (getDomain, getCookieInfo, getCacheTime, isCacheEnabled) and the directory id. */
export interface CrowdSettingsData {
  /** The directoryId of every entity (Crowd's internal directory in the captures: 32769). */
  directoryId?: number;
  /** The SSO cookie domain; null when unset. */
  domain?: string | null;
  secureCookie?: boolean;
  cacheEnabled?: boolean;
  /** Client cache time, in minutes. */
  cacheTime?: number;
}

/** A whole directory: the JSON document `loadCrowdData` reads. */
export interface CrowdDirectoryData {
  settings?: CrowdSettingsData;
  applications: CrowdApplicationData[];
  principals: CrowdPrincipalData[];
  groups?: CrowdGroupData[];
  roles?: CrowdGroupData[];
}

type Issues = string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, issues: Issues): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) issues.push(`${path}.${key}: unknown property`);
}

function checkString(value: unknown, path: string, issues: Issues, required = false): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value === '')) issues.push(`${path}: expected a non-empty string`);
}

function checkBoolean(value: unknown, path: string, issues: Issues): void {
  if (value !== undefined && typeof value !== 'boolean') issues.push(`${path}: expected true or false`);
}

function checkStrings(value: unknown, path: string, issues: Issues): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    issues.push(`${path}: expected an array of strings`);
}

function checkDate(value: unknown, path: string, issues: Issues): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) issues.push(`${path}: expected an ISO 8601 date`);
}

function checkAttributes(value: unknown, path: string, issues: Issues): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    issues.push(`${path}: expected an object of name -> array of strings`);
    return;
  }
  for (const [name, values] of Object.entries(value)) checkStrings(values, `${path}.${name}`, issues);
}

function checkPassword(value: Record<string, unknown>, path: string, issues: Issues): void {
  checkString(value.password, `${path}.password`, issues);
  checkString(value.passwordHash, `${path}.passwordHash`, issues);
  if (value.password === undefined && value.passwordHash === undefined)
    issues.push(`${path}: give password or passwordHash`);
  if (typeof value.passwordHash === 'string' && !isPasswordHash(value.passwordHash))
    issues.push(`${path}.passwordHash: expected scrypt$N$r$p$salt$hash`);
}

function checkList(
  value: unknown,
  path: string,
  issues: Issues,
  item: (entry: Record<string, unknown>, path: string) => void,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(`${path}: expected an array`);
    return;
  }
  const names = new Set<string>();
  value.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(entry)) {
      issues.push(`${at}: expected an object`);
      return;
    }
    checkString(entry.name, `${at}.name`, issues, true);
    if (typeof entry.name === 'string') {
      const key = entry.name.toLowerCase();
      if (names.has(key)) issues.push(`${at}.name: ${entry.name} is given twice`);
      names.add(key);
    }
    item(entry, at);
  });
}

const GROUP_KEYS = ['name', 'description', 'active', 'members', 'attributes', 'created', 'updated'] as const;

function checkGroup(entry: Record<string, unknown>, at: string, issues: Issues): void {
  checkKeys(entry, GROUP_KEYS, at, issues);
  checkString(entry.description, `${at}.description`, issues);
  checkBoolean(entry.active, `${at}.active`, issues);
  checkStrings(entry.members, `${at}.members`, issues);
  checkAttributes(entry.attributes, `${at}.attributes`, issues);
  checkDate(entry.created, `${at}.created`, issues);
  checkDate(entry.updated, `${at}.updated`, issues);
}

/** Checks that `value` follows the documented format; throws `CROWD_DATA_INVALID` listing every problem. */
export function parseCrowdData(value: unknown, source = '<data>'): CrowdDirectoryData {
  const issues: Issues = [];
  if (!isObject(value)) throw invalid(source, ['(root): expected an object']);
  checkKeys(value, ['settings', 'applications', 'principals', 'groups', 'roles'], '(root)', issues);
  if (value.settings !== undefined) {
    const s = value.settings;
    if (!isObject(s)) issues.push('settings: expected an object');
    else {
      checkKeys(s, ['directoryId', 'domain', 'secureCookie', 'cacheEnabled', 'cacheTime'], 'settings', issues);
      for (const key of ['directoryId', 'cacheTime'] as const)
        if (s[key] !== undefined && !(Number.isSafeInteger(s[key]) && (s[key] as number) >= 0))
          issues.push(`settings.${key}: expected a non-negative integer`);
      if (s.domain !== undefined && s.domain !== null) checkString(s.domain, 'settings.domain', issues);
      checkBoolean(s.secureCookie, 'settings.secureCookie', issues);
      checkBoolean(s.cacheEnabled, 'settings.cacheEnabled', issues);
    }
  }
  if (!Array.isArray(value.applications)) issues.push('applications: expected an array');
  if (!Array.isArray(value.principals)) issues.push('principals: expected an array');
  checkList(value.applications, 'applications', issues, (entry, at) => {
    checkKeys(entry, ['name', 'password', 'passwordHash', 'remoteAddresses', 'allowedGroups'], at, issues);
    checkPassword(entry, at, issues);
    checkStrings(entry.remoteAddresses, `${at}.remoteAddresses`, issues);
    checkStrings(entry.allowedGroups, `${at}.allowedGroups`, issues);
  });
  const principalKeys = ['name', 'password', 'passwordHash', 'active', 'firstName', 'lastName', 'displayName'];
  checkList(value.principals, 'principals', issues, (entry, at) => {
    checkKeys(entry, [...principalKeys, 'email', 'attributes', 'created', 'updated'], at, issues);
    checkPassword(entry, at, issues);
    checkBoolean(entry.active, `${at}.active`, issues);
    for (const key of ['firstName', 'lastName', 'displayName', 'email'] as const)
      checkString(entry[key], `${at}.${key}`, issues);
    checkAttributes(entry.attributes, `${at}.attributes`, issues);
    checkDate(entry.created, `${at}.created`, issues);
    checkDate(entry.updated, `${at}.updated`, issues);
  });
  checkList(value.groups, 'groups', issues, (entry, at) => checkGroup(entry, at, issues));
  checkList(value.roles, 'roles', issues, (entry, at) => checkGroup(entry, at, issues));
  if (issues.length === 0) {
    const principals = new Set((value.principals as CrowdPrincipalData[]).map((p) => p.name.toLowerCase()));
    for (const kind of ['groups', 'roles'] as const) {
      (value[kind] as CrowdGroupData[] | undefined)?.forEach((g, i) => {
        g.members?.forEach((m, j) => {
          if (!principals.has(m.toLowerCase())) issues.push(`${kind}[${i}].members[${j}]: no principal ${m}`);
        });
      });
    }
  }
  if (issues.length > 0) throw invalid(source, issues);
  return value as unknown as CrowdDirectoryData;
}

function invalid(source: string, issues: Issues): CrowdEmulatorError {
  const shown = issues.slice(0, 20).join('; ');
  const more = issues.length > 20 ? ` (and ${issues.length - 20} more)` : '';
  return new CrowdEmulatorError('CROWD_DATA_INVALID', `${source} is not a Crowd directory: ${shown}${more}`);
}

/** A copy of `data` whose clear passwords are replaced by their hashes. */
export async function hashCrowdData(data: CrowdDirectoryData): Promise<CrowdDirectoryData> {
  const hashed = async <T extends { password?: string; passwordHash?: string }>(entry: T): Promise<T> => {
    if (entry.password === undefined) return { ...entry };
    const { password, ...rest } = entry;
    return { ...rest, passwordHash: await hashPassword(password) } as T;
  };
  return {
    ...data,
    applications: await Promise.all(data.applications.map(hashed)),
    principals: await Promise.all(data.principals.map(hashed)),
  };
}

/** Reads a JSON directory file, checks it, and hashes the clear passwords it gives. */
export async function loadCrowdData(file: string): Promise<CrowdDirectoryData> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CrowdEmulatorError('CROWD_DATA_INVALID', `cannot read the Crowd directory ${file}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CrowdEmulatorError('CROWD_DATA_INVALID', `${file} is not JSON: ${(cause as Error).message}`, { cause });
  }
  return hashCrowdData(parseCrowdData(json, file));
}
