/**
 * The on-disk cache of compiled models. An entry is keyed by the root WSDL's location and records every
 * document the model was built from with its sha256; it is used only while all of them still hash the same.
 * The warm path reads the entry and JSON-parses it; when every document is a local file whose size and
 * modification time are those recorded with the entry, that is all, else it reads and hashes the documents.
 * Nothing is parsed as XML and nothing is compiled.
 *
 * A cache file is never trusted blindly: one in another format or of the wrong shape is ignored (and replaced).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { absoluteLocation, isUrl } from '../xsd/location.js';
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
  return checkedModel(parseJson(text));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new WsdlError('WSDL_CACHE_INVALID', 'cached model is not JSON', { cause });
  }
}

function checkedModel(parsed: unknown): CompiledModel {
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
 * The size and modification time of each document file when the entry was stored (null for one that is not a
 * local file), and the time its reading began. They let a hit skip reading and hashing the documents.
 */
interface FileStamps {
  readonly readFrom: number;
  readonly files: readonly ({ readonly size: number; readonly mtimeMs: number } | null)[];
}

/** A cache entry: the model, and the stamps of its files when they were recorded. */
interface CacheEntry {
  readonly model: CompiledModel;
  readonly stamps: FileStamps | undefined;
}

function readEntry(text: string): CacheEntry {
  const parsed = parseJson(text);
  const model = checkedModel(parsed);
  const stamps = (parsed as { stamps?: unknown }).stamps;
  return { model, stamps: isStamps(stamps, model.documents.length) ? stamps : undefined };
}

function isStamps(value: unknown, documents: number): value is FileStamps {
  if (!isObject(value) || typeof value.readFrom !== 'number') return false;
  const files = value.files;
  return (
    Array.isArray(files) &&
    files.length === documents &&
    files.every((f) => f === null || (isObject(f) && typeof f.size === 'number' && typeof f.mtimeMs === 'number'))
  );
}

/**
 * Loads a WSDL through the cache: the stored model when every document it was built from is unchanged,
 * otherwise a fresh compilation, which is then stored (atomically: temp file, then rename).
 */
export async function loadWsdlCached(location: string, options: CachedWsdlOptions): Promise<CompiledModel> {
  const root = absoluteLocation(location);
  const file = entryPath(options.cacheDir, root);
  const event = options.onCacheEvent ?? (() => {});
  const readFrom = Date.now();
  let cached: CacheEntry | undefined;
  let problem: CacheEvent | undefined;
  try {
    cached = readEntry(await readFile(file, 'utf8'));
  } catch (error) {
    problem = (error as { code?: string }).code === 'ENOENT' ? 'miss' : 'invalid';
  }
  // Unchanged file stamps make the hit without reading a document; otherwise the documents are hashed as before.
  if (cached && options.loader === undefined && (await sameStamps(cached, root))) {
    event('hit');
    return cached.model;
  }
  const loader = rootLoader(root, options);
  const loaded = await loader.load(root);
  if (problem) event(problem);
  if (cached) {
    if (await unchanged(cached.model, root, sha256(loaded.text), loader)) {
      event('hit');
      return cached.model;
    }
    event('stale');
  }
  const model = await compileLoaded(loaded, loader, options);
  const stamps = options.loader === undefined ? await stampsOf(model, readFrom) : undefined;
  await store(options.cacheDir, file, JSON.stringify({ magic: MAGIC, format: COMPILED_MODEL_FORMAT, model, stamps }));
  event('stored');
  return model;
}

/**
 * A file modified this close to (or after) the moment its reading began is never trusted by its stamp: it may
 * have changed between the read and the stat, or within the file system's timestamp granularity.
 */
const STAMP_MARGIN_MS = 2000;

/** The stamps of the model's documents, when every one is a local file that was last modified before reading. */
async function stampsOf(model: CompiledModel, readFrom: number): Promise<FileStamps | undefined> {
  try {
    const files = await Promise.all(
      model.documents.map(async (d) => {
        if (!isLocalPath(d.location)) return null;
        const { size, mtimeMs } = await stat(d.location);
        return mtimeMs < readFrom - STAMP_MARGIN_MS ? { size, mtimeMs } : null;
      }),
    );
    return files.every((f) => f !== null) ? { readFrom, files } : undefined;
  } catch {
    return undefined;
  }
}

/** True when the entry is for `root` and every document file still has the size and time it was stored with. */
async function sameStamps(entry: CacheEntry, root: string): Promise<boolean> {
  const { model, stamps } = entry;
  if (!stamps || model.documents[0]?.location !== root) return false;
  try {
    const now = await Promise.all(model.documents.map((d) => stat(d.location)));
    return now.every((s, i) => {
      const was = stamps.files[i];
      return was != null && s.isFile() && s.size === was.size && s.mtimeMs === was.mtimeMs;
    });
  } catch {
    return false;
  }
}

function isLocalPath(location: string): boolean {
  return isAbsolute(location) && !isUrl(location);
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
