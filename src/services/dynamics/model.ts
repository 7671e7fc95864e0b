/**
 * The Organization service model the Dynamics client speaks: the bundled WSDL's compiled model with two
 * additions, made once per process as plain data (nothing is parsed again).
 *
 * 1. The SDK's message types. The WSDL declares `Execute(request: OrganizationRequest)` and its
 *    `OrganizationResponse`, but not the concrete messages a server names with `xsi:type` in its answers
 *    (`<ExecuteResult i:type="c:WhoAmIResponse">`, see `who_am_i_result.xml`): those live in the SDK's
 *    assemblies (the WCF known types). Each is added as an extension of its base with no content of its
 *    own, which is what they are on the wire (ResponseName + Results). The same is done for
 *    `ExecuteMultipleResponseItemCollection` (a collection of `ExecuteMultipleResponseItem`).
 * 2. A SOAP 1.1 port. `Organization.svc/web` (OAuth bearer sign-in) is the same contract over SOAP 1.1
 *    (basicHttpBinding: `text/xml`, a `SOAPAction` header, no WS-Addressing), which the WSDL does not list.
 */
import type { CompiledModel, Port } from '../../wsdl/index.js';
import type { ComplexType, TypeDefinition } from '../../xsd/model.js';
import { loadBundledModel } from '../bundled.js';
import { CONTRACTS, CONTRACTS_2012, CRM_CONTRACTS, clarkKey } from './namespaces.js';

/** The name of the derived SOAP 1.1 port (for `Organization.svc/web`). */
export const WEB_PORT = 'OrganizationServiceWeb';

/**
 * SDK message names whose `<name>Request` / `<name>Response` types are registered (in both the xrm and the
 * crm contract namespaces, since servers use either prefix: `b:RetrieveEntityResponse`, `c:WhoAmIResponse`).
 */
export const KNOWN_MESSAGES: readonly string[] = Object.freeze([
  'AddMembersTeam',
  'AddToQueue',
  'Assign',
  'Associate',
  'BulkDelete',
  'CloseIncident',
  'CloseQuote',
  'Create',
  'Delete',
  'Disassociate',
  'ExecuteMultiple',
  'ExecuteWorkflow',
  'GrantAccess',
  'LoseOpportunity',
  'Merge',
  'ModifyAccess',
  'PublishAllXml',
  'PublishXml',
  'QualifyLead',
  'RemoveMembersTeam',
  'Retrieve',
  'RetrieveAllEntities',
  'RetrieveAllOptionSets',
  'RetrieveAttribute',
  'RetrieveEntity',
  'RetrieveMetadataChanges',
  'RetrieveMultiple',
  'RetrieveOptionSet',
  'RetrievePrincipalAccess',
  'RetrieveRelationship',
  'RetrieveTimestamp',
  'RetrieveVersion',
  'RevokeAccess',
  'Route',
  'Send',
  'SendEmail',
  'SetState',
  'Update',
  'WhoAmI',
  'WinOpportunity',
  'WinQuote',
]);

const cache = new WeakMap<CompiledModel, CompiledModel>();

/** The bundled Organization model with the SDK message types and the SOAP 1.1 port (memoised). */
export async function loadDynamicsModel(): Promise<CompiledModel> {
  return dynamicsModel(await loadBundledModel('dynamics-organization'));
}

/** Adds the SDK message types and the SOAP 1.1 `/web` port to an Organization service model (memoised). */
export function dynamicsModel(base: CompiledModel): CompiledModel {
  const known = cache.get(base);
  if (known) return known;
  const types: Record<string, TypeDefinition> = { ...base.schema.types };
  const derivedTypes: Record<string, string[]> = { ...base.schema.derivedTypes };
  const derive = (baseKey: string, key: string): void => {
    const parent = types[baseKey];
    if (parent?.kind !== 'complex' || types[key]) return;
    const type: ComplexType = { ...parent, name: key, base: baseKey, derivation: 'extension', abstract: false };
    types[key] = type;
    derivedTypes[baseKey] = [...(derivedTypes[baseKey] ?? []), key];
  };
  for (const name of KNOWN_MESSAGES) {
    for (const ns of [CONTRACTS, CRM_CONTRACTS]) {
      derive(clarkKey(CONTRACTS, 'OrganizationRequest'), clarkKey(ns, `${name}Request`));
      derive(clarkKey(CONTRACTS, 'OrganizationResponse'), clarkKey(ns, `${name}Response`));
    }
  }
  const itemCollection = clarkKey(CONTRACTS_2012, 'ExecuteMultipleResponseItemCollection');
  types[itemCollection] ??= {
    kind: 'complex',
    name: itemCollection,
    abstract: false,
    mixed: false,
    content: {
      kind: 'particle',
      particle: {
        kind: 'sequence',
        minOccurs: 1,
        maxOccurs: 1,
        particles: [
          {
            kind: 'element',
            minOccurs: 0,
            maxOccurs: 'unbounded',
            element: {
              name: { ns: CONTRACTS_2012, local: 'ExecuteMultipleResponseItem' },
              type: { ref: clarkKey(CONTRACTS_2012, 'ExecuteMultipleResponseItem') },
              nillable: true,
              abstract: false,
            },
          },
        ],
      },
    },
    attributes: [],
  };
  const services = base.services.map((service, index) => {
    const port = service.ports.find((p) => p.soapVersion === '1.2') ?? service.ports[0];
    if (index > 0 || !port || service.ports.some((p) => p.name === WEB_PORT)) return service;
    const web: Port = { ...port, name: WEB_PORT, soapVersion: '1.1', address: '' };
    return { ...service, ports: [...service.ports, web] };
  });
  const model: CompiledModel = { ...base, schema: { ...base.schema, types, derivedTypes }, services };
  cache.set(base, model);
  return model;
}
