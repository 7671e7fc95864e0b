/**
 * Where a client's compiled model and codecs come from: a model given directly, or a WSDL location read
 * through the on-disk cache (so a second process skips parsing) and memoised in this process by the content
 * of its documents (so creating a client again reuses the codecs already compiled).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type CompiledModel, loadWsdl, loadWsdlCached, type WsdlOptions } from '../wsdl/index.js';
import { type CodecOptions, createCodecs, type SchemaCodecs } from '../xsd/codec/index.js';

/** A compiled model with the codecs of its schema. */
export interface LoadedModel {
  model: CompiledModel;
  codecs: SchemaCodecs;
}

const byFingerprint = new Map<string, LoadedModel>();
const byModel = new WeakMap<CompiledModel, LoadedModel>();

/** The default cache folder: `SOAPSTACK_CACHE_DIR`, else `$XDG_CACHE_HOME/soapstack`, else `~/.cache/soapstack`. */
export function defaultCacheDir(): string {
  const env = process.env;
  return env.SOAPSTACK_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'soapstack');
}

/** Loads (or reuses) the model and codecs for `wsdl`. */
export async function loadModel(
  wsdl: string | CompiledModel,
  options: { cache?: false | { dir?: string }; wsdl?: WsdlOptions; codecs?: CodecOptions },
): Promise<LoadedModel> {
  if (typeof wsdl !== 'string') return withCodecs(wsdl, options.codecs, undefined);
  const model =
    options.cache === false
      ? await loadWsdl(wsdl, options.wsdl)
      : await loadWsdlCached(wsdl, { ...options.wsdl, cacheDir: options.cache?.dir ?? defaultCacheDir() });
  return withCodecs(model, options.codecs, fingerprint(model, options.codecs));
}

function withCodecs(
  model: CompiledModel,
  codecOptions: CodecOptions | undefined,
  key: string | undefined,
): LoadedModel {
  const known = key === undefined ? byModel.get(model) : byFingerprint.get(key);
  if (known) return known;
  const loaded = { model, codecs: createCodecs(model.schema, codecOptions) };
  if (key === undefined) byModel.set(model, loaded);
  else byFingerprint.set(key, loaded);
  return loaded;
}

/** Same documents with the same content and the same codec options: the same compiled client parts. */
function fingerprint(model: CompiledModel, codecOptions: CodecOptions | undefined): string {
  return `${model.documents.map((d) => `${d.location}#${d.sha256}`).join('|')}|${JSON.stringify(codecOptions ?? {})}`;
}
