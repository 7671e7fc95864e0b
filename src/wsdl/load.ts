/**
 * The WSDL layer's entry points: load a WSDL by path or URL (or from text), read its imports and schemas,
 * and compile it into the plain-data `CompiledModel`.
 */
import { createHash } from 'node:crypto';
import { parseXml } from '../xml/parse.js';
import { XSD_NS } from '../xsd/builtins.js';
import { renderIssue } from '../xsd/errors.js';
import { absoluteLocation, isUrl } from '../xsd/location.js';
import { readSchemas } from '../xsd/schemas.js';
import { compileServices } from './compile.js';
import { type DocumentLoader, defaultLoader, type HttpLoaderOptions, type LoadedDocument } from './loader.js';
import { COMPILED_MODEL_FORMAT, type CompiledModel, type CompileIssue, type DocumentInfo } from './model.js';
import { WSDL_NS } from './namespaces.js';
import { guardLoader, isAllowedImport, type OriginPolicy } from './origin.js';
import { readDefinitions } from './read.js';

/** Options of `loadWsdl` and `compileWsdlText`. */
export interface WsdlOptions extends OriginPolicy {
  /** How documents are fetched. Default: files and http(s) by scheme (`defaultLoader`). Imports are still checked against the origin policy. */
  readonly loader?: DocumentLoader;
  /** Options of the default HTTP loader (timeout, maxSize, maxRedirects, headers). */
  readonly http?: Omit<HttpLoaderOptions, 'allow'>;
  /**
   * `throw` (default): an unresolvable schema reference fails the load. `collect`: it is recorded in the
   * model's `issues` and replaced by anyType (or a placeholder), so that a sloppy WSDL still loads.
   */
  readonly onUnresolved?: 'throw' | 'collect';
}

// The `wsdl:arrayType` attribute (WSDL 1.1, section 5) used by SOAP-encoded array restrictions; supplied here so
// that schemas referring to it resolve without fetching the WSDL schema.
const WSDL_ATTRIBUTES_SCHEMA = `<xs:schema xmlns:xs="${XSD_NS}" targetNamespace="${WSDL_NS}"><xs:attribute name="arrayType" type="xs:string"/><xs:attribute name="required" type="xs:boolean"/></xs:schema>`;
let wsdlAttributesSchema: ReturnType<typeof parseXml> | undefined;

/** sha256 of a document's text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Loads the WSDL at `location` (a file path, `file:` URL or http(s) URL) and compiles it. */
export async function loadWsdl(location: string, options: WsdlOptions = {}): Promise<CompiledModel> {
  const root = absoluteLocation(location);
  const loader = rootLoader(root, options);
  const loaded = await loader.load(root);
  return compileLoaded(loaded, loader, options);
}

/** Compiles a WSDL given as text; `location` is where it notionally lives (for relative imports and the origin rule). */
export async function compileWsdlText(
  text: string,
  location: string,
  options: WsdlOptions = {},
): Promise<CompiledModel> {
  const root = absoluteLocation(location);
  return compileLoaded({ location: root, text }, rootLoader(root, options), options);
}

/** The loader for imports of the WSDL at `root`: the caller's or the default, behind the origin guard. */
export function rootLoader(root: string, options: WsdlOptions): DocumentLoader {
  const inner =
    options.loader ??
    defaultLoader({
      ...options.http,
      ...(isUrl(root) ? { allow: (url: string) => isAllowedImport(url, root, options) } : {}),
    });
  return guardLoader(inner, root, options);
}

/** Reads, resolves and compiles a loaded root document. */
export async function compileLoaded(
  rootDoc: LoadedDocument,
  loader: DocumentLoader,
  options: WsdlOptions = {},
): Promise<CompiledModel> {
  const lenient = options.onUnresolved === 'collect';
  const defs = await readDefinitions(rootDoc, loader, lenient);
  wsdlAttributesSchema ??= parseXml(WSDL_ATTRIBUTES_SCHEMA, { source: '<wsdl-attributes>' });
  const roots = [...defs.schemaRoots, { element: wsdlAttributesSchema.root, document: wsdlAttributesSchema }];
  const read = await readSchemas(roots, loader, {
    builtInNamespaces: [WSDL_NS],
    onUnresolved: options.onUnresolved ?? 'throw',
  });
  const { documents, issues } = read;
  // The built-in wsdl: attribute schema is not one of the WSDL's own namespaces.
  const schema = { ...read.schema, namespaces: read.schema.namespaces.filter((n) => n !== WSDL_NS) };
  const compileIssues: CompileIssue[] = [
    ...defs.issues,
    ...issues.map((i) => ({ code: i.code, message: renderIssue(i) })),
  ];
  const services = compileServices({ defs, schema, lenient, issues: compileIssues });
  const infos: DocumentInfo[] = defs.documents.map((d) => ({
    location: d.location,
    kind: d.kind,
    sha256: sha256(d.text),
  }));
  for (const d of documents) {
    if (!infos.some((i) => i.location === d.location))
      infos.push({ location: d.location, kind: 'xsd', sha256: sha256(d.text) });
  }
  const prefixes: Record<string, string> = {};
  for (const [prefix, uri] of Object.entries(defs.root.root.scope)) if (prefix !== 'xml') prefixes[prefix] = uri;
  return {
    format: COMPILED_MODEL_FORMAT,
    targetNamespace: defs.targetNamespace,
    ...(defs.name !== undefined ? { name: defs.name } : {}),
    documents: infos,
    prefixes,
    schema,
    services,
    ...(compileIssues.length ? { issues: compileIssues } : {}),
  };
}
