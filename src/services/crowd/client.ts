/**
 * `createCrowdClient`: Crowd's SecurityServer as a typed client. Every operation of SecurityServer 2.0.5 is a
 * method named as in the WSDL. The rule for parameters: the WSDL's parameters after `in0` (the application
 * token, which the client supplies), positionally, in WSDL order, each in its friendly shape (types.ts);
 * the one exception is `authenticatePrincipal`, whose context object the client builds itself from
 * `(name, password, validationFactors?)`. Methods resolve to the unwrapped `out` in its friendly shape, or
 * undefined for a void operation. Faults reject with a `CrowdError`.
 */
import type { CallOptions, SoapClient } from '../../client/index.js';
import {
  fromArrayOfString,
  fromCookieInfo,
  fromEntity,
  fromGroup,
  fromNestableGroup,
  itemsOf,
  passwordText,
  toAttribute,
  toGroup,
  toPasswordCredential,
  toPrincipal,
  toSearchRestrictions,
  toValidationFactors,
} from './convert.js';
import type { CrowdSession } from './session.js';
import type {
  ApplicationToken,
  CrowdAttribute,
  CrowdCookieInfo,
  CrowdGroup,
  CrowdNestableGroup,
  CrowdPrincipal,
  CrowdRole,
  NewGroup,
  NewPrincipal,
  NewPrincipalWithCredential,
  PasswordInput,
  SearchRestrictions,
  ValidationFactors,
} from './types.js';
import type { CrowdWireProfile } from './wire-profile.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A typed SecurityServer client that handles the application token for the caller. */
export class CrowdClient {
  /** @internal Use `createCrowdClient`. */
  constructor(private readonly s: CrowdSession) {}

  /** What the loaded WSDL says about the wire (context type, field names, operations). */
  get profile(): CrowdWireProfile {
    return this.s.profile;
  }

  /** The soapstack client underneath (model, port, operation names). */
  get soap(): SoapClient {
    return this.s.soap;
  }

  /** The application token in use, if one was acquired (a secret: do not log it). */
  get applicationToken(): ApplicationToken | undefined {
    return this.s.tokens.peek();
  }

  /**
   * Escape hatch: calls `operation` with raw wrapper values (docs/mapping.md) and resolves to the raw wrapper
   * (`{ out }`). Leave `in0` out to have the client supply the application token (with the one retry).
   */
  call(operation: string, args?: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.s.raw(operation, args, options);
  }

  /** Closes the client's HTTP pool. */
  close(): Promise<void> {
    return this.s.soap.close();
  }

  // --- Application -------------------------------------------------------------------------------------------

  /** Authenticates the application now (a new token, shared with any acquisition under way) and caches it. */
  authenticateApplication(): Promise<ApplicationToken> {
    return this.s.tokens.renew();
  }

  // --- Principal authentication and tokens ---------------------------------------------------------------------

  /** Authenticates a principal (SSO); resolves to the principal token. Builds the WSDL's context type. */
  async authenticatePrincipal(
    name: string,
    password: PasswordInput,
    validationFactors?: ValidationFactors,
  ): Promise<string> {
    const out = await this.s.invoke(
      'authenticatePrincipal',
      (in0) => ({
        in0,
        in1: {
          application: in0.name,
          credential: toPasswordCredential(password),
          name,
          validationFactors: toValidationFactors(validationFactors),
        },
      }),
      [passwordText(password)],
    );
    return text((out as { out?: unknown } | undefined)?.out);
  }

  /** Authenticates a principal by name and password only; resolves to the principal token. */
  async authenticatePrincipalSimple(name: string, password: string): Promise<string> {
    return text(await this.s.out('authenticatePrincipalSimple', { in1: name, in2: password }, [password]));
  }

  /** Creates a principal token without a password (trusted SSO); resolves to the token. */
  async createPrincipalToken(name: string, validationFactors?: ValidationFactors): Promise<string> {
    return text(await this.s.out('createPrincipalToken', { in1: name, in2: toValidationFactors(validationFactors) }));
  }

  /** Whether a principal token is valid for these validation factors. */
  async isValidPrincipalToken(token: string, validationFactors?: ValidationFactors): Promise<boolean> {
    const out = await this.s.out('isValidPrincipalToken', { in1: token, in2: toValidationFactors(validationFactors) }, [
      token,
    ]);
    return out === true;
  }

  /** Invalidates a principal token (sign-out). */
  async invalidatePrincipalToken(token: string): Promise<void> {
    await this.s.out('invalidatePrincipalToken', { in1: token }, [token]);
  }

  /** The principal a principal token belongs to. */
  async findPrincipalByToken(token: string): Promise<CrowdPrincipal> {
    return fromEntity(await this.s.out('findPrincipalByToken', { in1: token }, [token]));
  }

  // --- Principals ----------------------------------------------------------------------------------------------

  /** A principal by name, with attributes. */
  async findPrincipalByName(name: string): Promise<CrowdPrincipal> {
    return fromEntity(await this.s.out('findPrincipalByName', { in1: name }));
  }

