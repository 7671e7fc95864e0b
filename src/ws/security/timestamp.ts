/**
 * wsu:Timestamp, written and read.
 *
 * WSS 1.1 SOAP Message Security, section 10 (Security Timestamps):
 *
 *     <wsu:Timestamp wsu:Id="...">
 *       <wsu:Created ValueType="...">...</wsu:Created>?
 *       <wsu:Expires ValueType="...">...</wsu:Expires>?
 *       ...
 *     </wsu:Timestamp>
 *
 * In short (paraphrased from section 10): Created and Expires are each optional and may appear at most once,
 * Expires after Created; a Security header carries at most one Timestamp; times are UTC xsd:dateTime.
 */
import type { XmlElement } from '../../xml/types.js';
import type { XmlWriter } from '../../xml/writer.js';
import { WSU_NS, WSU_PREFIX } from './constants.js';
import { formatUtc } from './time.js';

/** What `writeTimestamp` writes. */
export interface TimestampOptions {
  created: Date;
  expires: Date;
  /** The `wsu:Id` (WCF writes `_0`); none when absent. */
  id?: string;
}

/** Writes a wsu:Timestamp with Created and Expires in UTC (`2014-02-13T01:24:35Z`). */
export function writeTimestamp(w: XmlWriter, options: TimestampOptions): void {
  w.startElement(WSU_NS, 'Timestamp', WSU_PREFIX);
  if (options.id !== undefined) w.attribute(WSU_NS, 'Id', options.id, WSU_PREFIX);
  w.element(WSU_NS, 'Created', formatUtc(options.created), WSU_PREFIX);
  w.element(WSU_NS, 'Expires', formatUtc(options.expires), WSU_PREFIX);
  w.endElement();
}

/** The texts of a received wsu:Timestamp, not yet checked. */
export interface TimestampTexts {
  /** Each Created child's text, in order (more than one is an error the verifier reports). */
  created: string[];
  expires: string[];
  /** Other element children, by local name (the verifier tells Expires-before-Created apart). */
  order: string[];
}

/** Collects the Created / Expires texts of a wsu:Timestamp element. */
export function readTimestampTexts(el: XmlElement): TimestampTexts {
  const out: TimestampTexts = { created: [], expires: [], order: [] };
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.ns === WSU_NS && child.local === 'Created') out.created.push(textContent(child));
    else if (child.ns === WSU_NS && child.local === 'Expires') out.expires.push(textContent(child));
    out.order.push(child.local);
  }
  return out;
}

/** The character data directly inside `el`, trimmed (xsd:dateTime collapses whitespace). */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const child of el.children) if (typeof child === 'string') out += child;
  return out.trim();
}
