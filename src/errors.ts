/**
 * One error root for the whole toolkit. Every error soapstack throws is a `SoapstackError` with a stable
 * literal `code` that callers may switch on; subclasses live beside the layer that raises them.
 */
export class SoapstackError extends Error {
  /** A stable, machine-readable code such as `XML_LIMIT_EXCEEDED` or `SOAP_FAULT`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Where in which document a problem is: used by XML, XSD and WSDL errors to point at the source. */
export interface SourcePosition {
  /** The file path or URL the document came from (or a label such as `<response>`). */
  source: string;
  line: number;
  column: number;
}

/** Renders `file:line:column` for messages. */
export function formatPosition(position: SourcePosition | undefined): string {
  return position ? `${position.source}:${position.line}:${position.column}` : '';
}

/** True when `value` is a soapstack error (optionally with the given code). */
export function isSoapstackError(value: unknown, code?: string): value is SoapstackError {
  return value instanceof SoapstackError && (code === undefined || value.code === code);
}
