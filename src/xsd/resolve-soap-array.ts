/**
 * The item type of a SOAP-encoded array type, as WSDL 1.1 section 2.2 writes it in a schema:
 *
 *   <complexType name="ArrayOfString"> <complexContent> <restriction base="soapenc:Array">
 *     <attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:string[]"/>
 *   </restriction> </complexContent> </complexType>
 *
 * The `wsdl:arrayType` value is a SOAP 1.1 section 5.4.2 arrayType: a type QName followed by rank brackets.
 * Only the QName is kept (`xsd:string[]` and `xsd:string[3]` both give `xsd:string`); an array of arrays
 * (`xsd:string[][]`) has no single item type and gives none. The key is not checked to name a type: the codec
 * falls back to anyType when it does not, as it would for an array with no wsdl:arrayType at all.
 */
import type { XmlElement } from '../xml/types.js';
import { canonicalBuiltinKey, XSD_NAMESPACES } from './builtins.js';
import type { QNameKey } from './model.js';
import { attr, childElements } from './node.js';
import { type SchemaDocument, schemaQName } from './read.js';
import { SOAP_ENCODING_NS, SOAP12_ENCODING_NS } from './wellknown.js';

/** The namespace of the `arrayType` attribute that annotates a soapenc:arrayType reference (WSDL 1.1 section 5). */
export const WSDL_ARRAY_TYPE_NS = 'http://schemas.xmlsoap.org/wsdl/';

const ARRAY_TYPE_REFS = new Set([`{${SOAP_ENCODING_NS}}arrayType`, `{${SOAP12_ENCODING_NS}}arrayType`]);

/** The item type a restriction of soapenc:Array states with `wsdl:arrayType`, if any. */
export function soapArrayItemType(schema: SchemaDocument, derivation: XmlElement): QNameKey | undefined {
  for (const a of childElements(derivation, XSD_NAMESPACES)) {
    if (a.local !== 'attribute') continue;
    const ref = attr(a, 'ref');
    const refKey = ref === undefined ? undefined : schemaQName(schema, a, ref);
    if (refKey === undefined || !ARRAY_TYPE_REFS.has(refKey)) continue;
    const value = a.attrs.find((x) => x.ns === WSDL_ARRAY_TYPE_NS && x.local === 'arrayType')?.value.trim();
    const open = value?.indexOf('[') ?? -1;
    if (value === undefined || open <= 0 || value.indexOf('[', value.indexOf(']')) >= 0) return undefined;
    const key = schemaQName(schema, a, value.slice(0, open));
    return key === undefined ? undefined : canonicalBuiltinKey(key);
  }
  return undefined;
}
