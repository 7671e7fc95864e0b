import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isSoapstackError } from '../../src/errors.js';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { isSoapFault, parseFault, SoapFault } from '../../src/soap/fault.js';
import {
  type GenericFaultCode,
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  type SoapVersion,
} from '../../src/soap/version.js';
import { type FaultOptions, writeFault } from '../../src/soap/write-fault.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { XmlWriter } from '../../src/xml/writer.js';

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
const DYNAMICS = 'real/dynamics-crm-2011/responses-dynamics_crm-gem/';
const CROWD = 'real/crowd/responses-kraut/';
const XRM = 'http://schemas.microsoft.com/xrm/2011/Contracts';

function fixture(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

function faultOf(path: string, expected?: SoapVersion): SoapFault {
  const envelope = parseEnvelope(fixture(path), { source: path, ...(expected ? { expected } : {}) });
  assert.ok(envelope.fault, `${path} should carry a fault`);
  return envelope.fault;
}

/** The text of the first child element named `local`. */
function childText(el: XmlElement, local: string): string | undefined {
  for (const c of el.children) {
    if (typeof c !== 'string' && c.local === local) return c.children.filter((t) => typeof t === 'string').join('');
  }
  return undefined;
}

test('Dynamics sender_fault.xml: a SOAP 1.2 Sender fault with an OrganizationServiceFault detail', () => {
  const fault = faultOf(`${DYNAMICS}sender_fault.xml`, '1.2');
  const reason = "'account' entity doesn't contain attribute with Name = 'ticketsymbol'.";
  assert.ok(fault instanceof SoapFault);
  assert.ok(isSoapstackError(fault, 'SOAP_FAULT'));
  assert.equal(fault.version, '1.2');
  assert.equal(fault.faultCode, `{${SOAP12_ENVELOPE_NS}}Sender`);
  assert.equal(fault.faultCodeLocal, 'Sender');
  assert.equal(fault.genericCode, 'client');
  assert.deepEqual(fault.subcodes, []);
  assert.equal(fault.reason, reason);
  assert.deepEqual(fault.reasons, [{ text: reason, lang: 'en-US' }]);
  assert.equal(fault.message, `SOAP fault Sender: ${reason}`);
  assert.equal(fault.detail?.local, 'Detail');
  assert.equal(fault.detail?.ns, SOAP12_ENVELOPE_NS);
  assert.equal(fault.detailEntries.length, 1);
  const orgFault = fault.detailEntries[0]!;
  assert.equal(orgFault.local, 'OrganizationServiceFault');
  assert.equal(orgFault.ns, XRM);
  assert.equal(childText(orgFault, 'ErrorCode'), '-2147217149');
  assert.equal(childText(orgFault, 'Message'), reason);
  assert.equal(fault.source, `${DYNAMICS}sender_fault.xml`);
  assert.equal(fault.node, undefined);
  assert.equal(fault.role, undefined);
});

test('Dynamics receiver_fault.xml: a SOAP 1.2 Receiver fault with a WCF InternalServiceFault subcode', () => {
  const fault = faultOf(`${DYNAMICS}receiver_fault.xml`);
  const reason = 'The server was unable to process the request due to an internal error.';
  assert.equal(fault.version, '1.2');
  assert.equal(fault.faultCode, `{${SOAP12_ENVELOPE_NS}}Receiver`);
  assert.equal(fault.genericCode, 'server');
  // The Subcode's prefix `a` is rebound on the Value element itself; it must resolve there, not on the Envelope.
  assert.deepEqual(fault.subcodes, [
    '{http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher}InternalServiceFault',
  ]);
  assert.equal(fault.reason, reason);
  assert.equal(fault.message, `SOAP fault Receiver: ${reason}`);
  assert.equal(fault.detail, undefined);
  assert.deepEqual(fault.detailEntries, []);
});

const crowdFaults: Array<[file: string, reason: string, detail: string]> = [
  [
    'authenticate_application__invalid_password.xml',
    "The password in the application's crowd.properties file does not match the password in Crowd. Application with invalid password: app",
    'InvalidAuthenticationException',
  ],
  [
    'authenticate_application__invalid_app.xml',
    'Failed to find entity of type [com.atlassian.crowd.model.application.Application] with identifier [invalid]',
    'InvalidAuthenticationException',
  ],
  [
    'authenticate_principal__invalid_password.xml',
    'Failed to authenticate principal, password was invalid',
    'InvalidAuthenticationException',
  ],
  [
    'find_principal_by_token__invalid_token.xml',
    'Failed to find entity of type [com.atlassian.crowd.model.token.Token] with identifier [0d0hWMoxDJLsO05lX06oKA02]',
    'InvalidTokenException',
  ],
  [
    'find_principal_with_attributes_by_name__invalid_user.xml',
    'Failed to find entity of type [com.atlassian.crowd.integration.model.user.User] with identifier [unknown]',
    'ObjectNotFoundException',
  ],
  [
    'authenticate_principal__application_access_denied.xml',
    'com.atlassian.crowd.manager.application.ApplicationAccessDeniedException: User does not have access to application my-app',
    'ApplicationAccessDeniedException',
  ],
];

for (const [file, reason, detail] of crowdFaults) {
  test(`Crowd ${file}: a SOAP 1.1 Server fault with a ${detail} detail`, () => {
    const fault = faultOf(`${CROWD}${file}`, '1.1');
    assert.equal(fault.version, '1.1');
    assert.equal(fault.faultCode, `{${SOAP11_ENVELOPE_NS}}Server`);
    assert.equal(fault.genericCode, 'server');
    assert.deepEqual(fault.subcodes, []);
    assert.equal(fault.reason, reason);
    assert.deepEqual(fault.reasons, [{ text: reason }]);
    assert.equal(fault.message, `SOAP fault Server: ${reason}`);
    assert.equal(fault.actor, undefined);
    assert.equal(fault.detail?.local, 'detail');
    assert.equal(fault.detail?.ns, '');
    assert.equal(fault.detailEntries.length, 1);
    assert.equal(fault.detailEntries[0]?.local, detail);
    assert.equal(fault.detailEntries[0]?.ns, 'urn:SecurityServer');
    assert.deepEqual(fault.detailEntries[0]?.children, []);
  });
}

test('node-soap NetSuite sample: a dotted 1.1 code Server.userException and a two-entry detail', () => {
  const fault = faultOf(
    'node-soap/test/request-response-samples/login__error_returned_should_contain_root_Json_on_fault/response.xml',
  );
  assert.equal(fault.faultCode, `{${SOAP11_ENVELOPE_NS}}Server`);
  assert.deepEqual(fault.subcodes, ['userException']);
  assert.equal(fault.reason, 'You have entered an invalid email address or password. Please try again.');
  assert.deepEqual(
    fault.detailEntries.map((e) => `{${e.ns}}${e.local}`),
    [
      '{urn:faults_2013_2.platform.webservices.netsuite.com}invalidCredentialsFault',
      '{http://xml.apache.org/axis/}hostname',
    ],
  );
  assert.equal(childText(fault.detailEntries[0]!, 'code'), 'INVALID_LOGIN_CREDENTIALS');
});

test('1.1 leniency: unprefixed, undeclared-prefix and qualified fault children all decode', () => {
  const cases = [
    '<faultcode>Client.Authentication</faultcode><faultstring>no</faultstring>',
    '<faultcode>SOAP-ENV:Client.Authentication</faultcode><faultstring>no</faultstring>',
    '<soap:faultcode>soap:Client.Authentication</soap:faultcode><soap:faultstring>no</soap:faultstring>',
    // A prefix named like an Object.prototype member must not resolve to anything but a binding.
    '<faultcode>constructor:Client.Authentication</faultcode><faultstring>no</faultstring>',
  ];
  for (const inner of cases) {
    const text = `<soap:Envelope xmlns:soap="${SOAP11_ENVELOPE_NS}"><soap:Body><soap:Fault>${inner}</soap:Fault></soap:Body></soap:Envelope>`;
    const fault = parseEnvelope(text).fault;
    assert.equal(fault?.faultCode, `{${SOAP11_ENVELOPE_NS}}Client`, inner);
    assert.deepEqual(fault?.subcodes, ['Authentication']);
    assert.equal(fault?.reason, 'no');
    assert.equal(fault?.message, 'SOAP fault Client: no');
  }
});

test('1.1: an application-defined code keeps its own namespace; faultactor is read', () => {
  const text = `<s:Envelope xmlns:s="${SOAP11_ENVELOPE_NS}"><s:Body><s:Fault><faultcode xmlns:app="urn:app">app:Quota.Daily.Exceeded</faultcode>
    <faultstring xml:lang="de">Kontingent erschöpft</faultstring><faultactor> http://gw.example/ </faultactor></s:Fault></s:Body></s:Envelope>`;
  const fault = parseEnvelope(text).fault!;
  assert.equal(fault.faultCode, '{urn:app}Quota');
  assert.deepEqual(fault.subcodes, ['Daily', 'Exceeded']);
  assert.equal(fault.genericCode, undefined);
  assert.deepEqual(fault.reasons, [{ text: 'Kontingent erschöpft', lang: 'de' }]);
  assert.equal(fault.actor, 'http://gw.example/');
});

test('1.2: the English reason is chosen among several; Node and Role are read', () => {
  const text = `<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body><e:Fault>
    <e:Code><e:Value>e:Sender</e:Value><e:Subcode><e:Value xmlns:m="urn:m">m:Outer</e:Value>
      <e:Subcode><e:Value xmlns:m="urn:m2">m:Inner</e:Value></e:Subcode></e:Subcode></e:Code>
    <e:Reason><e:Text xml:lang="fr">Mauvaise requête</e:Text><e:Text xml:lang="EN">Bad request</e:Text></e:Reason>
    <e:Node>http://node.example/</e:Node><e:Role>http://www.w3.org/2003/05/soap-envelope/role/next</e:Role>
  </e:Fault></e:Body></e:Envelope>`;
  const fault = parseEnvelope(text).fault!;
  assert.deepEqual(fault.subcodes, ['{urn:m}Outer', '{urn:m2}Inner']);
  assert.equal(fault.reason, 'Bad request');
  assert.equal(fault.reasons.length, 2);
  assert.equal(fault.node, 'http://node.example/');
  assert.equal(fault.role, 'http://www.w3.org/2003/05/soap-envelope/role/next');
  // With no English text the first one is used.
  const french = parseEnvelope(text.replace('xml:lang="EN"', 'xml:lang="de"')).fault!;
  assert.equal(french.reason, 'Mauvaise requête');
});

test('a 1.1-style fault inside a 1.2 envelope (early SOAP 1.2 stacks) still decodes', () => {
  const text = `<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body><e:Fault><faultcode>e:Receiver</faultcode><faultstring>Processing Error</faultstring></e:Fault></e:Body></e:Envelope>`;
  const fault = parseEnvelope(text).fault!;
  assert.equal(fault.faultCode, `{${SOAP12_ENVELOPE_NS}}Receiver`);
  assert.equal(fault.reason, 'Processing Error');
});

test('a fault with no code and no reason still becomes a SoapFault with a readable message', () => {
  const doc = parseXml(`<e:Fault xmlns:e="${SOAP12_ENVELOPE_NS}"/>`);
  const fault = parseFault(doc.root, '1.2', doc);
  assert.equal(fault.faultCode, '');
  assert.equal(fault.message, 'SOAP fault (no code)');
  assert.ok(isSoapFault(fault));
});

test('decodedDetail can be filled in by the client after parsing', () => {
  const fault = faultOf(`${DYNAMICS}sender_fault.xml`);
  fault.decodedDetail = { ErrorCode: -2147217149 };
  assert.deepEqual(fault.decodedDetail, { ErrorCode: -2147217149 });
});

const GENERIC: readonly GenericFaultCode[] = ['client', 'server', 'versionMismatch', 'mustUnderstand'];
const EXPECTED_LOCAL: Record<SoapVersion, Record<string, string>> = {
  '1.1': { client: 'Client', server: 'Server', versionMismatch: 'VersionMismatch', mustUnderstand: 'MustUnderstand' },
  '1.2': { client: 'Sender', server: 'Receiver', versionMismatch: 'VersionMismatch', mustUnderstand: 'MustUnderstand' },
};

function roundTrip(version: SoapVersion, options: FaultOptions): SoapFault {
  const text = writeEnvelope(version, { body: (w) => writeFault(w, version, options) });
  const fault = parseEnvelope(text, { expected: version }).fault;
  assert.ok(fault, text);
  return fault;
}

for (const version of ['1.1', '1.2'] as const) {
  const ns = version === '1.1' ? SOAP11_ENVELOPE_NS : SOAP12_ENVELOPE_NS;
  for (const code of GENERIC) {
    test(`writeFault ${version} ${code} is read back by parseFault`, () => {
      const fault = roundTrip(version, { code, reason: `reason for ${code} & <friends>` });
      const local = EXPECTED_LOCAL[version][code]!;
      assert.equal(fault.version, version);
      assert.equal(fault.faultCode, `{${ns}}${local}`);
      assert.equal(fault.genericCode, code);
      assert.equal(fault.reason, `reason for ${code} & <friends>`);
      assert.equal(fault.message, `SOAP fault ${local}: reason for ${code} & <friends>`);
      assert.deepEqual(fault.subcodes, []);
      assert.equal(fault.detail, undefined);
    });
  }

  test(`writeFault ${version}: subcodes, actor, role, language and detail round trip`, () => {
    const fault = roundTrip(version, {
      code: 'client',
      subcodes: ['{urn:app}Authentication', { ns: 'urn:app2', local: 'Expired' }],
      reason: 'Token abgelaufen',
      lang: 'de',
      actor: 'http://gw.example/',
      role: 'urn:role',
      detail: (w) => {
        w.startElement('urn:SecurityServer', 'InvalidTokenException', '').endElement();
        w.element('urn:x', 'hint', 'renew');
      },
    });
    if (version === '1.1') {
      // 1.1 has only the dotted form: local names after the code, no namespaces, no Role.
      assert.deepEqual(fault.subcodes, ['Authentication', 'Expired']);
      assert.equal(fault.actor, 'http://gw.example/');
      assert.equal(fault.role, undefined);
      assert.equal(fault.detail?.local, 'detail');
    } else {
      assert.deepEqual(fault.subcodes, ['{urn:app}Authentication', '{urn:app2}Expired']);
      assert.equal(fault.node, 'http://gw.example/');
      assert.equal(fault.role, 'urn:role');
      assert.equal(fault.detail?.local, 'Detail');
    }
    assert.deepEqual(fault.reasons, [{ text: 'Token abgelaufen', lang: 'de' }]);
    assert.deepEqual(
      fault.detailEntries.map((e) => `{${e.ns}}${e.local}`),
      ['{urn:SecurityServer}InvalidTokenException', '{urn:x}hint'],
    );
  });

  test(`writeFault ${version}: an application-defined code QName`, () => {
    const fault = roundTrip(version, { code: { ns: 'urn:app', local: 'Throttled' }, reason: 'slow down' });
    assert.equal(fault.faultCode, '{urn:app}Throttled');
    assert.equal(fault.genericCode, undefined);
    assert.equal(fault.message, 'SOAP fault Throttled: slow down');
  });
}

test('writeFault: DataEncodingUnknown in 1.2; in 1.1, which lacks it, it falls back to Client', () => {
  assert.equal(
    roundTrip('1.2', { code: 'dataEncodingUnknown', reason: 'r' }).faultCode,
    `{${SOAP12_ENVELOPE_NS}}DataEncodingUnknown`,
  );
  assert.equal(
    roundTrip('1.1', { code: 'dataEncodingUnknown', reason: 'r' }).faultCode,
    `{${SOAP11_ENVELOPE_NS}}Client`,
  );
});

test('writeFault 1.2 writes xml:lang="en" by default and the standard element order', () => {
  const w = new XmlWriter();
  w.startElement(SOAP12_ENVELOPE_NS, 'Body', 'soap');
  writeFault(w, '1.2', { code: 'server', reason: 'down', actor: 'urn:n', role: 'urn:r', detail: () => {} });
  w.endElement();
  assert.equal(
    w.toString(),
    `<soap:Body xmlns:soap="${SOAP12_ENVELOPE_NS}"><soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>` +
      '<soap:Reason><soap:Text xml:lang="en">down</soap:Text></soap:Reason><soap:Node>urn:n</soap:Node>' +
      '<soap:Role>urn:r</soap:Role><soap:Detail/></soap:Fault></soap:Body>',
  );
});

test('writeFault 1.1 writes unqualified children in the section 4.4 order', () => {
  const w = new XmlWriter();
  w.startElement(SOAP11_ENVELOPE_NS, 'Body', 'soap');
  writeFault(w, '1.1', { code: 'client', subcodes: ['Authentication'], reason: 'who?', actor: 'urn:gw' });
  w.endElement();
  assert.equal(
    w.toString(),
    `<soap:Body xmlns:soap="${SOAP11_ENVELOPE_NS}"><soap:Fault><faultcode>soap:Client.Authentication</faultcode>` +
      '<faultstring>who?</faultstring><faultactor>urn:gw</faultactor></soap:Fault></soap:Body>',
  );
});
