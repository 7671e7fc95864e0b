/**
 * The Organization service's WSDL as a WCF server publishes it. `Organization.svc?wsdl` is split over
 * `?wsdl` (policies, binding, service), `?wsdl=wsdl0` (messages, portType, and types importing the schemas) and
 * one `?xsd=xsdN` per schema; `?singleWsdl` is the one file the emulator ships. The split is made from that file
 * by `splitWcfWsdl` (the same function the tests prove equivalent to the file) once per process.
 *
 * The model served at `Organization.svc` is the emulator's model with its `documents` naming the split, in
 * WCF's order (`?wsdl`, `?wsdl=wsdl0`, `?xsd=xsd0`...), so that the server's own WSDL serving (Host-based
 * addresses, import locations rewritten, `?wsdl=wsdl0` / `?xsd=xsdN` queries) serves it unchanged.
 */
import { readFile } from 'node:fs/promises';
import { type CompiledModel, type LoadedDocument, sha256 } from '../../wsdl/index.js';
import { splitWcfWsdl } from '../../wsdl/wcf-split.js';
import { DynamicsEmulatorError } from './errors.js';

/**
 * Where the split documents notionally live. Only an identity: the server recognises imports by it and rewrites
 * every one to the Host the client used, so it never reaches a client (`.invalid` never resolves, RFC 2606).
 */
export const SPLIT_BASE = 'http://dynamics-emulator.invalid/XRMServices/2011/Organization.svc';

/** A model and the texts of the documents it is served from. */
export interface ServedMetadata {
  readonly model: CompiledModel;
  readonly documents: readonly LoadedDocument[];
}

const split = new WeakMap<CompiledModel, Promise<ServedMetadata>>();

/**
 * The model to host at `Organization.svc` with the WCF split of its single-file WSDL (memoised per model).
 * `model` must have been compiled from one file (the bundled `?singleWsdl`).
 */
export function wcfSplitMetadata(model: CompiledModel): Promise<ServedMetadata> {
  let found = split.get(model);
  if (!found) {
    found = makeSplit(model);
    split.set(model, found);
    found.catch(() => split.delete(model));
  }
  return found;
}

async function makeSplit(model: CompiledModel): Promise<ServedMetadata> {
  const single = model.documents[0];
  if (model.documents.length !== 1 || single?.kind !== 'wsdl') {
    throw new DynamicsEmulatorError(
      'DYNAMICS_EMULATOR_OPTIONS',
      'the Organization service model must come from a single WSDL file to be served split',
    );
  }
  const text = await readFile(single.location, 'utf8');
  if (sha256(text) !== single.sha256) {
    throw new DynamicsEmulatorError(
      'DYNAMICS_EMULATOR_OPTIONS',
      `${single.location} has changed since the model was compiled`,
    );
  }
  const files = splitWcfWsdl(text, { base: SPLIT_BASE, source: single.location });
  const documents = [...files].map(([query, body]) => ({ location: `${SPLIT_BASE}?${query}`, text: body }));
  return {
    model: {
      ...model,
      documents: documents.map((d) => ({
        location: d.location,
        kind: d.location.includes('?xsd=') ? 'xsd' : 'wsdl',
        sha256: sha256(d.text),
      })),
    },
    documents,
  };
}
