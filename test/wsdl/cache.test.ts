import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isSoapstackError } from '../../src/errors.js';
import {
  type CacheEvent,
  type DocumentLoader,
  deserializeModel,
  fileLoader,
  loadWsdl,
  loadWsdlCached,
  serializeModel,
} from '../../src/wsdl/index.js';

const WSDL = `<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:t="urn:t" targetNamespace="urn:t">
  <types><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:w">
    <xs:import namespace="urn:t" schemaLocation="t.xsd"/></xs:schema></types>
  <message name="In"><part name="p" element="t:ping"/></message>
  <portType name="P"><operation name="ping"><input message="t:In"/></operation></portType>
  <binding name="B" type="t:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="ping"><soap:operation soapAction="urn:ping"/><input><soap:body use="literal"/></input></operation>
  </binding>
  <service name="S"><port name="Port" binding="t:B"><soap:address location="http://example.invalid/"/></port></service>
</definitions>`;
const xsd = (field: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
  <xs:element name="ping"><xs:complexType><xs:sequence><xs:element name="${field}" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>`;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'soapstack-cache-'));
  writeFileSync(join(dir, 'root.wsdl'), WSDL);
  writeFileSync(join(dir, 't.xsd'), xsd('a'));
  const cacheDir = join(dir, 'cache');
  const events: CacheEvent[] = [];
  const loads: string[] = [];
  const files = fileLoader();
  const loader: DocumentLoader = {
    load: (l) => {
      loads.push(l);
      return files.load(l);
    },
  };
  const options = { cacheDir, loader, onCacheEvent: (e: CacheEvent) => events.push(e) };
  return { dir, cacheDir, events, loads, options, root: join(dir, 'root.wsdl') };
}

test('serializeModel / deserializeModel round-trip, and a bad entry is rejected', async () => {
  const { dir, root } = setup();
  try {
    const model = await loadWsdl(root);
    assert.deepEqual(deserializeModel(serializeModel(model)), model);
    const entry = JSON.parse(serializeModel(model));
    for (const bad of [
      'not json',
      JSON.stringify({ ...entry, format: 999 }),
      JSON.stringify({ ...entry, magic: 'other' }),
      JSON.stringify({ ...entry, model: { ...entry.model, services: 'x' } }),
      JSON.stringify({ ...entry, model: { ...entry.model, documents: [{ location: 1 }] } }),
      JSON.stringify({ ...entry, model: { ...entry.model, schema: { ...entry.model.schema, types: null } } }),
    ]) {
      assert.throws(
        () => deserializeModel(bad),
        (e) => isSoapstackError(e, 'WSDL_CACHE_INVALID'),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache hit returns the stored model without compiling; an edited import invalidates it', async () => {
  const { dir, cacheDir, events, loads, options, root } = setup();
  try {
    const first = await loadWsdlCached(root, options);
    assert.deepEqual(events, ['miss', 'stored']);
    assert.equal(readdirSync(cacheDir).length, 1, 'one entry, no temp file left behind');
    // Mark the stored entry: a hit must return it as stored, which proves nothing was recompiled.
    const file = join(cacheDir, readdirSync(cacheDir)[0]!);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.model.name = 'FROM-CACHE';
    writeFileSync(file, JSON.stringify(entry));

    events.length = 0;
    loads.length = 0;
    const second = await loadWsdlCached(root, options);
    assert.deepEqual(events, ['hit']);
    assert.equal(second.name, 'FROM-CACHE');
    assert.deepEqual({ ...second, name: undefined }, { ...first, name: undefined });
    assert.deepEqual(loads, [root, join(dir, 't.xsd')], 'each recorded document read once to be hashed');

    writeFileSync(join(dir, 't.xsd'), xsd('b'));
    events.length = 0;
    const third = await loadWsdlCached(root, options);
    assert.deepEqual(events, ['stale', 'stored']);
    assert.equal(third.name, undefined);
    assert.ok(JSON.stringify(third.schema.elements['{urn:t}ping']).includes('"local":"b"'));

    writeFileSync(file, '{"magic":"soapstack-compiled-model","format":1,"model":{}}');
    events.length = 0;
    await loadWsdlCached(root, options);
    assert.deepEqual(events, ['invalid', 'stored']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
