/**
 * Where the demo gets its Dynamics emulator. The emulator (`startDynamicsEmulator` of `soapstack/emulators`)
 * is looked up when the demo runs rather than imported, so the demo builds and runs its Crowd flow before the
 * emulator is part of the package; once it is, this lookup finds it and the Dynamics flow runs.
 */

/** What the demo needs of a running Dynamics emulator. */
export interface DemoDynamicsEmulator {
  /** The emulator's origin, `http://127.0.0.1:N`. */
  readonly url: string;
  /** The SOAP 1.2 Organization service, `.../XRMServices/2011/Organization.svc`. */
  readonly organizationUrl: string;
  /** Its SOAP 1.1 `/web` endpoint (OAuth bearer tokens). */
  readonly webUrl: string;
  /** The Office 365 WS-Trust Feb 2005 STS (Microsoft Online's `RST2.srf`). */
  readonly stsUrl: string;
  /** The AD FS WS-Trust 1.3 `usernamemixed` endpoint. */
  readonly adfsUrl: string;
  /** The OAuth 2.0 token endpoint. */
  readonly tokenUrl: string;
  /** Stops the emulator. */
  close(): Promise<void>;
}

/** Starts a Dynamics emulator on a free loopback port. */
export type StartDynamicsEmulator = (options?: { port?: number; host?: string }) => Promise<DemoDynamicsEmulator>;

/** The emulator's default sign-ins, as docs/emulators.md documents them. */
export const DYNAMICS_DEMO = {
  user: { username: 'admin@contoso.onmicrosoft.com', password: 'pass@word1' },
  oauthClient: { clientId: 'soapstack-emulator', clientSecret: 'emulator-secret' },
} as const;

/** `startDynamicsEmulator` when the package has it, else undefined. */
export async function findDynamicsEmulator(): Promise<StartDynamicsEmulator | undefined> {
  const emulators: Record<string, unknown> = await import('../emulators/index.js');
  const start = emulators.startDynamicsEmulator;
  return typeof start === 'function' ? (start as StartDynamicsEmulator) : undefined;
}
