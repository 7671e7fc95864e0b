import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskHeaders, maskSecrets } from '../../src/transport/index.js';
import { tripwire } from './helpers.js';

tripwire();

test('mask: the content of each secret XML element, whatever the prefix', () => {
  const names = [
    'Password',
    'Nonce',
    'BinarySecurityToken',
    'CipherValue',
    'SignatureValue',
    'KeyIdentifier',
    'BinarySecret',
    'access_token',
    'client_secret',
    'password',
    'token',
    'credential',
  ];
  for (const name of names) {
    for (const prefix of ['', 'o:', 'wsse:', 'ns1:']) {
      const xml = `<a><${prefix}${name} Type="x">s3cr3t-${name}</${prefix}${name}><b>kept</b></a>`;
      assert.equal(maskSecrets(xml), `<a><${prefix}${name} Type="x">***</${prefix}${name}><b>kept</b></a>`, xml);
    }
  }
});

test('mask: Assertion and EncryptedData lose their whole content, nested markup included', () => {
  const assertion =
    '<t:RequestedSecurityToken><saml:Assertion MajorVersion="1" AssertionID="_a1"><saml:Conditions/>' +
    '<saml:AttributeStatement><saml:Attribute>upn-secret</saml:Attribute></saml:AttributeStatement>' +
    '<ds:Signature><ds:SignatureValue>sig</ds:SignatureValue></ds:Signature></saml:Assertion></t:RequestedSecurityToken>';
  assert.equal(
    maskSecrets(assertion),
    '<t:RequestedSecurityToken><saml:Assertion MajorVersion="1" AssertionID="_a1">***</saml:Assertion></t:RequestedSecurityToken>',
  );
  const encrypted =
    '<xenc:EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod/>' +
    '<KeyInfo><e:EncryptedKey><e:CipherData><e:CipherValue>key-secret</e:CipherValue></e:CipherData></e:EncryptedKey></KeyInfo>' +
    '<xenc:CipherData><xenc:CipherValue>data-secret</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData><next/>';
  assert.equal(
    maskSecrets(encrypted),
    '<xenc:EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element">***</xenc:EncryptedData><next/>',
  );
});

test("mask: Crowd's nested credential (same name inside) leaks nothing", () => {
  const crowd =
    '<in1><ns1:credential><credential xmlns="urn:crowd">pa55-secret</credential>' +
    '<encryptedCredential xmlns="urn:crowd">false</encryptedCredential></ns1:credential><name>jdoe</name></in1>';
  const masked = maskSecrets(crowd);
  assert.ok(!masked.includes('pa55-secret'), masked);
  assert.ok(masked.includes('<name>jdoe</name>'), masked);
  const sameprefix = '<credential><credential>pa55-secret</credential><encrypted>false</encrypted></credential>';
  assert.ok(!maskSecrets(sameprefix).includes('pa55-secret'));
});

test('mask: names that only begin like a secret are kept; self-closing secrets are left alone', () => {
  const xml = '<tokenType>urn:oasis:saml</tokenType><PasswordPolicy>8</PasswordPolicy><o:Nonce/><tokens>2</tokens>';
  assert.equal(maskSecrets(xml), xml);
});

test('mask: an element left open (a cut dump) is masked to the end', () => {
  assert.equal(maskSecrets('<a><o:Password>hunter2-and-the-rest'), '<a><o:Password>***');
  assert.equal(maskSecrets('<token>abc</tok'), '<token>***');
});

test('mask: JSON values of secret keys, string or bare', () => {
  const json =
    '{"access_token": "eyJ.a.b", "token_type":"Bearer", "expires_in":3599, "refresh_token":"rt", ' +
    '"client_secret":"cs", "Password":"pw", "token": 12345, "user":"jdoe", "esc":"x", "password":"a\\"b"}';
  assert.equal(
    maskSecrets(json),
    '{"access_token": "***", "token_type":"Bearer", "expires_in":3599, "refresh_token":"***", ' +
      '"client_secret":"***", "Password":"***", "token": "***", "user":"jdoe", "esc":"x", "password":"***"}',
  );
});

test('mask: form bodies and query strings', () => {
  assert.equal(
    maskSecrets('grant_type=password&username=jdoe&password=p%40ss&client_id=abc&client_secret=cs&refresh_token=rt'),
    'grant_type=password&username=jdoe&password=***&client_id=abc&client_secret=***&refresh_token=***',
  );
  assert.equal(
    maskSecrets('https://login.example/cb?code=1&access_token=at#token=frag'),
    'https://login.example/cb?code=1&access_token=***#token=frag',
  );
});

test('mask: credential header lines in a raw dump', () => {
  const dump = 'POST /x HTTP/1.1\r\nAuthorization: Bearer abc.def\r\nCookie: a=1; b=2\r\nHost: h\r\n';
  assert.equal(
    maskSecrets(dump),
    'POST /x HTTP/1.1\r\nAuthorization: Bearer ***\r\nCookie: a=***; b=***\r\nHost: h\r\n',
  );
});

test('maskHeaders: Authorization keeps its scheme; cookies keep names and attributes; others untouched', () => {
  const masked = maskHeaders({
    Authorization: 'Bearer eyJ.secret',
    'proxy-authorization': 'Basic dXNlcjpwYXNz',
    Cookie: 'ReqClientId=abc; MSISAuth=def',
    'set-cookie': ['MSISAuth=def; path=/; secure', 'other=1'],
    'X-Api-Key': 'k-secret',
    'Content-Type': 'text/xml',
    absent: undefined,
  });
  assert.deepEqual(masked, {
    Authorization: 'Bearer ***',
    'proxy-authorization': 'Basic ***',
    Cookie: 'ReqClientId=***; MSISAuth=***',
    'set-cookie': ['MSISAuth=***; path=/; secure', 'other=***'],
    'X-Api-Key': '***',
    'Content-Type': 'text/xml',
  });
  assert.equal(maskHeaders({ authorization: 'opaque' }).authorization, '***');
});
