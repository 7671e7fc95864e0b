/**
 * What the Dynamics client puts on the wire: Create and Update envelopes carry each attribute value with its
 * `i:type` (plain values, the helpers, and metadata-driven typing), Associate carries the relationship and
 * the references. The stand-in records the XML it receives; the assertions read it back.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createDynamicsClient,
  type DynamicsClient,
  DynamicsValueError,
  decimal,
  guid,
  long,
  MetadataCache,
  money,
  option,
  ref,
  requests,
} from '../../src/dynamics.js';
import {
  type Answer,
  capturedAnswer,
  children,
  envelopeOf,
  find,
  isNil,
  pairsOf,
  type StandIn,
  startStandIn,
  text,
  xsiType,
} from '../fixtures/services/dynamics/stand-in.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const C = 'http://schemas.microsoft.com/xrm/2011/Contracts';
const SER = 'http://schemas.microsoft.com/2003/10/Serialization/';
const ID = '7bf2e032-ad92-e311-9752-6c3be5a87df0';

let answers: Record<string, Answer> = {};
let stand: StandIn;
let client: DynamicsClient;

before(async () => {
  stand = await startStandIn((r) => answers[r.operation] ?? capturedAnswer('receiver_fault'));
  client = await createDynamicsClient({ url: stand.url, signIn: { kind: 'plugins', plugins: [] } });
});
after(async () => {
  await client.close();
  await stand.close();
});

/** The attribute pairs of the last Create/Update: name -> [xsi:type, element]. */
function sentAttributes() {
  const doc = envelopeOf(stand.seen.at(-1)!);
  const entity = find(doc.root, 'entity')!;
  return { entity, pairs: pairsOf(children(entity, 'Attributes')[0]) };
}

test('create: every kind of value is written with its i:type', async () => {
  answers = { Create: capturedAnswer('create_response') };
  const when = new Date('2024-02-29T11:45:30.123Z');
  await client.create('account', {
    name: 'Test Account',
    address1_city: 'Paris',
    numberofemployees: 42,
    exchangerate: decimal('12345678901234567.89'),
    latitude: 48.8566,
    versionnumber: long('9007199254740993'),
    donotemail: true,
    lastusedincampaign: when,
    processid: guid(ID),
    primarycontactid: ref('contact', ID),
    industrycode: option(7),
    revenue: money('112345678901.01'),
    description: null,
    ignored: undefined,
  });
  const { entity, pairs } = sentAttributes();
  assert.equal(text(children(entity, 'LogicalName')[0]), 'account');
  const typeOf = (key: string) => xsiType(pairs.get(key));
  assert.equal(typeOf('name'), `{${XS}}string`);
  assert.equal(text(pairs.get('address1_city')), 'Paris');
  assert.equal(typeOf('numberofemployees'), `{${XS}}int`);
  assert.equal(typeOf('exchangerate'), `{${XS}}decimal`);
  assert.equal(text(pairs.get('exchangerate')), '12345678901234567.89');
  assert.equal(typeOf('latitude'), `{${XS}}double`);
  assert.equal(typeOf('versionnumber'), `{${XS}}long`);
  assert.equal(text(pairs.get('versionnumber')), '9007199254740993');
  assert.equal(typeOf('donotemail'), `{${XS}}boolean`);
  assert.equal(text(pairs.get('donotemail')), 'true');
  assert.equal(typeOf('lastusedincampaign'), `{${XS}}dateTime`);
  assert.equal(text(pairs.get('lastusedincampaign')), '2024-02-29T11:45:30.123Z');
  assert.equal(typeOf('processid'), `{${SER}}guid`);
  assert.equal(typeOf('primarycontactid'), `{${C}}EntityReference`);
  assert.equal(text(find(pairs.get('primarycontactid')!, 'Id')), ID);
  assert.equal(text(find(pairs.get('primarycontactid')!, 'LogicalName')), 'contact');
  assert.equal(typeOf('industrycode'), `{${C}}OptionSetValue`);
  assert.equal(text(find(pairs.get('industrycode')!, 'Value')), '7');
  assert.equal(typeOf('revenue'), `{${C}}Money`);
  assert.equal(text(find(pairs.get('revenue')!, 'Value')), '112345678901.01');
  assert.ok(isNil(pairs.get('description')));
  assert.equal(pairs.has('ignored'), false);
});

