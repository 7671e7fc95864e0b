/**
 * Paging through `iterate`: page N+1 is asked for with page N's number + 1 and page N's paging cookie, for
 * QueryExpression and FetchXML, until the server says there are no more records; and the iterator holds
 * one page at a time (pages already consumed are collectable while later pages are read).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDynamicsClient, type DynamicsClient, type EntityPage, fetchQuery, query } from '../../src/dynamics.js';
import { parseXml } from '../../src/xml/parse.js';
import {
  type Answer,
  captured,
  envelopeOf,
  find,
  type SeenRequest,
  type StandIn,
  startStandIn,
  text,
} from '../fixtures/services/dynamics/stand-in.js';

const PAGES = 5;

/** The captured RetrieveMultiple answer rewritten as page `n` of PAGES (ids and cookie per page). */
function pageAnswer(n: number): Answer {
  const cookie = `&lt;cookie page="${n}"&gt;&lt;accountid last="{P${n}}" /&gt;&lt;/cookie&gt;`;
  const body = captured('retrieve_multiple_result')
    .replace(/<b:MoreRecords>false<\/b:MoreRecords>/, `<b:MoreRecords>${n < PAGES}</b:MoreRecords>`)
    .replace(/<b:PagingCookie>[^<]*<\/b:PagingCookie>/, `<b:PagingCookie>${cookie}</b:PagingCookie>`)
    .replace(/<b:Id>7bf2e032/, `<b:Id>0000000${n}`);
  return { body };
}

/** Which page a request asks for, and with which cookie (QueryExpression PageInfo or FetchXML attributes). */
function asked(request: SeenRequest): { page: number; cookie: string | undefined } {
  const q = find(envelopeOf(request).root, 'query')!;
  const pageInfo = find(q, 'PageInfo');
  if (pageInfo) {
    const cookie = find(pageInfo, 'PagingCookie')!;
    const nil = cookie.attrs.some((a) => a.local === 'nil');
    return { page: Number(text(find(pageInfo, 'PageNumber'))) || 1, cookie: nil ? undefined : text(cookie) };
  }
  const fetch = parseXml(text(find(q, 'Query'))).root;
  const attr = (name: string) => fetch.attrs.find((a) => a.local === name)?.value;
  return { page: Number(attr('page') ?? 1), cookie: attr('paging-cookie') };
}

let stand: StandIn;
let client: DynamicsClient;

before(async () => {
  stand = await startStandIn((r) => pageAnswer(asked(r).page));
  client = await createDynamicsClient({ url: stand.url, signIn: { kind: 'plugins', plugins: [] } });
});
after(async () => {
  await client.close();
  await stand.close();
});

for (const [kind, q] of [
  ['QueryExpression', query('account').select('accountid').page(1, 3).build()],
  ['FetchXML', fetchQuery('account', { count: 3 }).select('accountid').build()],
] as const) {
  test(`${kind}: page N+1 is asked for with the cookie of page N, until MoreRecords is false`, async () => {
    const start = stand.seen.length;
    const numbers: number[] = [];
    for await (const page of client.iterate(q)) {
      numbers.push(page.pageNumber);
      assert.equal(page.entities.length, 3);
      assert.equal(page.entities[0]?.id.slice(0, 8), `0000000${page.pageNumber}`);
    }
    assert.deepEqual(numbers, [1, 2, 3, 4, 5]);
    const requests = stand.seen.slice(start).map(asked);
    assert.deepEqual(
      requests.map((r) => r.page),
      [1, 2, 3, 4, 5],
    );
    assert.equal(requests[0]?.cookie, undefined);
    for (let n = 1; n < PAGES; n++) {
      assert.equal(requests[n]?.cookie, `<cookie page="${n}"><accountid last="{P${n}}" /></cookie>`);
    }
  });
}

test('entities() yields every record of every page', async () => {
  let count = 0;
  for await (const entity of client.entities(query('account').page(1, 3).build())) {
    assert.equal(entity.logicalName, 'account');
    count++;
  }
  assert.equal(count, PAGES * 3);
});

test('the iterator holds one page at a time: consumed pages are collected while later ones are read', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const refs: WeakRef<EntityPage>[] = [];
  const collectedBefore: boolean[] = [];
  const iterator = client.iterate(query('account').page(1, 3).build());
  for (let n = 1; n <= PAGES; n++) {
    // Each page is taken in a function of its own so that this test keeps no reference to it either.
    await (async () => {
      const { value } = await iterator.next();
      refs.push(new WeakRef(value as EntityPage));
    })();
    if (n >= 2) {
      // Let the job that created the WeakRef end (WeakRefs keep their target alive until then), then collect.
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      collectedBefore.push(refs[n - 2]?.deref() === undefined);
    }
  }
  assert.equal((await iterator.next()).done, true);
  // While page N was held, every page before it had been let go.
  assert.deepEqual(collectedBefore, [true, true, true, true]);
});
