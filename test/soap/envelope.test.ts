import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EnvelopeError, parseEnvelope, readEnvelope, writeEnvelope } from '../../src/soap/envelope.js';
import { writeMustUnderstand } from '../../src/soap/header.js';
import { SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS, type SoapVersion } from '../../src/soap/version.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const CROWD = 'urn:SecurityServer';
const VERSIONS: readonly SoapVersion[] = ['1.1', '1.2'];

function envelopeNs(version: SoapVersion): string {
  return version === '1.1' ? SOAP11_ENVELOPE_NS : SOAP12_ENVELOPE_NS;
}

/** A plain, comparable picture of an element: name, attributes and content, without offsets or scopes. */
function shape(el: XmlElement): unknown {
  return {
    name: `{${el.ns}}${el.local}`,
    attrs: el.attrs.map((a) => `{${a.ns}}${a.local}=${a.value}`),
    children: el.children.map((c) => (typeof c === 'string' ? c : shape(c))),
  };
}

function assertEnvelopeError(fn: () => unknown, code: string, ...messageParts: string[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof EnvelopeError, `expected an EnvelopeError, got ${String(e)}`);
    assert.equal(e.code, code);
    for (const part of messageParts) assert.ok(e.message.includes(part), `"${e.message}" should mention "${part}"`);
    return true;
  });
}

for (const version of VERSIONS) {
  test(`SOAP ${version} envelope round trip: header and body entries come back as written`, () => {
    const text = writeEnvelope(version, {
      namespaces: { crowd: CROWD },
      header: (w) => {
        w.startElement(WSSE, 'Security', 'o');
        writeMustUnderstand(w, version);
        w.element(WSSE, 'Token', 'abc<&>"');
        w.endElement();
      },
      body: (w) => {
        w.startElement(CROWD, 'authenticateApplication');
        w.element(CROWD, 'in0', 'app');
        w.element('', 'unqualified', 'x');
        w.endElement();
      },
    });
    const envelope = readEnvelope(parseXml(text, { source: 'written' }), version);
    assert.equal(envelope.version, version);
    assert.equal(envelope.root.ns, envelopeNs(version));
    assert.equal(envelope.header?.local, 'Header');
    assert.equal(envelope.fault, undefined);
    assert.deepEqual(envelope.headers.map(shape), [
      {
        name: `{${WSSE}}Security`,
        attrs: [`{${envelopeNs(version)}}mustUnderstand=${version === '1.1' ? '1' : 'true'}`],
        children: [{ name: `{${WSSE}}Token`, attrs: [], children: ['abc<&>"'] }],
      },
    ]);
    assert.deepEqual(envelope.bodyEntries.map(shape), [
      {
        name: `{${CROWD}}authenticateApplication`,
        attrs: [],
        children: [
          { name: `{${CROWD}}in0`, attrs: [], children: ['app'] },
          { name: '{}unqualified', attrs: [], children: ['x'] },
        ],
      },
    ]);
    // The declared namespace sits on the Envelope and the entries reuse it.
    assert.match(text, new RegExp(`^<soap:Envelope xmlns:soap="${envelopeNs(version)}" xmlns:crowd="${CROWD}">`));
    assert.ok(text.includes('<crowd:authenticateApplication>'));
  });

  test(`SOAP ${version}: a header callback that writes nothing leaves the Header out`, () => {
    const text = writeEnvelope(version, { header: () => {}, body: (w) => w.element('urn:x', 'ping', '') });
    assert.ok(!text.includes('Header'), text);
    const envelope = readEnvelope(parseXml(text), version);
    assert.equal(envelope.header, undefined);
    assert.deepEqual(envelope.headers, []);
    assert.deepEqual(
      envelope.bodyEntries.map((e) => e.local),
      ['ping'],
    );
  });

  test(`SOAP ${version}: an empty body round trips to no entries`, () => {
    const text = writeEnvelope(version, { body: () => {} });
    assert.equal(text, `<soap:Envelope xmlns:soap="${envelopeNs(version)}"><soap:Body/></soap:Envelope>`);
    assert.deepEqual(readEnvelope(parseXml(text)).bodyEntries, []);
  });
}

