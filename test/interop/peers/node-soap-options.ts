// node-soap options that keep the contract's values exact. By default node-soap turns xs:long with
// parseInt and xs:decimal with Number (digits beyond 2^53 / 17 significant digits are lost) and
// xs:dateTime with new Date (the offset and sub-millisecond digits are lost); these deserializers keep
// the lexical text instead, so longs, decimals and dateTimes are strings on the JavaScript side.

/** A node-soap custom deserializer: the element's text in, the JavaScript value out. */
type Deserializer = (text: string) => unknown;

const keepText: Deserializer = (text) => text;

/** The `customDeserializer` option (documented in node-soap's Readme) for exact longs, decimals and dates. */
export const exactDeserializers: Record<string, Deserializer> = {
  long: keepText,
  integer: keepText,
  unsignedLong: keepText,
  decimal: keepText,
  dateTime: keepText,
};
