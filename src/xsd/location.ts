/**
 * Locations of schema and WSDL documents: absolute file paths or URLs. A relative `schemaLocation` or
 * `location` resolves against the document that names it (RFC 3986 section 5, as `new URL(rel, base)` does);
 * file paths go through `file:` URLs so that `../x.xsd` works the same for files and for HTTP.
 */
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** True when `location` is a URL with a scheme other than `file:` (a Windows drive letter is not a scheme). */
export function isUrl(location: string): boolean {
  return SCHEME.test(location) && !/^[a-zA-Z]:[\\/]/.test(location) && !location.startsWith('file:');
}

/** Normalises a root location: a URL stays as it is, a path or `file:` URL becomes an absolute path. */
export function absoluteLocation(location: string): string {
  if (location.startsWith('file:')) return fileURLToPath(location);
  if (isUrl(location)) return new URL(location).href;
  return isAbsolute(location) ? location : resolvePath(location);
}

/** Resolves `relative` against the location of the document that refers to it. */
export function resolveLocation(relative: string, base: string): string {
  const trimmed = relative.trim();
  if (isUrl(trimmed) || trimmed.startsWith('file:')) return absoluteLocation(trimmed);
  if (isUrl(base)) return new URL(trimmed, base).href;
  // A file base: resolve through a file URL so that URL-style relative references (with %20, ?, #) behave.
  const resolved = new URL(trimmed.replace(/\\/g, '/'), pathToFileURL(base));
  resolved.search = '';
  resolved.hash = '';
  return fileURLToPath(resolved);
}
