// WS-Trust client: the RST soapstack writes, the captured RSTRs it reads, and sign-in against a stand-in STS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AuthenticationError,
  adfsSignIn,
  OFFICE365_STS_URL,
  office365SignIn,
  readRstr,
  requestSecurityToken,
  rstEnvelope,
  TrustResponseError,
} from '../../src/ws/trust/index.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { AUTH_FAILURE, DYNAMICS, fixture, RSTR_ONLINE, RSTR_ONPREMISE, serve } from '../auth/support.js';
import { canonical } from '../client/support/xml-equivalence.js';

const TEMPLATE = fixture(...DYNAMICS, 'templates-CRMJavaConnect', 'sts-rst2-request.template.xml');
const NOW = Date.UTC(2014, 1, 13, 1, 24, 35);

/** Fills the Java template's %s placeholders in order, as String.format did (values XML-escaped here). */
function fillTemplate(values: string[]): string {
  let i = 0;
  const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return TEMPLATE.replace(/%s/g, () => esc(values[i++]!));
}

function find(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.local === local) return c;
    const f = find(c, local);
    if (f) return f;
  }
  return undefined;
}

function text(el: XmlElement | undefined): string {
  return el ? el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('') : '';
}

function withoutDebuggerBlob(el: XmlElement): XmlElement {
  // The template carries a constant VsDebuggerCausalityData block copied from a WCF trace; the STS ignores it.
  return {
    ...el,
    children: el.children.map((c) =>
      typeof c === 'string'
        ? c
        : c.local === 'Header'
          ? { ...c, children: c.children.filter((h) => typeof h === 'string' || h.local !== 'VsDebuggerCausalityData') }
          : c,
    ),
  };
}

test('the RST is XML-equivalent to the article template filled with the same values', () => {
  const messageId = 'urn:uuid:3f4e2a43-6a53-4d0c-9d8e-2b2e1b1c0a01';
  const ours = rstEnvelope({
    endpoint: OFFICE365_STS_URL,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'someone@contoso.onmicrosoft.com',
    password: 'pa55word',
    trust: '2005/02',
    messageId,
    now: () => NOW,
  });
  const oursDoc = parseXml(ours);
  const tokenId = find(oursDoc.root, 'UsernameToken')!.attrs.find((a) => a.local === 'Id')!.value;
  assert.match(tokenId, /^uuid-[0-9a-f-]{36}-1$/);
  const filled = fillTemplate([
    messageId.slice('urn:uuid:'.length),
    OFFICE365_STS_URL,
    '2014-02-13T01:24:35Z',
    '2014-02-13T01:29:35Z',
    tokenId,
    'someone@contoso.onmicrosoft.com',
    'pa55word',
  ]);
  const expected = withoutDebuggerBlob(parseXml(filled).root);
  assert.equal(canonical(oursDoc.root), canonical(expected));
});

