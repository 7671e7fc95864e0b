/**
 * Recorded responses: `<dir>/<operation>.xml` holds either a whole SOAP envelope (sent as it is) or one body
 * entry (wrapped in an envelope of the port's version). Each file is read when its operation is called, so
 * recordings may be added or edited while the mock runs; it is parsed first, so only well-formed XML is sent.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RawResponse } from '../server/context.js';
import { versionOfNamespace } from '../soap/version.js';
import { parseXml } from '../xml/parse.js';

/** The recorded response of `operation` in `dir`, or undefined when there is none. */
export async function recordedResponse(dir: string, operation: string): Promise<RawResponse | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, `${operation}.xml`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const doc = parseXml(text.replace(/^\uFEFF/, ''), { source: join(dir, `${operation}.xml`) });
  const root = doc.root;
  if (root.local === 'Envelope' && versionOfNamespace(root.ns) !== undefined)
    return new RawResponse(doc.text, 'envelope');
  // A body entry: its own start tag carries every namespace it uses (it was the root of its file).
  return new RawResponse(doc.text.slice(root.start, root.end), 'body');
}
