/**
 * node-soap's side of the decode benchmark: the client is created from the Dynamics WSDL once, outside the
 * timing; the timed part is what node-soap's Client does with a reply body (lib/client.js, `parseSync`):
 * `wsdl.xmlToObject(body)` (sax parse plus schema-driven conversion), then picking the output element.
 */
import soap from 'soap';
import { DYNAMICS_WSDL } from './paths.js';

/** Creates the client once and returns the reply decoder node-soap uses for RetrieveMultiple. */
export async function nodeSoapDecoder(): Promise<(xml: string) => unknown> {
  const client = await soap.createClientAsync(DYNAMICS_WSDL);
  return (xml: string) => {
    const envelope = client.wsdl.xmlToObject(xml) as { Body: Record<string, unknown> };
    const result = envelope.Body.RetrieveMultipleResponse;
    if (result === undefined) throw new Error('node-soap: no RetrieveMultipleResponse in the reply');
    return result;
  };
}
