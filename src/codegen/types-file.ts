/**
 * Writes `types.ts`: a type for every simple type, an interface for every complex type (named and anonymous),
 * and a `<Name>OrSubtype` union for every base with complex subtypes. The file imports nothing, so it can be
 * used (and type-checked) on its own.
 */
import type { ComplexType } from '../xsd/model.js';
import type { TypeCatalog } from './catalog.js';
import { propertyKey, type SourceWriter } from './emitter.js';
import { complexShape } from './properties.js';
import { arrayOf } from './simple-types.js';

/** Writes the helpers and every type of the catalog, in the catalog's order. */
export function writeTypes(out: SourceWriter, catalog: TypeCatalog): void {
  out.doc('Raw XML kept byte-exact: what `xs:any` holds (docs/mapping.md, "Raw XML").');
  out.block('export interface RawXml {', () => out.line('readonly $xml: string;'));
  out.line();
  out.doc('A simple value that came with an `xsi:type` where `xs:anySimpleType` is declared: its type is kept.');
  out.block('export interface TypedValue {', () => {
    out.line('$type: string;');
    out.line('$value: unknown;');
  });
  for (const { key, name, definition } of catalog.named) {
    out.line();
    if (definition.kind === 'simple') {
      out.doc(`Simple type \`${key}\`.`);
      out.line(`export type ${name} = ${catalog.namedSimple(key, definition)};`);
      continue;
    }
    const tag = definition.abstract ? 'Abstract complex type' : 'Complex type';
    const union = catalog.unions.find((u) => u.base === key);
    const where = union ? ` Where it is declared, a subtype may stand for it: see \`${union.name}\`.` : '';
    out.doc(`${tag} \`${key}\`.${where}`);
    writeInterface(out, catalog, name, definition, catalog.typeTag(key));
  }
  for (const union of catalog.unions) {
    out.line();
    out.doc(`\`${union.base}\` or a type derived from it; a subtype carries its \`$type\` (written as \`xsi:type\`).`);
    const members = union.members.map((key) => {
      const name = catalog.nameOf(key)!;
      return key === union.base ? name : `(${name} & { $type: ${catalog.typeTag(key)} })`;
    });
    out.line(`export type ${union.name} =`);
    members.forEach((m, i) => {
      out.line(`  | ${m}${i === members.length - 1 ? ';' : ''}`);
    });
  }
  for (const { name, definition, origin } of catalog.anonymous) {
    out.line();
    out.doc(`The anonymous type of ${origin}.`);
    writeInterface(out, catalog, name, definition, undefined);
  }
}

/** One complex type as an interface (a type alias when it can hold nothing at all). */
function writeInterface(
  out: SourceWriter,
  catalog: TypeCatalog,
  name: string,
  type: ComplexType,
  tag: string | undefined,
): void {
  const shape = complexShape(type, catalog.schema);
  const lines: string[] = [];
  if (tag !== undefined) lines.push(`$type?: ${tag};`);
  for (const slot of shape.elements) {
    let value =
      slot.declaration === undefined && slot.name === '$any' ? 'RawXml' : catalog.elementValue(slot.declaration, '');
    if (slot.repeated) value = arrayOf(value);
    lines.push(`${propertyKey(slot.name)}${slot.required ? '' : '?'}: ${value};`);
  }
  if (shape.simpleContent !== undefined)
    lines.push(`$value: ${catalog.typeRef(shape.simpleContent, '', 'attribute')};`);
  if (shape.text) lines.push('$text?: string;');
  for (const attribute of shape.attributes) {
    const value = catalog.typeRef(attribute.type, '', 'attribute');
    lines.push(`${propertyKey(attribute.name)}${attribute.required ? '' : '?'}: ${value};`);
  }
  if (shape.anyAttribute) lines.push('$attributes?: Record<string, string>;');
  if (lines.length === 0) {
    out.line(`export type ${name} = Record<string, never>;`);
    return;
  }
  out.block(`export interface ${name} {`, () => {
    for (const line of lines) out.line(line);
  });
}
