/**
 * `createDynamicsClient`: the Organization service as a typed client. Every message is written by the
 * engine from the WSDL's compiled model (model.ts) with attribute values typed by `xsi:type` (encode.ts),
 * signed in per `signIn` (sign-in.ts); answers are decoded to records and JavaScript values (decode.ts), and
 * faults reject with a `DynamicsError` carrying the service's ErrorCode.
 */
import { type Client, createClient, type EnvelopeEvent, type SoapClient } from '../../client/index.js';
import type { HttpTransportOptions, Transport } from '../../transport/index.js';
import { decodeEntity, decodeEntityCollection, decodeResults, type EntityCollection, type Wire } from './decode.js';
import { encodeAttributes, type HintSource } from './encode.js';
import { DynamicsOptionsError, toDynamicsError } from './errors.js';
import { type EntityMetadata, MetadataCache } from './metadata.js';
import { loadDynamicsModel, WEB_PORT } from './model.js';
import { T } from './namespaces.js';
import type { Columns, Query } from './query-types.js';
import { columnSetWire, pageOf, queryWire, withPage } from './query-wire.js';
import { type DynamicsRequest, requests, requestWire } from './requests.js';
import {
  allEntityMetadataOf,
  type ExecuteMultipleItem,
  entityMetadataOf,
  executeMultipleItemsOf,
  type WhoAmI,
  whoAmIOf,
} from './results.js';
import { planSignIn, type SignIn } from './sign-in.js';
import {
  type Attributes,
  type AttributeValue,
  EMPTY_GUID,
  type Entity,
  type EntityReference,
  guidText,
} from './values.js';

/** Options of `createDynamicsClient`. */
export interface DynamicsClientOptions {
  /** The organization service URL: `https://<org>/XRMServices/2011/Organization.svc` (or `.../web`). */
  url: string;
  /** How to sign in (see sign-in.ts). */
  signIn: SignIn;
  /** A transport of your own (also used for sign-in), or options for the built-in HTTP transport. */
  transport?: Transport | HttpTransportOptions;
  /** Milliseconds for each call; 0 for none. */
  timeout?: number;
  /**
   * Metadata-driven typing: a cache to use (shared between clients), or `true` for a cache of this
   * client's own. Creates and updates then fetch each entity's metadata once and type plain values by it.
   */
  metadata?: MetadataCache | boolean;
  /** Called with every envelope sent and received (debugging). */
  onEnvelope?: (event: EnvelopeEvent) => void;
}

/** An Organization service relationship: its schema name, and the role of the primary entity when both are one. */
export type RelationshipName = string | { schemaName: string; primaryEntityRole?: 'Referencing' | 'Referenced' };

/** One page of `retrieveMultiple` results, with its number. */
export interface EntityPage extends EntityCollection {
  readonly pageNumber: number;
}

/** Metadata filters of RetrieveEntity / RetrieveAllEntities. */
export type EntityFilter = 'Entity' | 'Attributes' | 'Privileges' | 'Relationships';

/** A typed Organization service client. */
export class DynamicsClient {
  /** The metadata cache used for typing (undefined when typing by metadata is off). */
  readonly metadata?: MetadataCache;

  /** @internal Use `createDynamicsClient`. */
  constructor(
    private readonly client: Client,
    metadata: MetadataCache | undefined,
  ) {
    if (metadata) this.metadata = metadata;
  }

  /** The soapstack client underneath (model, port, SOAP version). */
  get soap(): SoapClient {
    return this.client;
  }

  /** Closes the client's HTTP pool. */
  close(): Promise<void> {
    return this.client.close();
  }

  /** Creates a record; resolves to its id. */
  async create(entityName: string, attributes: Attributes): Promise<string> {
    const hints = await this.hints(entityName);
    const out = (await this.call('Create', {
      entity: { Attributes: encodeAttributes(attributes, hints, entityName), LogicalName: entityName },
    })) as Wire;
    return String(out?.CreateResult ?? '');
  }

  /** Reads a record (all columns by default). */
  async retrieve(entityName: string, id: string, columns: Columns = 'all'): Promise<Entity> {
    const out = (await this.call('Retrieve', {
      entityName,
      id: guidText(id),
      columnSet: columnSetWire(columns),
    })) as Wire;
    return decodeEntity((out?.RetrieveResult ?? {}) as Wire);
  }

  /** Updates a record's attributes. */
  async update(entityName: string, id: string, attributes: Attributes): Promise<void> {
    const hints = await this.hints(entityName);
    await this.call('Update', {
      entity: {
        Attributes: encodeAttributes(attributes, hints, entityName),
        Id: guidText(id),
        LogicalName: entityName,
      },
    });
  }

