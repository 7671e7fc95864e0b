/**
 * The SSRF rule for imports. A WSDL fetched from a URL may only pull its imports and includes from the same
 * origin, unless the caller widens that with `allowedOrigins` or `allowAnyOrigin`; it may never read local
 * files. A WSDL read from the file system may import files anywhere, and URLs only when allowed.
 */
import { isUrl } from '../xsd/location.js';
import { WsdlError } from './errors.js';
import type { DocumentLoader } from './loader.js';

/** Which origins imports may come from, besides the root's own. */
export interface OriginPolicy {
  /** Origins (`https://host:port`, or any URL of that origin) imports may also come from. */
  readonly allowedOrigins?: readonly string[];
  /** Allow imports from any origin (never local files when the root is a URL). */
  readonly allowAnyOrigin?: boolean;
}

/** True when a document at `location` may be read on behalf of the root WSDL at `root`. */
export function isAllowedImport(location: string, root: string, policy: OriginPolicy): boolean {
  if (location === root) return true;
  const rootIsUrl = isUrl(root);
  if (!isUrl(location)) return !rootIsUrl;
  let origin: string;
  try {
    origin = new URL(location).origin;
  } catch {
    return false;
  }
  if (policy.allowAnyOrigin) return true;
  if (rootIsUrl && new URL(root).origin === origin) return true;
  return (policy.allowedOrigins ?? []).some((o) => {
    try {
      return new URL(o).origin === origin;
    } catch {
      return false;
    }
  });
}

/** Wraps a loader so that every import is checked against the policy (before the fetch and after redirects). */
export function guardLoader(loader: DocumentLoader, root: string, policy: OriginPolicy): DocumentLoader {
  const check = (location: string) => {
    if (!isAllowedImport(location, root, policy)) {
      throw new WsdlError(
        'WSDL_IMPORT_FORBIDDEN',
        `import of ${location} refused: it is not from the origin of ${root} (see allowedOrigins / allowAnyOrigin)`,
        { location },
      );
    }
  };
  return {
    async load(location) {
      check(location);
      const loaded = await loader.load(location);
      check(loaded.location);
      return loaded;
    },
  };
}
