/**
 * node-soap's side of the hosting benchmark: quote.wsdl hosted by `soap.listen` on a node:http server
 * (127.0.0.1, port 0, keep-alive), getQuote answering a fixed price. Resolves once node-soap has read the WSDL.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import soap from 'soap';
import { type LocalServer, listenLocal } from './fixed-server.js';
import { QUOTE_PATH, QUOTE_PRICE, QUOTE_WSDL } from './quote.js';

/** Starts the server; `url` is the endpoint to POST getQuote requests to. */
export async function startNodeSoapQuoteServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 });
  const local: LocalServer = await listenLocal(server);
  const services = {
    QuoteService: { QuotePort: { getQuote: (_args: unknown) => ({ price: QUOTE_PRICE }) } },
  };
  await new Promise<void>((resolve, reject) => {
    soap.listen(server, {
      path: QUOTE_PATH,
      services,
      xml: readFileSync(QUOTE_WSDL, 'utf8'),
      callback: (error: unknown) => (error ? reject(error) : resolve()),
    });
  });
  return { url: local.origin + QUOTE_PATH, close: local.close };
}
