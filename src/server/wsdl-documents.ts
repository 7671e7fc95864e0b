/**
 * The WSDL and schema documents a hosted service serves at `<path>?wsdl`, named the way WCF names them:
 * the root WSDL is `?wsdl`, every other WSDL document `?wsdl=wsdlN` and every schema document `?xsd=xsdN`
 * (in the order the model lists them). The compiled model keeps only each document's location and hash, so the
 * texts are read again through a loader on first use and checked against those hashes; a caller may pass the
 * texts instead.
 */
import { type DocumentLoader, defaultLoader, type LoadedDocument, sha256 } from '../wsdl/index.js';
import type { CompiledModel } from '../wsdl/model.js';
import { parseXml } from '../xml/parse.js';
import type { XmlDocument } from '../xml/types.js';
import { ServerError } from './errors.js';

/** One served document. */
export interface ServedDocument {
  /** The location it was compiled from (absolute path or URL): how references to it are recognised. */
  readonly location: string;
  /** The query that serves it: `wsdl`, `wsdl=wsdl0`, `xsd=xsd3`. */
  readonly query: string;
  readonly document: XmlDocument;
}

/** Where the texts of a model's documents come from. */
export interface WsdlSourceOptions {
  /** The documents' texts, by location; the loader is used for any not given. */
  readonly documents?: readonly LoadedDocument[];
  /** Reads documents not given. Default: files and http(s) by scheme. */
  readonly loader?: DocumentLoader;
}

/** The query names of a model's documents, in model order. */
export function documentQueries(model: CompiledModel): string[] {
  let wsdl = 0;
  let xsd = 0;
  return model.documents.map((d, i) => {
    if (i === 0) return 'wsdl';
    return d.kind === 'wsdl' ? `wsdl=wsdl${wsdl++}` : `xsd=xsd${xsd++}`;
  });
}

/**
 * Reads every document of `model` and checks each against the hash recorded when it was compiled, so the
 * server never serves a WSDL that no longer describes the model it runs.
 */
export async function loadServedDocuments(
  model: CompiledModel,
  options: WsdlSourceOptions = {},
): Promise<ServedDocument[]> {
  const loader = options.loader ?? defaultLoader();
  const given = new Map((options.documents ?? []).map((d) => [d.location, d.text]));
  const queries = documentQueries(model);
  return Promise.all(
    model.documents.map(async (info, i) => {
      const text = given.get(info.location) ?? (await loader.load(info.location)).text;
      if (sha256(text) !== info.sha256) {
        throw new ServerError(
          'SERVER_WSDL_UNAVAILABLE',
          `${info.location} has changed since the model was compiled; cannot serve it as this service's WSDL`,
        );
      }
      return { location: info.location, query: queries[i]!, document: parseXml(text, { source: info.location }) };
    }),
  );
}

/**
 * The served document a `?...` query asks for: `wsdl` (any case) is the root, `wsdl=wsdlN` and `xsd=xsdN` the
 * others. Undefined when the query names no document.
 */
export function findServed(docs: readonly ServedDocument[], search: URLSearchParams): ServedDocument | undefined {
  const entries = [...search.entries()];
  if (entries.length !== 1) return undefined;
  const [rawKey, value] = entries[0]!;
  const key = rawKey.toLowerCase();
  if (key === 'wsdl' && value === '') return docs[0];
  if (key !== 'wsdl' && key !== 'xsd') return undefined;
  return docs.find((d) => d.query === `${key}=${value}`);
}
