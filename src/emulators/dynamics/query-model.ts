/**
 * A query as the emulator evaluates it: one plain shape for both QueryExpression and FetchXML, so that
 * one evaluator (query-engine.ts) answers both.
 */

/** The columns to return: every one, or these. */
export type ColumnChoice = 'all' | readonly string[];

/** A condition: `attribute operator values`, on the query's entity or on a link's alias. */
export interface QueryCondition {
  readonly attribute: string;
  /** A ConditionOperator name, e.g. `Equal`, `Like`, `In`, `Null`, `Between`. */
  readonly operator: string;
  readonly values: readonly unknown[];
  /** A link-entity alias (or entity name) the attribute belongs to; the query's entity when absent. */
  readonly entityName?: string;
}

/** A filter: conditions and nested filters joined by And or Or. */
export interface QueryFilter {
  readonly operator: 'And' | 'Or';
  readonly conditions: readonly QueryCondition[];
  readonly filters: readonly QueryFilter[];
}

/** An order. */
export interface QueryOrder {
  readonly attribute: string;
  readonly descending: boolean;
  /** A link alias: order by the linked record's attribute. */
  readonly entityName?: string;
}

/** A join to another entity: `parent.from = linked.to`. */
export interface QueryLink {
  /** The attribute of the parent (the query's entity or the enclosing link). */
  readonly fromAttribute: string;
  readonly toEntity: string;
  /** The attribute of the linked entity. */
  readonly toAttribute: string;
  readonly alias: string;
  readonly join: 'Inner' | 'LeftOuter';
  readonly columns: ColumnChoice;
  readonly criteria: QueryFilter;
  readonly links: readonly QueryLink[];
}

/** Paging: page size, page number (from 1), the previous page's cookie, and whether to count. */
export interface QueryPage {
  readonly count: number;
  readonly pageNumber: number;
  readonly pagingCookie?: string;
  readonly returnTotalRecordCount: boolean;
}

/** An aggregate count (FetchXML `aggregate="true"` with `aggregate="count"` attributes). */
export interface QueryAggregate {
  readonly alias: string;
  readonly attribute: string;
  /** `count` counts rows; `countcolumn` counts rows where the attribute has a value. */
  readonly kind: 'count' | 'countcolumn';
}

/** A whole query. */
export interface EmulatorQuery {
  readonly entityName: string;
  readonly columns: ColumnChoice;
  readonly criteria: QueryFilter;
  readonly orders: readonly QueryOrder[];
  readonly links: readonly QueryLink[];
  readonly page: QueryPage;
  readonly distinct: boolean;
  readonly top?: number;
  readonly aggregates?: readonly QueryAggregate[];
}

/** A filter with nothing in it. */
export const EMPTY_FILTER: QueryFilter = Object.freeze({ operator: 'And', conditions: [], filters: [] });

/** The server's largest page (and the page size when a query gives none). */
export const MAX_PAGE_SIZE = 5000;