test('writeEnvelope can start with an XML declaration', () => {
  const text = writeEnvelope('1.1', { declaration: true, body: () => {} });
  assert.ok(text.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope'));
});

test('writeEnvelope refuses to rebind the envelope prefix', () => {
  assertEnvelopeError(
    () => writeEnvelope('1.1', { namespaces: { soap: 'urn:other' }, body: () => {} }),
    'SOAP_INVALID',
    'soap',
  );
});

test('readEnvelope without an expected version accepts either and reports which', () => {
  for (const version of VERSIONS) {
    assert.equal(readEnvelope(parseXml(writeEnvelope(version, { body: () => {} }))).version, version);
  }
});

test('version mismatch: a 1.1 envelope where 1.2 is expected, naming both namespaces', () => {
  const doc = parseXml(writeEnvelope('1.1', { body: () => {} }), { source: 'response' });
  assertEnvelopeError(
    () => readEnvelope(doc, '1.2'),
    'SOAP_VERSION_MISMATCH',
    'SOAP 1.2',
    SOAP12_ENVELOPE_NS,
    'SOAP 1.1',
    SOAP11_ENVELOPE_NS,
    'response',
  );
});

test('version mismatch: a 1.2 envelope where 1.1 is expected, naming both namespaces', () => {
  const doc = parseXml(writeEnvelope('1.2', { body: () => {} }));
  try {
    readEnvelope(doc, '1.1');
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof EnvelopeError);
    assert.equal(e.code, 'SOAP_VERSION_MISMATCH');
    assert.equal(e.expected, '1.1');
    assert.equal(e.foundNamespace, SOAP12_ENVELOPE_NS);
    assert.ok(e.message.includes(SOAP11_ENVELOPE_NS) && e.message.includes(SOAP12_ENVELOPE_NS), e.message);
  }
});

test('version mismatch: an Envelope in an unknown namespace (the SOAP 1.2 draft one)', () => {
  const text = '<e:Envelope xmlns:e="http://www.w3.org/2001/12/soap-envelope"><e:Body/></e:Envelope>';
  assertEnvelopeError(() => parseEnvelope(text), 'SOAP_VERSION_MISMATCH', 'http://www.w3.org/2001/12/soap-envelope');
  assertEnvelopeError(() => parseEnvelope('<Envelope><Body/></Envelope>'), 'SOAP_VERSION_MISMATCH', '(none)');
});

test('not an envelope: an HTML error page', () => {
  const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
  assertEnvelopeError(
    () => readEnvelope(parseXml(html, { source: 'https://crm.example/' })),
    'SOAP_NOT_ENVELOPE',
    '<html>',
    'HTML',
  );
});

test('not an envelope: an HTML page with a doctype and void tags, refused before XML parsing', () => {
  const html =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>503</title></head><body>Service Unavailable<br></body></html>';
  assertEnvelopeError(
    () => parseEnvelope(html, { source: 'https://crm.example/' }),
    'SOAP_NOT_ENVELOPE',
    'HTML',
    'https://crm.example/',
  );
  assertEnvelopeError(
    () => parseEnvelope(`\uFEFF  <!-- proxy -->\n<HTML><BODY>down</BODY></HTML>`),
    'SOAP_NOT_ENVELOPE',
    'HTML',
  );
});

test('structure errors point at the offending element by line and column', () => {
  const text = `<s:Envelope xmlns:s="${SOAP11_ENVELOPE_NS}">\n  <s:Body/>\n  <s:Header/>\n</s:Envelope>`;
  assertEnvelopeError(() => parseEnvelope(text, { source: 'reply.xml' }), 'SOAP_INVALID', 'reply.xml:3:3');
});

test('not an envelope: a bare element', () => {
  assertEnvelopeError(
    () => parseEnvelope('<ns:getResponse xmlns:ns="urn:x"><ns:out>1</ns:out></ns:getResponse>'),
    'SOAP_NOT_ENVELOPE',
    'getResponse',
    'urn:x',
  );
});

