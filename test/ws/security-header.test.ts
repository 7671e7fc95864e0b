// WS-Security header blocks: the Dynamics Organization header (Timestamp + the captured EncryptedData token)
// against the real templates, the token carried byte-exact, the one order, escaping, the PasswordDigest against a
// hand-computed value, and the plugin's fresh header on every call of a real client.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { parseEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { isMustUnderstand } from '../../src/soap/header.js';
import {
  BASE64_BINARY,
  formatUtc,
  issuedTokenFragment,
  PASSWORD_DIGEST,
  PASSWORD_TEXT,
  parseDateTime,
  passwordDigest,
  readAddressingHeaders,
  SecurityHeaderError,
  SecurityVerifier,
  WSSE_NS,
  WSU_NS,
  writeSecurityHeader,
  writeUsernameToken,
  wsAddressing,
  wsSecurity,
  XENC_NS,
} from '../../src/ws/index.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';
import { XmlWriter } from '../../src/xml/writer.js';
import { testPath } from '../support/paths.js';
import { assertXmlEquivalent, xmlDifferences } from '../support/xml-equivalence.js';
import {
  find,
  findAll,
  INTEROP_NS,
  INTEROP_WSDL,
  type RecordingServer,
  startRecordingServer,
  text,
} from './helpers.js';

const fixture = (name: string) => readFileSync(testPath('fixtures', 'ws', name), 'utf8');
const RSTR_TEXT = readFileSync(
  testPath(
    'fixtures',
    'real',
    'dynamics-crm-2011',
    'responses-dynamics_crm-gem',
    'request_security_token_response.xml',
  ),
  'utf8',
);

/** Fills `%s` markers in order, as java.lang.String.format did (no escaping: values are taken as they are). */
function fill(template: string, values: string[]): string {
  let i = 0;
  return template.replace(/%s/g, () => values[i++]!);
}

function written(write: (w: XmlWriter) => void): string {
  const w = new XmlWriter();
  write(w);
  return w.toString();
}

const elementChildren = (el: XmlElement): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string');

test('the Organization security header is XML-equivalent to the CRMJavaConnect template filled with the RSTR values', () => {
  const rstr = parseXml(RSTR_TEXT, { source: 'request_security_token_response.xml' });
  const token = find(rstr.root, XENC_NS, 'EncryptedData')!;
  const keyIdentifier = text(find(token, WSSE_NS, 'KeyIdentifier'))!;
  const [keyCipher, dataCipher] = findAll(token, XENC_NS, 'CipherValue').map((c) => text(c)!);
  const created = new Date('2014-02-13T01:24:35Z');

  const actual = written((w) =>
    writeSecurityHeader(w, {
      soapVersion: '1.2',
      timestamp: { created },
      issuedToken: issuedTokenFragment(rstr, token),
    }),
  );
  const encryptedData = fill(fixture('security-header-encrypteddata.template.xml'), [
    keyIdentifier,
    keyCipher!,
    dataCipher!,
  ]);
  const expected = fill(fixture('organization-security-header.template.xml'), [
    '2014-02-13T01:24:35Z',
    '2014-02-13T01:29:35Z',
    encryptedData,
  ]);
  assertXmlEquivalent(actual, expected);
  // The comparison has teeth: one changed character, a missing attribute or a moved element is reported.
  assert.equal(xmlDifferences(actual, expected.replace('D3xjUG3H', 'D3xjUG3X')).length, 1);
  assert.equal(xmlDifferences(actual, expected.replace(' u:Id="_0"', '')).length, 1);
  assert.notDeepEqual(
    xmlDifferences(
      actual,
      fill(fixture('organization-security-header.template.xml'), ['2014-02-13T01:24:35Z', '2014-02-13T01:29:35Z', '']),
    ),
    [],
  );

  // Byte-exact: the token's text in the header is the text the STS sent, not one byte changed.
  const header = parseXml(actual);
  const carried = find(header.root, XENC_NS, 'EncryptedData')!;
  assert.equal(actual.slice(carried.start, carried.end), RSTR_TEXT.slice(token.start, token.end));
  // The bytes between the token's start and end tags, too (a signature covers exactly those).
  const inner = (doc: string, el: XmlElement) =>
    doc.slice(doc.indexOf('>', el.start) + 1, doc.lastIndexOf('</', el.end - 1));
  assert.equal(inner(actual, carried), inner(RSTR_TEXT, token));
  // mustUnderstand="1" on the block, as the templates and WCF write it.
  assert.ok(isMustUnderstand(header.root, '1.2'));
});

