/** The ws layer: WS-Addressing, WS-Security and (from its own module) the WS-Trust client. */
export {
  AddressingError,
  type AddressingHeaders,
  type AddressingVersion,
  DEFAULT_ADDRESSING_VERSION,
  newMessageId,
  type ReadAddressing,
  readAddressingHeaders,
  WSA_ANONYMOUS,
  WSA_NS,
  type WsAddressingOptions,
  writeAddressingHeaders,
  wsAddressing,
} from './addressing.js';
export * from './security/index.js';

// ---- WS-Trust (src/ws/trust/, owned by the WS-Trust developer): add its exports below this line. ----
export * from './trust/index.js';
