/**
 * searchPrincipals / searchGroups / searchRoles: a conjunction of SearchRestrictions, name-value pairs whose
 * names are Crowd's SearchContext constants. Text restrictions match without case, as a substring, or as a
 * pattern when the value holds `*` (any run of characters); `*.active` takes `true` / `false`;
 * `search.index.start` and `search.max.results` page the result (sorted by name). Unknown names are ignored.
 */
import type { CrowdGroup, CrowdPrincipal, GroupKind } from './directory.js';

/** A restriction as given. */
export interface SearchRestriction {
  readonly name: string;
  readonly value: string;
}

/** The SearchContext constants the emulator understands. */
export const SEARCH_KEYS = {
  principalName: 'principal.name',
  principalEmail: 'principal.email',
  principalFullName: 'principal.fullname',
  principalActive: 'principal.active',
  groupName: 'group.name',
  groupActive: 'group.active',
  roleName: 'role.name',
  roleActive: 'role.active',
  maxResults: 'search.max.results',
  indexStart: 'search.index.start',
} as const;

/** True when `text` matches `value` (substring, or `*` pattern), without case. */
export function textMatches(text: string | undefined, value: string): boolean {
  if (text === undefined) return value === '' || value === '*';
  const t = text.toLowerCase();
  const v = value.toLowerCase();
  if (!v.includes('*')) return t.includes(v);
  const pattern = v
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 's').test(t);
}

function activeMatches(active: boolean, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v !== 'true' && v !== 'false') return true;
  return active === (v === 'true');
}

function page<T extends { name: string }>(items: T[], restrictions: readonly SearchRestriction[]): T[] {
  const number = (name: string): number | undefined => {
    const r = restrictions.find((x) => x.name === name);
    const n = r ? Number.parseInt(r.value, 10) : Number.NaN;
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const sorted = [...items].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const start = number(SEARCH_KEYS.indexStart) ?? 0;
  const max = number(SEARCH_KEYS.maxResults);
  return sorted.slice(start, max === undefined ? undefined : start + max);
}

/** The principals matching every restriction, paged. */
export function searchPrincipals(
  principals: readonly CrowdPrincipal[],
  restrictions: readonly SearchRestriction[],
): CrowdPrincipal[] {
  const matches = principals.filter((p) =>
    restrictions.every((r) => {
      switch (r.name) {
        case SEARCH_KEYS.principalName:
          return textMatches(p.name, r.value);
        case SEARCH_KEYS.principalEmail:
          return textMatches(p.email, r.value);
        case SEARCH_KEYS.principalFullName:
          return textMatches(p.displayName ?? [p.firstName, p.lastName].filter(Boolean).join(' '), r.value);
        case SEARCH_KEYS.principalActive:
          return activeMatches(p.active, r.value);
        default:
          return true;
      }
    }),
  );
  return page(matches, restrictions);
}

/** The groups (or roles) matching every restriction, paged. */
export function searchGroups(
  groups: readonly CrowdGroup[],
  restrictions: readonly SearchRestriction[],
  kind: GroupKind = 'group',
): CrowdGroup[] {
  const nameKey = kind === 'group' ? SEARCH_KEYS.groupName : SEARCH_KEYS.roleName;
  const activeKey = kind === 'group' ? SEARCH_KEYS.groupActive : SEARCH_KEYS.roleActive;
  const matches = groups.filter((g) =>
    restrictions.every((r) => {
      if (r.name === nameKey) return textMatches(g.name, r.value);
      if (r.name === activeKey) return activeMatches(g.active, r.value);
      return true;
    }),
  );
  return page(matches, restrictions);
}
