/**
 * `CrowdDirectory`: the emulator's state. Applications, principals, groups and roles (names compared without
 * case, as Crowd does), their hashed passwords, and the application and principal tokens. It holds data and
 * answers questions; the SOAP handlers decide which fault a missing entity becomes.
 */
import { type CrowdAttributesData, type CrowdDirectoryData, type CrowdGroupData, hashCrowdData } from './data.js';
import { CrowdEmulatorError } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { TokenStore } from './tokens.js';

/** An application of the directory. */
export interface CrowdApplication {
  readonly name: string;
  passwordHash: string;
  remoteAddresses: readonly string[] | undefined;
  allowedGroups: readonly string[] | undefined;
}

/** A principal (user). `attributes` holds everything but the four core ones (names, display name, mail). */
export interface CrowdPrincipal {
  readonly name: string;
  passwordHash: string;
  active: boolean;
  firstName: string | undefined;
  lastName: string | undefined;
  displayName: string | undefined;
  email: string | undefined;
  readonly attributes: Map<string, string[]>;
  readonly created: Date;
  updated: Date;
}

/** A group or a role. */
export interface CrowdGroup {
  readonly name: string;
  description: string | undefined;
  active: boolean;
  /** Member principal names, as stored (original case). */
  readonly members: Set<string>;
  readonly attributes: Map<string, string[]>;
  readonly created: Date;
  updated: Date;
}

/** The kind of a membership collection. */
export type GroupKind = 'group' | 'role';

/** Server-wide settings. */
export interface CrowdSettings {
  readonly directoryId: bigint;
  readonly domain: string | null;
  readonly secureCookie: boolean;
  readonly cacheEnabled: boolean;
  readonly cacheTime: bigint;
}

/** How a directory keeps time and tokens. */
export interface CrowdDirectoryOptions {
  /** Token lifetime after last use, in seconds. Default 1800 (Crowd's default session timeout, 30 minutes). */
  tokenTtl?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

const key = (name: string): string => name.toLowerCase();

function attributeMap(data: CrowdAttributesData | undefined): Map<string, string[]> {
  return new Map(Object.entries(data ?? {}).map(([n, v]) => [n, [...v]]));
}

function groupOf(data: CrowdGroupData, at: Date): CrowdGroup {
  return {
    name: data.name,
    description: data.description,
    active: data.active ?? true,
    members: new Set(data.members ?? []),
    attributes: attributeMap(data.attributes),
    created: data.created ? new Date(data.created) : at,
    updated: data.updated ? new Date(data.updated) : at,
  };
}

/** The directory an emulator serves. Build it with `CrowdDirectory.create`. */
export class CrowdDirectory {
  readonly settings: CrowdSettings;
  /** Application tokens (`authenticateApplication`). */
  readonly applicationTokens: TokenStore;
  /** Principal tokens (`authenticatePrincipal`, `createPrincipalToken`). */
  readonly principalTokens: TokenStore;
  /** The clock the directory and its tokens use. */
  readonly now: () => number;
  private readonly applications = new Map<string, CrowdApplication>();
  private readonly principals = new Map<string, CrowdPrincipal>();
  private readonly collections: Record<GroupKind, Map<string, CrowdGroup>> = { group: new Map(), role: new Map() };

  private constructor(data: CrowdDirectoryData, options: CrowdDirectoryOptions) {
    const ttl = options.tokenTtl ?? 1800;
    if (!(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0))
      throw new CrowdEmulatorError('CROWD_EMULATOR_OPTIONS', `tokenTtl must be a positive number of seconds`);
    this.now = options.now ?? Date.now;
    this.applicationTokens = new TokenStore(ttl * 1000, this.now);
    this.principalTokens = new TokenStore(ttl * 1000, this.now);
    const s = data.settings ?? {};
    this.settings = {
      directoryId: BigInt(s.directoryId ?? 32769),
      domain: s.domain ?? null,
      secureCookie: s.secureCookie ?? false,
      cacheEnabled: s.cacheEnabled ?? true,
      cacheTime: BigInt(s.cacheTime ?? 20),
    };
    const at = new Date(this.now());
    for (const a of data.applications) {
      this.applications.set(key(a.name), {
        name: a.name,
        passwordHash: a.passwordHash!,
        remoteAddresses: a.remoteAddresses && [...a.remoteAddresses],
        allowedGroups: a.allowedGroups && [...a.allowedGroups],
      });
    }
    for (const p of data.principals) {
      this.principals.set(key(p.name), {
        name: p.name,
        passwordHash: p.passwordHash!,
        active: p.active ?? true,
        firstName: p.firstName,
        lastName: p.lastName,
        displayName: p.displayName,
        email: p.email,
        attributes: attributeMap(p.attributes),
        created: p.created ? new Date(p.created) : at,
        updated: p.updated ? new Date(p.updated) : at,
      });
    }
    for (const g of data.groups ?? []) this.collections.group.set(key(g.name), groupOf(g, at));
    for (const r of data.roles ?? []) this.collections.role.set(key(r.name), groupOf(r, at));
  }

