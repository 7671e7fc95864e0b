/**
 * Queries as plain data: QueryExpression (conditions, nested filters, orders, link entities, paging),
 * QueryByAttribute and FetchXML. Builders (query-builder.ts, fetch-builder.ts) produce these; query-wire.ts
 * writes them as the service's data contracts.
 */
import { DynamicsValueError } from './errors.js';
import type { AttributeValue } from './values.js';

/**
 * The service's ConditionOperator values (the WSDL's enumeration of
 * `http://schemas.microsoft.com/xrm/2011/Contracts`, ConditionOperator).
 */
export const CONDITION_OPERATORS = Object.freeze([
  'Equal',
  'NotEqual',
  'GreaterThan',
  'LessThan',
  'GreaterEqual',
  'LessEqual',
  'Like',
  'NotLike',
  'In',
  'NotIn',
  'Between',
  'NotBetween',
  'Null',
  'NotNull',
  'Yesterday',
  'Today',
  'Tomorrow',
  'Last7Days',
  'Next7Days',
  'LastWeek',
  'ThisWeek',
  'NextWeek',
  'LastMonth',
  'ThisMonth',
  'NextMonth',
  'On',
  'OnOrBefore',
  'OnOrAfter',
  'LastYear',
  'ThisYear',
  'NextYear',
  'LastXHours',
  'NextXHours',
  'LastXDays',
  'NextXDays',
  'LastXWeeks',
  'NextXWeeks',
  'LastXMonths',
  'NextXMonths',
  'LastXYears',
  'NextXYears',
  'EqualUserId',
  'NotEqualUserId',
  'EqualBusinessId',
  'NotEqualBusinessId',
  'ChildOf',
  'Mask',
  'NotMask',
  'MasksSelect',
  'Contains',
  'DoesNotContain',
  'EqualUserLanguage',
  'NotOn',
  'OlderThanXMonths',
  'BeginsWith',
  'DoesNotBeginWith',
  'EndsWith',
  'DoesNotEndWith',
  'ThisFiscalYear',
  'ThisFiscalPeriod',
  'NextFiscalYear',
  'NextFiscalPeriod',
  'LastFiscalYear',
  'LastFiscalPeriod',
  'LastXFiscalYears',
  'LastXFiscalPeriods',
  'NextXFiscalYears',
  'NextXFiscalPeriods',
  'InFiscalYear',
  'InFiscalPeriod',
  'InFiscalPeriodAndYear',
  'InOrBeforeFiscalPeriodAndYear',
  'InOrAfterFiscalPeriodAndYear',
  'EqualUserTeams',
  'EqualUserOrUserTeams',
  'Under',
  'NotUnder',
  'UnderOrEqual',
  'Above',
  'AboveOrEqual',
  'EqualUserOrUserHierarchy',
  'EqualUserOrUserHierarchyAndTeams',
] as const);

/** A ConditionOperator value as the service names it. */
export type ConditionOperatorName = (typeof CONDITION_OPERATORS)[number];

/** Short names for the common operators (FetchXML's own names where it has one: `eq`, `ne`, `gt`...). */
export const OPERATOR_ALIASES = Object.freeze({
  eq: 'Equal',
  ne: 'NotEqual',
  neq: 'NotEqual',
  gt: 'GreaterThan',
  lt: 'LessThan',
  ge: 'GreaterEqual',
  le: 'LessEqual',
  like: 'Like',
  notLike: 'NotLike',
  in: 'In',
  notIn: 'NotIn',
  between: 'Between',
  notBetween: 'NotBetween',
  null: 'Null',
  notNull: 'NotNull',
  on: 'On',
  notOn: 'NotOn',
  onOrBefore: 'OnOrBefore',
  onOrAfter: 'OnOrAfter',
  today: 'Today',
  yesterday: 'Yesterday',
  tomorrow: 'Tomorrow',
  lastXDays: 'LastXDays',
  nextXDays: 'NextXDays',
  beginsWith: 'BeginsWith',
  endsWith: 'EndsWith',
  contains: 'Contains',
} as const satisfies Record<string, ConditionOperatorName>);

/** An operator: the service's name or one of the short names. */
export type ConditionOperator = ConditionOperatorName | keyof typeof OPERATOR_ALIASES;

/** Operators that take no value (the date ones are relative to now or to the caller). */
const NO_VALUE = new Set<string>([
  'Null',
  'NotNull',
  'Yesterday',
  'Today',
  'Tomorrow',
  'Last7Days',
  'Next7Days',
  'LastWeek',
  'ThisWeek',
  'NextWeek',
  'LastMonth',
  'ThisMonth',
  'NextMonth',
  'LastYear',
  'ThisYear',
  'NextYear',
  'EqualUserId',
  'NotEqualUserId',
  'EqualBusinessId',
  'NotEqualBusinessId',
  'EqualUserLanguage',
  'ThisFiscalYear',
  'ThisFiscalPeriod',
  'NextFiscalYear',
  'NextFiscalPeriod',
  'LastFiscalYear',
  'LastFiscalPeriod',
  'EqualUserTeams',
  'EqualUserOrUserTeams',
  'EqualUserOrUserHierarchy',
  'EqualUserOrUserHierarchyAndTeams',
]);
/** Operators that take a list of one or more values. */
const MANY_VALUES = new Set<string>(['In', 'NotIn']);
/** Operators that take exactly two values. */
const TWO_VALUES = new Set<string>([
  'Between',
  'NotBetween',
  'InFiscalPeriodAndYear',
  'InOrBeforeFiscalPeriodAndYear',
  'InOrAfterFiscalPeriodAndYear',
]);

