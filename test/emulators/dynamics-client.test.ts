/**
 * The article's flow end to end through soapstack's Dynamics client against the emulator (Office 365
 * sign-in; then the same over `/web` with OAuth), queries with paging cookies, metadata, and a token that
 * expires in the middle of 10,000 calls.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createDynamicsClient,
  type DynamicsClient,
  fetchXml,
  isDynamicsError,
  query,
  ref,
} from '../../src/dynamics.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  type DynamicsEmulator,
  startDynamicsEmulator,
} from '../../src/emulators/index.js';
import { post } from './dynamics-helpers.js';

let em: DynamicsEmulator;
before(async () => {
  em = await startDynamicsEmulator();
});
after(() => em.close());

const office365 = (emulator: DynamicsEmulator) =>
  createDynamicsClient({
    url: emulator.organizationUrl,
    signIn: { kind: 'office365', username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD, sts: emulator.stsUrl },
  });
const oauth = (emulator: DynamicsEmulator) =>
  createDynamicsClient({
    url: emulator.webUrl,
    signIn: {
      kind: 'oauth',
      tokenUrl: emulator.tokenUrl,
      clientId: DEFAULT_CLIENT_ID,
      clientSecret: DEFAULT_CLIENT_SECRET,
    },
  });

async function articleFlow(client: DynamicsClient): Promise<void> {
  const id = await client.create('account', { name: 'Test Account', address1_city: 'Paris' });
  const created = await client.retrieve('account', id);
  assert.equal(created.attributes.name, 'Test Account');
  assert.equal(created.attributes.address1_city, 'Paris');
  await client.update('account', id, { name: 'Test Account (updated)', numberofemployees: 7 });
  const updated = await client.retrieve('account', id, ['name', 'numberofemployees']);
  assert.deepEqual(updated.attributes, { accountid: id, name: 'Test Account (updated)', numberofemployees: 7 });

  const byQuery = await client.retrieveMultiple(
    query('account')
      .select('name', 'address1_city')
      .where('address1_city', 'Equal', 'Paris')
      .where('name', 'Like', 'Test%')
      .build(),
  );
  assert.deepEqual(
    byQuery.entities.map((e) => e.id),
    [id],
  );
  const byFetch = await client.retrieveMultiple(
    fetchXml(
      `<fetch><entity name="account"><attribute name="name"/><filter><condition attribute="accountid" operator="eq" value="${id}"/></filter></entity></fetch>`,
    ),
  );
  assert.deepEqual(
    byFetch.entities.map((e) => e.attributes.name),
    ['Test Account (updated)'],
  );

  const contact = await client.create('contact', { firstname: 'Ada', lastname: 'Lovelace' });
  await client.associate('account', id, 'contact_customer_accounts', [ref('contact', contact)]);
  const linked = await client.retrieve('contact', contact, ['parentcustomerid', 'fullname']);
  assert.equal(linked.attributes.fullname, 'Ada Lovelace');
  const parent = linked.attributes.parentcustomerid as { logicalName: string; id: string; name?: string };
  assert.deepEqual([parent.logicalName, parent.id, parent.name], ['account', id, 'Test Account (updated)']);
  await client.disassociate('account', id, 'contact_customer_accounts', [ref('contact', contact)]);
  assert.equal(
    (await client.retrieve('contact', contact, ['parentcustomerid'])).attributes.parentcustomerid,
    undefined,
  );

  await client.delete('account', id);
  await assert.rejects(client.retrieve('account', id), (e: unknown) => {
    assert.ok(isDynamicsError(e));
    assert.equal(e.errorCode, -2147220969);
    assert.equal(e.message, `account With Id = ${id} Does Not Exist`);
    return true;
  });
}

test("the article's flow through the client, signed in at the emulator's STS", async () => {
  const client = await office365(em);
  try {
    const me = await client.whoAmI();
    assert.equal(me.userId, '1bfa3886-df7e-468c-8435-b5adfb0441ed');
    await articleFlow(client);
  } finally {
    await client.close();
  }
});

test('the same flow through /web with an OAuth bearer token', async () => {
  const client = await oauth(em);
  try {
    assert.equal((await client.whoAmI()).organizationId, '0140d597-e270-494a-89e1-bd0b43774e50');
    await articleFlow(client);
  } finally {
    await client.close();
  }
});

test('/web without a bearer token (or with one never issued) is HTTP 401, and the token endpoint follows RFC 6749', async () => {
  const victim = em.store.create('account', [{ key: 'name', value: 'To delete' }]);
  const before = em.store.count('account');
  const envelope =
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Delete xmlns="http://schemas.microsoft.com/xrm/2011/Contracts/Services">` +
    `<entityName>account</entityName><id>${victim}</id></Delete></s:Body></s:Envelope>`;
  const headers = {
    soapaction: 'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Delete',
  };
  const missing = await post(em.webUrl, envelope, 'text/xml; charset=utf-8', headers);
  assert.equal(missing.status, 401);
  assert.equal(missing.headers['www-authenticate'], 'Bearer');
  const forged = await post(em.webUrl, envelope, 'text/xml; charset=utf-8', {
    ...headers,
    authorization: 'Bearer abcdefghijklmnopqrstuvwxyz',
  });
  assert.equal(forged.status, 401);
  assert.equal(em.store.count('account'), before);

  const form = 'application/x-www-form-urlencoded';
  const bad = await post(
    em.tokenUrl,
    `grant_type=client_credentials&client_id=${DEFAULT_CLIENT_ID}&client_secret=nope`,
    form,
  );
  assert.equal(bad.status, 401);
  assert.equal(JSON.parse(bad.text).error, 'invalid_client');
  const grant = await post(em.tokenUrl, 'grant_type=password&username=a&password=b', form);
  assert.equal(JSON.parse(grant.text).error, 'unsupported_grant_type');
  const ok = await post(
    em.tokenUrl,
    `grant_type=client_credentials&client_id=${DEFAULT_CLIENT_ID}&client_secret=${DEFAULT_CLIENT_SECRET}`,
    form,
  );
  const token = JSON.parse(ok.text);
  assert.equal(ok.status, 200);
  assert.equal(token.token_type, 'Bearer');
  assert.equal(token.expires_in, 28800);
  const deleted = await post(em.webUrl, envelope, 'text/xml; charset=utf-8', {
    ...headers,
    authorization: `Bearer ${token.access_token}`,
  });
  assert.equal(deleted.status, 200, deleted.text);
  assert.equal(em.store.count('account'), before - 1);
});

test('QueryExpression: conditions, nested filters, orders, a link entity, and paging by cookie with a total', async () => {
  const emulator = await startDynamicsEmulator();
  const client = await office365(emulator);
  try {
    for (let i = 0; i < 12; i++)
      await client.create('account', { name: `Paged ${String(i).padStart(2, '0')}`, numberofemployees: i });
    const q = query('account')
      .select('name', 'numberofemployees')
      .where('name', 'BeginsWith', 'Paged')
      .anyOf((f) => f.where('numberofemployees', 'LessThan', 3).where('numberofemployees', 'GreaterEqual', 8))
      .orderBy('numberofemployees', 'desc')
      .page(1, 2)
      .withTotalRecordCount()
      .build();
    const pages: string[][] = [];
    for await (const page of client.iterate(q)) {
      pages.push(page.entities.map((e) => String(e.attributes.name)));
      if (page.pageNumber === 1) {
        assert.equal(page.totalRecordCount, 7);
        assert.match(
          page.pagingCookie ?? '',
          /^<cookie page="1"><accountid last="\{[0-9A-F-]{36}\}" first="\{[0-9A-F-]{36}\}"\/><\/cookie>$/,
        );
      }
    }
    assert.deepEqual(pages, [
      ['Paged 11', 'Paged 10'],
      ['Paged 09', 'Paged 08'],
      ['Paged 02', 'Paged 01'],
      ['Paged 00'],
    ]);

    const joined = await client.retrieveMultiple(
      query('contact')
        .select('fullname')
        .link('account', 'parentcustomerid', 'accountid', (l) =>
          l.as('a').select('name').where('address1_city', 'Equal', 'Seattle'),
        )
        .build(),
    );
    assert.equal(joined.entities.length, 1);
    assert.equal(joined.entities[0]!.attributes.fullname, 'Yvonne McKay');
    const aliased = joined.entities[0]!.attributes['a.name'] as { value: unknown };
    assert.equal(aliased.value, 'Fourth Coffee');
  } finally {
    await client.close();
    await emulator.close();
  }
});

test('FetchXML: attributes, filters, order, link-entity, count and paging cookie, and an aggregate count', async () => {
  const client = await office365(em);
  try {
    const fetch = (page: number, cookie?: string) =>
      fetchXml(
        `<fetch count="2" page="${page}"${cookie ? ` paging-cookie="${cookie.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"` : ''}>` +
          '<entity name="account"><attribute name="name"/><order attribute="name"/>' +
          '<filter type="or"><condition attribute="address1_city" operator="in"><value>Seattle</value><value>Dallas</value><value>Lyon</value></condition></filter>' +
          '</entity></fetch>',
      );
    const first = await client.retrieveMultiple(fetch(1));
    assert.deepEqual(
      first.entities.map((e) => e.attributes.name),
      ['Fabrikam, Inc.', 'Fourth Coffee'],
    );
    assert.equal(first.moreRecords, true);
    const second = await client.retrieveMultiple(fetch(2, first.pagingCookie));
    assert.deepEqual(
      second.entities.map((e) => e.attributes.name),
      ['Litware, Inc.'],
    );
    assert.equal(second.moreRecords, false);

    const linked = await client.retrieveMultiple(
      fetchXml(
        '<fetch><entity name="account"><attribute name="name"/>' +
          '<link-entity name="contact" from="parentcustomerid" to="accountid" alias="c"><attribute name="emailaddress1"/>' +
          '<filter><condition attribute="lastname" operator="eq" value="Stubberod"/></filter></link-entity></entity></fetch>',
      ),
    );
    assert.deepEqual(
      linked.entities.map((e) => [e.attributes.name, (e.attributes['c.emailaddress1'] as { value: unknown }).value]),
      [['Litware, Inc.', 'susanna@litware.com']],
    );

    const counted = await client.retrieveMultiple(
      fetchXml(
        '<fetch aggregate="true"><entity name="contact"><attribute name="contactid" aggregate="count" alias="n"/></entity></fetch>',
      ),
    );
    assert.equal((counted.entities[0]!.attributes.n as { value: unknown }).value, em.store.count('contact'));
  } finally {
    await client.close();
  }
});

test('metadata: RetrieveEntity and RetrieveAllEntities in the captured shapes; SetState; ExecuteMultiple', async () => {
  const client = await office365(em);
  try {
    const account = await client.retrieveEntity('account', ['Entity', 'Attributes', 'Relationships']);
    assert.equal(account.primaryIdAttribute, 'accountid');
    assert.equal(account.primaryNameAttribute, 'name');
    assert.equal(account.objectTypeCode, 1);
    assert.equal(account.attributes.get('revenue')?.attributeType, 'Money');
    assert.equal(account.attributes.get('primarycontactid')?.metadataType, 'LookupAttributeMetadata');
    assert.deepEqual(account.attributes.get('primarycontactid')?.targets, ['contact']);
    assert.deepEqual(account.attributes.get('industrycode')?.options?.[0], { value: 1, label: 'Accounting' });
    assert.ok(
      account.relationships.some(
        (r) => r.schemaName === 'contact_customer_accounts' && r.referencingAttribute === 'parentcustomerid',
      ),
    );
    const all = await client.retrieveAllEntities();
    assert.deepEqual(all.map((e) => e.logicalName).sort(), ['account', 'contact', 'lead', 'opportunity']);

    const id = await client.create('lead', { subject: 'Interested', lastname: 'Smith', leadqualitycode: 1 } as never);
    await client.setState(ref('lead', id), 1, 3);
    const lead = await client.retrieve('lead', id, ['statecode', 'statuscode']);
    assert.equal((lead.attributes.statecode as { value: number }).value, 1);
    assert.equal(lead.formattedValues.statuscode, 'Qualified');

    const { requests } = await import('../../src/dynamics.js');
    const items = await client.executeMultiple(
      [
        requests.create('account', { name: 'Batch 1' }),
        requests.create('account', { nosuch: 'x' }),
        requests.create('account', { name: 'Batch 3' }),
      ],
      { continueOnError: true },
    );
    assert.deepEqual(
      items.map((i) => i.status),
      ['succeeded', 'faulted', 'succeeded'],
    );
    assert.equal(items[1]!.error?.errorCode, -2147217149);
  } finally {
    await client.close();
  }
});

test('a token that expires in the middle of 10,000 calls is renewed with no failed call', async () => {
  let offset = 0;
  const emulator = await startDynamicsEmulator({ tokenTtl: 60, now: () => Date.now() + offset });
  const client = await office365(emulator);
  try {
    const total = 10_000;
    let done = 0;
    let failed = 0;
    const worker = async (): Promise<void> => {
      while (done < total) {
        const n = done++;
        // Halfway, the emulator's clock passes the token's lifetime (the Timestamp stays inside its window).
        if (n === total / 2) offset = 120_000;
        try {
          await client.whoAmI();
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.equal(failed, 0);
    assert.equal(offset, 120_000, 'the clock did pass the lifetime mid-run');
  } finally {
    await client.close();
    await emulator.close();
  }
});
