/** Namespaces of WSDL 1.1 and its SOAP bindings. */

/** WSDL 1.1 (section 2). */
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
/** WSDL 1.1 SOAP 1.1 binding (section 3). */
export const WSDL_SOAP11_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
/** The SOAP 1.2 binding for WSDL 1.1 (W3C member submission, 2006). */
export const WSDL_SOAP12_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';