  /** Builds a directory from checked data (see `parseCrowdData`); clear passwords still in it are hashed. */
  static async create(data: CrowdDirectoryData, options: CrowdDirectoryOptions = {}): Promise<CrowdDirectory> {
    return new CrowdDirectory(await hashCrowdData(data), options);
  }

  /** The application called `name`. */
  application(name: string): CrowdApplication | undefined {
    return this.applications.get(key(name));
  }

  /** The principal called `name`. */
  principal(name: string): CrowdPrincipal | undefined {
    return this.principals.get(key(name));
  }

  /** Every principal, in the order they were added. */
  allPrincipals(): CrowdPrincipal[] {
    return [...this.principals.values()];
  }

  /** The group (or role) called `name`. */
  group(name: string, kind: GroupKind = 'group'): CrowdGroup | undefined {
    return this.collections[kind].get(key(name));
  }

  /** Every group (or role). */
  allGroups(kind: GroupKind = 'group'): CrowdGroup[] {
    return [...this.collections[kind].values()];
  }

  /** True when `password` is the application's (false for an unknown application, after as long). */
  async checkApplicationPassword(name: string, password: string): Promise<boolean> {
    return verifyPassword(password, this.application(name)?.passwordHash);
  }

  /** True when `password` is the principal's (false for an unknown principal, after as long). */
  async checkPrincipalPassword(name: string, password: string): Promise<boolean> {
    return verifyPassword(password, this.principal(name)?.passwordHash);
  }

  /** Adds a principal; false when the name is taken. */
  async addPrincipal(
    fields: Omit<CrowdPrincipal, 'passwordHash' | 'created' | 'updated' | 'attributes'> & {
      attributes?: Map<string, string[]>;
    },
    password: string,
  ): Promise<CrowdPrincipal | undefined> {
    if (this.principal(fields.name)) return undefined;
    const at = new Date(this.now());
    const principal: CrowdPrincipal = {
      ...fields,
      attributes: fields.attributes ?? new Map(),
      passwordHash: await hashPassword(password),
      created: at,
      updated: at,
    };
    // The name may have been taken while the password was hashed.
    if (this.principal(fields.name)) return undefined;
    this.principals.set(key(fields.name), principal);
    return principal;
  }

  /** Removes a principal with its memberships and tokens; false when unknown. */
  removePrincipal(name: string): boolean {
    const principal = this.principal(name);
    if (!principal) return false;
    this.principals.delete(key(name));
    for (const kind of ['group', 'role'] as const)
      for (const g of this.collections[kind].values()) this.removeMember(g, principal.name);
    this.principalTokens.invalidateSubject(principal.name);
    return true;
  }

  /** Sets a principal's password (already checked to be acceptable). */
  async setPassword(principal: CrowdPrincipal, password: string): Promise<void> {
    principal.passwordHash = await hashPassword(password);
    principal.updated = new Date(this.now());
  }

  /** Adds a group (or role); undefined when the name is taken. */
  addGroup(data: CrowdGroupData, kind: GroupKind = 'group'): CrowdGroup | undefined {
    if (this.group(data.name, kind)) return undefined;
    const group = groupOf({ ...data, members: [] }, new Date(this.now()));
    this.collections[kind].set(key(data.name), group);
    return group;
  }

  /** Removes a group (or role); false when unknown. */
  removeGroup(name: string, kind: GroupKind = 'group'): boolean {
    return this.collections[kind].delete(key(name));
  }

  /** True when `principal` is a member of `group`. */
  isMember(group: CrowdGroup, principal: string): boolean {
    const k = key(principal);
    for (const m of group.members) if (key(m) === k) return true;
    return false;
  }

  /** Adds a member (no change when already one). */
  addMember(group: CrowdGroup, principal: CrowdPrincipal): void {
    if (this.isMember(group, principal.name)) return;
    group.members.add(principal.name);
    group.updated = new Date(this.now());
  }

  /** Removes a member; false when not one. */
  removeMember(group: CrowdGroup, principal: string): boolean {
    const k = key(principal);
    for (const m of group.members) {
      if (key(m) !== k) continue;
      group.members.delete(m);
      group.updated = new Date(this.now());
      return true;
    }
    return false;
  }

  /** The names of the groups (or roles) `principal` belongs to. */
  membershipsOf(principal: string, kind: GroupKind = 'group'): string[] {
    return this.allGroups(kind)
      .filter((g) => this.isMember(g, principal))
      .map((g) => g.name);
  }

  /** Forgets every application and principal token, as a restarted server does. */
  forgetTokens(): void {
    this.applicationTokens.clear();
    this.principalTokens.clear();
  }
}
