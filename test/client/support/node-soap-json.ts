/**
 * node-soap's request JSON in soapstack's conventions (docs/mapping.md): node-soap puts attributes under an
 * `attributes` key and names an xsi:type as `attributes.xsi_type: { type, xmlns }`; soapstack takes attributes
 * as plain properties and the run-time type as `$type` (`{ns}local`). `$value` means the same in both.
 */

/** Converts one node-soap request value (recursively). */
export function fromNodeSoap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromNodeSoap);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'attributes' && item !== null && typeof item === 'object') {
      for (const [name, attr] of Object.entries(item)) {
        if (name === 'xsi_type' && attr !== null && typeof attr === 'object') {
          const t = attr as { type?: string; xmlns?: string };
          out.$type = `{${t.xmlns ?? ''}}${t.type ?? ''}`;
        } else {
          // node-soap writes attribute names as given; a prefixed one (`xsi:nil`) keeps only its local name here.
          out[name.includes(':') ? name.slice(name.indexOf(':') + 1) : name] = attr;
        }
      }
      continue;
    }
    out[key] = fromNodeSoap(item);
  }
  return out;
}
