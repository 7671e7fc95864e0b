/**
 * Typed results of the Execute helpers: WhoAmI's ids, RetrieveEntity / RetrieveAllEntities metadata and
 * ExecuteMultiple's per-item outcome, read from the decoded `OrganizationResponse`.
 */
import { decodeResults, type Wire } from './decode.js';
import { DynamicsError, type OrganizationServiceFault } from './errors.js';
import { type EntityMetadata, toEntityMetadata } from './metadata.js';
import type { DynamicsRequest } from './requests.js';

/** The caller's identity (`WhoAmI`). */
export interface WhoAmI {
  readonly userId: string;
  readonly businessUnitId: string;
  readonly organizationId: string;
}

/** What one request of an `executeMultiple` batch came to. */
export interface ExecuteMultipleItem {
  /** The request's position in the batch (from 0). */
  readonly index: number;
  readonly requestName: string;
  /**
   * `succeeded`; `faulted` (see `error`); or `not-executed`: the batch stopped at an earlier fault
   * (`continueOnError: false`).
   */
  readonly status: 'succeeded' | 'faulted' | 'not-executed';
  /** The request's results (only with `returnResponses`). */
  readonly results?: Record<string, unknown>;
  /** The fault, as a DynamicsError. */
  readonly error?: DynamicsError;
}

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** WhoAmI's ids from its results. */
export function whoAmIOf(results: Record<string, unknown>): WhoAmI {
  return {
    userId: String(results.UserId ?? ''),
    businessUnitId: String(results.BusinessUnitId ?? ''),
    organizationId: String(results.OrganizationId ?? ''),
  };
}

/** The EntityMetadata of RetrieveEntity's results. */
export function entityMetadataOf(results: Record<string, unknown>): EntityMetadata {
  return toEntityMetadata(results.EntityMetadata);
}

/** The EntityMetadata list of RetrieveAllEntities' results (`ArrayOfEntityMetadata`). */
export function allEntityMetadataOf(results: Record<string, unknown>): EntityMetadata[] {
  const array = results.EntityMetadata as Wire | null | undefined;
  return list(array?.EntityMetadata).map(toEntityMetadata);
}

/** Per-request outcomes of an ExecuteMultiple response, one per request sent (in order). */
export function executeMultipleItemsOf(
  results: Record<string, unknown>,
  batch: readonly DynamicsRequest[],
  continueOnError: boolean,
): ExecuteMultipleItem[] {
  const responses = list((results.Responses as Wire | null | undefined)?.ExecuteMultipleResponseItem) as Wire[];
  const byIndex = new Map<number, Wire>();
  for (const r of responses) if (typeof r.RequestIndex === 'number') byIndex.set(r.RequestIndex, r);
  let firstFault = Number.POSITIVE_INFINITY;
  for (const [index, r] of byIndex) if (r.Fault && index < firstFault) firstFault = index;
  return batch.map((request, index): ExecuteMultipleItem => {
    const base = { index, requestName: request.requestName };
    const r = byIndex.get(index);
    if (r?.Fault) {
      return { ...base, status: 'faulted', error: DynamicsError.fromDetail(r.Fault as OrganizationServiceFault) };
    }
    if (!continueOnError && index > firstFault) return { ...base, status: 'not-executed' };
    const response = r?.Response as Wire | null | undefined;
    return response
      ? { ...base, status: 'succeeded', results: decodeResults(response.Results) }
      : { ...base, status: 'succeeded' };
  });
}