for (const version of VERSIONS) {
  const ns = envelopeNs(version);
  const env = (inner: string) => `<s:Envelope xmlns:s="${ns}">${inner}</s:Envelope>`;

  test(`SOAP ${version} structure: a missing Body`, () => {
    assertEnvelopeError(() => parseEnvelope(env('<s:Header/>')), 'SOAP_INVALID', 'no Body');
  });

  test(`SOAP ${version} structure: two Bodies`, () => {
    assertEnvelopeError(() => parseEnvelope(env('<s:Body/><s:Body/>')), 'SOAP_INVALID', 'second Body');
  });

  test(`SOAP ${version} structure: a Header after the Body`, () => {
    assertEnvelopeError(
      () => parseEnvelope(env('<s:Body/><s:Header/>')),
      'SOAP_INVALID',
      'Header comes after the Body',
    );
  });

  test(`SOAP ${version} structure: two Headers`, () => {
    assertEnvelopeError(() => parseEnvelope(env('<s:Header/><s:Header/><s:Body/>')), 'SOAP_INVALID', 'second Header');
  });

  test(`SOAP ${version} structure: text where elements are expected`, () => {
    assertEnvelopeError(() => parseEnvelope(env('oops<s:Body/>')), 'SOAP_INVALID', '"oops"', 'Envelope');
    assertEnvelopeError(() => parseEnvelope(env('<s:Body>stray</s:Body>')), 'SOAP_INVALID', '"stray"', 'Body');
    assertEnvelopeError(
      () => parseEnvelope(env('<s:Header>junk<h xmlns="urn:h"/></s:Header><s:Body/>')),
      'SOAP_INVALID',
      '"junk"',
      'Header',
    );
  });

  test(`SOAP ${version} structure: an unknown element before the Body`, () => {
    assertEnvelopeError(() => parseEnvelope(env('<x:Extra xmlns:x="urn:x"/><s:Body/>')), 'SOAP_INVALID', 'Extra');
  });

  test(`SOAP ${version} structure: whitespace and comments between the parts are fine`, () => {
    const envelope = parseEnvelope(
      env('\n  <!-- c -->\n  <s:Header>\n</s:Header>\r\n\t<s:Body>\n <a xmlns="urn:a"/>\n</s:Body>\n'),
    );
    assert.deepEqual(
      envelope.bodyEntries.map((e) => e.local),
      ['a'],
    );
    assert.deepEqual(envelope.headers, []);
    assert.ok(envelope.header);
  });
}

test('SOAP 1.1 allows qualified elements after the Body (section 4.1.1); SOAP 1.2 does not (Part 1 5.1)', () => {
  const trailing = (ns: string) => `<s:Envelope xmlns:s="${ns}"><s:Body/><x:Trailer xmlns:x="urn:x"/></s:Envelope>`;
  assert.deepEqual(parseEnvelope(trailing(SOAP11_ENVELOPE_NS)).bodyEntries, []);
  assertEnvelopeError(() => parseEnvelope(trailing(SOAP12_ENVELOPE_NS)), 'SOAP_INVALID', 'Trailer', 'after the Body');
});

test('a Fault in the Body is decoded into envelope.fault, not thrown', () => {
  const text = writeEnvelope('1.1', {
    body: (w) => {
      w.startElement(SOAP11_ENVELOPE_NS, 'Fault');
      w.element('', 'faultcode', 'soap:Client');
      w.element('', 'faultstring', 'bad request');
      w.endElement();
    },
  });
  const envelope = parseEnvelope(text);
  assert.equal(envelope.fault?.faultCode, `{${SOAP11_ENVELOPE_NS}}Client`);
  assert.equal(envelope.fault?.reason, 'bad request');
  assert.equal(envelope.bodyEntries.length, 1);
});

test('an element named Fault in an application namespace is a body entry, not a fault', () => {
  const text = `<s:Envelope xmlns:s="${SOAP12_ENVELOPE_NS}"><s:Body><Fault xmlns="urn:app"/></s:Body></s:Envelope>`;
  const envelope = parseEnvelope(text);
  assert.equal(envelope.fault, undefined);
  assert.equal(envelope.bodyEntries[0]?.ns, 'urn:app');
});

test('the document is kept on the envelope, so an entry can be cut from the source text', () => {
  const text = writeEnvelope('1.2', { body: (w) => w.element('urn:x', 'ping', 'pong') });
  const envelope = parseEnvelope(text, { source: 'mine' });
  assert.equal(envelope.document.text, text);
  assert.equal(envelope.document.source, 'mine');
});
