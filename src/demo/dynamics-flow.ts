/**
 * The Dynamics CRM reference flow, after the Java article's (Office 365 sign-in, then Create, Retrieve,
 * Update, RetrieveMultiple with a QueryExpression and with FetchXML, Associate, Delete), then the same
 * Organization service signed in with OAuth on its `/web` endpoint and a WhoAmI, all through
 * `createDynamicsClient` against the Dynamics emulator.
 */
import { createDynamicsClient, type DynamicsClient } from '../services/dynamics/client.js';
import { isDynamicsError } from '../services/dynamics/errors.js';
import { query } from '../services/dynamics/query-builder.js';
import { fetchXml } from '../services/dynamics/query-types.js';
import { type AttributeValue, type Entity, EntityReference, ref } from '../services/dynamics/values.js';
import { type DemoDynamicsEmulator, DYNAMICS_DEMO, type StartDynamicsEmulator } from './dynamics-emulator.js';
import type { SecretRegistry } from './secrets.js';
import { SignInObserver } from './sign-in-observer.js';
import type { Transcript } from './transcript.js';

/** The account the flow creates, as the article creates it. */
export const DEMO_ACCOUNT = { name: 'Test Account', address1_city: 'Paris' } as const;

/** Runs the Dynamics flow; throws a `DemoStepError` naming the first step that failed. */
export async function runDynamicsFlow(
  start: StartDynamicsEmulator,
  transcript: Transcript,
  secrets: SecretRegistry,
): Promise<void> {
  secrets.add(DYNAMICS_DEMO.user.password, DYNAMICS_DEMO.oauthClient.clientSecret);
  transcript.section('Microsoft Dynamics CRM: the Organization service, the flow of the Java article');
  const emulator = await transcript.step('Start the Dynamics emulator', async () => {
    const started = await start({ port: 0, host: '127.0.0.1' });
    transcript.received(`listening at ${started.url} (Organization service, Office 365 STS, AD FS, OAuth)`);
    return started;
  });
  try {
    await organizationFlow(emulator, transcript, secrets);
    await oauthFlow(emulator, transcript, secrets);
  } finally {
    await emulator.close();
  }
}

/** Office 365 sign-in through the STS, then the article's calls on the SOAP 1.2 endpoint. */
async function organizationFlow(emulator: DemoDynamicsEmulator, t: Transcript, secrets: SecretRegistry): Promise<void> {
  const observer = new SignInObserver({ sts: { url: emulator.stsUrl, trust: '2005/02' } }, secrets, t);
  const crm = await createDynamicsClient({
    url: emulator.organizationUrl,
    signIn: { kind: 'office365', sts: emulator.stsUrl, ...DYNAMICS_DEMO.user },
    transport: observer,
    onEnvelope: t.envelope,
  });
  try {
    await t.step('Sign in through the STS (Office 365, WS-Trust February 2005)', async () => {
      t.sent(`RequestSecurityToken for ${DYNAMICS_DEMO.user.username}, password not shown (sent by the first call)`);
      const me = await crm.whoAmI();
      t.received(`an issued token, valid until ${expiry(observer)} (the token is not shown)`);
      t.detail(`signed in as user ${me.userId} of organization ${me.organizationId}`);
    });

    const id = await t.step('Create an account', async () => {
      t.sent(`Create account ${JSON.stringify(DEMO_ACCOUNT)}`);
      const created = await crm.create('account', { ...DEMO_ACCOUNT });
      t.received(`the new account's id: ${created}`);
      return created;
    });

    await t.step('Retrieve it', async () => {
      t.sent(`Retrieve account ${id}, columns name, address1_city`);
      const account = await crm.retrieve('account', id, ['name', 'address1_city']);
      t.received(`${account.logicalName} ${account.id}: ${attributesText(account)}`);
      expectAttribute(account, 'name', DEMO_ACCOUNT.name);
    });

    await t.step('Update it', async () => {
      const change = { telephone1: '+33 1 23 45 67 89', numberofemployees: 25 };
      t.sent(`Update account ${id} ${JSON.stringify(change)}`);
      await crm.update('account', id, change);
      const account = await crm.retrieve('account', id, ['telephone1', 'numberofemployees']);
      t.received(`updated; read back: ${attributesText(account)}`);
      expectAttribute(account, 'telephone1', change.telephone1);
    });

    await t.step('Query with a QueryExpression', async () => {
      const expression = query('account')
        .select('name', 'address1_city')
        .where('address1_city', 'eq', DEMO_ACCOUNT.address1_city)
        .orderBy('name')
        .build();
      t.sent(`RetrieveMultiple QueryExpression: accounts where address1_city = ${DEMO_ACCOUNT.address1_city}, by name`);
      const page = await crm.retrieveMultiple(expression);
      t.received(`${page.entities.length} account(s): ${page.entities.map((e) => e.attributes.name).join(', ')}`);
      expectFound(page.entities, id);
    });

    await t.step('Query with FetchXML', async () => {
      const fetch = fetchXml(
        `<fetch><entity name="account"><attribute name="name"/><attribute name="accountid"/>` +
          `<filter><condition attribute="name" operator="like" value="Test%"/></filter></entity></fetch>`,
      );
      t.sent(`RetrieveMultiple FetchExpression: accounts whose name is like 'Test%'`);
      const page = await crm.retrieveMultiple(fetch);
      t.received(
        `${page.entities.length} account(s): ${page.entities.map((e) => `${e.attributes.name} (${e.id})`).join(', ')}`,
      );
      expectFound(page.entities, id);
    });

    const contactId = await t.step('Associate a contact', async () => {
      const contact = { firstname: 'Ada', lastname: 'Lovelace', emailaddress1: 'ada@example.com' };
      t.sent(`Create contact ${JSON.stringify(contact)}`);
      const created = await crm.create('contact', contact);
      t.received(`the new contact's id: ${created}`);
      t.sent(`Associate account ${id} with contact ${created} through contact_customer_accounts`);
      await crm.associate('account', id, 'contact_customer_accounts', [ref('contact', created)]);
      const read = await crm.retrieve('contact', created, ['fullname', 'parentcustomerid']);
      const parent = read.attributes.parentcustomerid;
      if (!(parent instanceof EntityReference) || !sameId(parent.id, id)) {
        throw new Error('the contact does not name the account as its parent customer');
      }
      t.received(`associated: ${read.attributes.fullname ?? 'the contact'}'s parentcustomerid is account ${parent.id}`);
      return created;
    });

    await t.step('Delete them', async () => {
      t.sent(`Delete contact ${contactId}, then account ${id}`);
      await crm.delete('contact', contactId);
      await crm.delete('account', id);
      try {
        await crm.retrieve('account', id, ['name']);
      } catch (error) {
        if (!isDynamicsError(error)) throw error;
        t.received(`deleted; retrieving it again gives ${error.code} ${error.errorCodeHex ?? ''}: ${error.message}`);
        return;
      }
      throw new Error('the deleted account can still be retrieved');
    });
  } finally {
    await crm.close();
    await observer.close();
  }
}

