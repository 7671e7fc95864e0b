/**
 * The operations of the Organization service over the store, written once and used by both the direct
 * operations (Create, Retrieve...) and Execute's messages (ExecuteMultiple's items among them). Inputs are
 * values as the codecs decode them; outputs are values the codecs encode.
 */
import type { StoredReference } from './data.js';
import { collectionWire, entityWire } from './entity-wire.js';
import { invalidArgument } from './faults.js';
import { readFetchXml } from './fetch-xml.js';
import { type QueryContext, runQuery } from './query-engine.js';
import type { EmulatorQuery } from './query-model.js';
import { MAX_PAGE_SIZE } from './query-model.js';
import { readColumnSet, readQueryByAttribute, readQueryExpression } from './query-wire.js';
import type { AttributeInput, EntityStore } from './store.js';
import type { TokenSubject } from './tokens.js';
import { normalizeGuid } from './values.js';

type Wire = Record<string, unknown>;

const CONTRACTS = 'http://schemas.microsoft.com/xrm/2011/Contracts';

/** What every operation runs with: the store, the caller and the clock. */
export interface OperationContext {
  readonly store: EntityStore;
  readonly caller: TokenSubject;
  readonly now: number;
}

/** Lists a wire repetition (absent, one, or many). */
export const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** A wire object (or an empty one). */
export const obj = (v: unknown): Wire => (typeof v === 'object' && v !== null ? (v as Wire) : {});

/** The pairs of an AttributeCollection / ParameterCollection. */
export function pairsOf(collection: unknown): AttributeInput[] {
  return list(obj(collection).KeyValuePairOfstringanyType).map((p) => {
    const pair = obj(p);
    if (typeof pair.key !== 'string') throw invalidArgument('An attribute has no key.');
    return { key: pair.key, value: pair.value };
  });
}

function text(value: unknown, what: string): string {
  const plain = (value as { $value?: unknown } | null)?.$value ?? value;
  if (typeof plain !== 'string' || plain === '') throw invalidArgument(`${what} is required.`);
  return plain;
}

function idOf(value: unknown, what: string): string {
  const raw = (value as { $value?: unknown } | null)?.$value ?? value;
  const id = normalizeGuid(raw);
  if (!id) throw invalidArgument(`${what} must be a GUID.`);
  return id;
}

/** Create: resolves to the new record's id. */
export function createRecord(ctx: OperationContext, entity: unknown): string {
  const e = obj(entity);
  const name = text(e.LogicalName, 'The entity name');
  const id = normalizeGuid(e.Id);
  return ctx.store.create(name, pairsOf(e.Attributes), {
    ...(id ? { id } : {}),
    owner: { logicalName: 'systemuser', id: ctx.caller.userId },
  });
}

/** Retrieve: the record as an Entity. */
export function retrieveRecord(ctx: OperationContext, entityName: unknown, id: unknown, columnSet: unknown): Wire {
  const name = text(entityName, 'The entity name');
  const record = ctx.store.get(name, idOf(id, 'The id'));
  return entityWire(
    ctx.store,
    name,
    record,
    columnSet === undefined || columnSet === null ? 'all' : readColumnSet(columnSet),
  );
}

/** Update. */
export function updateRecord(ctx: OperationContext, entity: unknown): void {
  const e = obj(entity);
  const name = text(e.LogicalName, 'The entity name');
  const def = ctx.store.entity(name);
  const attributes = pairsOf(e.Attributes);
  const fromAttributes = attributes.find((a) => a.key === def.primaryIdAttribute)?.value;
  const id =
    normalizeGuid(e.Id) ?? normalizeGuid((fromAttributes as { $value?: unknown } | null)?.$value ?? fromAttributes);
  if (!id || id === '00000000-0000-0000-0000-000000000000')
    throw invalidArgument('Entity Id must be specified for Update');
  ctx.store.update(name, id, attributes);
}

/** Delete. */
export function deleteRecord(ctx: OperationContext, entityName: unknown, id: unknown): void {
  ctx.store.delete(text(entityName, 'The entity name'), idOf(id, 'The id'));
}

/** Associate or Disassociate. */
export function relateRecords(ctx: OperationContext, input: Wire, add: boolean): void {
  const name = text(input.entityName, 'The entity name');
  const id = idOf(input.entityId, 'The entity id');
  const schemaName = text(obj(input.relationship).SchemaName, 'The relationship name');
  const related: StoredReference[] = list(obj(input.relatedEntities).EntityReference).map((r) => {
    const ref = obj(r);
    return { logicalName: text(ref.LogicalName, 'A related entity name'), id: idOf(ref.Id, 'A related entity id') };
  });
  if (add) ctx.store.associate(name, id, schemaName, related);
  else ctx.store.disassociate(name, id, schemaName, related);
}

/** The query a `QueryBase` value is (QueryExpression, QueryByAttribute, FetchExpression). */
export function readQuery(query: unknown): EmulatorQuery {
  const q = obj(query);
  switch (q.$type) {
    case `{${CONTRACTS}}QueryExpression`:
      return readQueryExpression(q);
    case `{${CONTRACTS}}QueryByAttribute`:
      return readQueryByAttribute(q);
    case `{${CONTRACTS}}FetchExpression`:
      return readFetchXml(text(q.Query, 'The FetchXML query'));
    default:
      throw invalidArgument(`The query type ${String(q.$type ?? 'none')} is not supported.`);
  }
}

/** RetrieveMultiple: one page as an EntityCollection. */
export function retrieveMultiple(ctx: OperationContext, query: unknown): Wire {
  const q = readQuery(query);
  const qctx: QueryContext = { now: ctx.now, userId: ctx.caller.userId };
  if (q.aggregates?.length) {
    const all = runQuery(
      ctx.store,
      { ...q, page: { count: MAX_PAGE_SIZE, pageNumber: 1, returnTotalRecordCount: false } },
      qctx,
    );
    return collectionWire(ctx.store, q, all, all.rows.length);
  }
  return collectionWire(ctx.store, q, runQuery(ctx.store, q, qctx));
}
