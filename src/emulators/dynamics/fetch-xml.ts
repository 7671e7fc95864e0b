/**
 * FetchXML to the emulator's query shape: `<fetch>` with `count`, `page`, `paging-cookie`, `top`,
 * `distinct`, `returntotalrecordcount` and `aggregate`; `<entity name>` with `<attribute>` /
 * `<all-attributes>`, `<order attribute descending>`, `<filter type>` of `<condition attribute operator
 * value entityname>` (and `<value>` children for `in` / `between`), and `<link-entity name from to alias
 * link-type>`. In FetchXML a link's `from` is the linked entity's attribute and `to` the parent's.
 */
import { XmlError } from '../../xml/errors.js';
import { parseXml } from '../../xml/parse.js';
import type { XmlElement } from '../../xml/types.js';
import { ERROR_CODES, invalidArgument, OrganizationFault } from './faults.js';
import type {
  ColumnChoice,
  EmulatorQuery,
  QueryAggregate,
  QueryCondition,
  QueryFilter,
  QueryLink,
  QueryOrder,
} from './query-model.js';

/** FetchXML operators and the ConditionOperator each means. */
export const FETCH_OPERATORS: Readonly<Record<string, string>> = Object.freeze({
  eq: 'Equal',
  ne: 'NotEqual',
  neq: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterEqual',
  lt: 'LessThan',
  le: 'LessEqual',
  like: 'Like',
  'not-like': 'NotLike',
  in: 'In',
  'not-in': 'NotIn',
  between: 'Between',
  'not-between': 'NotBetween',
  null: 'Null',
  'not-null': 'NotNull',
  'begins-with': 'BeginsWith',
  'not-begin-with': 'DoesNotBeginWith',
  'ends-with': 'EndsWith',
  'not-end-with': 'DoesNotEndWith',
  on: 'On',
  'on-or-before': 'OnOrBefore',
  'on-or-after': 'OnOrAfter',
  today: 'Today',
  yesterday: 'Yesterday',
  tomorrow: 'Tomorrow',
  'last-x-days': 'LastXDays',
  'next-x-days': 'NextXDays',
  'olderthan-x-days': 'OlderThanXDays',
  'eq-userid': 'EqualUserId',
  'ne-userid': 'NotEqualUserId',
});

const attr = (el: XmlElement, name: string): string | undefined =>
  el.attrs.find((a) => a.ns === '' && a.local === name)?.value;
const elements = (el: XmlElement, local?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));
const textOf = (el: XmlElement): string => el.children.filter((c): c is string => typeof c === 'string').join('');
const truthy = (v: string | undefined): boolean => v === 'true' || v === '1';

function invalidFetch(message: string): OrganizationFault {
  return new OrganizationFault(ERROR_CODES.invalidArgument, `Invalid FetchXML: ${message}`);
}

function columnsOf(el: XmlElement): ColumnChoice {
  if (elements(el, 'all-attributes').length) return 'all';
  return elements(el, 'attribute')
    .filter((a) => attr(a, 'aggregate') === undefined)
    .map((a) => {
      const name = attr(a, 'name');
      if (!name) throw invalidFetch('an attribute has no name');
      return name;
    });
}

function filterOf(el: XmlElement | undefined): QueryFilter {
  if (!el) return { operator: 'And', conditions: [], filters: [] };
  const conditions: QueryCondition[] = elements(el, 'condition').map((c) => {
    const attribute = attr(c, 'attribute');
    const op = attr(c, 'operator') ?? 'eq';
    const operator = FETCH_OPERATORS[op];
    if (!attribute) throw invalidFetch('a condition has no attribute');
    if (!operator)
      throw new OrganizationFault(ERROR_CODES.invalidOperator, `The condition operator ${op} is not supported.`);
    const single = attr(c, 'value');
    const values = single !== undefined ? [single] : elements(c, 'value').map(textOf);
    const entityName = attr(c, 'entityname');
    return { attribute, operator, values, ...(entityName ? { entityName } : {}) };
  });
  return {
    operator: attr(el, 'type') === 'or' ? 'Or' : 'And',
    conditions,
    filters: elements(el, 'filter').map(filterOf),
  };
}

