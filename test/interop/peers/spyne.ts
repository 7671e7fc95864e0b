// spyne peer from TypeScript: starts spyne_server.py (Debian's Python) on a free port of 127.0.0.1.

import { testPath } from '../../support/paths.js';
import { startPython } from '../../support/processes.js';

/** test/interop/peers/spyne_server.py */
export const spyneServerScript: string = testPath('interop', 'peers', 'spyne_server.py');

/** A running spyne server of the interop contract. */
export interface SpyneServer {
  /** The endpoint, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** `${url}?wsdl`: the WSDL spyne generates (same instance shapes as interop.wsdl; see spyne_server.py). */
  wsdlUrl: string;
  close(): Promise<void>;
}

/** Starts the spyne server and resolves once it listens; rejects with its stderr if it dies first. */
export async function startSpyneServer(): Promise<SpyneServer> {
  const peer = await startPython(spyneServerScript);
  return { url: peer.url, wsdlUrl: `${peer.url}?wsdl`, close: peer.close };
}
