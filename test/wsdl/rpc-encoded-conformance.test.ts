/**
 * rpc bindings as node-soap's samples use them (test/client/node-soap-samples.test.ts): a soap:body without a
 * namespace, and SOAP-encoded arrays (SOAP 1.1 section 5.4.2). Each test is named after the problem it pins.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { OperationMessages } from '../../src/soap/message.js';
import { compileWsdlText } from '../../src/wsdl/index.js';
import { parseXml } from '../../src/xml/parse.js';
import { XmlWriter } from '../../src/xml/writer.js';
import { createCodecs } from '../../src/xsd/codec/index.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const ENC = 'http://schemas.xmlsoap.org/soap/encoding/';

function wsdl(bodyNamespace: string): string {
  return `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="${XS}" xmlns:soapenc="${ENC}" xmlns:tns="urn:arr"
    targetNamespace="urn:arr">
  <types><xsd:schema targetNamespace="urn:arr">
    <xsd:complexType name="StringArray"><xsd:complexContent><xsd:restriction base="soapenc:Array">
      <xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:string[]"/>
    </xsd:restriction></xsd:complexContent></xsd:complexType>
    <xsd:complexType name="FixedArray"><xsd:complexContent><xsd:restriction base="soapenc:Array">
      <xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:anyType[]"/>
    </xsd:restriction></xsd:complexContent></xsd:complexType>
  </xsd:schema></types>
  <message name="in"><part name="names" type="tns:StringArray"/></message>
  <message name="out"><part name="result" type="tns:FixedArray"/></message>
  <portType name="P"><operation name="call"><input message="tns:in"/><output message="tns:out"/></operation></portType>
  <binding name="B" type="tns:P"><soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="call"><soap:operation soapAction=""/>
      <input><soap:body use="encoded" ${bodyNamespace} encodingStyle="${ENC}"/></input>
      <output><soap:body use="encoded" ${bodyNamespace} encodingStyle="${ENC}"/></output>
    </operation></binding>
  <service name="S"><port name="p" binding="tns:B"><soap:address location="http://localhost/"/></port></service>
</definitions>`;
}

async function messagesOf(bodyNamespace: string) {
  const model = await compileWsdlText(wsdl(bodyNamespace), join(process.cwd(), 'arr.wsdl'));
  const operation = model.services[0]!.ports[0]!.operations[0]!;
  return { operation, messages: new OperationMessages(operation, createCodecs(model.schema)) };
}

test('rpc soap:body without a namespace wrote an unqualified wrapper: it takes the targetNamespace', async () => {
  const { operation, messages } = await messagesOf('');
  assert.equal(operation.input.namespace, 'urn:arr');
  const w = new XmlWriter();
  messages.writeBody(w, 'input', { names: [] });
  assert.match(w.toString(), /^<m:call xmlns:m="urn:arr">/);
  const declared = await messagesOf('namespace="urn:declared"');
  assert.equal(declared.operation.input.namespace, 'urn:declared');
});

test('a SOAP-encoded array with <item> children was refused on decode: it decodes to a JS array', async () => {
  const { messages } = await messagesOf('namespace="urn:arr"');
  const xml = `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="${XS}"
      xmlns:enc="${ENC}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:a="urn:arr"><e:Body>
    <a:callResponse><result enc:arrayType="xsd:ur-type[2]" xsi:type="a:FixedArray">
      <item xsi:type="xsd:boolean">true</item><item xsi:type="xsd:int">7</item>
    </result></a:callResponse></e:Body></e:Envelope>`;
  const doc = parseXml(xml, { source: 'test' });
  const body = doc.root.children.find((c) => typeof c !== 'string' && c.local === 'Body');
  assert.ok(body && typeof body !== 'string');
  const entries = body.children.filter((c) => typeof c !== 'string');
  const value = messages.readBody(entries as never, doc, 'output') as { result: unknown[] };
  assert.deepEqual(value.result, [
    { $type: `{${XS}}boolean`, $value: true },
    { $type: `{${XS}}int`, $value: 7 },
  ]);
});

test('a SOAP-encoded array takes its item type from wsdl:arrayType, or from the instance arrayType', async () => {
  const { messages } = await messagesOf('namespace="urn:arr"');
  const w = new XmlWriter();
  messages.writeBody(w, 'input', { names: ['a', 'b'] });
  const out = w.toString();
  assert.match(out, /<names [^>]*:arrayType="xs:string\[2\]"/);
  assert.match(out, /<item>a<\/item><item>b<\/item><\/names>/);
  // The instance's arrayType wins over wsdl:arrayType when it names a known type.
  const xml = `<r xmlns:enc="${ENC}" xmlns:xsd="${XS}" enc:arrayType="xsd:int[2]"><item>1</item><item>2</item></r>`;
  const doc = parseXml(xml, { source: 'test' });
  const model = await compileWsdlText(wsdl(''), join(process.cwd(), 'arr.wsdl'));
  const codecs = createCodecs(model.schema);
  assert.deepEqual(codecs.decodeType(doc.root, '{urn:arr}StringArray', doc), [1, 2]);
  // Without one, wsdl:arrayType types the items, whatever their names.
  const plain = parseXml('<r><x>a</x><y>b</y></r>', { source: 'test' });
  assert.deepEqual(codecs.decodeType(plain.root, '{urn:arr}StringArray', plain), ['a', 'b']);
});
