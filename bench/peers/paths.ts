/**
 * Where the peers' files are, from the compiled module (dist/bench/peers/) back to the repository: the Python
 * scripts and the tiny WSDL live in bench/peers/ (tsc does not copy them), the fixtures in test/fixtures/real/.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A file of bench/peers/ in the source tree (for example `zeep_decode.py`). */
export function peerFile(name: string): string {
  return `${root}bench/peers/${name}`;
}

/** The real Dynamics Organization WSDL (SOAP 1.2, RetrieveMultiple) the decode benchmark decodes against. */
export const DYNAMICS_WSDL = `${root}test/fixtures/real/dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl`;

/** The system Python that has Debian's python3-zeep (not whatever `python3` is first on PATH). */
export const PYTHON = '/usr/bin/python3';