test('issuedTokenFragment records only the ancestor bindings the token relies on', () => {
  const rstr = parseXml(RSTR_TEXT);
  // The captured RSTR declares wsse on its Envelope and uses it inside EncryptedData, which declares its own default.
  assert.deepEqual(issuedTokenFragment(rstr, find(rstr.root, XENC_NS, 'EncryptedData')!).namespaces, { wsse: WSSE_NS });
  const doc = parseXml(
    '<r xmlns="urn:a" xmlns:p="urn:p" xmlns:q="urn:q"><T q:at=">"><x/><p:y xmlns:p="urn:other"/></T></r>',
  );
  const token = find(doc.root, 'urn:a', 'T')!;
  assert.deepEqual(issuedTokenFragment(doc, token), {
    xml: '<T q:at=">"><x/><p:y xmlns:p="urn:other"/></T>',
    namespaces: { '': 'urn:a', q: 'urn:q' },
  });
  const own = parseXml('<r xmlns:s="urn:s"><s:T xmlns:s="urn:s"/></r>');
  assert.deepEqual(issuedTokenFragment(own, find(own.root, 'urn:s', 'T')!).namespaces, {});
});

test('an issued token given as self-contained text is written as it is', () => {
  const token = fill(fixture('security-header-encrypteddata.template.xml'), ['a2V5', 'Y2lwaGVy', 'ZGF0YQ==']);
  const actual = written((w) => writeSecurityHeader(w, { soapVersion: '1.1', issuedToken: token }));
  assert.ok(actual.includes(token));
  const root = parseXml(actual).root;
  assert.deepEqual(
    elementChildren(root).map((c) => c.local),
    ['EncryptedData'],
  );
  // SOAP 1.1's envelope namespace for mustUnderstand.
  assert.ok(isMustUnderstand(root, '1.1'));
  assert.ok(
    !isMustUnderstand(
      parseXml(written((w) => writeSecurityHeader(w, { soapVersion: '1.1', mustUnderstand: false }))).root,
      '1.1',
    ),
  );
});

test('one order whatever the options: Timestamp, then UsernameToken, then the issued token', () => {
  const actual = written((w) =>
    writeSecurityHeader(w, {
      soapVersion: '1.2',
      issuedToken: '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" AssertionID="_a"/>',
      usernameToken: { username: 'alice', password: 'pw', id: 'uuid-1-1' },
      timestamp: { created: new Date('2024-01-01T00:00:00Z'), validity: 60 },
    }),
  );
  const root = parseXml(actual).root;
  assert.deepEqual(
    elementChildren(root).map((c) => `{${c.ns}}${c.local}`),
    [`{${WSU_NS}}Timestamp`, `{${WSSE_NS}}UsernameToken`, '{urn:oasis:names:tc:SAML:1.0:assertion}Assertion'],
  );
  assert.equal(text(find(root, WSU_NS, 'Expires')), '2024-01-01T00:01:00Z');
  assert.equal(elementChildren(root)[0]!.attrs.find((a) => a.local === 'Id')?.value, '_0');
  assert.equal(elementChildren(root)[1]!.attrs.find((a) => a.ns === WSU_NS && a.local === 'Id')?.value, 'uuid-1-1');
});

