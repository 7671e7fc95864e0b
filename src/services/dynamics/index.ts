/** The Dynamics CRM Organization service client (`soapstack/dynamics`). */
export {
  createDynamicsClient,
  DynamicsClient,
  type DynamicsClientOptions,
  type EntityFilter,
  type EntityPage,
  type RelationshipName,
} from './client.js';
export { decodeEntity, decodeEntityCollection, decodeValue, type EntityCollection, type Wire } from './decode.js';
export {
  encodeAttributes,
  encodeValue,
  type HintSource,
  type WireHint,
  type WirePairs,
  type WireValue,
} from './encode.js';
export {
  DynamicsError,
  DynamicsOptionsError,
  DynamicsValueError,
  isDynamicsError,
  type OrganizationServiceFault,
} from './errors.js';
export {
  FetchBuilder,
  FetchFilterBuilder,
  FetchLinkBuilder,
  type FetchOptions,
  fetchOperator,
  fetchQuery,
} from './fetch-builder.js';
export {
  type AttributeMetadata,
  type EntityMetadata,
  MetadataCache,
  type OptionMetadata,
  type RelationshipMetadata,
} from './metadata.js';
export { dynamicsModel, KNOWN_MESSAGES, loadDynamicsModel, WEB_PORT } from './model.js';
/** The XML namespaces and type names of the Organization service's wire format. */
export * as namespaces from './namespaces.js';
export { FilterBuilder, type GroupBuilder, LinkBuilder, QueryBuilder, query } from './query-builder.js';
export {
  byAttribute,
  CONDITION_OPERATORS,
  type Columns,
  type Condition,
  type ConditionOperator,
  type ConditionOperatorName,
  type FetchXml,
  type Filter,
  fetchXml,
  type LinkEntity,
  OPERATOR_ALIASES,
  type Order,
  type PageInfo,
  type Query,
  type QueryByAttribute,
  type QueryExpression,
} from './query-types.js';
export { queryWire, withPage } from './query-wire.js';
export { type DynamicsRequest, requests } from './requests.js';
export type { ExecuteMultipleItem, WhoAmI } from './results.js';
export {
  type AdfsSignIn,
  type BearerSignIn,
  type OAuthSignIn,
  type Office365SignIn,
  type PluginsSignIn,
  planSignIn,
  type SignIn,
  type SignInPlan,
} from './sign-in.js';
export {
  AliasedValue,
  type Attributes,
  type AttributeValue,
  Decimal,
  decimal,
  EMPTY_GUID,
  type Entity,
  EntityReference,
  Guid,
  guid,
  long,
  Money,
  money,
  OptionSetValue,
  option,
  ref,
} from './values.js';