/** The service's name of an operator, checked. */
export function operatorName(operator: ConditionOperator): ConditionOperatorName {
  const name = (OPERATOR_ALIASES as Record<string, ConditionOperatorName>)[operator] ?? operator;
  if (!(CONDITION_OPERATORS as readonly string[]).includes(name)) {
    throw new DynamicsValueError(`unknown condition operator ${JSON.stringify(operator)}`);
  }
  return name as ConditionOperatorName;
}

/** Checks that `values` fit the operator (none for Null, two for Between...), naming the attribute if not. */
export function checkOperands(attribute: string, operator: ConditionOperatorName, values: readonly unknown[]): void {
  const n = values.length;
  const fail = (wanted: string): never => {
    throw new DynamicsValueError(`condition on ${attribute}: ${operator} takes ${wanted}, got ${n}`);
  };
  if (NO_VALUE.has(operator)) {
    if (n !== 0) fail('no value');
  } else if (MANY_VALUES.has(operator)) {
    if (n === 0) fail('one or more values');
  } else if (TWO_VALUES.has(operator)) {
    if (n !== 2) fail('two values');
  } else if (n !== 1) {
    fail('one value');
  }
}

/** One condition: attribute, operator, values. */
export interface Condition {
  readonly attribute: string;
  readonly operator: ConditionOperatorName;
  readonly values: readonly AttributeValue[];
  /** The link entity alias the attribute belongs to (conditions on a linked entity from the top filter). */
  readonly entityName?: string;
}

/** A filter: conditions and nested filters joined by one logical operator. */
export interface Filter {
  readonly operator: 'And' | 'Or';
  readonly conditions: readonly Condition[];
  readonly filters: readonly Filter[];
}

/** An order: attribute and direction. */
export interface Order {
  readonly attribute: string;
  readonly descending: boolean;
}

/** Paging: which page, how many per page, and the cookie of the page before. */
export interface PageInfo {
  /** 1 for the first page. */
  readonly pageNumber: number;
  /** Records per page (the server's maximum is 5000). */
  readonly count: number;
  /** The previous page's paging cookie, for fast paging. */
  readonly pagingCookie?: string;
  /** Ask for the total count of matching records. */
  readonly returnTotalRecordCount?: boolean;
}

/** Which columns: named ones, or all of them. */
export type Columns = readonly string[] | 'all';

/** A join to another entity (LinkEntity). */
export interface LinkEntity {
  readonly fromEntity: string;
  readonly fromAttribute: string;
  readonly toEntity: string;
  readonly toAttribute: string;
  readonly join: 'Inner' | 'LeftOuter' | 'Natural';
  readonly alias?: string;
  readonly columns: Columns;
  readonly criteria: Filter;
  readonly links: readonly LinkEntity[];
}

/** A QueryExpression. */
export interface QueryExpression {
  readonly kind: 'QueryExpression';
  readonly entityName: string;
  readonly columns: Columns;
  readonly criteria: Filter;
  readonly orders: readonly Order[];
  readonly links: readonly LinkEntity[];
  readonly distinct: boolean;
  readonly noLock?: boolean;
  readonly topCount?: number;
  readonly pageInfo?: PageInfo;
}

/** A QueryByAttribute: records whose attributes equal the given values. */
export interface QueryByAttribute {
  readonly kind: 'QueryByAttribute';
  readonly entityName: string;
  readonly columns: Columns;
  /** Attribute names and the values they must equal, in pairs. */
  readonly attributes: readonly string[];
  readonly values: readonly AttributeValue[];
  readonly orders: readonly Order[];
  readonly topCount?: number;
  readonly pageInfo?: PageInfo;
}

/** A FetchXML query (its text: a `<fetch>` document). */
export interface FetchXml {
  readonly kind: 'FetchXml';
  readonly xml: string;
}

/** Any query `retrieveMultiple` takes. */
export type Query = QueryExpression | QueryByAttribute | FetchXml;

/** An empty And filter. */
export const EMPTY_FILTER: Filter = Object.freeze({ operator: 'And', conditions: [], filters: [] });

/** A FetchXML query from its text: `fetchXml('<fetch><entity name="account">...</entity></fetch>')`. */
export function fetchXml(xml: string): FetchXml {
  if (typeof xml !== 'string' || !/^\s*(<\?xml[^>]*>\s*)?<fetch[\s>/]/.test(xml)) {
    throw new DynamicsValueError('FetchXML must be a <fetch> document');
  }
  return { kind: 'FetchXml', xml };
}

/**
 * A QueryByAttribute: `byAttribute('account', { address1_city: 'Paris' }, { columns: ['name'] })`.
 */
export function byAttribute(
  entityName: string,
  equals: Record<string, AttributeValue>,
  options: { columns?: Columns; orders?: Order[]; topCount?: number; pageInfo?: PageInfo } = {},
): QueryByAttribute {
  const attributes = Object.keys(equals);
  if (attributes.length === 0) throw new DynamicsValueError('QueryByAttribute needs at least one attribute');
  return {
    kind: 'QueryByAttribute',
    entityName,
    columns: options.columns ?? 'all',
    attributes,
    values: attributes.map((a) => equals[a] as AttributeValue),
    orders: options.orders ?? [],
    ...(options.topCount !== undefined ? { topCount: options.topCount } : {}),
    ...(options.pageInfo ? { pageInfo: options.pageInfo } : {}),
  };
}