  /** Deletes a record. */
  async delete(entityName: string, id: string): Promise<void> {
    await this.call('Delete', { entityName, id: guidText(id) });
  }

  /** Links records to a record through a relationship (e.g. `contact_customer_accounts`). */
  async associate(
    entityName: string,
    id: string,
    relationship: RelationshipName,
    related: readonly EntityReference[],
  ): Promise<void> {
    await this.call('Associate', associateArgs(entityName, id, relationship, related));
  }

  /** Removes links made by `associate`. */
  async disassociate(
    entityName: string,
    id: string,
    relationship: RelationshipName,
    related: readonly EntityReference[],
  ): Promise<void> {
    await this.call('Disassociate', associateArgs(entityName, id, relationship, related));
  }

  /** Runs a query (QueryExpression, QueryByAttribute or FetchXML) and resolves to one page of records. */
  async retrieveMultiple(query: Query): Promise<EntityCollection> {
    const out = (await this.call('RetrieveMultiple', { query: queryWire(query) })) as Wire;
    return decodeEntityCollection(out?.RetrieveMultipleResult as Wire | undefined);
  }

  /**
   * The pages of a query, one request per page: page N+1 is asked for with page N's paging cookie, and
   * only the page being read is held (the iterator keeps no reference to pages already yielded).
   */
  async *iterate(query: Query): AsyncGenerator<EntityPage, void, undefined> {
    let pageNumber = pageOf(query).pageNumber;
    let next: Query | undefined = query;
    while (next) {
      let page: EntityPage | undefined = { ...(await this.retrieveMultiple(next)), pageNumber };
      next = page.moreRecords ? withPage(query, ++pageNumber, page.pagingCookie) : undefined;
      yield page;
      // Let go of the page before asking for the next one.
      page = undefined;
    }
  }

  /** Same as `iterate`. */
  retrieveMultiplePages(query: Query): AsyncGenerator<EntityPage, void, undefined> {
    return this.iterate(query);
  }

  /** The records of every page of a query, one at a time. */
  async *entities(query: Query): AsyncGenerator<Entity, void, undefined> {
    for await (const page of this.iterate(query)) yield* page.entities;
  }

  /** Executes any organization request by name; resolves to its results, decoded like attribute values. */
  async execute(
    requestName: string,
    parameters?: Record<string, AttributeValue | undefined>,
  ): Promise<Record<string, unknown>> {
    const request: DynamicsRequest = parameters ? { requestName, parameters } : { requestName };
    return this.executeRequest(request);
  }

  /** The caller's user, business unit and organization ids. */
  async whoAmI(): Promise<WhoAmI> {
    return whoAmIOf(await this.execute('WhoAmI'));
  }

  /**
   * An entity's metadata (default filters: Entity and Attributes). Metadata that lists attributes is
   * cached for typing when the client has a cache.
   */
  async retrieveEntity(
    logicalName: string,
    filters: readonly EntityFilter[] = ['Entity', 'Attributes'],
  ): Promise<EntityMetadata> {
    const results = await this.execute('RetrieveEntity', {
      EntityFilters: { $type: T.entityFilters, $value: [...filters] },
      LogicalName: logicalName,
      MetadataId: { $type: T.guid, $value: EMPTY_GUID },
      RetrieveAsIfPublished: false,
    });
    const metadata = entityMetadataOf(results);
    if (this.metadata && filters.includes('Attributes') && metadata.logicalName) this.metadata.set(metadata);
    return metadata;
  }

  /** Every entity's metadata (default filter: Entity only, which is fast). */
  async retrieveAllEntities(filters: readonly EntityFilter[] = ['Entity']): Promise<EntityMetadata[]> {
    const results = await this.execute('RetrieveAllEntities', {
      EntityFilters: { $type: T.entityFilters, $value: [...filters] },
      RetrieveAsIfPublished: false,
    });
    const all = allEntityMetadataOf(results);
    if (this.metadata && filters.includes('Attributes')) for (const m of all) if (m.logicalName) this.metadata.set(m);
    return all;
  }

  /** Sets a record's state and status (`SetState`), e.g. `setState(ref('account', id), 1, 2)` to deactivate. */
  async setState(record: EntityReference, state: number, status: number): Promise<void> {
    await this.executeRequest(requests.setState(record, state, status));
  }

