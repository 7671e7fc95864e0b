/**
 * Principal operations: look-ups (by token, by name, with attributes, search, all names), management (add, add
 * in bulk, remove), credentials (update, reset) and attributes (add, update, remove).
 */
import { randomBytes } from 'node:crypto';
import type { CrowdPrincipal } from './directory.js';
import { CROWD_CLASSES, classMessage, crowdFault, notFoundMessage } from './faults.js';
import type { CrowdHandler } from './handlers-auth.js';
import { searchPrincipals as search } from './search.js';
import type { CrowdCall } from './session.js';
import {
  attributeOf,
  attributesOf,
  objectOf,
  principalValue,
  stringArray,
  stringOf,
  type WireCredential,
  type WirePrincipal,
} from './wire.js';

/** The principal called `name`, or the captured ObjectNotFoundException fault. */
function existing(call: CrowdCall, name: string): CrowdPrincipal {
  const principal = call.directory.principal(name);
  if (!principal) throw crowdFault(call.ctx, 'ObjectNotFoundException', notFoundMessage(CROWD_CLASSES.user, name));
  return principal;
}

/** findPrincipalByToken(token, principalToken) -> the principal with its core attributes (as captured). */
export const findPrincipalByToken: CrowdHandler = (input, call) => {
  const token = stringOf(input.in1);
  const entry = call.directory.principalTokens.use(token);
  const principal = entry && call.directory.principal(entry.subject);
  if (!principal) throw crowdFault(call.ctx, 'InvalidTokenException', notFoundMessage(CROWD_CLASSES.token, token));
  return { out: principalValue(call.directory, principal, false) };
};

/** findPrincipalByName(token, name) -> the principal with every attribute (as the documentation shows). */
export const findPrincipalByName: CrowdHandler = (input, call) => ({
  out: principalValue(call.directory, existing(call, stringOf(input.in1))),
});

/** findPrincipalWithAttributesByName(token, name) -> the principal with every attribute. */
export const findPrincipalWithAttributesByName: CrowdHandler = findPrincipalByName;

/** searchPrincipals(token, restrictions) -> the matching principals. */
export const searchPrincipals: CrowdHandler = (input, call) => {
  const items = objectOf<{ SearchRestriction: unknown[] }>(input.in1).SearchRestriction ?? [];
  const restrictions = items.map((r) => {
    const o = objectOf<{ name: unknown; value: unknown }>(r);
    return { name: stringOf(o.name), value: stringOf(o.value) };
  });
  const found = search(call.directory.allPrincipals(), restrictions);
  return { out: { SOAPPrincipal: found.map((p) => principalValue(call.directory, p)) } };
};

/** findAllPrincipalNames(token) -> every principal name. */
export const findAllPrincipalNames: CrowdHandler = (_input, call) => ({
  out: stringArray(call.directory.allPrincipals().map((p) => p.name)),
});

/** Sets one attribute: the four core ones are fields of the principal, the rest custom attributes. */
function setAttribute(principal: CrowdPrincipal, name: string, values: string[]): void {
  const first = values[0];
  if (name === 'givenName') principal.firstName = first;
  else if (name === 'sn') principal.lastName = first;
  else if (name === 'displayName') principal.displayName = first;
  else if (name === 'mail') principal.email = first;
  else principal.attributes.set(name, values);
}

/** Why a password cannot be used, or undefined. */
function credentialProblem(credential: WireCredential): string | undefined {
  if (credential.encryptedCredential === true) return 'encrypted credentials are not supported by the emulator';
  if (typeof credential.credential !== 'string' || credential.credential === '') return 'the password is empty';
  return undefined;
}

/** Adds one principal from its wire value; throws the fault of the first problem. */
async function addOne(call: CrowdCall, value: WirePrincipal, credential: WireCredential): Promise<CrowdPrincipal> {
  const name = stringOf(value.name);
  if (name === '') {
    throw crowdFault(call.ctx, 'InvalidUserException', classMessage('InvalidUserException', 'The name is empty'));
  }
  if (call.directory.principal(name)) {
    throw crowdFault(
      call.ctx,
      'InvalidUserException',
      classMessage('InvalidUserException', `User <${name}> already exists`),
      { entity: { directoryId: call.directory.settings.directoryId, name } },
    );
  }
  const problem = credentialProblem(credential);
  if (problem)
    throw crowdFault(call.ctx, 'InvalidCredentialException', classMessage('InvalidCredentialException', problem));
  const now = String(call.directory.now());
  const fields: CrowdPrincipal = {
    name,
    passwordHash: '',
    active: value.active ?? true,
    firstName: undefined,
    lastName: undefined,
    displayName: undefined,
    email: undefined,
    attributes: new Map([
      ['requiresPasswordChange', ['false']],
      ['invalidPasswordAttempts', ['0']],
      ['passwordLastChanged', [now]],
    ]),
    created: new Date(),
    updated: new Date(),
  };
  for (const a of attributesOf(value.attributes)) setAttribute(fields, a.name, a.values);
  const added = await call.directory.addPrincipal(fields, credential.credential as string);
  if (!added) {
    throw crowdFault(
      call.ctx,
      'InvalidUserException',
      classMessage('InvalidUserException', `User <${name}> already exists`),
    );
  }
  return added;
}

