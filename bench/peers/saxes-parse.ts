/**
 * The raw parse baseline: saxes in xmlns mode over the whole document, every event handled (names, namespace
 * URIs, attribute values and text are read so that nothing is skipped), no tree built. What a decoder built on
 * saxes cannot beat; soapstack's decode is judged as a fraction of it.
 */
import { SaxesParser } from 'saxes';

/** Parses `xml` and returns a count that depends on every event (so the work cannot be optimised away). */
export function saxesParse(xml: string): number {
  const parser = new SaxesParser({ xmlns: true });
  let seen = 0;
  parser.on('opentag', (tag) => {
    seen += tag.uri.length + tag.local.length;
    for (const name in tag.attributes) seen += tag.attributes[name]!.value.length;
  });
  parser.on('closetag', () => {
    seen++;
  });
  parser.on('text', (text) => {
    seen += text.length;
  });
  parser.write(xml).close();
  return seen;
}
