/**
 * The Crowd reference flow, after the example of Crowd's SOAP API documentation page: authenticate the
 * application, authenticate a principal, find him by name and read his attributes, and see what a wrong
 * password gives, all through `createCrowdClient` against the Crowd emulator.
 */
import { startCrowdEmulator } from '../emulators/crowd/emulator.js';
import { createCrowdClient } from '../services/crowd/create.js';
import { isCrowdError } from '../services/crowd/errors.js';
import type { SecretRegistry } from './secrets.js';
import type { EnvelopeMask, Transcript } from './transcript.js';

/** The application and principal of Crowd's documentation example, as the emulator's default directory has them. */
export const CROWD_DEMO = {
  application: { name: 'jira', password: 'password' },
  principal: { name: 'jstepka', password: 'password' },
  wrongPassword: 'not-his-password',
} as const;

/** Operations whose answer (`out`) is a principal token, which no masking rule can tell from other text. */
const TOKEN_ANSWERS = new Set(['authenticatePrincipal', 'authenticatePrincipalSimple', 'createPrincipalToken']);

/** Masks the principal token a response carries as `out`. */
const maskPrincipalToken: EnvelopeMask = (event, text) =>
  event.direction === 'response' && TOKEN_ANSWERS.has(event.operation)
    ? text.replace(/(<(?:[\w.-]+:)?out\b[^>]*>)[^<]*(<\/)/g, '$1***$2')
    : text;

/** Attributes shown first, in this order; the others follow by name. */
const FIRST_ATTRIBUTES = ['givenName', 'sn', 'displayName', 'mail'];

/** Runs the Crowd flow; throws a `DemoStepError` naming the first step that failed. */
export async function runCrowdFlow(transcript: Transcript, secrets: SecretRegistry): Promise<void> {
  secrets.add(CROWD_DEMO.application.password, CROWD_DEMO.principal.password, CROWD_DEMO.wrongPassword);
  transcript.section('Atlassian Crowd: SecurityServer SOAP API (Crowd 2.0.5), the flow of its documentation');
  transcript.addEnvelopeMask(maskPrincipalToken);
  const emulator = await transcript.step('Start the Crowd emulator', async () => {
    const started = await startCrowdEmulator({ port: 0, host: '127.0.0.1' });
    transcript.received(`listening at ${started.url}`);
    return started;
  });
  try {
    const crowd = await createCrowdClient({
      url: emulator.url,
      application: CROWD_DEMO.application,
      onEnvelope: transcript.envelope,
    });
    try {
      await transcript.step('Authenticate the application', async () => {
        transcript.sent(
          `authenticateApplication: application "${CROWD_DEMO.application.name}", its password (not shown)`,
        );
        const token = await crowd.authenticateApplication();
        secrets.add(token.token);
        transcript.received(`an application token for "${token.name}" (${token.token.length} characters, not shown)`);
      });

      await transcript.step(`Authenticate the user ${CROWD_DEMO.principal.name}`, async () => {
        transcript.sent(
          `authenticatePrincipal: "${CROWD_DEMO.principal.name}", his password (not shown), remote_address 127.0.0.1`,
        );
        const token = await crowd.authenticatePrincipal(CROWD_DEMO.principal.name, CROWD_DEMO.principal.password, {
          remote_address: '127.0.0.1',
        });
        secrets.add(token);
        transcript.received(`a principal token (${token.length} characters, not shown): the SSO session`);
      });

      await transcript.step(`Find ${CROWD_DEMO.principal.name} by name`, async () => {
        transcript.sent(`findPrincipalByName: "${CROWD_DEMO.principal.name}"`);
        const user = await crowd.findPrincipalByName(CROWD_DEMO.principal.name);
        transcript.received(
          `${user.name}: ${user.active ? 'active' : 'inactive'}, directory ${user.directoryId ?? '?'}`,
        );
        const names = Object.keys(user.attributes);
        const ordered = [
          ...FIRST_ATTRIBUTES.filter((n) => names.includes(n)),
          ...names.filter((n) => !FIRST_ATTRIBUTES.includes(n)).sort(),
        ];
        for (const name of ordered) transcript.detail(`${name}: ${user.attributes[name]!.join(', ')}`);
        if (!user.attributes.mail?.length) throw new Error('the principal came back without a mail attribute');
      });

      await transcript.step('Authenticate with a wrong password', async () => {
        transcript.sent(`authenticatePrincipal: "${CROWD_DEMO.principal.name}", a wrong password (not shown)`);
        try {
          await crowd.authenticatePrincipal(CROWD_DEMO.principal.name, CROWD_DEMO.wrongPassword);
        } catch (error) {
          if (!isCrowdError(error, 'CROWD_INVALID_AUTHENTICATION')) throw error;
          transcript.received(`refused: ${error.name} ${error.code} (${error.exception ?? 'no exception named'})`);
          transcript.detail(`reason: ${error.reason}`);
          return;
        }
        throw new Error('the wrong password was accepted');
      });
    } finally {
      await crowd.close();
    }
  } finally {
    await emulator.close();
  }
}
