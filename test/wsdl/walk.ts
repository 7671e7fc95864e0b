/** Test helper: every `{ ref }` key anywhere in a compiled model, with the path where it was found. */
import type { CompiledModel } from '../../src/wsdl/model.js';
import type { SchemaSet } from '../../src/xsd/model.js';

/** A reference found in the model, and which table it must exist in. */
export interface FoundRef {
  readonly path: string;
  readonly key: string;
  readonly table: 'types' | 'elements';
}

/** Walks the schema set (and the operations' parts) collecting every reference. */
export function collectRefs(model: CompiledModel): FoundRef[] {
  const out: FoundRef[] = [];
  const visit = (value: unknown, path: string, table: 'types' | 'elements') => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`, table);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'ref' && typeof v === 'string') out.push({ path, key: v, table });
      else if (k === 'base' && typeof v === 'string') out.push({ path: `${path}.base`, key: v, table: 'types' });
      else if (k === 'substitutionGroup' && typeof v === 'string') out.push({ path, key: v, table: 'elements' });
      // An element particle's `element: { ref }` names a global element; every other ref names a type.
      else if (k === 'element' && typeof v === 'object' && v !== null && 'ref' in v) {
        out.push({ path: `${path}.element`, key: (v as { ref: string }).ref, table: 'elements' });
      } else visit(v, `${path}.${k}`, k === 'element' ? 'types' : table);
    }
  };
  const schema: SchemaSet = model.schema;
  visit(schema.types, 'types', 'types');
  visit(schema.elements, 'elements', 'types');
  visit(schema.attributes, 'attributes', 'types');
  for (const [head, members] of Object.entries(schema.substitutionGroups)) {
    for (const m of [head, ...members]) out.push({ path: `substitutionGroups.${head}`, key: m, table: 'elements' });
  }
  for (const [base, derived] of Object.entries(schema.derivedTypes)) {
    for (const d of [base, ...derived]) out.push({ path: `derivedTypes.${base}`, key: d, table: 'types' });
  }
  for (const service of model.services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const msg of [op.input, op.output]) {
          for (const part of [...(msg?.body ?? []), ...(msg?.headers ?? []).map((h) => h.part)]) {
            if (part.element) out.push({ path: `${op.name}.${part.name}`, key: part.element, table: 'elements' });
            if (part.type) out.push({ path: `${op.name}.${part.name}`, key: part.type, table: 'types' });
          }
        }
      }
    }
  }
  return out;
}

/** The references that name nothing in the model's schema set. */
export function danglingRefs(model: CompiledModel): FoundRef[] {
  return collectRefs(model).filter((r) => !(r.key in model.schema[r.table]));
}
