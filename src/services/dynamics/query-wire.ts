/**
 * Queries as the service's data contracts (QueryExpression, QueryByAttribute, FetchExpression under the
 * declared `QueryBase`, so written with `xsi:type`), and the paging step: the same query asking for the
 * next page with the previous page's cookie.
 */
import { writeTree } from '../../server/tree-writer.js';
import { parseXml } from '../../xml/parse.js';
import { XmlWriter } from '../../xml/writer.js';
import type { Wire } from './decode.js';
import { encodeValue, type WireValue } from './encode.js';
import { DynamicsValueError } from './errors.js';
import { T } from './namespaces.js';
import type { Columns, Filter, LinkEntity, Order, PageInfo, Query } from './query-types.js';

/** A ColumnSet. */
export function columnSetWire(columns: Columns): Wire {
  return columns === 'all' ? { AllColumns: true } : { AllColumns: false, Columns: { string: [...columns] } };
}

function filterWire(filter: Filter): Wire {
  return {
    Conditions: {
      ConditionExpression: filter.conditions.map((c) => ({
        AttributeName: c.attribute,
        Operator: c.operator,
        Values: { anyType: c.values.map((v, i) => encodeValue(v, undefined, `${c.attribute}[${i}]`)) },
        ...(c.entityName !== undefined ? { EntityName: c.entityName } : {}),
      })),
    },
    FilterOperator: filter.operator,
    Filters: { FilterExpression: filter.filters.map(filterWire) },
  };
}

function ordersWire(orders: readonly Order[]): Wire {
  return {
    OrderExpression: orders.map((o) => ({
      AttributeName: o.attribute,
      OrderType: o.descending ? 'Descending' : 'Ascending',
    })),
  };
}

function linkWire(link: LinkEntity): Wire {
  return {
    Columns: columnSetWire(link.columns),
    ...(link.alias !== undefined ? { EntityAlias: link.alias } : {}),
    JoinOperator: link.join,
    LinkCriteria: filterWire(link.criteria),
    LinkEntities: { LinkEntity: link.links.map(linkWire) },
    LinkFromAttributeName: link.fromAttribute,
    LinkFromEntityName: link.fromEntity,
    LinkToAttributeName: link.toAttribute,
    LinkToEntityName: link.toEntity,
  };
}

function pageWire(page: PageInfo | undefined): Wire {
  // The SDK always sends PagingInfo; page 0 / count 0 means "the first page, the server's default size".
  return {
    Count: page?.count ?? 0,
    PageNumber: page?.pageNumber ?? 0,
    PagingCookie: page?.pagingCookie ?? null,
    ReturnTotalRecordCount: page?.returnTotalRecordCount ?? false,
  };
}

/** The query as a `QueryBase` value with its `xsi:type`. */
export function queryWire(query: Query): WireValue {
  switch (query.kind) {
    case 'QueryExpression':
      return {
        $type: T.queryExpression,
        ColumnSet: columnSetWire(query.columns),
        Criteria: filterWire(query.criteria),
        Distinct: query.distinct,
        EntityName: query.entityName,
        LinkEntities: { LinkEntity: query.links.map(linkWire) },
        Orders: ordersWire(query.orders),
        PageInfo: pageWire(query.pageInfo),
        ...(query.noLock !== undefined ? { NoLock: query.noLock } : {}),
        ...(query.topCount !== undefined ? { TopCount: query.topCount } : {}),
      };
    case 'QueryByAttribute':
      return {
        $type: T.queryByAttribute,
        Attributes: { string: [...query.attributes] },
        ColumnSet: columnSetWire(query.columns),
        EntityName: query.entityName,
        Orders: ordersWire(query.orders),
        PageInfo: pageWire(query.pageInfo),
        Values: { anyType: query.values.map((v, i) => encodeValue(v, undefined, `${query.attributes[i]}`)) },
        ...(query.topCount !== undefined ? { TopCount: query.topCount } : {}),
      };
    case 'FetchXml':
      return { $type: T.fetchExpression, Query: query.xml };
    default:
      throw new DynamicsValueError(`not a query: ${JSON.stringify((query as { kind?: unknown }).kind)}`);
  }
}

/** The page a query asks for (1 when it does not say). */
export function pageOf(query: Query): { pageNumber: number; count?: number } {
  if (query.kind !== 'FetchXml') {
    return {
      pageNumber: query.pageInfo?.pageNumber || 1,
      ...(query.pageInfo?.count ? { count: query.pageInfo.count } : {}),
    };
  }
  const root = parseXml(query.xml, { source: '<fetch>' }).root;
  const attr = (name: string) => root.attrs.find((a) => a.ns === '' && a.local === name)?.value;
  const count = Number(attr('count'));
  return { pageNumber: Number(attr('page')) || 1, ...(count > 0 ? { count } : {}) };
}

/** The same query asking for page `pageNumber` with `pagingCookie` (the cookie of the page before). */
export function withPage(query: Query, pageNumber: number, pagingCookie: string | undefined): Query {
  if (query.kind !== 'FetchXml') {
    const page: PageInfo = {
      count: query.pageInfo?.count ?? 5000,
      ...(query.pageInfo?.returnTotalRecordCount !== undefined
        ? { returnTotalRecordCount: query.pageInfo.returnTotalRecordCount }
        : {}),
      pageNumber,
      ...(pagingCookie !== undefined ? { pagingCookie } : {}),
    };
    return { ...query, pageInfo: page };
  }
  // FetchXML pages through attributes of <fetch>: page, count and paging-cookie (the cookie as text).
  const root = parseXml(query.xml, { source: '<fetch>' }).root;
  const w = new XmlWriter();
  w.startElement(root.ns, root.local, root.prefix || undefined);
  for (const [prefix, uri] of Object.entries(root.scope)) if (prefix !== 'xml') w.declareNamespace(prefix, uri);
  for (const a of root.attrs) {
    if (a.ns === '' && (a.local === 'page' || a.local === 'paging-cookie')) continue;
    w.attribute(a.ns, a.local, a.value, a.prefix || undefined);
  }
  w.attribute('', 'page', String(pageNumber));
  if (pagingCookie !== undefined) w.attribute('', 'paging-cookie', pagingCookie);
  for (const child of root.children) {
    if (typeof child === 'string') w.text(child);
    else writeTree(w, child, {}, root.scope);
  }
  w.endElement();
  return { kind: 'FetchXml', xml: w.toString() };
}