function ordersOf(el: XmlElement): QueryOrder[] {
  return elements(el, 'order').map((o) => {
    const attribute = attr(o, 'attribute');
    if (!attribute) throw invalidFetch('an order has no attribute');
    return { attribute, descending: truthy(attr(o, 'descending')) };
  });
}

function linksOf(el: XmlElement, counter: { n: number }, orders: QueryOrder[]): QueryLink[] {
  return elements(el, 'link-entity').map((l) => {
    const toEntity = attr(l, 'name');
    const toAttribute = attr(l, 'from');
    const fromAttribute = attr(l, 'to');
    if (!toEntity || !toAttribute || !fromAttribute) throw invalidFetch('a link-entity needs name, from and to');
    counter.n += 1;
    const alias = attr(l, 'alias') ?? `${toEntity}${counter.n}`;
    for (const o of ordersOf(l)) orders.push({ ...o, entityName: alias });
    return {
      fromAttribute,
      toEntity,
      toAttribute,
      alias,
      join: attr(l, 'link-type') === 'outer' ? 'LeftOuter' : 'Inner',
      columns: columnsOf(l),
      criteria: filterOf(elements(l, 'filter')[0]),
      links: linksOf(l, counter, orders),
    };
  });
}

function aggregatesOf(entity: XmlElement): QueryAggregate[] {
  return elements(entity, 'attribute')
    .filter((a) => attr(a, 'aggregate') !== undefined)
    .map((a) => {
      const kind = attr(a, 'aggregate');
      const attribute = attr(a, 'name');
      const alias = attr(a, 'alias');
      if (kind !== 'count' && kind !== 'countcolumn') {
        throw new OrganizationFault(
          ERROR_CODES.invalidArgument,
          `The aggregate ${kind} is not supported by the emulator.`,
        );
      }
      if (!attribute || !alias) throw invalidFetch('an aggregate attribute needs name and alias');
      return { kind, attribute, alias };
    });
}

/** Parses FetchXML into a query. */
export function readFetchXml(xml: string): EmulatorQuery {
  let root: XmlElement;
  try {
    root = parseXml(xml, { source: '<fetch>' }).root;
  } catch (error) {
    if (error instanceof XmlError) throw invalidFetch(error.problem);
    throw error;
  }
  if (root.local !== 'fetch') throw invalidFetch('the root element must be fetch');
  const entity = elements(root, 'entity')[0];
  const entityName = entity && attr(entity, 'name');
  if (!entity || !entityName) throw invalidFetch('fetch needs an entity with a name');
  const orders = ordersOf(entity);
  const links = linksOf(entity, { n: 0 }, orders);
  const count = Number(attr(root, 'count') ?? 0);
  const page = Number(attr(root, 'page') ?? 1);
  const top = attr(root, 'top');
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(page) || page < 1)
    throw invalidArgument('Invalid FetchXML: count and page must be positive integers.');
  const aggregates = truthy(attr(root, 'aggregate')) ? aggregatesOf(entity) : [];
  const cookie = attr(root, 'paging-cookie');
  return {
    entityName,
    columns: columnsOf(entity),
    criteria: filterOf(elements(entity, 'filter')[0]),
    orders,
    links,
    page: {
      count,
      pageNumber: page,
      ...(cookie ? { pagingCookie: cookie } : {}),
      returnTotalRecordCount: truthy(attr(root, 'returntotalrecordcount')),
    },
    distinct: truthy(attr(root, 'distinct')),
    ...(top !== undefined ? { top: Number(top) } : {}),
    ...(aggregates.length ? { aggregates } : {}),
  };
}