  /** A principal by name with all its attributes. */
  async findPrincipalWithAttributesByName(name: string): Promise<CrowdPrincipal> {
    return fromEntity(await this.s.out('findPrincipalWithAttributesByName', { in1: name }));
  }

  /** Principals matching the restrictions (`principal.name`, `principal.email`, `search.max.results`...). */
  async searchPrincipals(restrictions: SearchRestrictions): Promise<CrowdPrincipal[]> {
    const out = await this.s.out('searchPrincipals', { in1: toSearchRestrictions(restrictions) });
    return itemsOf(out, 'SOAPPrincipal').map(fromEntity);
  }

  /** The names of every principal. */
  async findAllPrincipalNames(): Promise<string[]> {
    return fromArrayOfString(await this.s.out('findAllPrincipalNames', {}));
  }

  /** Creates a principal with a password; resolves to the principal as stored. */
  async addPrincipal(principal: NewPrincipal, password: PasswordInput): Promise<CrowdPrincipal> {
    const in1 = toPrincipal(principal, this.profile.directoryIdField.SOAPPrincipal);
    const out = await this.s.out('addPrincipal', { in1, in2: toPasswordCredential(password) }, [
      passwordText(password),
    ]);
    return fromEntity(out);
  }

  /** Creates many principals at once (a `CROWD_BULK_ADD_FAILED` error lists those that failed in `detail`). */
  async addAllPrincipals(principals: readonly NewPrincipalWithCredential[]): Promise<void> {
    const field = this.profile.directoryIdField.SOAPPrincipal;
    const in1 = {
      SOAPPrincipalWithCredential: principals.map((p) => ({
        passwordCredential: toPasswordCredential(p.password),
        principal: toPrincipal(p.principal, field),
      })),
    };
    await this.s.out(
      'addAllPrincipals',
      { in1 },
      principals.map((p) => passwordText(p.password)),
    );
  }

  /** Removes a principal. */
  async removePrincipal(name: string): Promise<void> {
    await this.s.out('removePrincipal', { in1: name });
  }

  /** Sets a principal's password. */
  async updatePrincipalCredential(name: string, password: PasswordInput): Promise<void> {
    await this.s.out('updatePrincipalCredential', { in1: name, in2: toPasswordCredential(password) }, [
      passwordText(password),
    ]);
  }

  /** Resets a principal's password (Crowd mails the new one). */
  async resetPrincipalCredential(name: string): Promise<void> {
    await this.s.out('resetPrincipalCredential', { in1: name });
  }

  /** Adds an attribute (with its values) to a principal. */
  async addAttributeToPrincipal(name: string, attribute: CrowdAttribute): Promise<void> {
    await this.s.out('addAttributeToPrincipal', { in1: name, in2: toAttribute(attribute.name, attribute.values) });
  }

  /** Replaces the values of a principal's attribute. */
  async updatePrincipalAttribute(name: string, attribute: CrowdAttribute): Promise<void> {
    await this.s.out('updatePrincipalAttribute', { in1: name, in2: toAttribute(attribute.name, attribute.values) });
  }

  /** Removes an attribute from a principal. */
  async removeAttributeFromPrincipal(name: string, attributeName: string): Promise<void> {
    await this.s.out('removeAttributeFromPrincipal', { in1: name, in2: attributeName });
  }

  // --- Groups --------------------------------------------------------------------------------------------------

  /** The names of every group. */
  async findAllGroupNames(): Promise<string[]> {
    return fromArrayOfString(await this.s.out('findAllGroupNames', {}));
  }

  /** A group by name, with its members. */
  async findGroupByName(name: string): Promise<CrowdGroup> {
    return fromGroup(await this.s.out('findGroupByName', { in1: name }));
  }

  /** A group by name with its attributes. */
  async findGroupWithAttributesByName(name: string): Promise<CrowdGroup> {
    return fromGroup(await this.s.out('findGroupWithAttributesByName', { in1: name }));
  }

  /** Groups matching the restrictions (`group.name`, `group.active`, `search.max.results`...). */
  async searchGroups(restrictions: SearchRestrictions): Promise<CrowdGroup[]> {
    const out = await this.s.out('searchGroups', { in1: toSearchRestrictions(restrictions) });
    return itemsOf(out, 'SOAPGroup').map(fromGroup);
  }

  /** Creates a group; resolves to the group as stored. */
  async addGroup(group: NewGroup): Promise<CrowdGroup> {
    return fromGroup(await this.s.out('addGroup', { in1: toGroup(group, this.profile.directoryIdField.SOAPGroup) }));
  }

  /** Removes a group. */
  async removeGroup(name: string): Promise<void> {
    await this.s.out('removeGroup', { in1: name });
  }

  /** Sets a group's description and active flag. */
  async updateGroup(name: string, description: string | null, active: boolean): Promise<void> {
    await this.s.out('updateGroup', { in1: name, in2: description, in3: active });
  }

