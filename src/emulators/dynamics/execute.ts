/**
 * Execute: the messages the emulator answers by RequestName (WhoAmI, RetrieveEntity, RetrieveAllEntities,
 * SetState, ExecuteMultiple, and Create / Retrieve / Update / Delete / RetrieveMultiple / Associate /
 * Disassociate as requests), each answered as an `OrganizationResponse` typed with its message's
 * `...Response` type (`c:WhoAmIResponse`, as in the captured `who_am_i_result.xml`).
 */
import type { DynamicsData } from './data.js';
import { ERROR_CODES, faultDetail, invalidArgument, OrganizationFault } from './faults.js';
import { allEntitiesWire, entityMetadataWire, readEntityFilters } from './metadata-wire.js';
import {
  createRecord,
  deleteRecord,
  list,
  type OperationContext,
  obj,
  pairsOf,
  relateRecords,
  retrieveMultiple,
  retrieveRecord,
  updateRecord,
} from './requests.js';
import { normalizeGuid, WIRE_TYPES } from './values.js';

type Wire = Record<string, unknown>;

const XRM = 'http://schemas.microsoft.com/xrm/2011/Contracts';
const CRM = 'http://schemas.microsoft.com/crm/2011/Contracts';
const XRM2012 = 'http://schemas.microsoft.com/xrm/2012/Contracts';

/** The largest ExecuteMultiple batch (the server's default). */
export const MAX_BATCH = 1000;

/** The organization's ids WhoAmI answers with. */
export interface OrganizationIds {
  readonly organizationId: string;
  readonly businessUnitId: string;
}

/** The ids of `data.organization`, defaulted. */
export function organizationIds(data: DynamicsData): OrganizationIds {
  return {
    organizationId: normalizeGuid(data.organization?.organizationId) ?? '0140d597-e270-494a-89e1-bd0b43774e50',
    businessUnitId: normalizeGuid(data.organization?.businessUnitId) ?? '4e87d619-838a-e311-89a7-6c3be5a80184',
  };
}

type Results = Array<{ key: string; value: unknown }>;
type Message = (ctx: OperationContext, params: Map<string, unknown>, ids: OrganizationIds) => Results;

const guid = (id: string): Wire => ({ $type: WIRE_TYPES.guid, $value: id });

function param(params: Map<string, unknown>, name: string): unknown {
  if (!params.has(name)) throw invalidArgument(`Required field '${name}' is missing`);
  return params.get(name);
}

function reference(value: unknown): { logicalName: unknown; id: unknown } {
  const r = obj(value);
  return { logicalName: r.LogicalName, id: r.Id };
}

function optionValue(value: unknown): number {
  const n = Number(obj(value).Value ?? (value as { $value?: unknown } | null)?.$value ?? value);
  if (!Number.isInteger(n)) throw invalidArgument('Expected an OptionSetValue.');
  return n;
}

/** Each message: its namespace (for the response's xsi:type) and its implementation. */
/** Associate and Disassociate as Execute messages: the same as the operations, with the record as `Target`. */
function relateTarget(ctx: OperationContext, p: Map<string, unknown>, associate: boolean): Results {
  const ref = reference(param(p, 'Target'));
  relateRecords(
    ctx,
    {
      entityName: ref.logicalName,
      entityId: ref.id,
      relationship: p.get('Relationship'),
      relatedEntities: p.get('RelatedEntities'),
    },
    associate,
  );
  return [];
}

