/**
 * The Organization service's faults: an `OrganizationServiceFault` (ErrorCode, Message, Timestamp...) as the
 * declared fault detail, with the message as the Reason and `s:Sender` as the code, as in the captured
 * `sender_fault.xml`. Handlers throw an `OrganizationFault`; the service turns it into the declared fault
 * (ExecuteMultiple keeps it as data, one per failed request).
 */
import { SoapstackError } from '../../errors.js';
import { DeclaredFault } from '../../server/index.js';

/** The ErrorCodes the emulator answers with (Microsoft.Crm.Sdk ErrorCodes, as signed 32-bit integers). */
export const ERROR_CODES = Object.freeze({
  /** 0x80040217 ObjectDoesNotExist: "account With Id = ... Does Not Exist". */
  objectDoesNotExist: -2147220969,
  /** 0x80041103 QueryBuilderNoAttribute: "'account' entity doesn't contain attribute with Name = 'foo'.". */
  noAttribute: -2147217149,
  /** 0x80041102 QueryBuilderNoEntity: an entity the metadata does not have. */
  noEntity: -2147217150,
  /** 0x80040203 InvalidArgument. */
  invalidArgument: -2147220989,
  /** 0x80040237 DuplicateRecord: creating a record whose id is taken. */
  duplicateRecord: -2147220937,
  /** 0x8004D2A9 QueryBuilderInvalidConditionOperator. */
  invalidOperator: -2147217091,
  /** 0x80040265 an unsupported message. */
  unsupportedMessage: -2147220891,
  /** 0x80060891 ExecuteMultiple: more requests than the limit. */
  batchSizeExceeded: -2147020463,
  /** 0x8004430D QueryBuilderInvalid paging cookie / page. */
  invalidPaging: -2147204339,
  /** 0x80048418 Relationship does not exist / cannot be used this way. */
  invalidRelationship: -2147187688,
});

/** A failed request, as the Organization service reports it. */
export class OrganizationFault extends SoapstackError {
  declare readonly code: 'DYNAMICS_ORGANIZATION_FAULT';
  /** The OrganizationServiceFault's ErrorCode. */
  readonly errorCode: number;

  constructor(errorCode: number, message: string) {
    super('DYNAMICS_ORGANIZATION_FAULT', message);
    this.errorCode = errorCode;
  }
}

/** The `OrganizationServiceFault` data contract of `fault`, stamped at `now`. */
export function faultDetail(fault: OrganizationFault, now: Date): Record<string, unknown> {
  return {
    ErrorCode: fault.errorCode,
    ErrorDetails: {},
    Message: fault.message,
    Timestamp: now,
    InnerFault: null,
    TraceText: null,
  };
}

/** The declared fault the service answers `fault` with (wsdl:fault `OrganizationServiceFaultFault`). */
export function declaredFault(fault: OrganizationFault, now: Date): DeclaredFault {
  return new DeclaredFault('OrganizationServiceFaultFault', faultDetail(fault, now), {
    reason: fault.message,
    code: 'client',
  });
}

/** "account With Id = <id> Does Not Exist" (ObjectDoesNotExist). */
export function doesNotExist(entity: string, id: string): OrganizationFault {
  return new OrganizationFault(ERROR_CODES.objectDoesNotExist, `${entity} With Id = ${id} Does Not Exist`);
}

/** "'account' entity doesn't contain attribute with Name = 'foo'." (the captured sender fault's words). */
export function noAttribute(entity: string, attribute: string): OrganizationFault {
  return new OrganizationFault(
    ERROR_CODES.noAttribute,
    `'${entity}' entity doesn't contain attribute with Name = '${attribute}'.`,
  );
}

/** An entity the metadata does not have. */
export function noEntity(entity: string): OrganizationFault {
  return new OrganizationFault(
    ERROR_CODES.noEntity,
    `The entity with a name = '${entity}' was not found in the MetadataCache.`,
  );
}

/** A value or argument the service cannot use. */
export function invalidArgument(message: string): OrganizationFault {
  return new OrganizationFault(ERROR_CODES.invalidArgument, message);
}
