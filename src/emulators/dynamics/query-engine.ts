/**
 * Evaluates an `EmulatorQuery` against the store: joins (inner and left outer), conditions with the common
 * ConditionOperators, nested filters, orders (the primary id last, so pages are stable), and paging with a
 * cookie: `<cookie page="N"><accountid last="{ID}" first="{ID}" /></cookie>`, the shape the captured
 * RetrieveMultiple response carries. A cookie for the page before the one asked for resumes after its `last`
 * record, so records created between pages do not shift the next page; without one the page is counted.
 */
import { parseXml } from '../../xml/parse.js';
import { XmlWriter } from '../../xml/writer.js';
import type { StoredRecord } from './data.js';
import type { AttributeDefinition } from './definitions.js';
import { ERROR_CODES, OrganizationFault } from './faults.js';
import {
  type EmulatorQuery,
  MAX_PAGE_SIZE,
  type QueryCondition,
  type QueryFilter,
  type QueryLink,
} from './query-model.js';
import type { EntityStore } from './store.js';
import { comparable, normalizeGuid } from './values.js';

/** One result row: the record and, by alias, the linked record (null for an unmatched outer join). */
export interface QueryRow {
  readonly record: StoredRecord;
  readonly linked: ReadonlyMap<string, { readonly entity: string; readonly record: StoredRecord | null }>;
}

/** One page of results. */
export interface QueryResult {
  readonly rows: QueryRow[];
  readonly moreRecords: boolean;
  readonly pagingCookie: string | undefined;
  /** -1 unless the query asked for the total. */
  readonly totalRecordCount: number;
  readonly totalRecordCountLimitExceeded: boolean;
}

/** What conditions may refer to besides the data: the clock and the caller. */
export interface QueryContext {
  readonly now: number;
  readonly userId: string;
}

type Scalar = string | number | boolean | null;
const DAY = 86_400_000;

