import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { readUpgrade, versionMismatchFault, writeUpgradeHeader } from '../../src/soap/upgrade.js';
import { SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS } from '../../src/soap/version.js';

test('SOAP 1.2 VersionMismatch fault carries an Upgrade header listing the supported envelopes (Part 1 5.4.7)', () => {
  const text = versionMismatchFault('1.2', { supported: ['1.2', '1.1'] });
  const envelope = parseEnvelope(text, { expected: '1.2' });
  assert.equal(envelope.fault?.faultCode, `{${SOAP12_ENVELOPE_NS}}VersionMismatch`);
  assert.equal(envelope.fault?.genericCode, 'versionMismatch');
  assert.ok(envelope.fault?.reason.includes(SOAP11_ENVELOPE_NS));
  assert.deepEqual(readUpgrade(envelope.headers), ['1.2', '1.1']);
  assert.equal(envelope.headers[0]?.ns, SOAP12_ENVELOPE_NS);
  assert.equal(envelope.headers[0]?.local, 'Upgrade');
  // The 1.2 envelope prefix is reused for the 1.2 SupportedEnvelope; 1.1 gets its own declaration.
  assert.ok(text.includes('<soap:SupportedEnvelope qname="soap:Envelope"/>'), text);
  assert.ok(text.includes(`qname="soap11:Envelope"`), text);
});

test('the SOAP 1.1 equivalent (Part 1 Appendix A): a 1.1 VersionMismatch with the 1.2 Upgrade block', () => {
  const text = versionMismatchFault('1.1', { supported: ['1.2'], reason: 'Version Mismatch' });
  const envelope = parseEnvelope(text, { expected: '1.1' });
  assert.equal(envelope.fault?.faultCode, `{${SOAP11_ENVELOPE_NS}}VersionMismatch`);
  assert.equal(envelope.fault?.reason, 'Version Mismatch');
  assert.equal(envelope.headers[0]?.ns, SOAP12_ENVELOPE_NS);
  assert.deepEqual(readUpgrade(envelope.headers), ['1.2']);
  assert.ok(text.includes(`<upg:Upgrade xmlns:upg="${SOAP12_ENVELOPE_NS}">`), text);
});

test('readUpgrade reads the W3C interop form and skips envelopes it does not know', () => {
  const text = `<soap:Envelope xmlns:soap="${SOAP11_ENVELOPE_NS}"><soap:Header>
    <upg:Upgrade xmlns:upg="${SOAP12_ENVELOPE_NS}">
      <upg:SupportedEnvelope qname="ns1:Envelope" xmlns:ns1="http://www.w3.org/2002/12/soap-envelope"/>
      <upg:SupportedEnvelope qname="ns2:Envelope" xmlns:ns2="${SOAP12_ENVELOPE_NS}"/>
      <upg:SupportedEnvelope qname="soap:Envelope"/>
    </upg:Upgrade></soap:Header><soap:Body/></soap:Envelope>`;
  assert.deepEqual(readUpgrade(parseEnvelope(text).headers), ['1.2', '1.1']);
});

test('readUpgrade is undefined when there is no Upgrade block', () => {
  const envelope = parseEnvelope(writeEnvelope('1.2', { body: () => {} }));
  assert.equal(readUpgrade(envelope.headers), undefined);
});

test('writeUpgradeHeader composes into any envelope header', () => {
  const text = writeEnvelope('1.1', { header: (w) => writeUpgradeHeader(w, ['1.1']), body: () => {} });
  assert.deepEqual(readUpgrade(parseEnvelope(text).headers), ['1.1']);
});
