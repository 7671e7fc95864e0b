/**
 * The per-call and hosting benchmarks' operation, getQuote(symbol) -> price of bench/peers/quote.wsdl: the WSDL's
 * path, and the prepared request and reply bytes the raw loop posts and the fixed server answers with.
 */
import { peerFile } from './paths.js';

/** Path of the tiny document/literal SOAP 1.1 WSDL (service QuoteService, port QuotePort, operation getQuote). */
export const QUOTE_WSDL = peerFile('quote.wsdl');

export const QUOTE_NS = 'urn:soapstack:bench:quote';
export const QUOTE_ACTION = 'urn:soapstack:bench:quote#getQuote';
export const QUOTE_PATH = '/quote';
export const QUOTE_SYMBOL = 'MSFT';
export const QUOTE_PRICE = '123.45';

const envelope = (body: string): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">` +
      `<soap:Body>${body}</soap:Body></soap:Envelope>`,
  );

export const QUOTE_REQUEST = envelope(
  `<q:getQuote xmlns:q="${QUOTE_NS}"><q:symbol>${QUOTE_SYMBOL}</q:symbol></q:getQuote>`,
);
export const QUOTE_REPLY = envelope(
  `<q:getQuoteResponse xmlns:q="${QUOTE_NS}"><q:price>${QUOTE_PRICE}</q:price></q:getQuoteResponse>`,
);

/** The headers a SOAP 1.1 client sends with the request. */
export const QUOTE_REQUEST_HEADERS = {
  'content-type': 'text/xml; charset=utf-8',
  soapaction: `"${QUOTE_ACTION}"`,
} as const;
