/**
 * `startCrowdEmulator`: a stand-in for Atlassian Crowd's SecurityServer SOAP service on a local port, serving
 * the real 2.0.5 WSDL at `/crowd/services/SecurityServer?wsdl`, so that tests and demos run without a Crowd.
 */
import { createSoapServer, type ServerLogEntry } from '../../server/index.js';
import type { CrowdDirectoryData } from './data.js';
import { hashCrowdData, parseCrowdData } from './data.js';
import { defaultCrowdData } from './default-data.js';
import { CrowdDirectory } from './directory.js';
import { addCrowdService } from './service.js';

/** Options of `startCrowdEmulator`. */
export interface CrowdEmulatorOptions {
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
  /** Host to listen on. Default 127.0.0.1. */
  host?: string;
  /** The directory (see `loadCrowdData` and docs/emulators.md). Default: `defaultCrowdData()`. */
  data?: CrowdDirectoryData;
  /** Token lifetime after last use, in seconds. Default 1800. */
  tokenTtl?: number;
  /** The clock, in milliseconds since the epoch (tests move it to expire tokens). Default `Date.now`. */
  now?: () => number;
  /** Receives a principal's new password when resetPrincipalCredential is called (Crowd e-mails it). */
  onPasswordReset?: (principal: string, password: string) => void;
  /** Receives one access-log entry per request (never any content). */
  log?: (entry: ServerLogEntry) => void;
}

/** A running Crowd emulator. */
export interface CrowdEmulator {
  /** The SecurityServer URL: `http://127.0.0.1:N/crowd/services/SecurityServer`. */
  readonly url: string;
  /** The WSDL URL: `<url>?wsdl`. */
  readonly wsdlUrl: string;
  /** The live directory: read it, or change it between calls. */
  readonly directory: CrowdDirectory;
  /** Forgets every application and principal token, as a restarted Crowd does. */
  restart(): Promise<void>;
  /** Stops the server. */
  close(): Promise<void>;
}

let defaultHashed: Promise<CrowdDirectoryData> | undefined;

/** The default directory, hashed once per process (hashing is deliberately slow). */
function hashedDefaultData(): Promise<CrowdDirectoryData> {
  defaultHashed ??= hashCrowdData(defaultCrowdData());
  defaultHashed.catch(() => {
    defaultHashed = undefined;
  });
  return defaultHashed;
}

/** Starts a Crowd emulator; close it when done. */
export async function startCrowdEmulator(options: CrowdEmulatorOptions = {}): Promise<CrowdEmulator> {
  const data = options.data === undefined ? await hashedDefaultData() : parseCrowdData(options.data);
  const directory = await CrowdDirectory.create(data, {
    ...(options.tokenTtl !== undefined ? { tokenTtl: options.tokenTtl } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = createSoapServer(options.log ? { log: options.log } : {});
  const path = await addCrowdService(
    server,
    directory,
    options.onPasswordReset ? { onPasswordReset: options.onPasswordReset } : {},
  );
  const { url: origin } = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const url = `${origin}${path}`;
  return {
    url,
    wsdlUrl: `${url}?wsdl`,
    directory,
    restart: async () => directory.forgetTokens(),
    close: () => server.close(),
  };
}