/** OAuth client credentials, then WhoAmI on the SOAP 1.1 `/web` endpoint. */
async function oauthFlow(emulator: DemoDynamicsEmulator, t: Transcript, secrets: SecretRegistry): Promise<void> {
  const observer = new SignInObserver({ tokenUrl: emulator.tokenUrl }, secrets, t);
  let crm: DynamicsClient | undefined;
  try {
    await t.step('Sign in with OAuth (client credentials) on the /web endpoint, and WhoAmI', async () => {
      crm = await createDynamicsClient({
        url: emulator.webUrl,
        signIn: { kind: 'oauth', tokenUrl: emulator.tokenUrl, ...DYNAMICS_DEMO.oauthClient, resource: emulator.url },
        transport: observer,
        onEnvelope: t.envelope,
      });
      t.sent(`token request for client ${DYNAMICS_DEMO.oauthClient.clientId}, secret not shown; then WhoAmI`);
      const me = await crm.whoAmI();
      t.received(`a bearer token, valid until ${expiry(observer)} (the token is not shown)`);
      t.detail(`WhoAmI: user ${me.userId}, business unit ${me.businessUnitId}, organization ${me.organizationId}`);
    });
  } finally {
    await crm?.close();
    await observer.close();
  }
}

/** The observed token's expiry, or words saying the service gave none. */
function expiry(observer: SignInObserver): string {
  const expires = observer.last?.expires;
  return expires ? expires.toISOString() : 'a time the service did not say';
}

/** `name: value` pairs of a record's attributes, in one line. */
function attributesText(entity: Entity): string {
  return Object.entries(entity.attributes)
    .map(([name, value]) => `${name}: ${valueText(value)}`)
    .join(', ');
}

function valueText(value: AttributeValue | undefined): string {
  if (value instanceof EntityReference) return `${value.logicalName} ${value.id}`;
  if (typeof value === 'object' && value !== null && 'value' in value) return String(value.value);
  return String(value);
}

function expectAttribute(entity: Entity, name: string, expected: string): void {
  const actual = entity.attributes[name];
  if (actual !== expected)
    throw new Error(`${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

function expectFound(entities: readonly Entity[], id: string): void {
  if (!entities.some((e) => sameId(e.id, id))) throw new Error(`the account ${id} is not among the results`);
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
