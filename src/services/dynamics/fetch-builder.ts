/**
 * A small FetchXML builder, written through `XmlWriter` (FetchXML is XML: never concatenated):
 *
 *   fetchQuery('account', { count: 50 }).select('name').where('address1_city', 'eq', 'Paris')
 *     .link('contact', 'accountid', 'parentcustomerid', (l) => l.as('c').select('fullname'))
 *     .orderBy('name').build()
 *
 * gives `<fetch count="50"><entity name="account"><attribute name="name"/>...</entity></fetch>`. Conditions
 * take the same operators as the QueryExpression builder (FetchXML's own names are derived from them:
 * `Equal` -> `eq`, `NotLike` -> `not-like`, `LastXDays` -> `last-x-days`).
 */
import { XmlWriter } from '../../xml/writer.js';
import { DynamicsValueError } from './errors.js';
import {
  type ConditionOperator,
  type ConditionOperatorName,
  checkOperands,
  type FetchXml,
  operatorName,
} from './query-types.js';
import { type AttributeValue, Decimal, EntityReference, Guid, Money, OptionSetValue } from './values.js';

/** FetchXML names that are not the kebab-case of the operator's name. */
const FETCH_NAMES: Partial<Record<ConditionOperatorName, string>> = {
  Equal: 'eq',
  NotEqual: 'ne',
  GreaterThan: 'gt',
  LessThan: 'lt',
  GreaterEqual: 'ge',
  LessEqual: 'le',
  Last7Days: 'last-seven-days',
  Next7Days: 'next-seven-days',
  EqualUserId: 'eq-userid',
  NotEqualUserId: 'ne-userid',
  EqualBusinessId: 'eq-businessid',
  NotEqualBusinessId: 'ne-businessid',
  EqualUserLanguage: 'eq-userlanguage',
  OlderThanXMonths: 'olderthan-x-months',
  EqualUserTeams: 'eq-userteams',
  EqualUserOrUserTeams: 'eq-useroruserteams',
  DoesNotBeginWith: 'not-begin-with',
  DoesNotEndWith: 'not-end-with',
  DoesNotContain: 'not-contain-values',
  ChildOf: 'child-of',
  MasksSelect: 'mask-select',
  NotMask: 'not-mask',
  UnderOrEqual: 'eq-or-under',
  AboveOrEqual: 'eq-or-above',
};

/** FetchXML's name of an operator (`NotLike` -> `not-like`). */
export function fetchOperator(operator: ConditionOperator): string {
  const name = operatorName(operator);
  return (
    FETCH_NAMES[name] ??
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
      .toLowerCase()
  );
}

/** A value as FetchXML text. */
export function fetchValueText(value: AttributeValue): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof EntityReference) return value.id;
  if (value instanceof OptionSetValue) return String(value.value);
  if (value instanceof Money || value instanceof Decimal || value instanceof Guid) return value.value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new DynamicsValueError('FetchXML condition values are strings, numbers, dates, booleans, ids or options');
}

type Node = (w: XmlWriter) => void;

/** Builds a `<filter>`: conditions and nested filters. */
export class FetchFilterBuilder {
  /** @internal */
  protected readonly nodes: Node[] = [];

  /** Adds `<condition attribute=... operator=... value=...>` (several values become `<value>` children). */
  where(attribute: string, operator: ConditionOperator, ...values: unknown[]): this {
    const list = (values.length === 1 && Array.isArray(values[0]) ? values[0] : values) as AttributeValue[];
    checkOperands(attribute, operatorName(operator), list);
    const op = fetchOperator(operator);
    const dot = attribute.indexOf('.');
    this.nodes.push((w) => {
      w.startElement('', 'condition');
      if (dot > 0) w.attribute('', 'entityname', attribute.slice(0, dot));
      w.attribute('', 'attribute', dot > 0 ? attribute.slice(dot + 1) : attribute);
      w.attribute('', 'operator', op);
      const many = list.length > 1 || operatorName(operator) === 'In' || operatorName(operator) === 'NotIn';
      if (list.length === 1 && !many) w.attribute('', 'value', fetchValueText(list[0] as AttributeValue));
      else for (const v of list) w.element('', 'value', fetchValueText(v));
      w.endElement();
    });
    return this;
  }

  /** A nested `<filter type="or">`. */
  anyOf(build: (f: FetchFilterBuilder) => unknown): this {
    return this.group('or', build);
  }

  /** A nested `<filter type="and">`. */
  allOf(build: (f: FetchFilterBuilder) => unknown): this {
    return this.group('and', build);
  }

  private group(type: 'and' | 'or', build: (f: FetchFilterBuilder) => unknown): this {
    const f = new FetchFilterBuilder();
    build(f);
    this.nodes.push((w) => writeFilter(w, type, f.nodes));
    return this;
  }

