/**
 * Variants of a compiled model. Dynamics CRM serves the same Organization operations over SOAP 1.2 (the WSDL's
 * binding, WS-Security) and over SOAP 1.1 at `Organization.svc/web` (OAuth bearer) without describing the second
 * in its WSDL; a client or server for that endpoint uses the model with its ports switched to SOAP 1.1.
 */
import type { CompiledModel, SoapVersion } from './model.js';

/** The same model with every port bound to `version` (the schema and operations are shared, not copied). */
export function withSoapVersion(model: CompiledModel, version: SoapVersion): CompiledModel {
  return {
    ...model,
    services: model.services.map((service) => ({
      ...service,
      ports: service.ports.map((port) => ({ ...port, soapVersion: version })),
    })),
  };
}
