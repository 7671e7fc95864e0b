/**
 * QueryExpression and QueryByAttribute, as the codecs decode them (`{ $type, ColumnSet, Criteria, ... }`),
 * to the emulator's query shape. A link entity without an alias gets the SDK's default, the entity name and
 * its position (`contact1`), which is also the prefix of its columns in the results.
 */
import { invalidArgument } from './faults.js';
import {
  type ColumnChoice,
  EMPTY_FILTER,
  type EmulatorQuery,
  type QueryCondition,
  type QueryFilter,
  type QueryLink,
  type QueryOrder,
  type QueryPage,
} from './query-model.js';

type Wire = Record<string, unknown>;

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const obj = (v: unknown): Wire => (typeof v === 'object' && v !== null ? (v as Wire) : {});
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A ColumnSet. */
export function readColumnSet(value: unknown): ColumnChoice {
  const set = obj(value);
  if (set.AllColumns === true) return 'all';
  return list(obj(set.Columns).string).filter((c): c is string => typeof c === 'string');
}

function readFilter(value: unknown): QueryFilter {
  if (value === null || value === undefined) return EMPTY_FILTER;
  const f = obj(value);
  const conditions: QueryCondition[] = list(obj(f.Conditions).ConditionExpression).map((raw) => {
    const c = obj(raw);
    const attribute = text(c.AttributeName);
    if (!attribute) throw invalidArgument('A condition has no AttributeName.');
    const entityName = text(c.EntityName);
    return {
      attribute,
      operator: text(c.Operator) ?? 'Equal',
      values: list(obj(c.Values).anyType),
      ...(entityName ? { entityName } : {}),
    };
  });
  return {
    operator: f.FilterOperator === 'Or' ? 'Or' : 'And',
    conditions,
    filters: list(obj(f.Filters).FilterExpression).map(readFilter),
  };
}

function readOrders(value: unknown): QueryOrder[] {
  return list(obj(value).OrderExpression).map((raw) => {
    const o = obj(raw);
    const attribute = text(o.AttributeName);
    if (!attribute) throw invalidArgument('An order has no AttributeName.');
    return { attribute, descending: o.OrderType === 'Descending' };
  });
}

function readLinks(value: unknown, counter: { n: number }): QueryLink[] {
  return list(obj(value).LinkEntity).map((raw) => {
    const l = obj(raw);
    const toEntity = text(l.LinkToEntityName);
    const fromAttribute = text(l.LinkFromAttributeName);
    const toAttribute = text(l.LinkToAttributeName);
    if (!toEntity || !fromAttribute || !toAttribute) {
      throw invalidArgument('A link entity needs LinkToEntityName, LinkFromAttributeName and LinkToAttributeName.');
    }
    counter.n += 1;
    const alias = text(l.EntityAlias) ?? `${toEntity}${counter.n}`;
    return {
      fromAttribute,
      toEntity,
      toAttribute,
      alias,
      join: l.JoinOperator === 'LeftOuter' ? 'LeftOuter' : 'Inner',
      columns: l.Columns === null || l.Columns === undefined ? [] : readColumnSet(l.Columns),
      criteria: readFilter(l.LinkCriteria),
      links: readLinks(l.LinkEntities, counter),
    };
  });
}

function readPage(value: unknown): QueryPage {
  const p = obj(value);
  const cookie = text(p.PagingCookie);
  return {
    count: typeof p.Count === 'number' ? p.Count : 0,
    pageNumber: typeof p.PageNumber === 'number' ? p.PageNumber : 1,
    ...(cookie ? { pagingCookie: cookie } : {}),
    returnTotalRecordCount: p.ReturnTotalRecordCount === true,
  };
}

/** A decoded QueryExpression. */
export function readQueryExpression(value: unknown): EmulatorQuery {
  const q = obj(value);
  const entityName = text(q.EntityName);
  if (!entityName) throw invalidArgument('The query has no EntityName.');
  const top = typeof q.TopCount === 'number' ? q.TopCount : undefined;
  return {
    entityName,
    columns: readColumnSet(q.ColumnSet),
    criteria: readFilter(q.Criteria),
    orders: readOrders(q.Orders),
    links: readLinks(q.LinkEntities, { n: 0 }),
    page: readPage(q.PageInfo),
    distinct: q.Distinct === true,
    ...(top !== undefined ? { top } : {}),
  };
}

/** A decoded QueryByAttribute: its attributes and values are Equal conditions joined by And. */
export function readQueryByAttribute(value: unknown): EmulatorQuery {
  const q = obj(value);
  const entityName = text(q.EntityName);
  if (!entityName) throw invalidArgument('The query has no EntityName.');
  const attributes = list(obj(q.Attributes).string) as string[];
  const values = list(obj(q.Values).anyType);
  if (attributes.length !== values.length) throw invalidArgument('QueryByAttribute needs one value per attribute.');
  const top = typeof q.TopCount === 'number' ? q.TopCount : undefined;
  return {
    entityName,
    columns: readColumnSet(q.ColumnSet),
    criteria: {
      operator: 'And',
      conditions: attributes.map((attribute, i) => ({ attribute, operator: 'Equal', values: [values[i]] })),
      filters: [],
    },
    orders: readOrders(q.Orders),
    links: [],
    page: readPage(q.PageInfo),
    distinct: false,
    ...(top !== undefined ? { top } : {}),
  };
}
