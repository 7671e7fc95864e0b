/**
 * The Organization service's handlers over the store: the eight operations of the WSDL, each refusing with
 * the declared `OrganizationServiceFault` when the store says no, and the header verifiers of its two
 * endpoints (WS-Security on `Organization.svc`, the bearer token on `Organization.svc/web`).
 */
import type { HeaderVerifier, OperationHandler, RequestContext } from '../../server/index.js';
import { executeRequest, type OrganizationIds } from './execute.js';
import { declaredFault, OrganizationFault } from './faults.js';
import {
  createRecord,
  deleteRecord,
  type OperationContext,
  obj,
  relateRecords,
  retrieveMultiple,
  retrieveRecord,
  updateRecord,
} from './requests.js';
import { bearerSubject, callers, organizationVerifier, wcfSecurityFault } from './security.js';
import type { EntityStore } from './store.js';
import type { TokenRegistry } from './tokens.js';

type Wire = Record<string, unknown>;

/** What the service runs on. */
export interface OrganizationServiceContext {
  readonly store: EntityStore;
  readonly tokens: TokenRegistry;
  readonly ids: OrganizationIds;
  readonly now: () => number;
}

type Operation = (input: Wire, op: OperationContext) => unknown;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  Create: (input, op) => ({ CreateResult: createRecord(op, input.entity) }),
  Retrieve: (input, op) => ({ RetrieveResult: retrieveRecord(op, input.entityName, input.id, input.columnSet) }),
  Update: (input, op) => {
    updateRecord(op, input.entity);
    return {};
  },
  Delete: (input, op) => {
    deleteRecord(op, input.entityName, input.id);
    return {};
  },
  Associate: (input, op) => {
    relateRecords(op, input, true);
    return {};
  },
  Disassociate: (input, op) => {
    relateRecords(op, input, false);
    return {};
  },
  RetrieveMultiple: (input, op) => ({ RetrieveMultipleResult: retrieveMultiple(op, input.query) }),
};

/** The handlers of every operation (the same for both endpoints). */
export function organizationHandlers(service: OrganizationServiceContext): Record<string, OperationHandler> {
  const wrap =
    (operation: Operation): OperationHandler =>
    (input: unknown, ctx: RequestContext) => {
      const caller = callers.get(ctx);
      // The verifiers always set the caller; a handler reached without one is refused all the same.
      if (!caller) throw wcfSecurityFault();
      const op: OperationContext = { store: service.store, caller, now: service.now() };
      try {
        return operation(obj(input), op);
      } catch (error) {
        if (error instanceof OrganizationFault) throw declaredFault(error, new Date(op.now));
        throw error;
      }
    };
  const handlers: Record<string, OperationHandler> = {};
  for (const [name, operation] of Object.entries(OPERATIONS)) handlers[name] = wrap(operation);
  handlers.Execute = wrap((input, op) => ({ ExecuteResult: executeRequest(op, input.request, service.ids) }));
  return handlers;
}

/** The verifier of `Organization.svc` (SOAP 1.2, WS-Security). */
export function soapVerifier(service: OrganizationServiceContext): HeaderVerifier {
  return organizationVerifier(service.tokens, service.now);
}

/** The verifier of `Organization.svc/web` (SOAP 1.1, bearer; the HTTP layer has already answered 401 to a bad one). */
export function webVerifier(service: OrganizationServiceContext): HeaderVerifier {
  return (ctx) => {
    const header = ctx.httpHeaders.authorization;
    const subject = bearerSubject(service.tokens, typeof header === 'string' ? header : undefined);
    if (!subject) throw wcfSecurityFault();
    callers.set(ctx, subject);
  };
}