test('a 1.3 RST has the OASIS action and request type, and asks for a key type only when told', () => {
  const envelope = rstEnvelope({
    endpoint: 'https://adfs.contoso.com/adfs/services/trust/13/usernamemixed',
    appliesTo: 'https://crm.contoso.com/',
    username: 'u',
    password: 'p',
    trust: '1.3',
    keyType: 'Bearer',
  });
  const root = parseXml(envelope).root;
  assert.equal(text(find(root, 'Action')), 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue');
  assert.equal(find(root, 'RequestSecurityToken')!.ns, 'http://docs.oasis-open.org/ws-sx/ws-trust/200512');
  assert.equal(text(find(root, 'RequestType')), 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue');
  assert.equal(text(find(root, 'KeyType')), 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Bearer');
  assert.equal(text(find(root, 'To')), 'https://adfs.contoso.com/adfs/services/trust/13/usernamemixed');
  assert.equal(text(find(find(root, 'ReplyTo')!, 'Address')), 'http://www.w3.org/2005/08/addressing/anonymous');
  assert.equal(
    find(
      parseXml(
        rstEnvelope({ endpoint: OFFICE365_STS_URL, appliesTo: 'urn:x', username: 'u', password: 'p', trust: '1.3' }),
      ).root,
      'KeyType',
    ),
    undefined,
  );
});

test('regression: a password with & < > " \' is escaped, not pasted raw as the Java template did', () => {
  const password = `a&b<c>d"e'f]]>`;
  const envelope = rstEnvelope({
    endpoint: OFFICE365_STS_URL,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'x<y>&z',
    password,
    trust: '2005/02',
  });
  const root = parseXml(envelope).root;
  assert.equal(text(find(root, 'Password')), password);
  assert.equal(text(find(root, 'Username')), 'x<y>&z');
  assert.ok(envelope.includes('a&amp;b&lt;c&gt;d"e\'f]]&gt;'));
});

test('the captured Office 365 RSTR yields its token byte-exact, its key identifier and its lifetime', () => {
  const token = readRstr(RSTR_ONLINE, '2005/02');
  const start = RSTR_ONLINE.indexOf('<EncryptedData');
  const end = RSTR_ONLINE.indexOf('</EncryptedData>') + '</EncryptedData>'.length;
  assert.equal(token.xml, RSTR_ONLINE.slice(start, end));
  assert.equal(token.xml.match(/<CipherValue>/g)?.length, 2);
  // The token uses wsse: declared on the Envelope; the binding travels beside it.
  assert.equal(
    token.namespaces?.wsse,
    'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  );
  assert.equal(token.keyIdentifier, 'D3xjUG3HGaQuKyuGdTWuf6547Lo=');
  assert.equal(token.created?.toISOString(), '2014-02-13T01:24:35.000Z');
  assert.equal(token.expires?.toISOString(), '2014-02-13T09:24:35.000Z');
  assert.equal(token.proofToken, '9pznwFMQvRHHOm9rin4n2wM0QupNyoh5');
  assert.equal(token.tokenType, 'urn:oasis:names:tc:SAML:1.0');
  assert.match(token.attachedReference ?? '', /uuid-c121e335-ae42-4685-a6fd-8de9bc0fcdc7/);
});

test('the captured AD FS RSTRC (WS-Trust 1.3) yields its token byte-exact, its key identifier and its lifetime', () => {
  const token = readRstr(RSTR_ONPREMISE, '1.3');
  const start = RSTR_ONPREMISE.indexOf('<xenc:EncryptedData');
  const end = RSTR_ONPREMISE.indexOf('</xenc:EncryptedData>') + '</xenc:EncryptedData>'.length;
  assert.equal(token.xml, RSTR_ONPREMISE.slice(start, end));
  assert.equal(token.keyIdentifier, '_ed121435-64ea-45b0-9b15-e5769afdb746');
  assert.equal(token.created?.toISOString(), '2014-11-18T19:46:16.542Z');
  assert.equal(token.expires?.toISOString(), '2014-11-25T19:46:16.542Z');
  assert.equal(token.proofToken, 'XZwQpJKfAy00NNWU1RwdtDpVyW/nfabuCq4H38GgKrM=');
  assert.equal(token.tokenType, 'urn:oasis:names:tc:SAML:1.0:assertion');
  // The attached reference is cut self-contained: its o: and k: prefixes are declared on it.
  assert.ok(parseXml(token.attachedReference!).root.local === 'SecurityTokenReference');
});

test('an RSTR of the other WS-Trust version is refused with a message naming both', () => {
  assert.throws(
    () => readRstr(RSTR_ONLINE, '1.3'),
    (e: unknown) => e instanceof TrustResponseError && /expected a WS-Trust 1\.3 response.*2005\/02/.test(e.message),
  );
  assert.throws(
    () =>
      readRstr(
        RSTR_ONPREMISE.replace(/<trust:RequestedSecurityToken>[\s\S]*<\/trust:RequestedSecurityToken>/, ''),
        '1.3',
      ),
    TrustResponseError,
  );
});

test('sign-in against a stand-in STS answering the captured RSTR works end to end', async (t) => {
  const sts = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(RSTR_ONLINE);
  });
  const token = await requestSecurityToken({
    endpoint: sts.url,
    appliesTo: 'urn:crmemea:dynamics.com',
    username: 'someone',
    password: 's3cret&<',
    trust: '2005/02',
  });
  assert.equal(token.keyIdentifier, 'D3xjUG3HGaQuKyuGdTWuf6547Lo=');
  const [request] = sts.seen;
  assert.match(
    String(request!.headers['content-type']),
    /^application\/soap\+xml; charset=utf-8; action="http:\/\/schemas\.xmlsoap\.org\/ws\/2005\/02\/trust\/RST\/Issue"$/,
  );
  const root = parseXml(request!.body).root;
  assert.equal(text(find(root, 'Address')), 'http://www.w3.org/2005/08/addressing/anonymous');
  assert.equal(text(find(find(root, 'AppliesTo')!, 'Address')), 'urn:crmemea:dynamics.com');
  assert.equal(text(find(root, 'Password')), 's3cret&<');
  assert.equal(text(find(root, 'To')), sts.url);
});

test('a refused sign-in (Office 365 fault shape) is an AuthenticationError with the reason and detail, no password', async (t) => {
  const password = 'Wr0ng-Passw0rd!';
  const sts = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(AUTH_FAILURE);
  });
  const error = await requestSecurityToken({
    endpoint: `${sts.url}?tenant=x`,
    appliesTo: 'urn:crmna:dynamics.com',
    username: 'someone',
    password,
    trust: '2005/02',
  }).then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.code, 'AUTH_FAILED');
  assert.equal(error.reason, 'Authentication Failure');
  assert.equal(error.detail, 'The entered and stored passwords do not match.');
  assert.equal(error.status, 500);
  assert.equal(
    error.message,
    `sign-in at ${sts.url} failed: Authentication Failure: The entered and stored passwords do not match.`,
  );
  assert.ok(!JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes(password));
});