test('values with &, < and quotes are escaped (the Java template, filled with String.format, was not)', () => {
  const username = `o'brien & "sons" <admin>`;
  const password = `p&ss<wo"rd>'`;
  const actual = written((w) => writeSecurityHeader(w, { soapVersion: '1.2', usernameToken: { username, password } }));
  const root = parseXml(actual).root;
  assert.equal(text(find(root, WSSE_NS, 'Username')), username);
  const pw = find(root, WSSE_NS, 'Password')!;
  assert.equal(text(pw), password);
  assert.equal(pw.attrs.find((a) => a.local === 'Type')?.value, PASSWORD_TEXT);

  // The article's way: the same values through String.format give a document that is not XML at all.
  const java = fill(fixture('sts-rst2-request.template.xml'), [
    '1',
    'https://sts',
    'c',
    'e',
    'uuid-1-1',
    username,
    password,
  ]);
  assert.throws(() => parseXml(java));
});

test('PasswordDigest matches a hand-computed Base64(SHA-1(nonce + created + password))', () => {
  // Computed apart: python3 -c "base64.b64encode(hashlib.sha1(bytes(range(16)) + b'2014-02-13T01:24:35Z' + 'pa&ss<\"wörd'.encode()).digest())"
  const nonce = Buffer.from(Array.from({ length: 16 }, (_, i) => i));
  const expected = 'qunYitwcqr2tJ/61RjEeDtZdRUE=';
  assert.equal(passwordDigest(nonce, '2014-02-13T01:24:35Z', 'pa&ss<"wörd'), expected);
  const actual = written((w) =>
    writeUsernameToken(w, {
      username: 'bob',
      password: 'pa&ss<"wörd',
      digest: true,
      nonce,
      created: new Date('2014-02-13T01:24:35.750Z'),
    }),
  );
  const root = parseXml(actual).root;
  const pw = find(root, WSSE_NS, 'Password')!;
  assert.equal(text(pw), expected);
  assert.equal(pw.attrs.find((a) => a.local === 'Type')?.value, PASSWORD_DIGEST);
  const n = find(root, WSSE_NS, 'Nonce')!;
  assert.equal(text(n), 'AAECAwQFBgcICQoLDA0ODw==');
  assert.equal(n.attrs.find((a) => a.local === 'EncodingType')?.value, BASE64_BINARY);
  assert.equal(text(find(root, WSU_NS, 'Created')), '2014-02-13T01:24:35Z');
  assert.ok(!actual.includes('pa&amp;ss'), 'the password itself is not written');
});

test('times are UTC with Z and whole seconds; xsd:dateTime is parsed with zones and fractions', () => {
  assert.equal(formatUtc(new Date('2014-02-13T01:24:35.987Z')), '2014-02-13T01:24:35Z');
  assert.equal(parseDateTime('2014-02-13T01:24:35Z'), Date.UTC(2014, 1, 13, 1, 24, 35));
  assert.equal(parseDateTime(' 2014-02-13T01:24:35.25Z '), Date.UTC(2014, 1, 13, 1, 24, 35, 250));
  assert.equal(parseDateTime('2014-02-13T02:24:35+01:00'), Date.UTC(2014, 1, 13, 1, 24, 35));
  // The Java article's STS template wrote no zone: read as UTC.
  assert.equal(parseDateTime('2014-02-13T01:24:35'), Date.UTC(2014, 1, 13, 1, 24, 35));
  for (const bad of ['2014-02-30T00:00:00Z', '2014-02-13T25:00:00Z', '2014-02-13 01:24:35Z', 'yesterday', '']) {
    assert.equal(parseDateTime(bad), undefined, bad);
  }
});

