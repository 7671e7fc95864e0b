/**
 * The WSDLs soapstack ships for the services it knows (in the package's `wsdl/` folder), and their compiled
 * models, built once when the package is built (`npm run build` writes `dist/models/*.json`), so that the
 * Dynamics and Crowd clients and emulators start without parsing a WSDL.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledModel, deserializeModel, loadWsdl, serializeModel } from '../wsdl/index.js';

/** The package root (this file runs from dist/src/services/). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The service descriptions shipped with soapstack. */
export const BUNDLED_WSDLS = {
  'crowd-2.0.5': 'wsdl/crowd/SecurityServer-2.0.5.wsdl',
  'dynamics-organization': 'wsdl/dynamics/Organization.svc.wsdl',
} as const;

export type BundledWsdl = keyof typeof BUNDLED_WSDLS;

/** The absolute path of a shipped WSDL. */
export function bundledWsdlPath(name: BundledWsdl): string {
  return join(PACKAGE_ROOT, BUNDLED_WSDLS[name]);
}

function modelPath(name: BundledWsdl): string {
  return join(PACKAGE_ROOT, 'dist', 'models', `${name}.json`);
}

const loaded = new Map<BundledWsdl, Promise<CompiledModel>>();

/**
 * The compiled model of a shipped WSDL: read from `dist/models`, or compiled from the WSDL when that file is
 * missing or was built in another model format (an older build).
 */
export function loadBundledModel(name: BundledWsdl): Promise<CompiledModel> {
  let model = loaded.get(name);
  if (!model) {
    model = readFile(modelPath(name), 'utf8')
      .then((text) => withPackageLocations(deserializeModel(text)))
      .catch(() => loadWsdl(bundledWsdlPath(name)));
    loaded.set(name, model);
    model.catch(() => loaded.delete(name));
  }
  return model;
}

/** Serialises the model of a shipped WSDL with its document locations relative to the package (build step). */
export async function compileBundledModel(name: BundledWsdl): Promise<{ path: string; text: string }> {
  const model = await loadWsdl(bundledWsdlPath(name));
  const portable: CompiledModel = {
    ...model,
    documents: model.documents.map((d) => ({ ...d, location: relative(PACKAGE_ROOT, d.location) })),
  };
  return { path: modelPath(name), text: serializeModel(portable) };
}

/** Document locations are stored relative to the package; make them absolute where the package is now. */
function withPackageLocations(model: CompiledModel): CompiledModel {
  return { ...model, documents: model.documents.map((d) => ({ ...d, location: join(PACKAGE_ROOT, d.location) })) };
}
