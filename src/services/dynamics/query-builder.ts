/**
 * The QueryExpression builder:
 *
 *   query('account').select('name', 'address1_city')
 *     .where('address1_city', 'eq', 'Paris')
 *     .anyOf((f) => f.where('revenue', 'gt', money('1000')).where('numberofemployees', 'gt', 50))
 *     .orderBy('name')
 *     .link('contact', 'accountid', 'parentcustomerid', (l) => l.as('c').select('fullname'))
 *     .page(1, 50)
 *     .build()
 *
 * How filters combine: `where` adds a condition to the current filter (And by default); `and(...)` and
 * `or(...)` join what was built so far with one more operand, left to right (`where(a).or(b).and(c)` is
 * `(a or b) and c`), the operand being a condition or a group built by a callback; `anyOf(cb)` / `allOf(cb)`
 * add a nested Or / And group to the current filter (`where(a).anyOf(f => f.where(b).where(c))` is
 * `a and (b or c)`).
 */
import { DynamicsValueError } from './errors.js';
import {
  type Columns,
  type Condition,
  type ConditionOperator,
  checkOperands,
  EMPTY_FILTER,
  type Filter,
  type LinkEntity,
  type Order,
  operatorName,
  type PageInfo,
  type QueryExpression,
} from './query-types.js';
import type { AttributeValue } from './values.js';

/** Builds a nested filter group on the builder it is given. */
export type GroupBuilder = (f: FilterBuilder) => unknown;

function condition(attribute: string, operator: ConditionOperator, values: readonly unknown[]): Condition {
  if (typeof attribute !== 'string' || attribute === '')
    throw new DynamicsValueError('a condition needs an attribute name');
  const name = operatorName(operator);
  // `where('statecode', 'in', [0, 1])` and `where('statecode', 'in', 0, 1)` say the same.
  const list = (values.length === 1 && Array.isArray(values[0]) ? values[0] : values) as AttributeValue[];
  checkOperands(attribute, name, list);
  const dot = attribute.indexOf('.');
  // `alias.attribute` names an attribute of a link entity (ConditionExpression.EntityName).
  return dot > 0
    ? { attribute: attribute.slice(dot + 1), operator: name, values: list, entityName: attribute.slice(0, dot) }
    : { attribute, operator: name, values: list };
}

/** Builds a filter: conditions and nested groups (see the file comment for how they combine). */
export class FilterBuilder {
  /** @internal */
  protected filterState: { operator: 'And' | 'Or'; conditions: Condition[]; filters: Filter[] } = {
    operator: 'And',
    conditions: [],
    filters: [],
  };

  /** Adds a condition to the current filter: `where('name', 'like', 'A%')`. */
  where(attribute: string, operator: ConditionOperator, ...values: unknown[]): this {
    this.filterState.conditions.push(condition(attribute, operator, values));
    return this;
  }

  /** Joins what was built so far and one more condition (or a group) with And. */
  and(attribute: string, operator: ConditionOperator, ...values: unknown[]): this;
  and(group: GroupBuilder): this;
  and(first: string | GroupBuilder, operator?: ConditionOperator, ...values: unknown[]): this {
    return this.combine('And', first, operator, values);
  }

  /** Joins what was built so far and one more condition (or a group) with Or. */
  or(attribute: string, operator: ConditionOperator, ...values: unknown[]): this;
  or(group: GroupBuilder): this;
  or(first: string | GroupBuilder, operator?: ConditionOperator, ...values: unknown[]): this {
    return this.combine('Or', first, operator, values);
  }

  /** Adds a nested group whose conditions are joined with Or. */
  anyOf(group: GroupBuilder): this {
    this.filterState.filters.push(buildGroup(group, 'Or'));
    return this;
  }

  /** Adds a nested group whose conditions are joined with And. */
  allOf(group: GroupBuilder): this {
    this.filterState.filters.push(buildGroup(group, 'And'));
    return this;
  }

  /** @internal How this group's own conditions are joined (set by anyOf / allOf). */
  groupOperator(operator: 'And' | 'Or'): this {
    this.filterState.operator = operator;
    return this;
  }

  /** The filter built so far. */
  toFilter(): Filter {
    const f = this.filterState;
    return { operator: f.operator, conditions: [...f.conditions], filters: [...f.filters] };
  }

  private combine(
    op: 'And' | 'Or',
    first: string | GroupBuilder,
    operator: ConditionOperator | undefined,
    values: unknown[],
  ): this {
    const f = this.filterState;
    const size = f.conditions.length + f.filters.length;
    if (f.operator !== op && size > 1) {
      // Left to right: what was built becomes the first operand of a new filter.
      this.filterState = { operator: op, conditions: [], filters: [this.toFilter()] };
    } else {
      f.operator = op;
    }
    if (typeof first === 'function') this.filterState.filters.push(buildGroup(first, 'And'));
    else {
      if (operator === undefined) throw new DynamicsValueError(`condition on ${first}: no operator`);
      this.filterState.conditions.push(condition(first, operator, values));
    }
    return this;
  }
}

function buildGroup(group: GroupBuilder, operator: 'And' | 'Or'): Filter {
  const builder = new FilterBuilder();
  builder.groupOperator(operator);
  // The callback may return the builder (a chain) or nothing; either way the group is what it built.
  group(builder);
  return builder.toFilter();
}