test('update: the record id and arrays (party list as EntityCollection, strings as ArrayOfstring)', async () => {
  answers = { Update: capturedAnswer('update_response') };
  await client.update('phonecall', ID, {
    from: [
      {
        logicalName: 'activityparty',
        id: '00000000-0000-0000-0000-000000000000',
        attributes: { partyid: ref('systemuser', ID) },
        formattedValues: {},
      },
    ],
    tags: ['a', 'b'],
  });
  const { entity, pairs } = sentAttributes();
  assert.equal(text(children(entity, 'Id')[0]), ID);
  assert.equal(xsiType(pairs.get('from')), `{${C}}EntityCollection`);
  const party = find(pairs.get('from')!, 'Entity')!;
  assert.equal(text(children(party, 'LogicalName')[0]), 'activityparty');
  assert.equal(xsiType(pairsOf(children(party, 'Attributes')[0]).get('partyid')), `{${C}}EntityReference`);
  assert.equal(xsiType(pairs.get('tags')), '{http://schemas.microsoft.com/2003/10/Serialization/Arrays}ArrayOfstring');
});

test('a value that cannot be typed is refused before anything is sent', async () => {
  const before = stand.seen.length;
  await assert.rejects(client.create('account', { name: { nested: true } as never }), DynamicsValueError);
  assert.throws(() => money('12,5'), DynamicsValueError);
  await assert.rejects(client.retrieve('account', 'not-a-guid'), DynamicsValueError);
  assert.equal(stand.seen.length, before);
});

test('metadata typing: plain values become Money, EntityReference and dateTime by the entity metadata', async () => {
  const typed = await createDynamicsClient({
    url: stand.url,
    signIn: { kind: 'plugins', plugins: [] },
    metadata: true,
  });
  try {
    answers = { Execute: capturedAnswer('retrieve_entity_response'), Create: capturedAnswer('create_response') };
    await typed.create('opportunity', {
      actualvalue: '1500.25',
      accountid: ID,
      actualclosedate: '2024-01-31T00:00:00Z',
      name: 'Deal',
    });
    // The metadata was fetched once (RetrieveEntity with Entity and Attributes), then the Create sent.
    const [retrieveEntity, create] = stand.seen.slice(-2);
    assert.equal(retrieveEntity?.operation, 'Execute');
    const params = pairsOf(find(envelopeOf(retrieveEntity!).root, 'Parameters'));
    assert.equal(text(params.get('LogicalName')), 'opportunity');
    assert.equal(text(params.get('EntityFilters')), 'Entity Attributes');
    assert.equal(xsiType(params.get('EntityFilters')), '{http://schemas.microsoft.com/xrm/2011/Metadata}EntityFilters');
    assert.equal(create?.operation, 'Create');
    const { pairs } = sentAttributes();
    assert.equal(xsiType(pairs.get('actualvalue')), `{${C}}Money`);
    assert.equal(text(find(pairs.get('actualvalue')!, 'Value')), '1500.25');
    assert.equal(xsiType(pairs.get('accountid')), `{${C}}EntityReference`);
    assert.equal(text(find(pairs.get('accountid')!, 'LogicalName')), 'account');
    assert.equal(xsiType(pairs.get('actualclosedate')), `{${XS}}dateTime`);
    assert.equal(xsiType(pairs.get('name')), `{${XS}}string`);
    // A second create uses the cache: no new RetrieveEntity.
    const count = stand.seen.length;
    await typed.create('opportunity', { actualvalue: 10 });
    assert.equal(stand.seen.length, count + 1);
    assert.equal(xsiType(sentAttributes().pairs.get('actualvalue')), `{${C}}Money`);
  } finally {
    await typed.close();
  }
});

test('a shared MetadataCache types values without fetching', async () => {
  const cache = new MetadataCache();
  cache.set({
    logicalName: 'new_widget',
    attributes: new Map([
      ['new_price', { logicalName: 'new_price', attributeType: 'Decimal' }],
      ['new_kind', { logicalName: 'new_kind', attributeType: 'Picklist' }],
      ['new_owner', { logicalName: 'new_owner', attributeType: 'Owner', targets: ['systemuser', 'team'] }],
    ]),
    relationships: [],
    raw: null,
  });
  const typed = await createDynamicsClient({
    url: stand.url,
    signIn: { kind: 'plugins', plugins: [] },
    metadata: cache,
  });
  try {
    answers = { Create: capturedAnswer('create_response') };
    await typed.create('new_widget', { new_price: 3, new_kind: 2 });
    const { pairs } = sentAttributes();
    assert.equal(xsiType(pairs.get('new_price')), `{${XS}}decimal`);
    assert.equal(text(pairs.get('new_price')), '3');
    assert.equal(xsiType(pairs.get('new_kind')), `{${C}}OptionSetValue`);
    // A lookup with several targets needs ref(): the id alone cannot say which entity.
    await assert.rejects(typed.create('new_widget', { new_owner: ID }), /pass ref\(entity, id\)/);
  } finally {
    await typed.close();
  }
});