/** addPrincipal(token, SOAPPrincipal, PasswordCredential) -> the principal as stored. */
export const addPrincipal: CrowdHandler = async (input, call) => {
  const added = await addOne(call, objectOf<WirePrincipal>(input.in1), objectOf<WireCredential>(input.in2));
  return { out: principalValue(call.directory, added) };
};

/** addAllPrincipals(token, principals with credentials): adds what it can, then reports the rest in one fault. */
export const addAllPrincipals: CrowdHandler = async (input, call) => {
  const items = objectOf<{ SOAPPrincipalWithCredential: unknown[] }>(input.in1).SOAPPrincipalWithCredential ?? [];
  const existingUsers: string[] = [];
  const failedUsers: string[] = [];
  for (const item of items) {
    const o = objectOf<{ principal: unknown; passwordCredential: unknown }>(item);
    const principal = objectOf<WirePrincipal>(o.principal);
    const name = stringOf(principal.name);
    if (name !== '' && call.directory.principal(name)) {
      existingUsers.push(name);
      continue;
    }
    try {
      await addOne(call, principal, objectOf<WireCredential>(o.passwordCredential));
    } catch {
      failedUsers.push(name);
    }
  }
  if (existingUsers.length > 0 || failedUsers.length > 0) {
    throw crowdFault(
      call.ctx,
      'BulkAddFailedException',
      classMessage('BulkAddFailedException', 'Some users could not be added'),
      { existingUsers: stringArray(existingUsers), failedUsers: stringArray(failedUsers) },
    );
  }
  return undefined;
};

/** removePrincipal(token, name): removes the principal, its memberships and its sessions. */
export const removePrincipal: CrowdHandler = (input, call) => {
  call.directory.removePrincipal(existing(call, stringOf(input.in1)).name);
  return undefined;
};

/** updatePrincipalCredential(token, name, PasswordCredential): sets a new password. */
export const updatePrincipalCredential: CrowdHandler = async (input, call) => {
  const principal = existing(call, stringOf(input.in1));
  const credential = objectOf<WireCredential>(input.in2);
  const problem = credentialProblem(credential);
  if (problem)
    throw crowdFault(call.ctx, 'InvalidCredentialException', classMessage('InvalidCredentialException', problem));
  await call.directory.setPassword(principal, credential.credential as string);
  principal.attributes.set('passwordLastChanged', [String(call.directory.now())]);
  principal.attributes.set('requiresPasswordChange', ['false']);
  return undefined;
};

/**
 * resetPrincipalCredential(token, name): sets a random password, which Crowd e-mails to the principal; the
 * emulator hands it to the `onPasswordReset` option instead (and never answers it or logs it).
 */
export const resetPrincipalCredential: CrowdHandler = async (input, call) => {
  const principal = existing(call, stringOf(input.in1));
  if (!principal.email) {
    throw crowdFault(
      call.ctx,
      'InvalidEmailAddressException',
      classMessage('InvalidEmailAddressException', `${principal.name} has no e-mail address`),
    );
  }
  const password = randomBytes(12).toString('base64url');
  await call.directory.setPassword(principal, password);
  principal.attributes.set('passwordLastChanged', [String(call.directory.now())]);
  call.onPasswordReset?.(principal.name, password);
  return undefined;
};

/** addAttributeToPrincipal(token, name, SOAPAttribute) and updatePrincipalAttribute: set the attribute's values. */
export const addAttributeToPrincipal: CrowdHandler = (input, call) => {
  const principal = existing(call, stringOf(input.in1));
  const attribute = attributeOf(input.in2);
  if (attribute.name === '') throw crowdFault(call.ctx, 'ObjectNotFoundException', 'The attribute has no name');
  setAttribute(principal, attribute.name, attribute.values);
  principal.updated = new Date(call.directory.now());
  return undefined;
};

/** updatePrincipalAttribute(token, name, SOAPAttribute): replaces the attribute's values. */
export const updatePrincipalAttribute: CrowdHandler = addAttributeToPrincipal;

/** removeAttributeFromPrincipal(token, name, attributeName). */
export const removeAttributeFromPrincipal: CrowdHandler = (input, call) => {
  const principal = existing(call, stringOf(input.in1));
  const name = stringOf(input.in2);
  if (['givenName', 'sn', 'displayName', 'mail'].includes(name)) setAttribute(principal, name, []);
  else principal.attributes.delete(name);
  principal.updated = new Date(call.directory.now());
  return undefined;
};
