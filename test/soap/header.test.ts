import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { findHeader, isMustUnderstand, roleOf, writeMustUnderstand, writeRole } from '../../src/soap/header.js';
import {
  isSoapVersion,
  otherVersion,
  SOAP_1_1,
  SOAP_1_2,
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  versionOfNamespace,
} from '../../src/soap/version.js';

const WSA = 'http://www.w3.org/2005/08/addressing';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

test('the version table: namespaces, media types, fault code names, action carriers', () => {
  assert.equal(SOAP_1_1.envelopeNs, SOAP11_ENVELOPE_NS);
  assert.equal(SOAP_1_2.envelopeNs, SOAP12_ENVELOPE_NS);
  assert.equal(SOAP_1_1.mediaType, 'text/xml');
  assert.equal(SOAP_1_2.mediaType, 'application/soap+xml');
  assert.equal(SOAP_1_1.actionCarrier, 'soapAction-header');
  assert.equal(SOAP_1_2.actionCarrier, 'content-type-parameter');
  assert.deepEqual(Object.values(SOAP_1_1.faultCodes).filter(Boolean), [
    'Client',
    'Server',
    'VersionMismatch',
    'MustUnderstand',
  ]);
  assert.deepEqual(Object.values(SOAP_1_2.faultCodes), [
    'Sender',
    'Receiver',
    'VersionMismatch',
    'MustUnderstand',
    'DataEncodingUnknown',
  ]);
  assert.equal(versionOfNamespace(SOAP11_ENVELOPE_NS), '1.1');
  assert.equal(versionOfNamespace(SOAP12_ENVELOPE_NS), '1.2');
  assert.equal(versionOfNamespace('http://www.w3.org/2001/12/soap-envelope'), undefined);
  assert.equal(otherVersion('1.1'), '1.2');
  assert.ok(isSoapVersion('1.2') && !isSoapVersion('1.0') && !isSoapVersion(1.1));
  assert.ok(Object.isFrozen(SOAP_1_1) && Object.isFrozen(SOAP_1_2.faultCodes));
});

test('mustUnderstand and role on the real Dynamics fault headers (SOAP 1.2)', () => {
  const text = readFileSync(
    new URL(
      '../../../test/fixtures/real/dynamics-crm-2011/responses-dynamics_crm-gem/sender_fault.xml',
      import.meta.url,
    ),
    'utf8',
  );
  const envelope = parseEnvelope(text);
  const action = findHeader(envelope.headers, WSA, 'Action');
  const relatesTo = findHeader(envelope.headers, WSA, 'RelatesTo');
  assert.ok(action && relatesTo);
  assert.equal(isMustUnderstand(action, '1.2'), true);
  assert.equal(isMustUnderstand(findHeader(envelope.headers, WSSE, 'Security')!, '1.2'), true);
  assert.equal(isMustUnderstand(relatesTo, '1.2'), false);
  assert.equal(roleOf(action, '1.2'), undefined);
  assert.equal(findHeader(envelope.headers, WSA, 'To'), undefined);
});

for (const version of ['1.1', '1.2'] as const) {
  test(`SOAP ${version}: writeMustUnderstand and writeRole are read back by isMustUnderstand and roleOf`, () => {
    const info = version === '1.1' ? SOAP_1_1 : SOAP_1_2;
    const text = writeEnvelope(version, {
      header: (w) => {
        w.startElement('urn:h', 'Required');
        writeMustUnderstand(w, version);
        writeRole(w, version, info.nextRole);
        w.endElement();
        w.startElement('urn:h', 'Optional').endElement();
      },
      body: () => {},
    });
    assert.ok(text.includes(`soap:mustUnderstand="${version === '1.1' ? '1' : 'true'}"`), text);
    assert.ok(text.includes(`soap:${version === '1.1' ? 'actor' : 'role'}="${info.nextRole}"`), text);
    const [required, optional] = parseEnvelope(text).headers;
    assert.equal(isMustUnderstand(required!, version), true);
    assert.equal(roleOf(required!, version), info.nextRole);
    assert.equal(isMustUnderstand(optional!, version), false);
    assert.equal(roleOf(optional!, version), undefined);
    // The other version's attribute name does not count.
    assert.equal(isMustUnderstand(required!, otherVersion(version)), false);
  });
}
