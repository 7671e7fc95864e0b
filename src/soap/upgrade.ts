/**
 * The VersionMismatch fault and its `Upgrade` header block.
 *
 * SOAP 1.2 Part 1 section 5.4.7: "A SOAP node MAY generate a SOAP fault with a Value of Code set to
 * "env:VersionMismatch" ... In this case the fault SHOULD contain an Upgrade SOAP header block" whose
 * `SupportedEnvelope` children each carry a `qname` attribute naming an envelope the node supports, "in order of
 * preference". Appendix A (Version Transition From SOAP/1.1 to SOAP Version 1.2) lets a SOAP 1.2 node answer a
 * SOAP 1.1 message with a SOAP 1.1 VersionMismatch fault that carries the same Upgrade header block.
 */
import type { XmlElement } from '../xml/types.js';
import type { XmlWriter } from '../xml/writer.js';
import { writeEnvelope } from './envelope.js';
import { attributeOf, resolveQName } from './tree.js';
import { SOAP12_ENVELOPE_NS, type SoapVersion, soapVersionInfo, versionOfNamespace } from './version.js';
import { writeFault } from './write-fault.js';

/** Writes `<Upgrade><SupportedEnvelope qname="p:Envelope"/>…</Upgrade>` (SOAP 1.2 namespace), in preference order. */
export function writeUpgradeHeader(w: XmlWriter, supported: readonly SoapVersion[]): void {
  w.startElement(SOAP12_ENVELOPE_NS, 'Upgrade', 'upg');
  for (const version of supported) {
    w.startElement(SOAP12_ENVELOPE_NS, 'SupportedEnvelope');
    const prefix = w.prefixFor(soapVersionInfo(version).envelopeNs, version === '1.1' ? 'soap11' : 'soap12');
    w.attribute('', 'qname', `${prefix}:Envelope`);
    w.endElement();
  }
  w.endElement();
}

/**
 * The envelope versions an `Upgrade` header block lists, in the sender's order of preference; undefined when the
 * headers hold no Upgrade block. Envelopes of unknown namespaces are skipped.
 */
export function readUpgrade(headers: readonly XmlElement[]): SoapVersion[] | undefined {
  const upgrade = headers.find((h) => h.ns === SOAP12_ENVELOPE_NS && h.local === 'Upgrade');
  if (!upgrade) return undefined;
  const versions: SoapVersion[] = [];
  for (const child of upgrade.children) {
    if (typeof child === 'string' || child.local !== 'SupportedEnvelope') continue;
    const qname = attributeOf(child, '', 'qname');
    if (qname === undefined) continue;
    const name = resolveQName(child, qname);
    const version = name.local === 'Envelope' ? versionOfNamespace(name.ns) : undefined;
    if (version && !versions.includes(version)) versions.push(version);
  }
  return versions;
}

/** Options for `versionMismatchFault`. */
export interface VersionMismatchOptions {
  /** The envelope versions this node supports, most preferred first. Default `['1.2', '1.1']`. */
  supported?: readonly SoapVersion[];
  /** The fault reason. Default: a sentence naming the supported envelope namespaces. */
  reason?: string;
}

/**
 * A whole VersionMismatch fault envelope in `version` (the version to answer in: the sender's, when this node can
 * write it), with an Upgrade header block listing the supported envelopes.
 */
export function versionMismatchFault(version: SoapVersion, options: VersionMismatchOptions = {}): string {
  const supported = options.supported ?? ['1.2', '1.1'];
  const reason =
    options.reason ??
    `The envelope namespace is not supported; supported: ${supported
      .map((v) => `SOAP ${v} (${soapVersionInfo(v).envelopeNs})`)
      .join(', ')}`;
  return writeEnvelope(version, {
    header: (w) => writeUpgradeHeader(w, supported),
    body: (w) => writeFault(w, version, { code: 'versionMismatch', reason }),
  });
}
