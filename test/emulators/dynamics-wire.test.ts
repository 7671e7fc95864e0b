/**
 * The Dynamics emulator against the article's own wire format: its STS request and its Organization Create,
 * built from its templates as its Java code builds them; refusals of a missing, expired or forged security
 * header change nothing; the STS's faults for a wrong password (Office 365 and AD FS shapes).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  type DynamicsEmulator,
  startDynamicsEmulator,
} from '../../src/emulators/index.js';
import { isAuthenticationError } from '../../src/ws/trust/errors.js';
import { rstEnvelope } from '../../src/ws/trust/rst.js';
import { readRstr } from '../../src/ws/trust/rstr.js';
import {
  articleOrganizationRequest,
  articleRst,
  articleTokenParts,
  createAccountBody,
  findAll,
  post,
  textOf,
} from './dynamics-helpers.js';

let clock = Date.UTC(2014, 1, 13, 1, 24, 35);
let em: DynamicsEmulator;
before(async () => {
  em = await startDynamicsEmulator({ now: () => clock, tokenTtl: 3600 });
});
after(() => em.close());

async function signIn(): Promise<{ token0: string; token1: string; keyIdentifier: string; rstr: string }> {
  const answer = await post(em.stsUrl, articleRst(em.stsUrl, DEFAULT_USERNAME, DEFAULT_PASSWORD, clock));
  assert.equal(answer.status, 200, answer.text);
  return { ...articleTokenParts(answer.text), rstr: answer.text };
}

const count = (): number => em.store.count('account');

test("the article's STS request gets an RSTR in the captured shape", async () => {
  const { token0, token1, keyIdentifier, rstr } = await signIn();
  assert.ok(token0.length > 100 && token1.length > 100 && keyIdentifier.length > 0);
  assert.notEqual(token0, token1);
  assert.equal(textOf(rstr, 'Action'), 'http://schemas.xmlsoap.org/ws/2005/02/trust/RSTR/Issue');
  assert.equal(textOf(rstr, 'TokenType'), 'urn:oasis:names:tc:SAML:1.0');
  const data = findAll(rstr, 'EncryptedData')[0]!;
  assert.equal(data.ns, 'http://www.w3.org/2001/04/xmlenc#');
  assert.deepEqual(
    data.attrs.map((a) => [a.local, a.value]),
    [
      ['Id', 'Assertion0'],
      ['Type', 'http://www.w3.org/2001/04/xmlenc#Element'],
    ],
  );
  const lifetime = findAll(rstr, 'Lifetime')[0]!;
  const [created, expires] = lifetime.children
    .filter((c) => typeof c !== 'string')
    .map((c) => (c as unknown as { children: string[] }).children.join(''));
  assert.equal(created, '2014-02-13T01:24:35Z');
  assert.equal(expires, '2014-02-13T02:24:35Z');
  // soapstack's own reader takes it too.
  const token = readRstr(rstr, '2005/02');
  assert.equal(token.keyIdentifier, keyIdentifier);
  assert.equal(token.expires?.toISOString(), '2014-02-13T02:24:35.000Z');
});

test("an Organization Create with the article's EncryptedData header is accepted", async () => {
  const parts = await signIn();
  const before = count();
  const body = articleOrganizationRequest(
    em.organizationUrl,
    'Create',
    createAccountBody('Article Account'),
    parts,
    clock,
    clock + 300_000,
  );
  const answer = await post(em.organizationUrl, body);
  assert.equal(answer.status, 200, answer.text);
  const id = textOf(answer.text, 'CreateResult')!;
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(count(), before + 1);
  assert.equal(em.store.get('account', id).name, 'Article Account');
});

async function refused(body: string): Promise<void> {
  const before = count();
  const answer = await post(em.organizationUrl, body);
  assert.equal(answer.status, 400, answer.text);
  assert.equal(textOf(answer.text, 'Text'), 'An error occurred when verifying security for the message.');
  assert.match(findAll(answer.text, 'Subcode')[0] ? textOf(answer.text, 'Subcode')!.trim() : '', /:InvalidSecurity$/);
  assert.equal(count(), before, 'the store did not change');
}

test('a Create replayed (the same envelope, the same MessageID, sent again) is refused and changes nothing', async () => {
  const parts = await signIn();
  const body = articleOrganizationRequest(
    em.organizationUrl,
    'Create',
    createAccountBody('Replayed'),
    parts,
    clock,
    clock + 300_000,
  );
  const first = await post(em.organizationUrl, body);
  assert.equal(first.status, 200, first.text);
  await refused(body);
});

test('a Create with no security header is refused and changes nothing', async () => {
  await refused(
    articleOrganizationRequest(em.organizationUrl, 'Create', createAccountBody('No Header'), undefined, clock, clock),
  );
});

test('a Create whose Timestamp has expired is refused and changes nothing', async () => {
  const parts = await signIn();
  const old = clock - 3_600_000;
  await refused(
    articleOrganizationRequest(em.organizationUrl, 'Create', createAccountBody('Old'), parts, old, old + 300_000),
  );
});

test('a Create with a token the STS never issued is refused and changes nothing', async () => {
  const parts = await signIn();
  const forged = { ...parts, token1: Buffer.from('not issued by this STS').toString('base64') };
  await refused(
    articleOrganizationRequest(
      em.organizationUrl,
      'Create',
      createAccountBody('Forged'),
      forged,
      clock,
      clock + 300_000,
    ),
  );
  const swapped = { ...parts, token0: parts.token1, token1: parts.token0 };
  await refused(
    articleOrganizationRequest(
      em.organizationUrl,
      'Create',
      createAccountBody('Swapped'),
      swapped,
      clock,
      clock + 300_000,
    ),
  );
});

test('a token past its lifetime is refused, and a new sign-in works again', async () => {
  const parts = await signIn();
  clock += 3601_000;
  try {
    await refused(
      articleOrganizationRequest(
        em.organizationUrl,
        'Create',
        createAccountBody('Late'),
        parts,
        clock,
        clock + 300_000,
      ),
    );
    const fresh = await signIn();
    const answer = await post(
      em.organizationUrl,
      articleOrganizationRequest(
        em.organizationUrl,
        'Create',
        createAccountBody('Fresh'),
        fresh,
        clock,
        clock + 300_000,
      ),
    );
    assert.equal(answer.status, 200, answer.text);
  } finally {
    clock -= 3601_000;
  }
});

test("a wrong password gets Microsoft Online's fault: Authentication Failure with the psf text", async () => {
  const answer = await post(em.stsUrl, articleRst(em.stsUrl, DEFAULT_USERNAME, 'wrong', clock));
  assert.equal(answer.status, 500);
  assert.equal(textOf(answer.text, 'Text'), 'Authentication Failure');
  assert.equal(textOf(answer.text, 'text'), 'The entered and stored passwords do not match.');
  assert.equal(findAll(answer.text, 'CipherValue').length, 0);
  assert.throws(
    () => readRstr(answer.text, '2005/02'),
    (e: unknown) =>
      isAuthenticationError(e) && e.reason === 'Authentication Failure' && /passwords do not match/.test(e.detail),
  );
  assert.doesNotMatch(answer.text, /wrong/);
});

test('the AD FS endpoint answers a WS-Trust 1.3 RST with an RSTRC that the Organization service accepts', async () => {
  const rst = rstEnvelope({
    trust: '1.3',
    endpoint: em.adfsUrl,
    appliesTo: `${em.url}/`,
    username: DEFAULT_USERNAME,
    password: DEFAULT_PASSWORD,
    messageId: 'urn:uuid:f07eb8c1-cda5-4998-a38d-94f95be07204',
    now: () => clock,
  });
  const answer = await post(em.adfsUrl, rst);
  assert.equal(answer.status, 200, answer.text);
  assert.equal(textOf(answer.text, 'Action'), 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal');
  assert.equal(textOf(answer.text, 'RelatesTo'), 'urn:uuid:f07eb8c1-cda5-4998-a38d-94f95be07204');
  assert.equal(findAll(answer.text, 'RequestSecurityTokenResponseCollection').length, 1);
  const token = readRstr(answer.text, '1.3');
  assert.match(token.keyIdentifier ?? '', /^_[0-9a-f-]{36}$/);
  assert.equal(token.tokenType, 'urn:oasis:names:tc:SAML:1.0:assertion');
  const [token0, token1] = findAll(answer.text, 'CipherValue').map((c) => c.children.join(''));
  const create = articleOrganizationRequest(
    em.organizationUrl,
    'Create',
    createAccountBody('Via AD FS'),
    { token0: token0!, token1: token1!, keyIdentifier: 'x' },
    clock,
    clock + 300_000,
  );
  const created = await post(em.organizationUrl, create);
  assert.equal(created.status, 200, created.text);

  const wrong = rstEnvelope({
    trust: '1.3',
    endpoint: em.adfsUrl,
    appliesTo: `${em.url}/`,
    username: DEFAULT_USERNAME,
    password: 'nope',
    now: () => clock,
  });
  const refusal = await post(em.adfsUrl, wrong);
  assert.equal(refusal.status, 500);
  assert.match(textOf(refusal.text, 'Text') ?? '', /^ID3242/);
});

test('an unknown attribute gets the captured sender fault: ErrorCode -2147217149 and its message', async () => {
  const parts = await signIn();
  const body = createAccountBody('x').replace('<c:key>name</c:key>', '<c:key>ticketsymbol</c:key>');
  const before = count();
  const answer = await post(
    em.organizationUrl,
    articleOrganizationRequest(em.organizationUrl, 'Create', body, parts, clock, clock + 300_000),
  );
  assert.equal(answer.status, 400);
  const message = "'account' entity doesn't contain attribute with Name = 'ticketsymbol'.";
  assert.equal(textOf(answer.text, 'Text'), message);
  assert.equal(textOf(answer.text, 'ErrorCode'), '-2147217149');
  assert.equal(textOf(answer.text, 'Message'), message);
  assert.equal(
    findAll(answer.text, 'OrganizationServiceFault')[0]?.ns,
    'http://schemas.microsoft.com/xrm/2011/Contracts',
  );
  assert.equal(count(), before);
});

test("Execute with the gem's typed requests answers in the captured shapes (c:WhoAmIResponse, b:RetrieveEntityResponse)", async () => {
  const parts = await signIn();
  const execute = (request: string): string =>
    articleOrganizationRequest(
      em.organizationUrl,
      'Execute',
      '<Execute xmlns="http://schemas.microsoft.com/xrm/2011/Contracts/Services" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
        request +
        '</Execute>',
      parts,
      clock,
      clock + 300_000,
    );
  const who = await post(
    em.organizationUrl,
    execute(
      '<request i:type="b:WhoAmIRequest" xmlns:a="http://schemas.microsoft.com/xrm/2011/Contracts" xmlns:b="http://schemas.microsoft.com/crm/2011/Contracts">' +
        '<a:Parameters xmlns:c="http://schemas.datacontract.org/2004/07/System.Collections.Generic"/><a:RequestId i:nil="true"/><a:RequestName>WhoAmI</a:RequestName></request>',
    ),
  );
  assert.equal(who.status, 200, who.text);
  const result = findAll(who.text, 'ExecuteResult')[0]!;
  const type = result.attrs.find((a) => a.local === 'type')!.value;
  assert.equal(result.scope[type.split(':')[0]!], 'http://schemas.microsoft.com/crm/2011/Contracts');
  assert.equal(type.split(':')[1], 'WhoAmIResponse');
  assert.deepEqual(
    findAll(who.text, 'key').map((k) => k.children.join('')),
    ['UserId', 'BusinessUnitId', 'OrganizationId'],
  );
  const userId = findAll(who.text, 'value')[0]!;
  assert.equal(userId.children.join(''), '1bfa3886-df7e-468c-8435-b5adfb0441ed');
  assert.match(userId.attrs.find((a) => a.local === 'type')!.value, /:guid$/);

  const entity = await post(
    em.organizationUrl,
    execute(
      '<request i:type="a:RetrieveEntityRequest" xmlns:a="http://schemas.microsoft.com/xrm/2011/Contracts">' +
        '<a:Parameters xmlns:c="http://schemas.datacontract.org/2004/07/System.Collections.Generic">' +
        '<a:KeyValuePairOfstringanyType><c:key>EntityFilters</c:key><c:value i:type="d:EntityFilters" xmlns:d="http://schemas.microsoft.com/xrm/2011/Metadata">Attributes</c:value></a:KeyValuePairOfstringanyType>' +
        '<a:KeyValuePairOfstringanyType><c:key>LogicalName</c:key><c:value i:type="d:string" xmlns:d="http://www.w3.org/2001/XMLSchema">opportunity</c:value></a:KeyValuePairOfstringanyType>' +
        '<a:KeyValuePairOfstringanyType><c:key>MetadataId</c:key><c:value i:type="d:guid" xmlns:d="http://schemas.microsoft.com/2003/10/Serialization/">00000000-0000-0000-0000-000000000000</c:value></a:KeyValuePairOfstringanyType>' +
        '<a:KeyValuePairOfstringanyType><c:key>RetrieveAsIfPublished</c:key><c:value i:type="d:boolean" xmlns:d="http://www.w3.org/2001/XMLSchema">false</c:value></a:KeyValuePairOfstringanyType>' +
        '</a:Parameters><a:RequestId i:nil="true"/><a:RequestName>RetrieveEntity</a:RequestName></request>',
    ),
  );
  assert.equal(entity.status, 200, entity.text);
  assert.match(
    findAll(entity.text, 'ExecuteResult')[0]!.attrs.find((a) => a.local === 'type')!.value,
    /:RetrieveEntityResponse$/,
  );
  const lookup = findAll(entity.text, 'AttributeMetadata').find((a) =>
    a.children.some(
      (c) => typeof c !== 'string' && c.local === 'LogicalName' && c.children.join('') === 'parentaccountid',
    ),
  )!;
  assert.match(lookup.attrs.find((a) => a.local === 'type')!.value, /:LookupAttributeMetadata$/);
  assert.equal(textOf(entity.text, 'PrimaryIdAttribute'), 'opportunityid');
  assert.equal(findAll(entity.text, 'UserLocalizedLabel')[0] !== undefined, true);
});
