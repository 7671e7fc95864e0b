/**
 * The queries the Dynamics client sends: the QueryExpression builder's filters, orders, links and paging as
 * they reach the wire (read back from the request the stand-in receives), the FetchXML builder's document,
 * and the checks made before anything is sent.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  byAttribute,
  createDynamicsClient,
  type DynamicsClient,
  DynamicsValueError,
  fetchQuery,
  money,
  query,
  withPage,
} from '../../src/dynamics.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import {
  capturedAnswer,
  children,
  envelopeOf,
  find,
  type StandIn,
  startStandIn,
  text,
  xsiType,
} from '../fixtures/services/dynamics/stand-in.js';

const C = 'http://schemas.microsoft.com/xrm/2011/Contracts';
const XS = 'http://www.w3.org/2001/XMLSchema';

let stand: StandIn;
let client: DynamicsClient;

before(async () => {
  stand = await startStandIn(() => capturedAnswer('retrieve_multiple_result'));
  client = await createDynamicsClient({ url: stand.url, signIn: { kind: 'plugins', plugins: [] } });
});
after(async () => {
  await client.close();
  await stand.close();
});

async function sentQuery(q: Parameters<DynamicsClient['retrieveMultiple']>[0]): Promise<XmlElement> {
  await client.retrieveMultiple(q);
  return find(envelopeOf(stand.seen.at(-1)!).root, 'query')!;
}

const child = (el: XmlElement | undefined, local: string) => (el ? children(el, local)[0] : undefined);
const conditionsOf = (filter: XmlElement | undefined) =>
  children(child(filter, 'Conditions')!, 'ConditionExpression').map((c) => ({
    attribute: text(child(c, 'AttributeName')),
    operator: text(child(c, 'Operator')),
    values: children(child(c, 'Values')!, 'anyType').map((v) => [xsiType(v), text(v) || text(find(v, 'Value'))]),
  }));
const subFilters = (filter: XmlElement | undefined) => children(child(filter, 'Filters')!, 'FilterExpression');

test('a QueryExpression: columns, conditions with typed values, nested filters, orders, link, paging', async () => {
  const q = query('account')
    .select('name', 'address1_city')
    .where('address1_city', 'eq', 'Paris')
    .where('statecode', 'in', [0, 1])
    .anyOf((f) => f.where('revenue', 'gt', money('1000.50')).where('createdon', 'lastXDays', 7))
    .orderBy('name')
    .orderBy('createdon', 'desc')
    .link('contact', 'accountid', 'parentcustomerid', (l) =>
      l.as('c').select('fullname').joinWith('outer').where('lastname', 'like', 'S%'),
    )
    .page(2, 50, '<cookie page="1"/>')
    .build();
  const sent = await sentQuery(q);
  assert.equal(xsiType(sent), `{${C}}QueryExpression`);
  assert.equal(text(child(sent, 'EntityName')), 'account');
  const columnSet = child(sent, 'ColumnSet');
  assert.equal(text(child(columnSet, 'AllColumns')), 'false');
  assert.deepEqual(children(child(columnSet, 'Columns')!, 'string').map(text), ['name', 'address1_city']);
  const criteria = child(sent, 'Criteria');
  assert.equal(text(child(criteria, 'FilterOperator')), 'And');
  assert.deepEqual(conditionsOf(criteria), [
    { attribute: 'address1_city', operator: 'Equal', values: [[`{${XS}}string`, 'Paris']] },
    {
      attribute: 'statecode',
      operator: 'In',
      values: [
        [`{${XS}}int`, '0'],
        [`{${XS}}int`, '1'],
      ],
    },
  ]);
  const [nested] = subFilters(criteria);
  assert.equal(text(child(nested, 'FilterOperator')), 'Or');
  assert.deepEqual(conditionsOf(nested), [
    { attribute: 'revenue', operator: 'GreaterThan', values: [[`{${C}}Money`, '1000.5']] },
    { attribute: 'createdon', operator: 'LastXDays', values: [[`{${XS}}int`, '7']] },
  ]);
  const orders = children(child(sent, 'Orders')!, 'OrderExpression').map((o) => [
    text(child(o, 'AttributeName')),
    text(child(o, 'OrderType')),
  ]);
  assert.deepEqual(orders, [
    ['name', 'Ascending'],
    ['createdon', 'Descending'],
  ]);
  const link = children(child(sent, 'LinkEntities')!, 'LinkEntity')[0];
  assert.deepEqual(
    [
      'LinkFromEntityName',
      'LinkFromAttributeName',
      'LinkToEntityName',
      'LinkToAttributeName',
      'EntityAlias',
      'JoinOperator',
    ].map((n) => text(child(link, n))),
    ['account', 'accountid', 'contact', 'parentcustomerid', 'c', 'LeftOuter'],
  );
  assert.deepEqual(conditionsOf(child(link, 'LinkCriteria'))[0], {
    attribute: 'lastname',
    operator: 'Like',
    values: [[`{${XS}}string`, 'S%']],
  });
  const pageInfo = child(sent, 'PageInfo');
  assert.deepEqual(
    ['PageNumber', 'Count', 'PagingCookie'].map((n) => text(child(pageInfo, n))),
    ['2', '50', '<cookie page="1"/>'],
  );
});

test('and/or join left to right; anyOf/allOf nest', () => {
  const f = query('account').where('a', 'eq', 1).or('b', 'eq', 2).and('c', 'null').build().criteria;
  // (a or b) and c
  assert.equal(f.operator, 'And');
  assert.deepEqual(
    f.conditions.map((c) => c.attribute),
    ['c'],
  );
  assert.equal(f.filters[0]?.operator, 'Or');
  assert.deepEqual(
    f.filters[0]?.conditions.map((c) => c.attribute),
    ['a', 'b'],
  );
  const g = query('account')
    .where('a', 'eq', 1)
    .where('b', 'eq', 2)
    .or((x) => x.where('c', 'eq', 3).where('d', 'eq', 4))
    .build().criteria;
  // (a and b) or (c and d)
  assert.equal(g.operator, 'Or');
  assert.deepEqual(
    g.filters.map((x) => [x.operator, x.conditions.map((c) => c.attribute)]),
    [
      ['And', ['a', 'b']],
      ['And', ['c', 'd']],
    ],
  );
  const h = query('account').where('x.name', 'notNull').build().criteria;
  assert.deepEqual(h.conditions[0], { attribute: 'name', operator: 'NotNull', values: [], entityName: 'x' });
});

test('operators are checked: unknown names and wrong value counts are refused', () => {
  assert.throws(() => query('account').where('name', 'sortOf' as never, 'x'), DynamicsValueError);
  assert.throws(() => query('account').where('name', 'null', 'x'), /Null takes no value/);
  assert.throws(() => query('account').where('createdon', 'between', 1), /Between takes two values/);
  assert.throws(() => query('account').where('statecode', 'in'), /In takes one or more values/);
  assert.throws(() => query('account').page(0, 10), DynamicsValueError);
  for (const op of ['Today', 'Yesterday', 'ThisMonth', 'EqualUserId'] as const) {
    assert.equal(query('account').where('createdon', op).build().criteria.conditions[0]?.operator, op);
  }
  for (const [alias, name] of [
    ['onOrAfter', 'OnOrAfter'],
    ['notLike', 'NotLike'],
    ['ne', 'NotEqual'],
    ['le', 'LessEqual'],
  ] as const) {
    assert.equal(query('account').where('x', alias, 'v').build().criteria.conditions[0]?.operator, name);
  }
});

test('QueryByAttribute: attribute names and typed values in pairs', async () => {
  const sent = await sentQuery(
    byAttribute('account', { address1_city: 'Paris', numberofemployees: 10 }, { columns: ['name'] }),
  );
  assert.equal(xsiType(sent), `{${C}}QueryByAttribute`);
  assert.deepEqual(children(child(sent, 'Attributes')!, 'string').map(text), ['address1_city', 'numberofemployees']);
  assert.deepEqual(children(child(sent, 'Values')!, 'anyType').map(xsiType), [`{${XS}}string`, `{${XS}}int`]);
});

test('FetchXML: the builder writes the document, sent as a FetchExpression', async () => {
  const q = fetchQuery('account', { count: 25 })
    .select('name', 'address1_city')
    .where('address1_city', 'eq', 'Paris & Co')
    .where('statecode', 'in', 0, 1)
    .anyOf((f) => f.where('name', 'like', 'A%').where('createdon', 'onOrAfter', new Date('2024-01-01T00:00:00Z')))
    .orderBy('name', 'desc')
    .link('contact', 'accountid', 'parentcustomerid', (l) => l.as('c').joinWith('outer').select('fullname'))
    .build();
  const sent = await sentQuery(q);
  assert.equal(xsiType(sent), `{${C}}FetchExpression`);
  const doc = parseXml(text(child(sent, 'Query')));
  assert.equal(doc.root.local, 'fetch');
  assert.equal(doc.root.attrs.find((a) => a.local === 'count')?.value, '25');
  const entity = children(doc.root, 'entity')[0]!;
  assert.deepEqual(
    children(entity, 'attribute').map((a) => a.attrs[0]?.value),
    ['name', 'address1_city'],
  );
  const filter = children(entity, 'filter')[0]!;
  const [city, state, nested] = children(filter);
  const attrs = (el: XmlElement | undefined) => Object.fromEntries((el?.attrs ?? []).map((a) => [a.local, a.value]));
  assert.deepEqual(attrs(city), { attribute: 'address1_city', operator: 'eq', value: 'Paris & Co' });
  assert.deepEqual(attrs(state), { attribute: 'statecode', operator: 'in' });
  assert.deepEqual(children(state!, 'value').map(text), ['0', '1']);
  assert.equal(attrs(nested).type, 'or');
  assert.deepEqual(attrs(children(nested!)[1]), {
    attribute: 'createdon',
    operator: 'on-or-after',
    value: '2024-01-01T00:00:00.000Z',
  });
  assert.deepEqual(attrs(children(entity, 'order')[0]), { attribute: 'name', descending: 'true' });
  assert.deepEqual(attrs(children(entity, 'link-entity')[0]), {
    name: 'contact',
    from: 'parentcustomerid',
    to: 'accountid',
    alias: 'c',
    'link-type': 'outer',
  });
});

test('FetchXML paging: page and paging-cookie set on <fetch>, the rest kept', () => {
  const q = withPage(
    {
      kind: 'FetchXml',
      xml: '<fetch count="2" page="1"><entity name="account"><attribute name="name"/></entity></fetch>',
    },
    2,
    '<cookie page="1"><accountid last="{A}"/></cookie>',
  );
  assert.equal(q.kind, 'FetchXml');
  const root = parseXml((q as { xml: string }).xml).root;
  const attrs = Object.fromEntries(root.attrs.map((a) => [a.local, a.value]));
  assert.deepEqual(attrs, {
    count: '2',
    page: '2',
    'paging-cookie': '<cookie page="1"><accountid last="{A}"/></cookie>',
  });
  assert.equal(children(children(root, 'entity')[0]!, 'attribute').length, 1);
});
