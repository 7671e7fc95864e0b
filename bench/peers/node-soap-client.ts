/**
 * node-soap's side of the per-call benchmark: a client created once from quote.wsdl, pointed at the local server,
 * calling getQuote({ symbol }) through `getQuoteAsync` (its default HTTP stack: axios over Node's keep-alive agent).
 */
import soap from 'soap';
import { QUOTE_SYMBOL, QUOTE_WSDL } from './quote.js';

export async function nodeSoapQuoteCaller(url: string): Promise<{ call(): Promise<unknown>; close(): Promise<void> }> {
  const client = await soap.createClientAsync(QUOTE_WSDL, {}, url);
  const call = async (): Promise<unknown> => {
    const [result] = (await client.getQuoteAsync({ symbol: QUOTE_SYMBOL })) as [{ price?: unknown }];
    if (result?.price === undefined) throw new Error('node-soap getQuote: no price in the reply');
    return result;
  };
  return { call, close: async () => {} };
}