const MESSAGES: Readonly<Record<string, { ns: string; run: Message }>> = {
  WhoAmI: {
    ns: CRM,
    run: (ctx, _p, ids) => [
      { key: 'UserId', value: guid(ctx.caller.userId) },
      { key: 'BusinessUnitId', value: guid(ids.businessUnitId) },
      { key: 'OrganizationId', value: guid(ids.organizationId) },
    ],
  },
  RetrieveEntity: {
    ns: XRM,
    run: (ctx, p) => {
      const name = (obj(p.get('LogicalName')).$value ?? p.get('LogicalName')) as unknown;
      if (typeof name !== 'string') throw invalidArgument('Required field LogicalName is missing');
      const def = ctx.store.entity(name);
      return [
        { key: 'EntityMetadata', value: entityMetadataWire(ctx.store, def, readEntityFilters(p.get('EntityFilters'))) },
      ];
    },
  },
  RetrieveAllEntities: {
    ns: XRM,
    run: (ctx, p) => [
      { key: 'EntityMetadata', value: allEntitiesWire(ctx.store, readEntityFilters(p.get('EntityFilters'))) },
    ],
  },
  SetState: {
    ns: CRM,
    run: (ctx, p) => {
      const ref = reference(param(p, 'EntityMoniker'));
      const id = normalizeGuid(ref.id);
      if (typeof ref.logicalName !== 'string' || !id)
        throw invalidArgument('EntityMoniker must be an EntityReference.');
      ctx.store.setState(ref.logicalName, id, optionValue(param(p, 'State')), optionValue(param(p, 'Status')));
      return [];
    },
  },
  Create: { ns: XRM, run: (ctx, p) => [{ key: 'id', value: guid(createRecord(ctx, param(p, 'Target'))) }] },
  Update: {
    ns: XRM,
    run: (ctx, p) => {
      updateRecord(ctx, param(p, 'Target'));
      return [];
    },
  },
  Delete: {
    ns: XRM,
    run: (ctx, p) => {
      const ref = reference(param(p, 'Target'));
      deleteRecord(ctx, ref.logicalName, ref.id);
      return [];
    },
  },
  Retrieve: {
    ns: XRM,
    run: (ctx, p) => {
      const ref = reference(param(p, 'Target'));
      return [
        {
          key: 'Entity',
          value: { $type: WIRE_TYPES.entity, ...retrieveRecord(ctx, ref.logicalName, ref.id, p.get('ColumnSet')) },
        },
      ];
    },
  },
  RetrieveMultiple: {
    ns: XRM,
    run: (ctx, p) => [
      {
        key: 'EntityCollection',
        value: { $type: WIRE_TYPES.entityCollection, ...retrieveMultiple(ctx, param(p, 'Query')) },
      },
    ],
  },
  Associate: { ns: XRM, run: (ctx, p) => relateTarget(ctx, p, true) },
  Disassociate: { ns: XRM, run: (ctx, p) => relateTarget(ctx, p, false) },
};

/** The message names Execute answers. */
export const EXECUTE_MESSAGES: readonly string[] = [...Object.keys(MESSAGES), 'ExecuteMultiple'];

/**
 * Runs one OrganizationRequest; resolves to its OrganizationResponse. A request sent with its message's
 * type (`i:type="c:WhoAmIRequest"`, as the SDK and the gem send it) is answered with the message's response
 * type, as in the captured responses; a late-bound request (a plain `OrganizationRequest` with a RequestName,
 * as a WSDL-only client such as zeep can send) gets a plain `OrganizationResponse`, whose type its WSDL knows.
 */
export function executeRequest(ctx: OperationContext, request: unknown, ids: OrganizationIds): Wire {
  const r = obj(request);
  const typed = typeof r.$type === 'string' && r.$type !== `{${XRM}}OrganizationRequest`;
  const name = r.RequestName;
  if (typeof name !== 'string' || name === '') throw invalidArgument('The request has no RequestName.');
  const params = new Map(pairsOf(r.Parameters).map((p) => [p.key, p.value]));
  if (name === 'ExecuteMultiple') return executeMultiple(ctx, params, ids, typed);
  const message = Object.hasOwn(MESSAGES, name) ? MESSAGES[name] : undefined;
  if (!message)
    throw new OrganizationFault(
      ERROR_CODES.unsupportedMessage,
      `The request ${name} is not supported by the emulator.`,
    );
  return response(typed ? message.ns : undefined, name, message.run(ctx, params, ids));
}

function response(ns: string | undefined, name: string, results: Results): Wire {
  const out: Wire = { ResponseName: name, Results: { KeyValuePairOfstringanyType: results } };
  return ns === undefined ? out : { $type: `{${ns}}${name}Response`, ...out };
}

/** ExecuteMultiple: each request in order; stops at the first fault unless ContinueOnError. */
function executeMultiple(
  ctx: OperationContext,
  params: Map<string, unknown>,
  ids: OrganizationIds,
  typed: boolean,
): Wire {
  const requests = list(obj(param(params, 'Requests')).OrganizationRequest);
  const settings = obj(param(params, 'Settings'));
  if (requests.length > MAX_BATCH) {
    throw new OrganizationFault(
      ERROR_CODES.batchSizeExceeded,
      `The maximum batch size of ${MAX_BATCH} has been exceeded.`,
    );
  }
  const continueOnError = settings.ContinueOnError === true;
  const returnResponses = settings.ReturnResponses === true;
  const items: Wire[] = [];
  let faulted = false;
  for (let index = 0; index < requests.length; index++) {
    try {
      const out = executeRequest(ctx, requests[index], ids);
      if (returnResponses) items.push({ Fault: null, RequestIndex: index, Response: out });
    } catch (error) {
      if (!(error instanceof OrganizationFault)) throw error;
      faulted = true;
      items.push({ Fault: faultDetail(error, new Date(ctx.now)), RequestIndex: index, Response: null });
      if (!continueOnError) break;
    }
  }
  return response(typed ? XRM : undefined, 'ExecuteMultiple', [
    { key: 'IsFaulted', value: { $type: WIRE_TYPES.boolean, $value: faulted } },
    {
      key: 'Responses',
      value: { $type: `{${XRM2012}}ExecuteMultipleResponseItemCollection`, ExecuteMultipleResponseItem: items },
    },
  ]);
}
