/**
 * node-soap's request/response samples (test/fixtures/node-soap/test/request-response-samples): one folder per
 * case, named `<operation>__<description>`, holding the WSDL, the request as node-soap JSON and as XML, and the
 * response as XML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledModel, Operation, Port } from '../../../src/wsdl/index.js';
import { testPath } from '../../support/paths.js';

/** The samples folder. */
export const SAMPLES_DIR = testPath('fixtures', 'node-soap', 'test', 'request-response-samples');

/** One sample folder. */
export interface Sample {
  dir: string;
  folder: string;
  operation: string;
}

/** Every sample folder, sorted by name. */
export function listSamples(): Sample[] {
  return readdirSync(SAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes('__'))
    .map((d) => ({ dir: d.name, folder: join(SAMPLES_DIR, d.name), operation: d.name.slice(0, d.name.indexOf('__')) }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** A file of the sample, or undefined when the sample has none. */
export function sampleFile(sample: Sample, name: string): string | undefined {
  const path = join(sample.folder, name);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The first port (of any service) that binds the operation, with the operation; a port of `version` first
 * when given (a WSDL with SOAP 1.1 and 1.2 ports, where the sample shows which one node-soap used).
 */
export function findOperation(
  model: CompiledModel,
  name: string,
  version?: string,
): { service: string; port: Port; operation: Operation } {
  const found = [];
  for (const service of model.services) {
    for (const port of service.ports) {
      const operation = port.operations.find((o) => o.name === name);
      if (operation) found.push({ service: service.name, port, operation });
    }
  }
  const chosen = found.find((f) => f.port.soapVersion === version) ?? found[0];
  if (!chosen) throw new Error(`no port binds operation ${name}`);
  return chosen;
}

/** The SOAP version of an envelope's text, by its namespace. */
export function envelopeVersionOf(xml: string): '1.1' | '1.2' | undefined {
  if (xml.includes('http://www.w3.org/2003/05/soap-envelope')) return '1.2';
  if (xml.includes('http://schemas.xmlsoap.org/soap/envelope/')) return '1.1';
  return undefined;
}
