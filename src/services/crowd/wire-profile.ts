/**
 * What differs between SecurityServer versions on the wire, read from the loaded WSDL's compiled model rather
 * than assumed from a version number:
 * - the type of `authenticatePrincipal`'s context: `PrincipalAuthenticationContext` (1.x) or
 *   `UserAuthenticationContext` (2.x); both carry `application`, `credential`, `name`, `validationFactors`;
 * - the directory id's element name in `SOAPPrincipal` / `SOAPGroup` / `SOAPRole`: `directoryID` (1.x) or
 *   `directoryId` (2.x);
 * - which operations exist (1.1.0 has 36, 2.0.5 has 48).
 */
import type { CompiledModel, Operation, Port } from '../../wsdl/index.js';
import type { Particle, SchemaSet, TypeRef } from '../../xsd/model.js';
import { SECURITY_SERVER_NS } from './errors.js';

const SOAP_NS = 'http://soap.integration.crowd.atlassian.com';
const AUTHENTICATED_TOKEN = '{http://authentication.integration.crowd.atlassian.com}AuthenticatedToken';

/** The wire details of one SecurityServer WSDL. */
export interface CrowdWireProfile {
  /** Clark key of `authenticatePrincipal`'s `in1` type, e.g. `{...authentication...}UserAuthenticationContext`. */
  readonly principalContextType: string | undefined;
  /** The element names of that context type, in content-model order. */
  readonly principalContextFields: readonly string[];
  /** The directory id's element name in SOAPPrincipal, SOAPGroup and SOAPRole, by type local name. */
  readonly directoryIdField: Readonly<Record<'SOAPPrincipal' | 'SOAPGroup' | 'SOAPRole', string>>;
  /** The operations the port offers. */
  readonly operations: ReadonlySet<string>;
  /** The operations whose `in0` is the application's `AuthenticatedToken` (all but `authenticateApplication`). */
  readonly tokenOperations: ReadonlySet<string>;
}

/** Reads the wire profile of the port's WSDL. */
export function wireProfile(model: CompiledModel, port: Port): CrowdWireProfile {
  const schema = model.schema;
  const wrapper = schema.elements[`{${SECURITY_SERVER_NS}}authenticatePrincipal`];
  const in1 = wrapper ? childElements(schema, wrapper.type).find((c) => c.name === 'in1') : undefined;
  const contextType = in1?.typeKey;
  const contextFields = in1 ? childElements(schema, in1.type).map((c) => c.name) : [];
  const directoryId = (local: string) =>
    childElements(schema, { ref: `{${SOAP_NS}}${local}` }).find((c) => c.name.toLowerCase() === 'directoryid')?.name ??
    'directoryId';
  return {
    principalContextType: contextType,
    principalContextFields: contextFields,
    directoryIdField: {
      SOAPPrincipal: directoryId('SOAPPrincipal'),
      SOAPGroup: directoryId('SOAPGroup'),
      SOAPRole: directoryId('SOAPRole'),
    },
    operations: new Set(port.operations.map((o) => o.name)),
    tokenOperations: new Set(port.operations.filter((o) => takesToken(schema, o)).map((o) => o.name)),
  };
}

/** True when the operation's wrapper element starts with `in0` of type `AuthenticatedToken`. */
function takesToken(schema: SchemaSet, operation: Operation): boolean {
  const element = operation.input?.body[0]?.element;
  const wrapper = element ? schema.elements[element] : undefined;
  const first = wrapper ? childElements(schema, wrapper.type)[0] : undefined;
  return first?.name === 'in0' && first.typeKey === AUTHENTICATED_TOKEN;
}

interface ChildElement {
  name: string;
  type: TypeRef;
  typeKey: string | undefined;
}

/** The element children of a complex type's content model (local names, nested groups flattened). */
function childElements(schema: SchemaSet, ref: TypeRef): ChildElement[] {
  const type = 'ref' in ref ? schema.types[ref.ref] : ref;
  if (type?.kind !== 'complex' || type.content.kind !== 'particle') return [];
  const out: ChildElement[] = [];
  const walk = (particle: Particle): void => {
    if (particle.kind === 'element') {
      const decl = 'ref' in particle.element ? schema.elements[particle.element.ref] : particle.element;
      if (decl) {
        const typeKey = 'ref' in decl.type ? decl.type.ref : decl.type.name;
        out.push({ name: decl.name.local, type: decl.type, typeKey });
      }
    } else if (particle.kind !== 'any') {
      for (const p of particle.particles) walk(p);
    }
  };
  walk(type.content.particle);
  return out;
}
