// node-soap peer as a client: one call of one operation with node-soap's createClient, so that
// soapstack's servers (and the other peers) are proven against a client they did not write.
import * as soap from 'soap';
import { exactDeserializers } from './node-soap-options.js';

/** A SOAP fault as node-soap's client reports it. */
export interface NodeSoapFault {
  /** faultcode as written by the server, e.g. `soap:Server` (prefix included). */
  code: string;
  /** faultstring. */
  message: string;
  /** The detail element parsed by node-soap into an object (undefined when the fault has none). */
  detail: unknown;
  /** The raw response body. */
  raw: string;
}

/** The outcome of `callWithNodeSoap`: the operation's result, or the fault. */
export type NodeSoapOutcome = { result: unknown; rawRequest: string; rawResponse: string } | { fault: NodeSoapFault };

/** Options for `callWithNodeSoap`. */
export interface NodeSoapCallOptions {
  /**
   * Keep xs:long, xs:decimal and xs:dateTime as their lexical strings (default true). With false,
   * node-soap's own conversions apply: parseInt for long (digits beyond 2^53 are lost), Number for
   * decimal (beyond 17 significant digits lost), new Date for dateTime.
   */
  exact?: boolean;
  /** Call this endpoint instead of the WSDL's soap:address. */
  endpoint?: string;
}

interface FaultError extends Error {
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: unknown; faultstring?: unknown; detail?: unknown } } } };
  body?: string;
  response?: { data?: unknown };
}

type AsyncMethod = (args: unknown) => Promise<[unknown, string, unknown, string]>;

/**
 * Loads `wsdlUrl` with node-soap and calls `operation` with `args` (node-soap's JSON: the wrapper's
 * children as properties). Resolves with the result, or with the fault when the server answers one;
 * rejects on any other error.
 */
export async function callWithNodeSoap(
  wsdlUrl: string,
  operation: string,
  args: unknown,
  options: NodeSoapCallOptions = {},
): Promise<NodeSoapOutcome> {
  const client = await soap.createClientAsync(wsdlUrl, {
    handleNilAsNull: true,
    disableCache: true,
    ...(options.exact === false ? {} : { customDeserializer: exactDeserializers }),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const method = (client as unknown as Record<string, AsyncMethod | undefined>)[`${operation}Async`];
  if (typeof method !== 'function') throw new Error(`node-soap: no operation ${operation} in ${wsdlUrl}`);
  try {
    const [result, rawResponse, , rawRequest] = await method.call(client, args);
    return { result, rawRequest, rawResponse };
  } catch (error) {
    const fault = (error as FaultError).root?.Envelope?.Body?.Fault;
    if (!fault) throw error;
    const data = (error as FaultError).response?.data;
    return {
      fault: {
        code: String(fault.faultcode ?? ''),
        message: String(fault.faultstring ?? ''),
        detail: fault.detail,
        raw: typeof data === 'string' ? data : String((error as FaultError).body ?? ''),
      },
    };
  }
}
