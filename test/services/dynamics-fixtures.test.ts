/**
 * Every captured Organization service response in `responses-dynamics_crm-gem/` decodes through the Dynamics
 * client to the expected values: each is served by a stand-in and reached by calling the matching method.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createDynamicsClient,
  Decimal,
  type DynamicsClient,
  DynamicsError,
  type EntityCollection,
  EntityReference,
  fetchXml,
  isDynamicsError,
  Money,
  OptionSetValue,
  query,
  ref,
} from '../../src/dynamics.js';
import { SoapFault } from '../../src/soap/fault.js';
import { type Answer, capturedAnswer, type StandIn, startStandIn } from '../fixtures/services/dynamics/stand-in.js';

let next: Answer = { body: '' };
let stand: StandIn;
let client: DynamicsClient;

before(async () => {
  stand = await startStandIn(() => next);
  client = await createDynamicsClient({ url: stand.url, signIn: { kind: 'plugins', plugins: [] } });
});
after(async () => {
  await client.close();
  await stand.close();
});

function answer(name: string): void {
  next = capturedAnswer(name);
}

test('create_response: create resolves to the new id', async () => {
  answer('create_response');
  assert.equal(await client.create('account', { name: 'Test Account' }), 'c4944f99-b5a0-e311-b64f-6c3be5a87df0');
  assert.equal(stand.seen.at(-1)?.operation, 'Create');
});

test('retrieve_account_all_columns: every attribute decodes to its JavaScript type', async () => {
  answer('retrieve_account_all_columns');
  const account = await client.retrieve('account', '93f0325c-a592-e311-b7f3-6c3be5a8a0c8');
  assert.equal(account.logicalName, 'account');
  assert.equal(account.id, '93f0325c-a592-e311-b7f3-6c3be5a8a0c8');
  const a = account.attributes;
  assert.deepEqual(a.address2_addresstypecode, new OptionSetValue(1));
  assert.equal(a.merged, false);
  assert.equal(a.accountnumber, 'ABC28UU7');
  assert.equal(a.name, 'Adventure Works (sample)');
  assert.equal(a.numberofemployees, 4300);
  assert.deepEqual(a.modifiedon, new Date('2014-02-10T23:38:29Z'));
  assert.ok(a.exchangerate instanceof Decimal);
  assert.equal(String(a.exchangerate), '1');
  assert.ok(a.revenue instanceof Money);
  assert.equal((a.revenue as Money).value, '60000');
  assert.deepEqual(
    a.primarycontactid,
    new EntityReference('contact', '51f1325c-a592-e311-b7f3-6c3be5a8a0c8', 'Nancy Anderson (sample)'),
  );
  // A nil Name is no name at all.
  assert.deepEqual(a.owninguser, new EntityReference('systemuser', '1bfa3886-df7e-468c-8435-b5adfb0441ed'));
  assert.equal((a.owninguser as EntityReference).name, undefined);
  assert.equal(account.formattedValues.merged, 'No');
  assert.equal(account.formattedValues.address2_addresstypecode, 'Default Value');
});

test('retrieve_multiple_result: records, paging cookie and counts', async () => {
  answer('retrieve_multiple_result');
  const page = await client.retrieveMultiple(query('account').select('accountid').build());
  assert.equal(page.entities.length, 3);
  assert.equal(page.entityName, 'account');
  assert.deepEqual(
    page.entities.map((e) => e.attributes.accountid),
    [
      '7bf2e032-ad92-e311-9752-6c3be5a87df0',
      'dbe9d7c9-2c98-e311-9752-6c3be5a87df0',
      '8ff0325c-a592-e311-b7f3-6c3be5a8a0c8',
    ],
  );
  assert.equal(page.moreRecords, false);
  assert.equal(page.totalRecordCount, -1);
  assert.equal(page.totalRecordCountLimitExceeded, false);
  assert.match(page.pagingCookie ?? '', /^<cookie page="1"><accountid last="\{BC73E579/);
});

test('fetch_xml_response: RetrieveMultiple through Execute gives the EntityCollection with formatted values', async () => {
  answer('fetch_xml_response');
  const results = await client.execute('RetrieveMultiple', {
    Query: { $type: '{http://schemas.microsoft.com/xrm/2011/Contracts}FetchExpression', Query: '<fetch/>' },
  });
  const collection = results.EntityCollection as EntityCollection;
  assert.ok(collection.entities.length >= 3);
  const first = collection.entities[0]!;
  assert.equal(first.logicalName, 'new_tinderboxdocument');
  assert.equal(first.attributes.new_name, '6 orders of Product SKU JJ202');
  assert.deepEqual(first.attributes.createdon, new Date('2014-03-04T14:59:23Z'));
  assert.equal(first.formattedValues.createdon, '3/4/2014 6:59 AM');
});

test('associate, disassociate, update and delete responses resolve with nothing', async () => {
  const id = 'c4944f99-b5a0-e311-b64f-6c3be5a87df0';
  answer('associate_response');
  assert.equal(await client.associate('account', id, 'contact_customer_accounts', [ref('contact', id)]), undefined);
  answer('disassociate_response');
  assert.equal(await client.disassociate('account', id, 'contact_customer_accounts', [ref('contact', id)]), undefined);
  answer('update_response');
  assert.equal(await client.update('account', id, { name: 'x' }), undefined);
  answer('delete_response');
  assert.equal(await client.delete('account', id), undefined);
  assert.deepEqual(
    stand.seen.slice(-4).map((r) => r.operation),
    ['Associate', 'Disassociate', 'Update', 'Delete'],
  );
});

test('who_am_i_result: the three ids', async () => {
  answer('who_am_i_result');
  assert.deepEqual(await client.whoAmI(), {
    userId: '1bfa3886-df7e-468c-8435-b5adfb0441ed',
    businessUnitId: '4e87d619-838a-e311-89a7-6c3be5a80184',
    organizationId: '0140d597-e270-494a-89e1-bd0b43774e50',
  });
});

test('retrieve_entity_response: entity metadata with typed attributes (a lookup and its target)', async () => {
  answer('retrieve_entity_response');
  const meta = await client.retrieveEntity('opportunity');
  assert.equal(meta.logicalName, 'opportunity');
  assert.deepEqual(
    [...meta.attributes.keys()],
    ['accountid', 'accountidname', 'accountidyominame', 'actualclosedate', 'actualvalue'],
  );
  const lookup = meta.attributes.get('accountid')!;
  assert.equal(lookup.attributeType, 'Lookup');
  assert.equal(lookup.metadataType, 'LookupAttributeMetadata');
  assert.deepEqual(lookup.targets, ['account']);
  assert.equal(lookup.displayName, 'Account');
  assert.equal(meta.attributes.get('actualvalue')?.attributeType, 'Money');
});

test('retrieve_all_entities: one metadata entry per entity', async () => {
  answer('retrieve_all_entities');
  const all = await client.retrieveAllEntities();
  assert.deepEqual(
    all.map((m) => m.logicalName),
    ['opportunity', 'new_tinderboxdocument', 'new_tinderboxcontent'],
  );
  assert.equal(all[0]?.objectTypeCode, 3);
});

test('retrieve_entity_relationships_response: relationships of both kinds', async () => {
  answer('retrieve_entity_relationships_response');
  const meta = await client.retrieveEntity('opportunity', ['Relationships']);
  assert.equal(meta.relationships.length, 16);
  assert.deepEqual(meta.relationships[0], {
    schemaName: 'Opportunity_SocialActivities',
    kind: 'OneToMany',
    referencedEntity: 'opportunity',
    referencedAttribute: 'opportunityid',
    referencingEntity: 'socialactivity',
    referencingAttribute: 'regardingobjectid',
  });
});

test('retrieve_attribute responses: the attribute metadata of each derived type', async () => {
  for (const [name, type] of [
    ['retrieve_attribute_response', 'MoneyAttributeMetadata'],
    ['retrieve_attribute_picklist_response', 'PicklistAttributeMetadata'],
    ['retrieve_attribute_identifier_response', 'AttributeMetadata'],
  ] as const) {
    answer(name);
    const results = await client.execute('RetrieveAttribute', { EntityLogicalName: 'account', LogicalName: 'x' });
    const attribute = results.AttributeMetadata as { $type: string; LogicalName: string };
    assert.equal(attribute.$type, `{http://schemas.microsoft.com/xrm/2011/Metadata}${type}`, name);
    assert.equal(typeof attribute.LogicalName, 'string');
  }
});

test('retrieve_metadata_changes_response: version stamp and entity metadata', async () => {
  answer('retrieve_metadata_changes_response');
  const results = await client.execute('RetrieveMetadataChanges');
  assert.equal(results.ServerVersionStamp, '22934563!02/24/2015 17:34:18');
  assert.equal(
    (results.EntityMetadata as { $type: string }).$type,
    '{http://schemas.microsoft.com/xrm/2011/Contracts}EntityMetadataCollection',
  );
});

test('win_opportunity_response and lose_opportunity_response: Execute resolves with no results', async () => {
  answer('win_opportunity_response');
  assert.deepEqual(await client.execute('WinOpportunity', { Status: new OptionSetValue(3) }), {});
  answer('lose_opportunity_response');
  assert.deepEqual(await client.execute('LoseOpportunity', { Status: new OptionSetValue(4) }), {});
});

test('sender_fault: a DynamicsError with the ErrorCode and Message, the SoapFault as cause', async () => {
  answer('sender_fault');
  const error = await client.update('account', 'c4944f99-b5a0-e311-b64f-6c3be5a87df0', { ticketsymbol: 'X' }).then(
    () => assert.fail('expected a fault'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DynamicsError);
  assert.equal(error.code, 'DYNAMICS_FAULT');
  assert.equal(error.errorCode, -2147217149);
  assert.equal(error.errorCodeHex, '0x80041103');
  assert.equal(error.message, "'account' entity doesn't contain attribute with Name = 'ticketsymbol'.");
  assert.ok(error.cause instanceof SoapFault);
  assert.ok(isDynamicsError(error, -2147217149));
});

test('receiver_fault: a DynamicsError with the reason and no ErrorCode', async () => {
  answer('receiver_fault');
  await assert.rejects(client.whoAmI(), (e: unknown) => {
    assert.ok(e instanceof DynamicsError);
    assert.equal(e.errorCode, undefined);
    assert.equal(e.message, 'The server was unable to process the request due to an internal error.');
    assert.equal((e.cause as SoapFault).subcodes.length, 1);
    return true;
  });
});

test('a query string is sent as FetchXML', async () => {
  answer('retrieve_multiple_result');
  const page = await client.retrieveMultiple(
    fetchXml('<fetch><entity name="account"><attribute name="accountid"/></entity></fetch>'),
  );
  assert.equal(page.entities.length, 3);
});
