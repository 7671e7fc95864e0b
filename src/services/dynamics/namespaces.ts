/**
 * The XML namespaces of the Organization service's data contracts, as WCF's DataContractSerializer names
 * them (`http://schemas.microsoft.com/...` for the SDK's own contracts, `http://schemas.datacontract.org/...`
 * for generic .NET types), and Clark keys for the types the client writes with `xsi:type`.
 */

/** `Microsoft.Xrm.Sdk` contracts: Entity, EntityReference, Money, OptionSetValue, queries, OrganizationRequest. */
export const CONTRACTS = 'http://schemas.microsoft.com/xrm/2011/Contracts';
/** The service's own messages (the Create, Retrieve, Execute... wrappers). */
export const SERVICES = 'http://schemas.microsoft.com/xrm/2011/Contracts/Services';
/** `Microsoft.Crm.Sdk.Messages` contracts: WhoAmI, SetState, WinOpportunity... */
export const CRM_CONTRACTS = 'http://schemas.microsoft.com/crm/2011/Contracts';
/** Contracts added in CRM 2011 UR12 (December 2012): ExecuteMultiple. */
export const CONTRACTS_2012 = 'http://schemas.microsoft.com/xrm/2012/Contracts';
/** Entity, attribute and relationship metadata. */
export const METADATA = 'http://schemas.microsoft.com/xrm/2011/Metadata';
/** WCF's serialization namespace: `guid`, `char`, `duration`. */
export const SERIALIZATION = 'http://schemas.microsoft.com/2003/10/Serialization/';
/** WCF's arrays of primitives: `ArrayOfstring`, `ArrayOfint`, `ArrayOfanyType`... */
export const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
/** `System.Collections.Generic`: `KeyValuePairOfstringanyType`. */
export const GENERIC = 'http://schemas.datacontract.org/2004/07/System.Collections.Generic';
/** XML Schema. */
export const XS = 'http://www.w3.org/2001/XMLSchema';

/** The Clark key `{ns}local`. */
export function clarkKey(ns: string, local: string): string {
  return `{${ns}}${local}`;
}

/** Clark keys of the `xsi:type`s attribute values are written with. */
export const T = Object.freeze({
  string: clarkKey(XS, 'string'),
  int: clarkKey(XS, 'int'),
  long: clarkKey(XS, 'long'),
  decimal: clarkKey(XS, 'decimal'),
  double: clarkKey(XS, 'double'),
  boolean: clarkKey(XS, 'boolean'),
  dateTime: clarkKey(XS, 'dateTime'),
  guid: clarkKey(SERIALIZATION, 'guid'),
  entity: clarkKey(CONTRACTS, 'Entity'),
  entityReference: clarkKey(CONTRACTS, 'EntityReference'),
  entityReferenceCollection: clarkKey(CONTRACTS, 'EntityReferenceCollection'),
  entityCollection: clarkKey(CONTRACTS, 'EntityCollection'),
  arrayOfEntity: clarkKey(CONTRACTS, 'ArrayOfEntity'),
  optionSetValue: clarkKey(CONTRACTS, 'OptionSetValue'),
  money: clarkKey(CONTRACTS, 'Money'),
  aliasedValue: clarkKey(CONTRACTS, 'AliasedValue'),
  columnSet: clarkKey(CONTRACTS, 'ColumnSet'),
  queryExpression: clarkKey(CONTRACTS, 'QueryExpression'),
  queryByAttribute: clarkKey(CONTRACTS, 'QueryByAttribute'),
  fetchExpression: clarkKey(CONTRACTS, 'FetchExpression'),
  relationship: clarkKey(CONTRACTS, 'Relationship'),
  entityFilters: clarkKey(METADATA, 'EntityFilters'),
  requestCollection: clarkKey(CONTRACTS_2012, 'OrganizationRequestCollection'),
  executeMultipleSettings: clarkKey(CONTRACTS_2012, 'ExecuteMultipleSettings'),
});