test('an STS that echoes the password in its fault gets it scrubbed', async (t) => {
  const password = 'echoed-secret-42';
  const sts = await serve(t, (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/soap+xml' });
    res.end(AUTH_FAILURE.replace('The entered and stored passwords do not match.', `Password ${password} is wrong.`));
  });
  const error = await requestSecurityToken({
    endpoint: sts.url,
    appliesTo: 'urn:x',
    username: 'u',
    password,
    trust: '2005/02',
  }).catch((e: unknown) => e);
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.detail, 'Password *** is wrong.');
  assert.ok(!error.message.includes(password));
});

test('an STS answering HTTP 401 with no SOAP body is an AuthenticationError too', async (t) => {
  const sts = await serve(t, (_req, res) => {
    res.writeHead(401, { 'www-authenticate': 'Negotiate' });
    res.end();
  });
  const error = await requestSecurityToken({
    endpoint: sts.url,
    appliesTo: 'urn:x',
    username: 'u',
    password: 'p',
    trust: '1.3',
  }).catch((e: unknown) => e);
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.status, 401);
});

test('options are checked when the request is built, naming the option and never the password', async () => {
  await assert.rejects(
    requestSecurityToken({ endpoint: 'ftp://x', appliesTo: 'urn:x', username: 'u', password: 'hunter2', trust: '1.3' }),
    /invalid sign-in option endpoint/,
  );
  await assert.rejects(
    requestSecurityToken({
      endpoint: 'https://x',
      appliesTo: 'urn:x',
      username: 'u',
      password: 'hunter2',
      trust: '2005' as never,
    }),
    (e: Error) => /option trust/.test(e.message) && !e.message.includes('hunter2'),
  );
});

test('presets: Office 365 regions by name or organization URL, and AD FS usernamemixed', () => {
  const creds = { username: 'u', password: 'p' };
  assert.deepEqual(office365SignIn(creds), {
    endpoint: 'https://login.microsoftonline.com/RST2.srf',
    trust: '2005/02',
    appliesTo: 'urn:crmna:dynamics.com',
    ...creds,
  });
  assert.equal(office365SignIn(creds, 'https://contoso.crm4.dynamics.com/').appliesTo, 'urn:crmemea:dynamics.com');
  assert.equal(office365SignIn(creds, 'apac').appliesTo, 'urn:crmapac:dynamics.com');
  assert.equal(office365SignIn(creds, 'contoso.crm11.dynamics.com').appliesTo, 'urn:crmgbr:dynamics.com');
  assert.throws(() => office365SignIn(creds, 'mars'), /unknown Dynamics CRM Online region/);
  const adfs = adfsSignIn(creds, 'sts.contoso.com', 'https://crm.contoso.com/');
  assert.equal(adfs.endpoint, 'https://sts.contoso.com/adfs/services/trust/13/usernamemixed');
  assert.equal(adfs.trust, '1.3');
  assert.equal(adfs.appliesTo, 'https://crm.contoso.com/');
});
