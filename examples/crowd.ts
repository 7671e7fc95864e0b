/**
 * Atlassian Crowd through `createCrowdClient`, against the Crowd emulator: the flow of Crowd's SOAP API
 * documentation (authenticate the application, then a user; look him up; a wrong password's typed error).
 *
 * Run: `npm run build && node dist/examples/crowd.js`. Against a real Crowd, give its SecurityServer URL
 * and your application's name and password instead of the emulator's.
 */
import { createCrowdClient, isCrowdError } from 'soapstack/crowd';
import { startCrowdEmulator } from 'soapstack/emulators';

const emulator = await startCrowdEmulator({ port: 0 });
const crowd = await createCrowdClient({
  url: emulator.url,
  application: { name: 'jira', password: 'password' }, // the emulator's default application
});
try {
  // The application token is acquired by the first call and renewed when Crowd forgets it.
  const token = await crowd.authenticatePrincipal('jstepka', 'password', { remote_address: '127.0.0.1' });
  console.log(`jstepka signed in (a principal token of ${token.length} characters)`);
  console.log(`the token is valid: ${await crowd.isValidPrincipalToken(token, { remote_address: '127.0.0.1' })}`);

  const user = await crowd.findPrincipalByName('jstepka');
  console.log(`${user.name}: ${user.attributes.displayName?.[0]} <${user.attributes.mail?.[0]}>`);
  console.log(`groups: ${(await crowd.findGroupMemberships('jstepka')).join(', ')}`);

  try {
    await crowd.authenticatePrincipal('jstepka', 'wrong password');
  } catch (error) {
    if (!isCrowdError(error, 'CROWD_INVALID_AUTHENTICATION')) throw error;
    console.log(`wrong password: ${error.code} (${error.exception})`);
  }
} finally {
  await crowd.close();
  await emulator.close();
}
