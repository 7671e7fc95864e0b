/**
 * soapstack's side of each benchmark, plugged into the peers' harnesses: the same work the peers do, through
 * soapstack's public pieces (a client for calls, the codecs for decoding).
 */
import { createClient } from '../src/client/index.js';
import { createSoapServer } from '../src/server/index.js';
import { parseEnvelope } from '../src/soap/envelope.js';
import { OperationMessages } from '../src/soap/message.js';
import { loadWsdl } from '../src/wsdl/index.js';
import { createCodecs } from '../src/xsd/codec/index.js';
import { DYNAMICS_WSDL } from './peers/paths.js';

/** Parses and decodes a RetrieveMultiple response into typed values, as a client would. */
export async function soapstackRetrieveMultipleDecoder(): Promise<(xml: string) => unknown> {
  const model = await loadWsdl(DYNAMICS_WSDL);
  const operation = model.services[0]!.ports[0]!.operations.find((o) => o.name === 'RetrieveMultiple')!;
  const messages = new OperationMessages(operation, createCodecs(model.schema));
  return (xml) => {
    const envelope = parseEnvelope(xml, { expected: '1.2', limits: { maxSize: 256 * 1024 * 1024 } });
    return messages.readBody(envelope.bodyEntries, envelope.document, 'output');
  };
}

/** A soapstack client calling getQuote at `url`. */
export function soapstackQuoteCaller(wsdlPath: string) {
  return (url: string) => {
    const ready = createClient(wsdlPath, { endpoint: url, cache: false });
    return {
      call: async () => (await ready).call('getQuote', { symbol: 'SOAP' }),
      close: async () => (await ready).close(),
    };
  };
}

/** The quote service hosted by soapstack's server, answering a fixed price. */
export async function soapstackQuoteHost(wsdlPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createSoapServer();
  const { path } = server.addService(await loadWsdl(wsdlPath), {
    path: '/quote',
    handlers: { getQuote: () => ({ price: '123.45' }) },
  });
  const { url } = await server.listen(0, '127.0.0.1');
  return { url: new URL(path, url).href, close: () => server.close() };
}
