import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { XmlWriter } from '../../src/xml/writer.js';
import { createCodecs } from '../../src/xsd/codec/index.js';
import {
  CONTRACTS,
  dynamicsSchema,
  retrieveMultipleResponse,
  SERIALIZATION,
  SERVICES,
} from '../fixtures/codec/dynamics.js';

const RESPONSE = `{${SERVICES}}RetrieveMultipleResponse`;
const XS = 'http://www.w3.org/2001/XMLSchema';

function bodyChild(text: string) {
  const doc = parseXml(text, { source: '<response>' });
  const first = (el: XmlElement) => el.children.find((c): c is XmlElement => typeof c !== 'string')!;
  const body = doc.root.children.filter((c): c is XmlElement => typeof c !== 'string' && c.local === 'Body')[0]!;
  return { doc, el: first(body) };
}

interface Entity {
  Attributes: { KeyValuePairOfstringanyType: Array<{ key: string; value: unknown }> };
  Id: string;
  LogicalName: string;
  EntityState: null;
}

test('a real RetrieveMultiple response decodes with typed, xsi:typed attribute values', () => {
  const text = readFileSync(
    new URL(
      '../../../test/fixtures/real/dynamics-crm-2011/responses-dynamics_crm-gem/retrieve_multiple_result.xml',
      import.meta.url,
    ),
    'utf8',
  );
  const { doc, el } = bodyChild(text);
  const value = createCodecs(dynamicsSchema()).decodeElement(el, RESPONSE, doc) as {
    RetrieveMultipleResult: { Entities: { Entity: Entity[] }; MoreRecords: boolean; EntityName: string };
  };
  const result = value.RetrieveMultipleResult;
  assert.equal(result.EntityName, 'account');
  assert.equal(result.MoreRecords, false);
  assert.ok(result.Entities.Entity.length >= 2);
  const first = result.Entities.Entity[0]!;
  assert.equal(first.LogicalName, 'account');
  assert.equal(first.EntityState, null);
  assert.deepEqual(first.Attributes.KeyValuePairOfstringanyType[0], {
    key: 'accountid',
    value: { $type: `{${SERIALIZATION}}guid`, $value: '7bf2e032-ad92-e311-9752-6c3be5a87df0' },
  });
});

test('a generated RetrieveMultiple response decodes every typed attribute and re-encodes to the same values', () => {
  const { doc, el } = bodyChild(retrieveMultipleResponse(3));
  const codecs = createCodecs(dynamicsSchema());
  const value = codecs.decodeElement(el, RESPONSE, doc) as {
    RetrieveMultipleResult: { Entities: { Entity: Entity[] } };
  };
  const entity = value.RetrieveMultipleResult.Entities.Entity[1]!;
  const attrs = Object.fromEntries(entity.Attributes.KeyValuePairOfstringanyType.map((kv) => [kv.key, kv.value]));
  assert.deepEqual(attrs.numberofemployees, { $type: `{${XS}}int`, $value: 1 });
  assert.deepEqual(attrs.createdon, { $type: `{${XS}}dateTime`, $value: new Date('2014-02-18T07:01:45Z') });
  assert.deepEqual(attrs.revenue, { $type: `{${CONTRACTS}}Money`, Value: '112345678901.01' });
  assert.deepEqual(attrs.donotemail, { $type: `{${XS}}boolean`, $value: false });
  assert.deepEqual(attrs.name, { $type: `{${XS}}string`, $value: 'Account number 1 & partners' });
  assert.equal((attrs.primarycontactid as { LogicalName: string }).LogicalName, 'contact');
  const w = new XmlWriter();
  codecs.encodeElement(w, RESPONSE, value);
  const again = parseXml(w.toString());
  assert.deepEqual(codecs.decodeElement(again.root, RESPONSE, again), value);
});
