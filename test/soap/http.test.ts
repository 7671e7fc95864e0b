import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionOf,
  charsetOf,
  faultHttpStatus,
  parseContentType,
  requestHeaders,
  responseContentType,
  SoapActionError,
  versionOfContentType,
} from '../../src/soap/http.js';
import { SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS } from '../../src/soap/version.js';

const CRM_ACTION = 'http://schemas.microsoft.com/xrm/2011/Contracts/Services/IOrganizationService/Execute';

test('SOAP 1.1 request headers: text/xml and a quoted SOAPAction', () => {
  assert.deepEqual(requestHeaders('1.1', 'urn:SecurityServer/authenticateApplication'), {
    'Content-Type': 'text/xml; charset=utf-8',
    SOAPAction: '"urn:SecurityServer/authenticateApplication"',
  });
});

test('SOAP 1.1 request headers: an empty action is sent as "" (SOAP 1.1 section 6.1.1)', () => {
  assert.equal(requestHeaders('1.1', '').SOAPAction, '""');
});

test('SOAP 1.2 request headers: the action travels as a Content-Type parameter', () => {
  assert.deepEqual(requestHeaders('1.2', CRM_ACTION), {
    'Content-Type': `application/soap+xml; charset=utf-8; action="${CRM_ACTION}"`,
  });
  assert.equal(requestHeaders('1.2', '').SOAPAction, undefined);
});

test('SOAP 1.2 request headers: an empty action leaves the parameter out (RFC 3902: MUST be non-empty)', () => {
  assert.deepEqual(requestHeaders('1.2', ''), { 'Content-Type': 'application/soap+xml; charset=utf-8' });
});

test('an action with CR or LF is refused rather than injected into the headers', () => {
  for (const version of ['1.1', '1.2'] as const) {
    assert.throws(
      () => requestHeaders(version, 'urn:a\r\nX-Evil: 1'),
      (e: unknown) => e instanceof SoapActionError && e.code === 'SOAP_INVALID_ACTION',
    );
  }
});

test('an action with a quote or backslash is escaped and read back unchanged', () => {
  const action = 'urn:odd"name\\x';
  for (const version of ['1.1', '1.2'] as const) {
    const headers = requestHeaders(version, action);
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    assert.equal(actionOf(lower), action);
  }
});

test('actionOf reads back what requestHeaders wrote, for both versions', () => {
  for (const version of ['1.1', '1.2'] as const) {
    assert.equal(actionOf(requestHeaders(version, CRM_ACTION)), CRM_ACTION);
  }
  assert.equal(actionOf(requestHeaders('1.1', '')), '');
  assert.equal(actionOf(requestHeaders('1.2', '')), undefined);
});

test('actionOf: node-style lower-case headers, arrays, Headers objects, unquoted and missing actions', () => {
  assert.equal(actionOf({ 'content-type': 'text/xml', soapaction: '"urn:a"' }), 'urn:a');
  assert.equal(actionOf({ 'content-type': 'text/xml', soapaction: 'urn:bare' }), 'urn:bare');
  assert.equal(actionOf({ 'content-type': 'text/xml', soapaction: ['"urn:first"', '"urn:second"'] }), 'urn:first');
  assert.equal(actionOf({ 'content-type': 'text/xml' }), undefined);
  const fetchHeaders = new Headers({ 'Content-Type': 'application/soap+xml;action="urn:b";charset=UTF-8' });
  assert.equal(actionOf(fetchHeaders), 'urn:b');
  // A 1.2 request prefers its parameter over a stray SOAPAction; a 1.1 request the reverse.
  assert.equal(actionOf({ 'content-type': 'application/soap+xml; action="urn:p"', soapaction: '"urn:h"' }), 'urn:p');
  assert.equal(actionOf({ 'content-type': 'text/xml; action="urn:p"', soapaction: '"urn:h"' }), 'urn:h');
  // SOAP 1.2 without a parameter falls back to a SOAPAction header some clients still send.
  assert.equal(actionOf({ 'content-type': 'application/soap+xml', soapaction: '"urn:h"' }), 'urn:h');
});

test('actionOf reads the action of an MTOM request from start-info', () => {
  const ct =
    'multipart/related; type="application/xop+xml"; start="<root>"; start-info="application/soap+xml; action=\\"urn:mtom\\""';
  assert.equal(actionOf({ 'content-type': ct }), 'urn:mtom');
});

test('versionOfContentType tells the versions apart and refuses anything else', () => {
  assert.equal(versionOfContentType('text/xml; charset=utf-8'), '1.1');
  assert.equal(versionOfContentType('TEXT/XML'), '1.1');
  assert.equal(versionOfContentType('application/soap+xml; charset=utf-8; action="urn:x"'), '1.2');
  assert.equal(versionOfContentType('Application/SOAP+XML'), '1.2');
  assert.equal(versionOfContentType('text/html; charset=iso-8859-1'), undefined);
  assert.equal(versionOfContentType('application/json'), undefined);
  assert.equal(versionOfContentType(''), undefined);
  assert.equal(versionOfContentType(undefined), undefined);
  assert.equal(versionOfContentType('garbage'), undefined);
  assert.equal(
    versionOfContentType('multipart/related; type="application/xop+xml"; start-info="application/soap+xml"'),
    '1.2',
  );
  assert.equal(versionOfContentType('multipart/related; type="application/xop+xml"; start-info="text/xml"'), '1.1');
  assert.equal(versionOfContentType('multipart/related; type="text/xml"; start="<a>"'), '1.1');
});

test('charsetOf reads the charset parameter, quoted or not, lower-cased', () => {
  assert.equal(charsetOf('text/xml; charset=utf-8'), 'utf-8');
  assert.equal(charsetOf('text/xml;charset="UTF-8"'), 'utf-8');
  assert.equal(charsetOf('application/soap+xml; action="urn:a;b"; charset=ISO-8859-1'), 'iso-8859-1');
  assert.equal(charsetOf('text/xml'), undefined);
  assert.equal(charsetOf(undefined), undefined);
});

test('parseContentType keeps semicolons inside quoted parameters and the first duplicate', () => {
  const parsed = parseContentType('application/soap+xml; action="urn:a;b=c"; charset=utf-8; charset=latin1');
  assert.equal(parsed?.mediaType, 'application/soap+xml');
  assert.equal(parsed?.params.action, 'urn:a;b=c');
  assert.equal(parsed?.params.charset, 'utf-8');
});

test('responseContentType is the bare media type with utf-8', () => {
  assert.equal(responseContentType('1.1'), 'text/xml; charset=utf-8');
  assert.equal(responseContentType('1.2'), 'application/soap+xml; charset=utf-8');
});

test('fault status: 500 for every 1.1 fault; 400 only for a 1.2 Sender fault (Part 2 section 7.5.2.2)', () => {
  assert.equal(faultHttpStatus('1.1', 'client'), 500);
  assert.equal(faultHttpStatus('1.1', { ns: SOAP11_ENVELOPE_NS, local: 'Client' }), 500);
  assert.equal(faultHttpStatus('1.2', 'client'), 400);
  assert.equal(faultHttpStatus('1.2', { ns: SOAP12_ENVELOPE_NS, local: 'Sender' }), 400);
  assert.equal(faultHttpStatus('1.2', 'server'), 500);
  assert.equal(faultHttpStatus('1.2', 'versionMismatch'), 500);
  assert.equal(faultHttpStatus('1.2', 'mustUnderstand'), 500);
  assert.equal(faultHttpStatus('1.2', { ns: 'urn:app', local: 'Sender' }), 500);
});
