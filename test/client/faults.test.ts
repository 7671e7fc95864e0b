/**
 * Captured faults of the real services, served by a local server with HTTP 500: the client rejects with a
 * `SoapFault` carrying the server's code and reason, and the detail decoded where the WSDL declares it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { isSoapFault, type SoapFault } from '../../src/soap/fault.js';
import { testPath } from '../support/paths.js';
import { type Cleanup, serve } from './support/server.js';

const DYNAMICS = testPath('fixtures', 'real', 'dynamics-crm-2011');
const DYNAMICS_WSDL = `${DYNAMICS}/Organization.svc.singleWsdl.CRM2015plus-onprem-AD.wsdl`;
const CROWD = testPath('fixtures', 'real', 'crowd');
const CROWD_WSDL = `${CROWD}/SecurityServer-crowd-2.0.5.wsdl`;
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Serves one captured fault for every request, with HTTP 500 and the version's content type. */
async function faultServer(t: Cleanup, file: string, contentType: string): Promise<string> {
  const body = readFileSync(file);
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': contentType });
    res.end(body);
  });
  return url;
}

async function rejection(promise: Promise<unknown>): Promise<SoapFault> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isSoapFault(error), `expected a SoapFault, got ${String(error)}`);
    return error;
  }
  assert.fail('the call resolved');
}

test('Dynamics sender fault: Sender code, reason, OrganizationServiceFault detail decoded', async (t) => {
  const url = await faultServer(
    t,
    `${DYNAMICS}/responses-dynamics_crm-gem/sender_fault.xml`,
    'application/soap+xml; charset=utf-8',
  );
  const client = await createClient(DYNAMICS_WSDL, { cache: false, endpoint: url });
  t.after(() => client.close());
  const fault = await rejection(
    client.call('Delete', { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' }),
  );
  assert.equal(fault.code, 'SOAP_FAULT');
  assert.equal(fault.version, '1.2');
  assert.equal(fault.faultCode, `{${SOAP12}}Sender`);
  assert.equal(fault.genericCode, 'client');
  assert.equal(fault.reason, "'account' entity doesn't contain attribute with Name = 'ticketsymbol'.");
  assert.equal(fault.faultName, 'OrganizationServiceFaultFault');
  const detail = fault.decodedDetail as { ErrorCode: number; Message: string; InnerFault: unknown };
  assert.equal(detail.ErrorCode, -2147217149);
  assert.equal(detail.Message, "'account' entity doesn't contain attribute with Name = 'ticketsymbol'.");
  assert.equal(detail.InnerFault, null);
});

test('Dynamics receiver fault: Receiver code with its InternalServiceFault subcode and reason', async (t) => {
  const file = `${DYNAMICS}/responses-dynamics_crm-gem/receiver_fault.xml`;
  const url = await faultServer(t, file, 'application/soap+xml; charset=utf-8');
  const client = await createClient(DYNAMICS_WSDL, { cache: false, endpoint: url });
  t.after(() => client.close());
  const fault = await rejection(
    client.call('Delete', { entityName: 'account', id: '00000000-0000-0000-0000-000000000001' }),
  );
  assert.equal(fault.faultCode, `{${SOAP12}}Receiver`);
  assert.equal(fault.genericCode, 'server');
  assert.deepEqual(fault.subcodes, [
    '{http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher}InternalServiceFault',
  ]);
  const text = readFileSync(file, 'utf8');
  const reason = /<s:Text[^>]*>([^<]*)<\/s:Text>/.exec(text)?.[1];
  assert.ok(reason);
  assert.equal(
    fault.reason,
    reason
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
});

const CROWD_FAULTS: Array<{ file: string; operation: string; reason: string; detail: string }> = [
  {
    file: 'authenticate_application__invalid_app.xml',
    operation: 'authenticateApplication',
    reason:
      'Failed to find entity of type [com.atlassian.crowd.model.application.Application] with identifier [invalid]',
    detail: 'InvalidAuthenticationException',
  },
  {
    file: 'authenticate_application__invalid_password.xml',
    operation: 'authenticateApplication',
    reason:
      "The password in the application's crowd.properties file does not match the password in Crowd. Application with invalid password: app",
    detail: 'InvalidAuthenticationException',
  },
  {
    file: 'authenticate_principal__application_access_denied.xml',
    operation: 'authenticatePrincipal',
    reason:
      'com.atlassian.crowd.manager.application.ApplicationAccessDeniedException: User does not have access to application my-app',
    detail: 'ApplicationAccessDeniedException',
  },
  {
    file: 'authenticate_principal__invalid_password.xml',
    operation: 'authenticatePrincipal',
    reason: 'Failed to authenticate principal, password was invalid',
    detail: 'InvalidAuthenticationException',
  },
  {
    file: 'authenticate_principal__invalid_user.xml',
    operation: 'authenticatePrincipal',
    reason:
      'Failed to find entity of type [com.atlassian.crowd.model.application.Application] with identifier [unknown]',
    detail: 'InvalidAuthenticationException',
  },
  {
    file: 'find_principal_by_token__invalid_token.xml',
    operation: 'findPrincipalByToken',
    reason:
      'Failed to find entity of type [com.atlassian.crowd.model.token.Token] with identifier [0d0hWMoxDJLsO05lX06oKA02]',
    detail: 'InvalidTokenException',
  },
  {
    file: 'find_principal_with_attributes_by_name__invalid_user.xml',
    operation: 'findPrincipalWithAttributesByName',
    reason: 'Failed to find entity of type [com.atlassian.crowd.integration.model.user.User] with identifier [unknown]',
    detail: 'ObjectNotFoundException',
  },
];

for (const sample of CROWD_FAULTS) {
  test(`Crowd ${sample.file}: Server code, reason, ${sample.detail} detail`, async (t) => {
    const url = await faultServer(t, `${CROWD}/responses-kraut/${sample.file}`, 'text/xml; charset=UTF-8');
    const client = await createClient(CROWD_WSDL, { cache: false, endpoint: url });
    t.after(() => client.close());
    const fault = await rejection(
      client.call(
        sample.operation,
        sample.operation === 'authenticateApplication' ? { in0: null } : { in0: null, in1: null },
      ),
    );
    assert.equal(fault.version, '1.1');
    assert.equal(fault.faultCode, `{${SOAP11}}Server`);
    assert.equal(fault.reason, sample.reason);
    assert.equal(fault.detailEntries[0]?.local, sample.detail);
    assert.equal(fault.detailEntries[0]?.ns, 'urn:SecurityServer');
    // The WSDL declares the fault element (an empty complex type): the detail decodes to an empty object.
    assert.equal(fault.faultName, sample.detail);
    assert.deepEqual(fault.decodedDetail, {});
  });
}
