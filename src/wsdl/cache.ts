/**
 * The on-disk cache of compiled models. An entry is keyed by the root WSDL's location and records every
 * document the model was built from with its sha256; it is used only while all of them still hash the same.
 * The warm path reads the root, hashes it, reads the entry, checks the other documents, and JSON-parses:
 * nothing is parsed as XML and nothing is compiled.
 *
 * A cache file is never trusted blindly: one in another format or of the wrong shape is ignored (and replaced).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { absoluteLocation } from '../xsd/location.js';
import { WsdlError } from './errors.js';
import { compileLoaded, rootLoader, sha256, type WsdlOptions } from './load.js';
import { COMPILED_MODEL_FORMAT, type CompiledModel } from './model.js';

/** What happened to a cached load, for logging and tests. */
export type CacheEvent = 'hit' | 'miss' | 'stale' | 'invalid' | 'stored';

/** Options of `loadWsdlCached`. */
export interface CachedWsdlOptions extends WsdlOptions {
  /** Directory of the cache entries (created when missing). */
  readonly cacheDir: string;
  /** Told of each cache decision: hit, miss (no entry), stale (a document changed), invalid (bad entry), stored. */
  readonly onCacheEvent?: (event: CacheEvent) => void;
}

const MAGIC = 'soapstack-compiled-model';

/** Serialises a compiled model for the cache. */
export function serializeModel(model: CompiledModel): string {
  return JSON.stringify({ magic: MAGIC, format: COMPILED_MODEL_FORMAT, model });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads back a serialised model, checking its format number and shape; a `WSDL_CACHE_INVALID` error otherwise. */
export function deserializeModel(text: string): CompiledModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new WsdlError('WSDL_CACHE_INVALID', 'cached model is not JSON', { cause });
  }
  const bad = (why: string) => new WsdlError('WSDL_CACHE_INVALID', `cached model rejected: ${why}`);
  if (!isObject(parsed) || parsed.magic !== MAGIC) throw bad('not a soapstack cache entry');
  if (parsed.format !== COMPILED_MODEL_FORMAT)
    throw bad(`format ${String(parsed.format)}, expected ${COMPILED_MODEL_FORMAT}`);
  const m = parsed.model;
  if (!isObject(m) || m.format !== COMPILED_MODEL_FORMAT || typeof m.targetNamespace !== 'string')
    throw bad('no model');
  if (!Array.isArray(m.documents) || m.documents.length === 0) throw bad('no documents');
  for (const d of m.documents) {
    if (
      !isObject(d) ||
      typeof d.location !== 'string' ||
      typeof d.sha256 !== 'string' ||
      (d.kind !== 'wsdl' && d.kind !== 'xsd')
    ) {
      throw bad('bad document entry');
    }
  }
  const s = m.schema;
  if (!isObject(s) || !Array.isArray(s.namespaces)) throw bad('no schema');
  for (const table of ['elements', 'types', 'attributes', 'substitutionGroups', 'derivedTypes']) {
    if (!isObject(s[table])) throw bad(`schema.${table} missing`);
  }
  if (!isObject(m.prefixes) || !Array.isArray(m.services)) throw bad('no services');
  for (const svc of m.services) {
    if (!isObject(svc) || typeof svc.name !== 'string' || !Array.isArray(svc.ports)) throw bad('bad service');
    for (const p of svc.ports) if (!isObject(p) || !Array.isArray(p.operations)) throw bad('bad port');
  }
  return m as unknown as CompiledModel;
}

/** The cache file of a root location. */
function entryPath(cacheDir: string, root: string): string {
  return join(cacheDir, `${sha256(root).slice(0, 40)}.json`);
}

/**
 * Loads a WSDL through the cache: the stored model when every document it was built from is unchanged,
 * otherwise a fresh compilation, which is then stored (atomically: temp file, then rename).
 */
export async function loadWsdlCached(location: string, options: CachedWsdlOptions): Promise<CompiledModel> {
  const root = absoluteLocation(location);
  const loader = rootLoader(root, options);
  const loaded = await loader.load(root);
  const file = entryPath(options.cacheDir, root);
  const event = options.onCacheEvent ?? (() => {});
  let cached: CompiledModel | undefined;
  try {
    cached = deserializeModel(await readFile(file, 'utf8'));
  } catch (error) {
    event((error as { code?: string }).code === 'ENOENT' ? 'miss' : 'invalid');
  }
  if (cached) {
    if (await unchanged(cached, root, sha256(loaded.text), loader)) {
      event('hit');
      return cached;
    }
    event('stale');
  }
  const model = await compileLoaded(loaded, loader, options);
  await store(options.cacheDir, file, serializeModel(model));
  event('stored');
  return model;
}

/** True when the entry is for `root` and every recorded document still hashes the same. */
async function unchanged(
  model: CompiledModel,
  root: string,
  rootHash: string,
  loader: { load(location: string): Promise<{ text: string }> },
): Promise<boolean> {
  const [first, ...others] = model.documents;
  if (!first || first.location !== root || first.sha256 !== rootHash) return false;
  try {
    const hashes = await Promise.all(others.map(async (d) => sha256((await loader.load(d.location)).text)));
    return hashes.every((h, i) => h === others[i]!.sha256);
  } catch {
    // A document that can no longer be read: recompile, which reports the problem properly.
    return false;
  }
}

async function store(dir: string, file: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
