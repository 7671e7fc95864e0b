/**
 * The schema layer's entry point: read (collect) then resolve, in one call. The loader is passed in, so the
 * layer knows nothing of WSDL, HTTP or files.
 */
import type { SchemaIssue } from './errors.js';
import type { SchemaSet } from './model.js';
import { type CollectOptions, collectSchemas, type SchemaLoader, type SchemaRoot } from './read.js';
import { type ResolveOptions, resolveSchemas } from './resolve.js';

/** Options of `readSchemas`. */
export interface ReadSchemasOptions extends CollectOptions, ResolveOptions {}

/** The resolved set, the documents fetched to build it, and the problems collected (lenient mode only). */
export interface SchemaReadResult {
  readonly schema: SchemaSet;
  readonly documents: ReadonlyArray<{ readonly location: string; readonly text: string }>;
  readonly issues: SchemaIssue[];
}

/** Reads the given schemas and everything they import or include, and resolves them into a `SchemaSet`. */
export async function readSchemas(
  roots: readonly SchemaRoot[],
  loader: SchemaLoader,
  options: ReadSchemasOptions = {},
): Promise<SchemaReadResult> {
  const raw = await collectSchemas(roots, loader, options);
  const { schema, issues } = resolveSchemas(raw, options);
  return { schema, documents: raw.documents, issues };
}