/** Builds a link entity (a join): its columns, alias, join kind, criteria and nested links. */
export class LinkBuilder extends FilterBuilder {
  private columns: Columns = [];
  private alias?: string;
  private join: LinkEntity['join'] = 'Inner';
  private readonly links: LinkEntity[] = [];

  /** @internal Use `QueryBuilder.link`. */
  constructor(
    private readonly fromEntity: string,
    private readonly fromAttribute: string,
    private readonly toEntity: string,
    private readonly toAttribute: string,
  ) {
    super();
  }

  /** The linked entity's columns to return (read back as `alias.column` AliasedValues). */
  select(...columns: string[]): this {
    this.columns = columns.length === 1 && columns[0] === '*' ? 'all' : [...columns];
    return this;
  }

  /** The alias the linked entity's columns and conditions go by. */
  as(alias: string): this {
    this.alias = alias;
    return this;
  }

  /** The kind of join: `inner` (default), `outer` (LeftOuter) or `natural`. */
  joinWith(kind: 'inner' | 'outer' | 'natural'): this {
    this.join = kind === 'outer' ? 'LeftOuter' : kind === 'natural' ? 'Natural' : 'Inner';
    return this;
  }

  /** A nested link from this linked entity. */
  link(toEntity: string, fromAttribute: string, toAttribute: string, build?: (l: LinkBuilder) => unknown): this {
    const l = new LinkBuilder(this.toEntity, fromAttribute, toEntity, toAttribute);
    build?.(l);
    this.links.push(l.toLink());
    return this;
  }

  /** The link entity built. */
  toLink(): LinkEntity {
    return {
      fromEntity: this.fromEntity,
      fromAttribute: this.fromAttribute,
      toEntity: this.toEntity,
      toAttribute: this.toAttribute,
      join: this.join,
      ...(this.alias !== undefined ? { alias: this.alias } : {}),
      columns: this.columns,
      criteria: this.toFilter(),
      links: [...this.links],
    };
  }
}

/** Builds a QueryExpression (see the file comment). */
export class QueryBuilder extends FilterBuilder {
  private columns: Columns = 'all';
  private readonly orders: Order[] = [];
  private readonly links: LinkEntity[] = [];
  private distinctRows = false;
  private noLockRead?: boolean;
  private top?: number;
  private paging?: PageInfo;

  /** @internal Use `query(entityName)`. */
  constructor(private readonly entityName: string) {
    super();
    if (typeof entityName !== 'string' || entityName === '')
      throw new DynamicsValueError('a query needs an entity name');
  }

  /** The columns to return (default: all; `select('*')` says so). */
  select(...columns: string[]): this {
    this.columns = columns.length === 1 && columns[0] === '*' ? 'all' : [...columns];
    return this;
  }

  /** Orders by an attribute (`'asc'` by default). */
  orderBy(attribute: string, direction: 'asc' | 'desc' = 'asc'): this {
    this.orders.push({ attribute, descending: direction === 'desc' });
    return this;
  }

  /** Joins another entity: `link('contact', 'accountid', 'parentcustomerid', (l) => l.as('c'))`. */
  link(toEntity: string, fromAttribute: string, toAttribute: string, build?: (l: LinkBuilder) => unknown): this {
    const l = new LinkBuilder(this.entityName, fromAttribute, toEntity, toAttribute);
    build?.(l);
    this.links.push(l.toLink());
    return this;
  }

  /** Returns distinct rows only. */
  distinct(value = true): this {
    this.distinctRows = value;
    return this;
  }

  /** Reads without locks (NoLock). */
  noLock(value = true): this {
    this.noLockRead = value;
    return this;
  }

  /** At most `count` records (TopCount; not with paging). */
  topCount(count: number): this {
    this.top = count;
    return this;
  }

  /** Asks for page `pageNumber` (from 1) of `count` records, optionally with the previous page's cookie. */
  page(pageNumber: number, count: number, pagingCookie?: string): this {
    if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new DynamicsValueError('page numbers start at 1');
    if (!Number.isInteger(count) || count < 1) throw new DynamicsValueError('a page holds at least one record');
    this.paging = { ...this.paging, pageNumber, count, ...(pagingCookie !== undefined ? { pagingCookie } : {}) };
    return this;
  }

  /** Asks the server for the total number of matching records. */
  withTotalRecordCount(value = true): this {
    this.paging = { pageNumber: 1, count: 5000, ...this.paging, returnTotalRecordCount: value };
    return this;
  }

  /** The QueryExpression built. */
  build(): QueryExpression {
    const criteria = this.toFilter();
    return {
      kind: 'QueryExpression',
      entityName: this.entityName,
      columns: this.columns,
      criteria: criteria.conditions.length || criteria.filters.length ? criteria : EMPTY_FILTER,
      orders: [...this.orders],
      links: [...this.links],
      distinct: this.distinctRows,
      ...(this.noLockRead !== undefined ? { noLock: this.noLockRead } : {}),
      ...(this.top !== undefined ? { topCount: this.top } : {}),
      ...(this.paging ? { pageInfo: this.paging } : {}),
    };
  }
}

/** Starts a QueryExpression on `entityName`. */
export function query(entityName: string): QueryBuilder {
  return new QueryBuilder(entityName);
}