/** Runs `query` and returns the page it asks for. */
export function runQuery(store: EntityStore, query: EmulatorQuery, ctx: QueryContext): QueryResult {
  const def = store.entity(query.entityName);
  const aliases = new Map<string, string>([[query.entityName, query.entityName]]);
  collectAliases(store, query.links, aliases);
  for (const c of conditionsOf(query.criteria))
    checkAttribute(store, aliases, query.entityName, c.entityName, c.attribute);
  for (const o of query.orders) checkAttribute(store, aliases, query.entityName, o.entityName, o.attribute);

  let rows: QueryRow[] = [];
  for (const record of store.records(query.entityName)) {
    for (const linked of join(store, query.entityName, record, query.links, ctx)) {
      const row: QueryRow = { record, linked };
      if (matchesFilter(store, query.criteria, row, query.entityName, ctx)) rows.push(row);
    }
  }
  if (query.distinct) {
    const seen = new Set<unknown>();
    rows = rows.filter(
      (r) => !seen.has(r.record[def.primaryIdAttribute]) && seen.add(r.record[def.primaryIdAttribute]),
    );
  }
  const pk = def.primaryIdAttribute;
  rows.sort((a, b) => {
    for (const order of query.orders) {
      const entity = order.entityName ? aliases.get(order.entityName)! : query.entityName;
      const attr = store.findAttribute(entity, order.attribute);
      const source = order.entityName ? (a.linked.get(order.entityName)?.record ?? null) : a.record;
      const other = order.entityName ? (b.linked.get(order.entityName)?.record ?? null) : b.record;
      const diff = compareScalars(
        comparable(attr, source?.[order.attribute]),
        comparable(attr, other?.[order.attribute]),
      );
      if (diff !== 0) return order.descending ? -diff : diff;
    }
    return String(a.record[pk]).localeCompare(String(b.record[pk]));
  });
  const total = rows.length;
  if (query.top !== undefined) {
    return {
      rows: rows.slice(0, query.top),
      moreRecords: false,
      pagingCookie: undefined,
      totalRecordCount: -1,
      totalRecordCountLimitExceeded: false,
    };
  }
  const count = query.page.count > 0 ? Math.min(query.page.count, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  const pageNumber = query.page.pageNumber > 0 ? query.page.pageNumber : 1;
  const start = startOf(rows, pk, pageNumber, count, query.page.pagingCookie);
  const page = rows.slice(start, start + count);
  const first = page[0]?.record[pk];
  const last = page[page.length - 1]?.record[pk];
  return {
    rows: page,
    moreRecords: start + count < rows.length,
    pagingCookie: page.length ? writeCookie(pageNumber, pk, String(first), String(last)) : undefined,
    totalRecordCount: query.page.returnTotalRecordCount ? Math.min(total, MAX_PAGE_SIZE) : -1,
    totalRecordCountLimitExceeded: query.page.returnTotalRecordCount && total > MAX_PAGE_SIZE,
  };
}

function collectAliases(store: EntityStore, links: readonly QueryLink[], out: Map<string, string>): void {
  for (const link of links) {
    store.entity(link.toEntity);
    out.set(link.alias, link.toEntity);
    collectAliases(store, link.links, out);
  }
}

function conditionsOf(filter: QueryFilter): QueryCondition[] {
  return [...filter.conditions, ...filter.filters.flatMap(conditionsOf)];
}

function checkAttribute(
  store: EntityStore,
  aliases: Map<string, string>,
  main: string,
  alias: string | undefined,
  attribute: string,
): void {
  const entity = alias === undefined ? main : aliases.get(alias);
  if (entity === undefined)
    throw new OrganizationFault(ERROR_CODES.invalidArgument, `No link entity with alias ${alias} in the query.`);
  store.attribute(entity, attribute);
}

/** Every combination of linked records for `record` (one empty map when the query has no links). */
function join(
  store: EntityStore,
  entity: string,
  record: StoredRecord,
  links: readonly QueryLink[],
  ctx: QueryContext,
): Array<Map<string, { entity: string; record: StoredRecord | null }>> {
  let combos: Array<Map<string, { entity: string; record: StoredRecord | null }>> = [new Map()];
  for (const link of links) {
    store.attribute(entity, link.fromAttribute);
    store.attribute(link.toEntity, link.toAttribute);
    const key = comparable(store.findAttribute(entity, link.fromAttribute), record[link.fromAttribute]);
    const matches: Array<Map<string, { entity: string; record: StoredRecord | null }>> = [];
    if (key !== null) {
      const toDef = store.findAttribute(link.toEntity, link.toAttribute);
      for (const other of store.records(link.toEntity)) {
        if (comparable(toDef, other[link.toAttribute]) !== key) continue;
        const row: QueryRow = { record: other, linked: new Map() };
        if (!matchesFilter(store, link.criteria, row, link.toEntity, ctx)) continue;
        for (const inner of join(store, link.toEntity, other, link.links, ctx)) {
          inner.set(link.alias, { entity: link.toEntity, record: other });
          matches.push(inner);
        }
      }
    }
    if (matches.length === 0) {
      if (link.join === 'Inner') return [];
      const empty = new Map<string, { entity: string; record: StoredRecord | null }>([
        [link.alias, { entity: link.toEntity, record: null }],
      ]);
      matches.push(empty);
    }
    const next: typeof combos = [];
    for (const combo of combos) for (const m of matches) next.push(new Map([...combo, ...m]));
    combos = next;
  }
  return combos;
}

function matchesFilter(
  store: EntityStore,
  filter: QueryFilter,
  row: QueryRow,
  entity: string,
  ctx: QueryContext,
): boolean {
  const results = [
    ...filter.conditions.map((c) => matchesCondition(store, c, row, entity, ctx)),
    ...filter.filters.map((f) => matchesFilter(store, f, row, entity, ctx)),
  ];
  if (results.length === 0) return true;
  return filter.operator === 'Or' ? results.some(Boolean) : results.every(Boolean);
}

function matchesCondition(
  store: EntityStore,
  c: QueryCondition,
  row: QueryRow,
  entity: string,
  ctx: QueryContext,
): boolean {
  let record: StoredRecord | null = row.record;
  let owner = entity;
  if (c.entityName !== undefined && c.entityName !== entity) {
    const linked = row.linked.get(c.entityName);
    record = linked?.record ?? null;
    owner = linked?.entity ?? entity;
  }
  const attr = store.attribute(owner, c.attribute);
  const value = comparable(attr, record?.[c.attribute]);
  const values = c.values.map((v) => comparable(attr, v));
  return applyOperator(c.operator, attr, value, values, ctx);
}

function likePattern(pattern: string): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

const dayOf = (ms: number): number => Math.floor(ms / DAY);

function applyOperator(
  operator: string,
  attr: AttributeDefinition,
  value: Scalar,
  values: Scalar[],
  ctx: QueryContext,
): boolean {
  const v0 = values[0] ?? null;
  const need = (n: number): void => {
    if (values.length < n)
      throw new OrganizationFault(
        ERROR_CODES.invalidOperator,
        `The ${operator} operator needs ${n} value(s) for ${attr.logicalName}.`,
      );
  };
  const text = typeof value === 'string' ? value : value === null ? null : String(value);
  switch (operator) {
    case 'Null':
      return value === null;
    case 'NotNull':
      return value !== null;
    case 'EqualUserId':
      return value !== null && value === normalizeGuid(ctx.userId);
    case 'NotEqualUserId':
      return value !== null && value !== normalizeGuid(ctx.userId);
  }
  if (value === null) return false;
  switch (operator) {
    case 'Equal':
      need(1);
      return value === v0;
    case 'NotEqual':
      need(1);
      return value !== v0;
    case 'GreaterThan':
      need(1);
      return compareScalars(value, v0) > 0;
    case 'GreaterEqual':
      need(1);
      return compareScalars(value, v0) >= 0;
    case 'LessThan':
      need(1);
      return compareScalars(value, v0) < 0;
    case 'LessEqual':
      need(1);
      return compareScalars(value, v0) <= 0;
    case 'In':
      return values.includes(value);
    case 'NotIn':
      return !values.includes(value);
    case 'Between':
      need(2);
      return compareScalars(value, v0) >= 0 && compareScalars(value, values[1]!) <= 0;
    case 'NotBetween':
      need(2);
      return compareScalars(value, v0) < 0 || compareScalars(value, values[1]!) > 0;
    case 'Like':
      need(1);
      return likePattern(String(v0)).test(text!);
    case 'NotLike':
      need(1);
      return !likePattern(String(v0)).test(text!);
    case 'BeginsWith':
      return text!.startsWith(String(v0));
    case 'DoesNotBeginWith':
      return !text!.startsWith(String(v0));
    case 'EndsWith':
      return text!.endsWith(String(v0));
    case 'DoesNotEndWith':
      return !text!.endsWith(String(v0));
    case 'Contains':
      return text!.includes(String(v0));
    case 'DoesNotContain':
      return !text!.includes(String(v0));
    case 'On':
      return dayOf(Number(value)) === dayOf(Number(v0));
    case 'OnOrBefore':
      return dayOf(Number(value)) <= dayOf(Number(v0));
    case 'OnOrAfter':
      return dayOf(Number(value)) >= dayOf(Number(v0));
    case 'Today':
      return dayOf(Number(value)) === dayOf(ctx.now);
    case 'Yesterday':
      return dayOf(Number(value)) === dayOf(ctx.now) - 1;
    case 'Tomorrow':
      return dayOf(Number(value)) === dayOf(ctx.now) + 1;
    case 'LastXDays':
      return Number(value) <= ctx.now && Number(value) >= ctx.now - Number(v0) * DAY;
    case 'NextXDays':
      return Number(value) >= ctx.now && Number(value) <= ctx.now + Number(v0) * DAY;
    case 'OlderThanXDays':
      return Number(value) < ctx.now - Number(v0) * DAY;
    default:
      throw new OrganizationFault(ERROR_CODES.invalidOperator, `The condition operator ${operator} is not supported.`);
  }
}

function compareScalars(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  // SQL Server sorts nulls first.
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return String(a) < String(b) ? -1 : 1;
}

function braced(id: string): string {
  return `{${id.toUpperCase()}}`;
}

/** The paging cookie of a page, written with XmlWriter. */
export function writeCookie(page: number, primaryId: string, first: string, last: string): string {
  const w = new XmlWriter();
  w.startElement('', 'cookie');
  w.attribute('', 'page', String(page));
  w.startElement('', primaryId);
  w.attribute('', 'last', braced(last));
  w.attribute('', 'first', braced(first));
  w.endElement();
  w.endElement();
  return w.toString();
}

/** Where a page starts: after the cookie's last record when the cookie is the previous page's, else counted. */
function startOf(
  rows: readonly QueryRow[],
  pk: string,
  pageNumber: number,
  count: number,
  cookie: string | undefined,
): number {
  const counted = (pageNumber - 1) * count;
  if (!cookie) return counted;
  let root: ReturnType<typeof parseXml>['root'];
  try {
    root = parseXml(cookie, { source: '<paging cookie>' }).root;
  } catch {
    throw new OrganizationFault(ERROR_CODES.invalidPaging, 'The paging cookie is not valid.');
  }
  const cookiePage = Number(root.attrs.find((a) => a.local === 'page')?.value);
  const keyEl = root.children.find((c) => typeof c !== 'string' && c.local === pk);
  const last =
    keyEl && typeof keyEl !== 'string' ? normalizeGuid(keyEl.attrs.find((a) => a.local === 'last')?.value) : undefined;
  if (cookiePage !== pageNumber - 1 || !last) return counted;
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.record[pk] === last) return i + 1;
  return counted;
}