  /** @internal */
  static nodesOf(f: FetchFilterBuilder): readonly Node[] {
    return f.nodes;
  }
}

function writeFilter(w: XmlWriter, type: 'and' | 'or', nodes: readonly Node[]): void {
  w.startElement('', 'filter').attribute('', 'type', type);
  for (const node of nodes) node(w);
  w.endElement();
}

/** Builds an `<entity>` or `<link-entity>` body: attributes, orders, one filter, links. */
class FetchEntityBuilder extends FetchFilterBuilder {
  private attributes: string[] | 'all' = 'all';
  private readonly orders: Node[] = [];
  private readonly links: Node[] = [];

  /** `<attribute name=...>` for each column (default `<all-attributes/>`). */
  select(...columns: string[]): this {
    this.attributes = columns.length === 1 && columns[0] === '*' ? 'all' : [...columns];
    return this;
  }

  /** `<order attribute=... descending=...>`. */
  orderBy(attribute: string, direction: 'asc' | 'desc' = 'asc'): this {
    this.orders.push((w) => {
      w.startElement('', 'order').attribute('', 'attribute', attribute);
      if (direction === 'desc') w.attribute('', 'descending', 'true');
      w.endElement();
    });
    return this;
  }

  /** `<link-entity name=toEntity from=toAttribute to=fromAttribute>` (same argument order as the QueryExpression builder). */
  link(toEntity: string, fromAttribute: string, toAttribute: string, build?: (l: FetchLinkBuilder) => unknown): this {
    const l = new FetchLinkBuilder();
    build?.(l);
    this.links.push((w) => {
      w.startElement('', 'link-entity')
        .attribute('', 'name', toEntity)
        .attribute('', 'from', toAttribute)
        .attribute('', 'to', fromAttribute);
      l.writeHead(w);
      l.writeBody(w);
      w.endElement();
    });
    return this;
  }

  /** @internal */
  writeBody(w: XmlWriter): void {
    if (this.attributes === 'all') w.startElement('', 'all-attributes').endElement();
    else for (const a of this.attributes) w.startElement('', 'attribute').attribute('', 'name', a).endElement();
    for (const o of this.orders) o(w);
    const nodes = FetchFilterBuilder.nodesOf(this);
    if (nodes.length) writeFilter(w, 'and', nodes);
    for (const l of this.links) l(w);
  }
}

/** Builds a `<link-entity>`. */
export class FetchLinkBuilder extends FetchEntityBuilder {
  private alias?: string;
  private linkType?: string;

  /** `alias=`. */
  as(alias: string): this {
    this.alias = alias;
    return this;
  }

  /** `link-type="inner"` or `"outer"`. */
  joinWith(kind: 'inner' | 'outer'): this {
    this.linkType = kind;
    return this;
  }

  /** @internal */
  writeHead(w: XmlWriter): void {
    if (this.alias !== undefined) w.attribute('', 'alias', this.alias);
    if (this.linkType !== undefined) w.attribute('', 'link-type', this.linkType);
  }
}

/** Options of the `<fetch>` element. */
export interface FetchOptions {
  /** Records per page. */
  count?: number;
  /** The page (from 1). */
  page?: number;
  /** At most this many records (not with paging). */
  top?: number;
  distinct?: boolean;
  /** Ask for the total record count. */
  returnTotalRecordCount?: boolean;
  noLock?: boolean;
}

/** Builds a `<fetch>` query on one entity. */
export class FetchBuilder extends FetchEntityBuilder {
  /** @internal Use `fetchQuery(entityName)`. */
  constructor(
    private readonly entityName: string,
    private readonly options: FetchOptions = {},
  ) {
    super();
  }

  /** The FetchXML built. */
  build(): FetchXml {
    const w = new XmlWriter();
    const o = this.options;
    w.startElement('', 'fetch').attribute('', 'version', '1.0').attribute('', 'mapping', 'logical');
    if (o.count !== undefined) w.attribute('', 'count', String(o.count));
    if (o.page !== undefined) w.attribute('', 'page', String(o.page));
    if (o.top !== undefined) w.attribute('', 'top', String(o.top));
    if (o.distinct !== undefined) w.attribute('', 'distinct', String(o.distinct));
    if (o.returnTotalRecordCount) w.attribute('', 'returntotalrecordcount', 'true');
    if (o.noLock !== undefined) w.attribute('', 'no-lock', String(o.noLock));
    w.startElement('', 'entity').attribute('', 'name', this.entityName);
    this.writeBody(w);
    w.endElement().endElement();
    return { kind: 'FetchXml', xml: w.toString() };
  }
}

/** Starts a FetchXML query on `entityName`. */
export function fetchQuery(entityName: string, options?: FetchOptions): FetchBuilder {
  if (typeof entityName !== 'string' || entityName === '') throw new DynamicsValueError('a fetch needs an entity name');
  return new FetchBuilder(entityName, options);
}