  /**
   * Sends a batch of requests in one `ExecuteMultiple` (the server's limit is 1000) and resolves to one
   * outcome per request. A fault of the batch itself (too many requests, say) rejects.
   */
  async executeMultiple(
    batch: readonly DynamicsRequest[],
    options: { continueOnError?: boolean; returnResponses?: boolean } = {},
  ): Promise<ExecuteMultipleItem[]> {
    const continueOnError = options.continueOnError ?? false;
    const returnResponses = options.returnResponses ?? true;
    const hints = await this.hintsForBatch(batch);
    const request = {
      Parameters: {
        KeyValuePairOfstringanyType: [
          {
            key: 'Requests',
            value: { $type: T.requestCollection, OrganizationRequest: batch.map((r) => requestWire(r, hints)) },
          },
          {
            key: 'Settings',
            value: {
              $type: T.executeMultipleSettings,
              ContinueOnError: continueOnError,
              ReturnResponses: returnResponses,
            },
          },
        ],
      },
      RequestId: null,
      RequestName: 'ExecuteMultiple',
    };
    const out = (await this.call('Execute', { request })) as Wire;
    const results = decodeResults((out?.ExecuteResult as Wire | undefined)?.Results);
    return executeMultipleItemsOf(results, batch, continueOnError);
  }

  /** The metadata of `logicalName`: from the cache, else fetched (and cached). Needs a metadata cache. */
  async entityMetadata(logicalName: string): Promise<EntityMetadata> {
    const cached = this.metadata?.get(logicalName);
    if (cached) return cached;
    return this.retrieveEntity(logicalName, ['Entity', 'Attributes']);
  }

  private async executeRequest(request: DynamicsRequest): Promise<Record<string, unknown>> {
    const hints = await this.hintsForBatch([request]);
    const out = (await this.call('Execute', { request: requestWire(request, hints) })) as Wire;
    return decodeResults((out?.ExecuteResult as Wire | undefined)?.Results);
  }

  private async hints(entityName: string): Promise<HintSource | undefined> {
    const cache = this.metadata;
    if (!cache) return undefined;
    if (!cache.has(entityName)) await this.entityMetadata(entityName);
    return (entity, attribute) => cache.hint(entity, attribute);
  }

  private async hintsForBatch(batch: readonly DynamicsRequest[]): Promise<HintSource | undefined> {
    if (!this.metadata) return undefined;
    let hints: HintSource | undefined;
    for (const request of batch) {
      for (const value of Object.values(request.parameters ?? {})) {
        const name = (value as { logicalName?: unknown; attributes?: unknown } | null)?.logicalName;
        if (typeof name === 'string' && typeof (value as { attributes?: unknown }).attributes === 'object') {
          hints = await this.hints(name);
        }
      }
    }
    return hints;
  }

  private async call(operation: string, args: Wire): Promise<unknown> {
    try {
      return await this.client.call(operation, args);
    } catch (error) {
      throw toDynamicsError(error);
    }
  }
}

function associateArgs(
  entityName: string,
  id: string,
  relationship: RelationshipName,
  related: readonly EntityReference[],
): Wire {
  const rel = typeof relationship === 'string' ? { schemaName: relationship } : relationship;
  return {
    entityName,
    entityId: guidText(id),
    relationship: {
      ...(rel.primaryEntityRole ? { PrimaryEntityRole: rel.primaryEntityRole } : {}),
      SchemaName: rel.schemaName,
    },
    relatedEntities: { EntityReference: related.map((r) => ({ Id: guidText(r.id), LogicalName: r.logicalName })) },
  };
}

/** Creates a Dynamics client: no WSDL is parsed (the bundled compiled model is used). */
export async function createDynamicsClient(options: DynamicsClientOptions): Promise<DynamicsClient> {
  if (typeof options !== 'object' || options === null) throw new DynamicsOptionsError('options must be an object');
  const given = options.transport;
  const transport = given && typeof (given as Transport).send === 'function' ? (given as Transport) : undefined;
  const plan = planSignIn(options.signIn, options.url, transport);
  const model = await loadDynamicsModel();
  const client = await createClient(model, {
    endpoint: plan.endpoint,
    plugins: plan.plugins,
    ...(plan.soapVersion === '1.1' ? { port: WEB_PORT } : {}),
    ...(given !== undefined ? { transport: given } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.onEnvelope ? { onEnvelope: options.onEnvelope } : {}),
    cache: false,
  });
  const metadata = options.metadata === true ? new MetadataCache() : options.metadata || undefined;
  return new DynamicsClient(client, metadata);
}