test('a token whose prefix clashes with the Security element is refused rather than written wrong', () => {
  assert.throws(
    () =>
      written((w) =>
        writeSecurityHeader(w, {
          soapVersion: '1.2',
          issuedToken: { xml: '<wsse:T/>', namespaces: { wsse: 'urn:other' } },
        }),
      ),
    (e: unknown) =>
      e instanceof SecurityHeaderError && e.code === 'WSSE_HEADER_INVALID' && !e.message.includes('<wsse:T/>'),
  );
});

let server: RecordingServer;
before(async () => {
  const body = writeEnvelope('1.1', {
    body: (w) =>
      w.startElement(INTEROP_NS, 'addNumbersResponse', 'tns').element(INTEROP_NS, 'sum', '3', 'tns').endElement(),
  });
  server = await startRecordingServer(() => ({ status: 200, contentType: 'text/xml; charset=utf-8', body }));
});
after(() => server.close());

test('the wsSecurity plugin writes a fresh Timestamp, Nonce and token on each call of a client kept for hours', async () => {
  server.seen.length = 0;
  const times = [new Date('2024-05-01T08:00:00Z'), new Date('2024-05-01T11:30:00Z')];
  let clockReads = 0;
  let tokenAsks = 0;
  const security = wsSecurity({
    usernameToken: { username: 'alice', password: 's3cret', digest: true },
    issuedToken: async () => `<t:Token xmlns:t="urn:token">v${++tokenAsks}</t:Token>`,
    now: () => times[clockReads++]!,
  });
  const client = await createClient(INTEROP_WSDL, {
    endpoint: `${server.url}/interop`,
    plugins: [wsAddressing(), security],
    cache: false,
  });
  try {
    await client.call('addNumbers', { a: 1n, b: 2n });
    await client.call('addNumbers', { a: 1n, b: 2n });
  } finally {
    await client.close();
  }
  assert.equal(server.seen.length, 2);
  const envelopes = server.seen.map((s) => parseEnvelope(s.body));
  const values = envelopes.map((e) => {
    // Plugins' blocks in the plugins' order: addressing first, then Security.
    assert.deepEqual(
      e.headers.map((h) => h.local),
      ['Action', 'MessageID', 'ReplyTo', 'To', 'Security'],
    );
    const security = e.headers[4]!;
    assert.ok(isMustUnderstand(security, '1.1'));
    return {
      created: text(find(find(security, WSU_NS, 'Timestamp')!, WSU_NS, 'Created')),
      expires: text(find(security, WSU_NS, 'Expires')),
      nonce: text(find(security, WSSE_NS, 'Nonce')),
      tokenCreated: text(find(find(security, WSSE_NS, 'UsernameToken')!, WSU_NS, 'Created')),
      token: text(find(security, 'urn:token', 'Token')),
      messageId: readAddressingHeaders(e.headers).messageId,
    };
  });
  assert.deepEqual(
    values.map((v) => [v.created, v.expires, v.tokenCreated, v.token]),
    [
      ['2024-05-01T08:00:00Z', '2024-05-01T08:05:00Z', '2024-05-01T08:00:00Z', 'v1'],
      ['2024-05-01T11:30:00Z', '2024-05-01T11:35:00Z', '2024-05-01T11:30:00Z', 'v2'],
    ],
  );
  assert.notEqual(values[0]!.nonce, values[1]!.nonce);
  assert.notEqual(values[0]!.messageId, values[1]!.messageId);
  assert.ok(!server.seen.some((s) => s.body.includes('s3cret')), 'a digest never sends the password');
  // And what the plugin writes, the verifier accepts.
  for (const [i, e] of envelopes.entries()) {
    const verifier = new SecurityVerifier({
      passwords: (u) => (u === 'alice' ? 's3cret' : undefined),
      now: () => times[i]!,
    });
    const verified = await verifier.verify(e.headers, e.document, e.version);
    assert.equal(verified.username, 'alice');
    assert.equal(verified.issuedTokenXml, `<t:Token xmlns:t="urn:token">v${i + 1}</t:Token>`);
  }
});