test('associate: relationship schema name and EntityReferenceCollection', async () => {
  answers = { Associate: capturedAnswer('associate_response') };
  await client.associate('account', ID, 'contact_customer_accounts', [ref('contact', ID)]);
  const body = find(envelopeOf(stand.seen.at(-1)!).root, 'Associate')!;
  assert.equal(text(children(body, 'entityName')[0]), 'account');
  assert.equal(text(children(body, 'entityId')[0]), ID);
  assert.equal(text(find(children(body, 'relationship')[0]!, 'SchemaName')), 'contact_customer_accounts');
  const refs = children(children(body, 'relatedEntities')[0]!, 'EntityReference');
  assert.equal(refs.length, 1);
  assert.equal(text(children(refs[0]!, 'LogicalName')[0]), 'contact');
});

test('execute: a late-bound OrganizationRequest with RequestName and typed parameters', async () => {
  answers = { Execute: capturedAnswer('win_opportunity_response') };
  await client.setState(ref('account', ID), 1, 2);
  const request = find(envelopeOf(stand.seen.at(-1)!).root, 'request')!;
  assert.equal(text(children(request, 'RequestName')[0]), 'SetState');
  const params = pairsOf(children(request, 'Parameters')[0]);
  assert.equal(xsiType(params.get('EntityMoniker')), `{${C}}EntityReference`);
  assert.equal(text(find(params.get('State')!, 'Value')), '1');
  assert.equal(text(find(params.get('Status')!, 'Value')), '2');
});

test('executeMultiple: requests and settings on the wire, one outcome per request', async () => {
  // An ExecuteMultiple answer in the service's shape: item 1 faulted, item 0 returned its id.
  const body = capturedAnswer('who_am_i_result').body.replace(
    /<ExecuteResult[\s\S]*<\/ExecuteResult>/,
    `<ExecuteResult xmlns:b="${C}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:c="http://schemas.microsoft.com/xrm/2012/Contracts" i:type="b:ExecuteMultipleResponse">
      <b:ResponseName>ExecuteMultiple</b:ResponseName>
      <b:Results xmlns:d="http://schemas.datacontract.org/2004/07/System.Collections.Generic">
        <b:KeyValuePairOfstringanyType><d:key>IsFaulted</d:key><d:value xmlns:x="${XS}" i:type="x:boolean">true</d:value></b:KeyValuePairOfstringanyType>
        <b:KeyValuePairOfstringanyType><d:key>Responses</d:key><d:value i:type="c:ExecuteMultipleResponseItemCollection">
          <c:ExecuteMultipleResponseItem><c:Fault i:nil="true"/><c:RequestIndex>0</c:RequestIndex>
            <c:Response i:type="b:CreateResponse"><b:ResponseName>Create</b:ResponseName><b:Results>
              <b:KeyValuePairOfstringanyType><d:key>id</d:key><d:value xmlns:g="${SER}" i:type="g:guid">${ID}</d:value></b:KeyValuePairOfstringanyType>
            </b:Results></c:Response></c:ExecuteMultipleResponseItem>
          <c:ExecuteMultipleResponseItem><c:Fault><b:ErrorCode>-2147220969</b:ErrorCode><b:ErrorDetails/><b:Message>account With Id = ${ID} Does Not Exist</b:Message><b:Timestamp>2024-01-01T00:00:00Z</b:Timestamp><b:InnerFault i:nil="true"/><b:TraceText i:nil="true"/></c:Fault><c:RequestIndex>1</c:RequestIndex><c:Response i:nil="true"/></c:ExecuteMultipleResponseItem>
        </d:value></b:KeyValuePairOfstringanyType>
      </b:Results>
    </ExecuteResult>`,
  );
  answers = { Execute: { body } };
  const items = await client.executeMultiple(
    [
      requests.create('account', { name: 'A' }),
      requests.delete('account', ID),
      requests.update('account', ID, { name: 'B' }),
    ],
    { continueOnError: false, returnResponses: true },
  );
  const request = find(envelopeOf(stand.seen.at(-1)!).root, 'request')!;
  assert.equal(text(children(request, 'RequestName')[0]), 'ExecuteMultiple');
  const params = pairsOf(children(request, 'Parameters')[0]);
  const sent = children(params.get('Requests')!, 'OrganizationRequest');
  assert.deepEqual(
    sent.map((r) => text(children(r, 'RequestName')[0])),
    ['Create', 'Delete', 'Update'],
  );
  assert.equal(xsiType(pairsOf(children(sent[0]!, 'Parameters')[0]).get('Target')), `{${C}}Entity`);
  assert.equal(text(find(params.get('Settings')!, 'ContinueOnError')), 'false');
  assert.equal(text(find(params.get('Settings')!, 'ReturnResponses')), 'true');
  assert.deepEqual(
    items.map((i) => i.status),
    ['succeeded', 'faulted', 'not-executed'],
  );
  assert.deepEqual(items[0]?.results, { id: ID });
  assert.equal(items[1]?.error?.errorCode, -2147220969);
  assert.match(items[1]?.error?.message ?? '', /Does Not Exist/);
});
