/**
 * The friendly shapes the Crowd client takes and returns, where SecurityServer's wire types are awkward
 * (`ArrayOfSOAPAttribute` of `name` + `ArrayOfString`, `ArrayOfValidationFactor`, `ID`/`conception`...).
 * docs/crowd.md lists the mapping from each wire type.
 */

/** The application's identity on every call (`in0`, the wire's `AuthenticatedToken`). */
export interface ApplicationToken {
  /** The application name. */
  readonly name: string;
  /** The token `authenticateApplication` returned. A secret: never logged by soapstack. */
  readonly token: string;
}

/** Attributes by name, each with its values (the wire's `ArrayOfSOAPAttribute`). */
export type CrowdAttributes = Record<string, string[]>;

/** One attribute to add or update: its name and its value(s). */
export interface CrowdAttribute {
  readonly name: string;
  readonly values: string | readonly string[];
}

/** Validation factors by name (`remote_address`, `remote_host`, `User-Agent`...): the wire's `ArrayOfValidationFactor`. */
export type ValidationFactors = Readonly<Record<string, string>>;

/**
 * Search restrictions (`principal.name`, `principal.email`, `principal.active`, `group.name`, `search.max.results`,
 * ...): a map of name to value, or a list of `{ name, value }` when a name repeats.
 */
export type SearchRestrictions =
  | Readonly<Record<string, string | number | boolean>>
  | ReadonlyArray<{ readonly name: string; readonly value: string | number | boolean }>;

/** A password as sent (the wire's `PasswordCredential`): the plain text, or `{ credential, encrypted }`. */
export type PasswordInput = string | { readonly credential: string; readonly encrypted?: boolean };

/** What principals, groups and roles share (the wire's `SOAPPrincipal`, `SOAPGroup`, `SOAPRole`). */
export interface CrowdEntity {
  /** The entity's name (the wire's `name`). */
  name: string;
  /** Whether it is active (the wire's `active`; false when absent). */
  active: boolean;
  /** Its attributes by name; empty when the server sent none. */
  attributes: CrowdAttributes;
  /** The wire's `description`, omitted when nil or absent. */
  description?: string;
  /** The wire's `directoryId` (2.x) or `directoryID` (1.x). */
  directoryId?: bigint;
  /** The wire's `ID`. */
  id?: bigint;
  /** The wire's `conception`: when the entity was created. */
  created?: Date;
  /** The wire's `lastModified`. */
  lastModified?: Date;
}

/** A user (the wire's `SOAPPrincipal`). */
export type CrowdPrincipal = CrowdEntity;

/** A group with the names of its principal members (the wire's `SOAPGroup`). */
export interface CrowdGroup extends CrowdEntity {
  /** Names of the member principals (the wire's `members`); empty when none were sent. */
  members: string[];
}

/** A role with the names of its members (the wire's `SOAPRole`). */
export type CrowdRole = CrowdGroup;

/** A group with its nested member groups (the wire's `SOAPNestableGroup`, from `findAllGroupRelationships`). */
export interface CrowdNestableGroup extends CrowdEntity {
  /** Names of the groups nested in this one (the wire's `groupMembers`). */
  groupMembers: string[];
}

/** The SSO cookie settings (the wire's `SOAPCookieInfo`). */
export interface CrowdCookieInfo {
  /** The cookie domain, omitted when nil. */
  domain?: string;
  /** Whether the cookie is marked secure. */
  secure: boolean;
}

/** A principal to create: only `name` is required; `active` defaults to true. */
export interface NewPrincipal {
  name: string;
  active?: boolean;
  attributes?: Readonly<Record<string, string | readonly string[]>>;
  description?: string;
  directoryId?: bigint | number;
}

/** A group or role to create: only `name` is required; `active` defaults to true. */
export interface NewGroup {
  name: string;
  active?: boolean;
  attributes?: Readonly<Record<string, string | readonly string[]>>;
  description?: string;
  directoryId?: bigint | number;
  members?: readonly string[];
}

/** One principal of `addAllPrincipals`, with its password. */
export interface NewPrincipalWithCredential {
  principal: NewPrincipal;
  password: PasswordInput;
}
