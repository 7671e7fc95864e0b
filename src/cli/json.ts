/**
 * JSON for the command line, without losing digits: a bigint is written as a bare JSON number with every
 * digit (JSON itself has no precision limit), a Buffer as base64, a Date as ISO 8601.
 */
export function toJson(value: unknown, indent = 2): string {
  return write(value, '', ' '.repeat(indent));
}

function write(value: unknown, pad: string, step: string): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return 'null';
  }
  if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return JSON.stringify(Buffer.from(value).toString('base64'));
  const inner = pad + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, inner, step)).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, step)}`).join(',\n')}\n${pad}}`;
}

/**
 * Parses JSON arguments keeping every digit: integers beyond 2^53 become bigint, and numbers with a fraction or
 * exponent that would lose digits as doubles are kept as their decimal text (the codecs accept both).
 */
export function parseJsonExact(text: string): unknown {
  // Quote every number token that a double cannot hold exactly, then restore it after JSON.parse.
  const marker = '\u0000n:';
  const quoted = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) => {
    if (token.startsWith('"')) return token;
    if (String(Number(token)) === token) return token;
    return JSON.stringify(marker + token);
  });
  return JSON.parse(quoted, (_key, v) => {
    if (typeof v !== 'string' || !v.startsWith(marker)) return v;
    const digits = v.slice(marker.length);
    return /^-?\d+$/.test(digits) ? BigInt(digits) : digits;
  });
}
