/**
 * Group and role operations. Crowd 2.0 keeps roles as groups of another kind, so one set of handlers serves
 * both: look-ups (memberships, all names, by name, with attributes, search, is member), management (add,
 * remove, update, members) and group attributes. Nested groups are not emulated.
 */
import type { CrowdGroup, GroupKind } from './directory.js';
import { CROWD_CLASSES, classMessage, crowdFault, notFoundMessage, notSupported } from './faults.js';
import type { CrowdHandler } from './handlers-auth.js';
import { searchGroups } from './search.js';
import type { CrowdCall } from './session.js';
import { attributeOf, groupValue, objectOf, stringArray, stringOf, type WireGroup } from './wire.js';

function existingGroup(call: CrowdCall, name: string, kind: GroupKind): CrowdGroup {
  const group = call.directory.group(name, kind);
  if (!group) throw crowdFault(call.ctx, 'ObjectNotFoundException', notFoundMessage(CROWD_CLASSES.group, name));
  return group;
}

function existingPrincipalName(call: CrowdCall, name: string): string {
  const principal = call.directory.principal(name);
  if (!principal) throw crowdFault(call.ctx, 'ObjectNotFoundException', notFoundMessage(CROWD_CLASSES.user, name));
  return principal.name;
}

/** The handlers of one kind (`group` or `role`), keyed by what they do. */
function kindHandlers(kind: GroupKind) {
  const title = kind === 'group' ? 'Group' : 'Role';
  const invalid = kind === 'group' ? 'InvalidGroupException' : 'InvalidRoleException';
  const list = kind === 'group' ? 'SOAPGroup' : 'SOAPRole';
  return {
    memberships: ((input, call) => ({
      out: stringArray(call.directory.membershipsOf(existingPrincipalName(call, stringOf(input.in1)), kind)),
    })) satisfies CrowdHandler,
    allNames: ((_input, call) => ({
      out: stringArray(call.directory.allGroups(kind).map((g) => g.name)),
    })) satisfies CrowdHandler,
    byName: ((input, call) => ({
      out: groupValue(call.directory, existingGroup(call, stringOf(input.in1), kind)),
    })) satisfies CrowdHandler,
    withAttributesByName: ((input, call) => ({
      out: groupValue(call.directory, existingGroup(call, stringOf(input.in1), kind), true),
    })) satisfies CrowdHandler,
    search: ((input, call) => {
      const items = objectOf<{ SearchRestriction: unknown[] }>(input.in1).SearchRestriction ?? [];
      const restrictions = items.map((r) => {
        const o = objectOf<{ name: unknown; value: unknown }>(r);
        return { name: stringOf(o.name), value: stringOf(o.value) };
      });
      const found = searchGroups(call.directory.allGroups(kind), restrictions, kind);
      return { out: { [list]: found.map((g) => groupValue(call.directory, g)) } };
    }) satisfies CrowdHandler,
    isMember: ((input, call) => {
      const group = call.directory.group(stringOf(input.in1), kind);
      return { out: group !== undefined && call.directory.isMember(group, stringOf(input.in2)) };
    }) satisfies CrowdHandler,
    add: ((input, call) => {
      const value = objectOf<WireGroup>(input.in1);
      const name = stringOf(value.name);
      const entity = { directoryId: call.directory.settings.directoryId, name };
      if (name === '')
        throw crowdFault(call.ctx, invalid, classMessage(invalid, `The ${kind} has no name`), { entity });
      const added = call.directory.addGroup(
        {
          name,
          active: value.active ?? true,
          ...(typeof value.description === 'string' ? { description: value.description } : {}),
        },
        kind,
      );
      if (!added)
        throw crowdFault(call.ctx, invalid, classMessage(invalid, `${title} <${name}> already exists`), { entity });
      for (const m of objectOf<{ string: unknown[] }>(value.members).string ?? []) {
        const principal = typeof m === 'string' ? call.directory.principal(m) : undefined;
        if (principal) call.directory.addMember(added, principal);
      }
      return { out: groupValue(call.directory, added) };
    }) satisfies CrowdHandler,
    remove: ((input, call) => {
      call.directory.removeGroup(existingGroup(call, stringOf(input.in1), kind).name, kind);
      return undefined;
    }) satisfies CrowdHandler,
    addMember: ((input, call) => {
      const principal = call.directory.principal(existingPrincipalName(call, stringOf(input.in1)))!;
      call.directory.addMember(existingGroup(call, stringOf(input.in2), kind), principal);
      return undefined;
    }) satisfies CrowdHandler,
    removeMember: ((input, call) => {
      const name = existingPrincipalName(call, stringOf(input.in1));
      const group = existingGroup(call, stringOf(input.in2), kind);
      if (!call.directory.removeMember(group, name)) {
        throw crowdFault(
          call.ctx,
          'ObjectNotFoundException',
          classMessage('ObjectNotFoundException', `${name} is not a member of ${group.name}`),
        );
      }
      return undefined;
    }) satisfies CrowdHandler,
  };
}

const groups = kindHandlers('group');
const roles = kindHandlers('role');

/** updateGroup(token, name, description, active). */
const updateGroup: CrowdHandler = (input, call) => {
  const group = existingGroup(call, stringOf(input.in1), 'group');
  group.description = typeof input.in2 === 'string' ? input.in2 : undefined;
  if (typeof input.in3 === 'boolean') group.active = input.in3;
  group.updated = new Date(call.directory.now());
  return undefined;
};

/** addAttributeToGroup / updateGroupAttribute(token, group, SOAPAttribute): set the attribute's values. */
const setGroupAttribute: CrowdHandler = (input, call) => {
  const group = existingGroup(call, stringOf(input.in1), 'group');
  const attribute = attributeOf(input.in2);
  if (attribute.name === '') throw crowdFault(call.ctx, 'ObjectNotFoundException', 'The attribute has no name');
  group.attributes.set(attribute.name, attribute.values);
  group.updated = new Date(call.directory.now());
  return undefined;
};

/** removeAttributeFromGroup(token, group, attributeName). */
const removeGroupAttribute: CrowdHandler = (input, call) => {
  const group = existingGroup(call, stringOf(input.in1), 'group');
  group.attributes.delete(stringOf(input.in2));
  group.updated = new Date(call.directory.now());
  return undefined;
};

/** The group and role handlers by operation name. */
export const groupHandlers: Readonly<Record<string, CrowdHandler>> = {
  findGroupMemberships: groups.memberships,
  findAllGroupNames: groups.allNames,
  findGroupByName: groups.byName,
  findGroupWithAttributesByName: groups.withAttributesByName,
  searchGroups: groups.search,
  isGroupMember: groups.isMember,
  addGroup: groups.add,
  removeGroup: groups.remove,
  addPrincipalToGroup: groups.addMember,
  removePrincipalFromGroup: groups.removeMember,
  updateGroup,
  addAttributeToGroup: setGroupAttribute,
  updateGroupAttribute: setGroupAttribute,
  removeAttributeFromGroup: removeGroupAttribute,
  findAllGroupRelationships: (_input, call) => {
    throw notSupported(call.ctx, 'nested groups are not emulated');
  },
  findRoleMemberships: roles.memberships,
  findAllRoleNames: roles.allNames,
  findRoleByName: roles.byName,
  searchRoles: roles.search,
  isRoleMember: roles.isMember,
  addRole: roles.add,
  removeRole: roles.remove,
  addPrincipalToRole: roles.addMember,
  removePrincipalFromRole: roles.removeMember,
};
