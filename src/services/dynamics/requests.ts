/**
 * Organization requests for `execute` and `executeMultiple`: a request is its name and its parameters
 * (`{ requestName: 'WhoAmI' }`, `{ requestName: 'SetState', parameters: { EntityMoniker, State, Status } }`),
 * written as the late-bound `OrganizationRequest` the SDK itself sends for a request it has no class for:
 * RequestName plus the ParameterCollection, each parameter typed with `xsi:type`. The server dispatches on
 * RequestName, so any message (custom actions included) can be sent.
 */
import { encodeEntity, encodeValue, type HintSource, type WirePairs } from './encode.js';
import { T } from './namespaces.js';
import {
  type Attributes,
  type AttributeValue,
  type Entity,
  EntityReference,
  isEntity,
  OptionSetValue,
} from './values.js';

/** One organization request. */
export interface DynamicsRequest {
  /** The message name, e.g. `WhoAmI`, `SetState`, `Create`, `new_MyAction`. */
  readonly requestName: string;
  /** Parameters by name, typed like attribute values (records are written as `Entity`). */
  readonly parameters?: Readonly<Record<string, AttributeValue | undefined>>;
}

/** A record to create or update, as a request parameter. */
function target(logicalName: string, attributes: Attributes, id?: string): Entity {
  return { logicalName, id: id ?? '00000000-0000-0000-0000-000000000000', attributes, formattedValues: {} };
}

/** Builders of the common requests, for `executeMultiple`. */
export const requests = Object.freeze({
  /** `Create` of a record. */
  create(entityName: string, attributes: Attributes): DynamicsRequest {
    return { requestName: 'Create', parameters: { Target: target(entityName, attributes) } };
  },
  /** `Update` of a record. */
  update(entityName: string, id: string, attributes: Attributes): DynamicsRequest {
    return { requestName: 'Update', parameters: { Target: target(entityName, attributes, id) } };
  },
  /** `Delete` of a record. */
  delete(entityName: string, id: string): DynamicsRequest {
    return { requestName: 'Delete', parameters: { Target: new EntityReference(entityName, id) } };
  },
  /** `SetState`: a record's state and status codes. */
  setState(record: EntityReference, state: number, status: number): DynamicsRequest {
    return {
      requestName: 'SetState',
      parameters: { EntityMoniker: record, State: new OptionSetValue(state), Status: new OptionSetValue(status) },
    };
  },
  /** Any request by name. */
  named(requestName: string, parameters?: Record<string, AttributeValue | undefined>): DynamicsRequest {
    return parameters ? { requestName, parameters } : { requestName };
  },
});

/** The `OrganizationRequest` data contract of a request (records typed by `hints` when given). */
export function requestWire(request: DynamicsRequest, hints?: HintSource): Record<string, unknown> {
  const pairs: WirePairs['KeyValuePairOfstringanyType'] = [];
  for (const [key, value] of Object.entries(request.parameters ?? {})) {
    if (value === undefined) continue;
    pairs.push({
      key,
      value: isEntity(value)
        ? { $type: T.entity, ...encodeEntity(value, hints) }
        : encodeValue(value, undefined, `${request.requestName}.${key}`),
    });
  }
  return { Parameters: { KeyValuePairOfstringanyType: pairs }, RequestId: null, RequestName: request.requestName };
}
