/**
 * Client creation: compiling the Dynamics Organization and Crowd 2.0.5 WSDLs, cold (parse and compile) and
 * warm (the compiled model read back from the on-disk cache), beside node-soap's createClient on the same files
 * (its in-process WSDL cache disabled, so that each run parses, as a fresh process would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { loadWsdl, loadWsdlCached } from '../src/wsdl/index.js';
import { type BenchResult, type BenchRow, medianMs, round } from './harness.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/real/', import.meta.url));
const WSDLS = {
  'Dynamics Organization': join(fixtures, 'dynamics-crm-2011/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl'),
  'Crowd 2.0.5': join(fixtures, 'crowd/SecurityServer-crowd-2.0.5.wsdl'),
};

export async function benchCompile(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'soapstack-bench-'));
  try {
    for (const [label, path] of Object.entries(WSDLS)) {
      const nodeSoap = await medianMs(() => soap.createClientAsync(path, { disableCache: true }), 15);
      const cold = await medianMs(() => loadWsdl(path), 15);
      await loadWsdlCached(path, { cacheDir });
      const warm = await medianMs(() => loadWsdlCached(path, { cacheDir }), 30);
      rows.push(
        { label: `${label}: node-soap createClient`, value: round(nodeSoap), unit: 'ms' },
        { label: `${label}: soapstack cold`, value: round(cold), unit: 'ms' },
        { label: `${label}: soapstack warm (disk cache)`, value: round(warm), unit: 'ms' },
        { label: `${label}: cold / node-soap`, value: round(cold / nodeSoap), unit: 'x', goal: '<= 0.33' },
        { label: `${label}: warm / node-soap`, value: round(warm / nodeSoap), unit: 'x', goal: '<= 0.05' },
      );
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return { name: 'Client creation (compile WSDL)', rows };
}