  /** Adds an attribute (with its values) to a group. */
  async addAttributeToGroup(name: string, attribute: CrowdAttribute): Promise<void> {
    await this.s.out('addAttributeToGroup', { in1: name, in2: toAttribute(attribute.name, attribute.values) });
  }

  /** Replaces the values of a group's attribute. */
  async updateGroupAttribute(name: string, attribute: CrowdAttribute): Promise<void> {
    await this.s.out('updateGroupAttribute', { in1: name, in2: toAttribute(attribute.name, attribute.values) });
  }

  /** Removes an attribute from a group. */
  async removeAttributeFromGroup(name: string, attributeName: string): Promise<void> {
    await this.s.out('removeAttributeFromGroup', { in1: name, in2: attributeName });
  }

  /** Adds a principal to a group. */
  async addPrincipalToGroup(principal: string, group: string): Promise<void> {
    await this.s.out('addPrincipalToGroup', { in1: principal, in2: group });
  }

  /** Removes a principal from a group. */
  async removePrincipalFromGroup(principal: string, group: string): Promise<void> {
    await this.s.out('removePrincipalFromGroup', { in1: principal, in2: group });
  }

  /** Whether a principal is a member of a group (note the WSDL's order: group first). */
  async isGroupMember(group: string, principal: string): Promise<boolean> {
    return (await this.s.out('isGroupMember', { in1: group, in2: principal })) === true;
  }

  /** The names of the groups a principal belongs to. */
  async findGroupMemberships(principal: string): Promise<string[]> {
    return fromArrayOfString(await this.s.out('findGroupMemberships', { in1: principal }));
  }

  /** Every group with the groups nested in it. */
  async findAllGroupRelationships(): Promise<CrowdNestableGroup[]> {
    return itemsOf(await this.s.out('findAllGroupRelationships', {}), 'SOAPNestableGroup').map(fromNestableGroup);
  }

  // --- Roles (deprecated by Crowd 2, still on the wire) ---------------------------------------------------------

  /** The names of every role. */
  async findAllRoleNames(): Promise<string[]> {
    return fromArrayOfString(await this.s.out('findAllRoleNames', {}));
  }

  /** A role by name, with its members. */
  async findRoleByName(name: string): Promise<CrowdRole> {
    return fromGroup(await this.s.out('findRoleByName', { in1: name }));
  }

  /** Roles matching the restrictions (`role.name`, `search.max.results`...). */
  async searchRoles(restrictions: SearchRestrictions): Promise<CrowdRole[]> {
    const out = await this.s.out('searchRoles', { in1: toSearchRestrictions(restrictions) });
    return itemsOf(out, 'SOAPRole').map(fromGroup);
  }

  /** Creates a role; resolves to the role as stored. */
  async addRole(role: NewGroup): Promise<CrowdRole> {
    return fromGroup(await this.s.out('addRole', { in1: toGroup(role, this.profile.directoryIdField.SOAPRole) }));
  }

  /** Removes a role. */
  async removeRole(name: string): Promise<void> {
    await this.s.out('removeRole', { in1: name });
  }

  /** Adds a principal to a role. */
  async addPrincipalToRole(principal: string, role: string): Promise<void> {
    await this.s.out('addPrincipalToRole', { in1: principal, in2: role });
  }

  /** Removes a principal from a role. */
  async removePrincipalFromRole(principal: string, role: string): Promise<void> {
    await this.s.out('removePrincipalFromRole', { in1: principal, in2: role });
  }

  /** Whether a principal has a role (the WSDL's order: role first). */
  async isRoleMember(role: string, principal: string): Promise<boolean> {
    return (await this.s.out('isRoleMember', { in1: role, in2: principal })) === true;
  }

  /** The names of the roles a principal has. */
  async findRoleMemberships(principal: string): Promise<string[]> {
    return fromArrayOfString(await this.s.out('findRoleMemberships', { in1: principal }));
  }

  // --- Server settings -----------------------------------------------------------------------------------------

  /** How long the application may cache Crowd's answers, in minutes (an `xsd:long`). */
  async getCacheTime(): Promise<bigint> {
    const out = await this.s.out('getCacheTime', {});
    return typeof out === 'bigint' ? out : 0n;
  }

  /** Whether the application should cache Crowd's answers. */
  async isCacheEnabled(): Promise<boolean> {
    return (await this.s.out('isCacheEnabled', {})) === true;
  }

  /** The SSO cookie domain, or null when none is set. */
  async getDomain(): Promise<string | null> {
    const out = await this.s.out('getDomain', {});
    return typeof out === 'string' ? out : null;
  }

  /** The SSO cookie settings. */
  async getCookieInfo(): Promise<CrowdCookieInfo> {
    return fromCookieInfo(await this.s.out('getCookieInfo', {}));
  }

  /** The names of the groups granted access to the application. */
  async getGrantedAuthorities(): Promise<string[]> {
    return fromArrayOfString(await this.s.out('getGrantedAuthorities', {}));
  }
}
