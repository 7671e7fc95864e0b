/**
 * Microsoft Dynamics CRM through `createDynamicsClient`, against the Dynamics emulator: the Office 365
 * sign-in through a WS-Trust STS, then create, retrieve, query and delete an account.
 *
 * Run: `npm run build && node dist/examples/dynamics.js`. Against a real organization, give its
 * Organization.svc URL and your sign-in (leave `sts` out for Microsoft Online's own).
 */
import { createDynamicsClient, fetchXml, query } from 'soapstack/dynamics';
import { startDynamicsEmulator } from 'soapstack/emulators';

const emulator = await startDynamicsEmulator({ port: 0 });
const crm = await createDynamicsClient({
  url: emulator.organizationUrl,
  // The emulator's default user (docs/emulators.md); its STS stands in for login.microsoftonline.com.
  signIn: {
    kind: 'office365',
    username: 'admin@contoso.onmicrosoft.com',
    password: 'pass@word1',
    sts: emulator.stsUrl,
  },
});
try {
  const me = await crm.whoAmI();
  console.log(`signed in as user ${me.userId}`);

  const id = await crm.create('account', { name: 'Test Account', address1_city: 'Paris' });
  console.log(`created account ${id}`);
  const account = await crm.retrieve('account', id, ['name', 'address1_city']);
  console.log(`retrieved: ${String(account.attributes.name)} in ${String(account.attributes.address1_city)}`);

  const inParis = await crm.retrieveMultiple(
    query('account').select('name').where('address1_city', 'eq', 'Paris').orderBy('name').build(),
  );
  console.log(`accounts in Paris: ${inParis.entities.map((e) => String(e.attributes.name)).join(', ')}`);
  const fetched = await crm.retrieveMultiple(
    fetchXml(
      '<fetch count="10"><entity name="account"><attribute name="name"/><order attribute="name"/></entity></fetch>',
    ),
  );
  console.log(`FetchXML: ${fetched.entities.length} accounts`);

  await crm.delete('account', id);
  console.log(`deleted account ${id}`);
} finally {
  await crm.close();
  await emulator.close();
}
