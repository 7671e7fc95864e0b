/**
 * Issued tokens (a SAML assertion, WCF's xenc:EncryptedData, a BinarySecurityToken) are carried as opaque XML:
 * the bytes the security token service sent are the bytes written into the Security header, never parsed and
 * written again: the requestor usually cannot read the token (it is encrypted for the service), and a signed
 * assertion breaks on any change, even of whitespace or prefixes.
 *
 * A fragment cut from a response may use prefixes declared on an ancestor (the captured Microsoft Online
 * RSTR declares `wsse` on its Envelope and uses it inside EncryptedData). `issuedTokenFragment` records those
 * bindings beside the untouched bytes, and the Security header declares them on itself.
 */
import type { XmlDocument, XmlElement } from '../../xml/types.js';

/** An issued token: its exact text, and the ancestor namespace bindings that text relies on. */
export interface IssuedTokenXml {
  /** The token's XML, byte-exact as received. */
  readonly xml: string;
  /** Prefix (`''` for the default namespace) to URI: bindings the fragment uses but may not declare itself. */
  readonly namespaces?: Readonly<Record<string, string>>;
}

/** An issued token given as raw XML text (self-contained) or with the bindings it needs. */
export type IssuedTokenInput = string | IssuedTokenXml;

function collectPrefixes(el: XmlElement, root: XmlElement, out: Record<string, string>): void {
  const note = (prefix: string, ns: string, scope: XmlElement['scope']): void => {
    if (prefix === 'xml' || ns === '') return;
    // Bound the same way at the root: possibly inherited from outside, so recorded (declaring it again is harmless).
    // Bound differently: declared inside the fragment, nothing to add.
    if (Object.hasOwn(root.scope, prefix) && root.scope[prefix] === ns && scope[prefix] === ns) out[prefix] = ns;
  };
  note(el.prefix, el.ns, el.scope);
  for (const a of el.attrs) if (a.prefix !== '') note(a.prefix, a.ns, el.scope);
  for (const child of el.children) if (typeof child !== 'string') collectPrefixes(child, root, out);
}

// XML 1.0 production 40 (STag): '<' Name (S Attribute)* S? '>', an Attribute being Name Eq AttValue (quoted).
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/y;

/** The prefixes the element's own start tag declares (`''` for `xmlns=`): those need nothing from outside. */
function declaredOnStartTag(xml: string): Set<string> {
  const declared = new Set<string>();
  ATTRIBUTE.lastIndex = xml.search(/[\s/>]/);
  for (let m = ATTRIBUTE.exec(xml); m; m = ATTRIBUTE.exec(xml)) {
    const name = m[1]!;
    if (name === 'xmlns') declared.add('');
    else if (name.startsWith('xmlns:')) declared.add(name.slice(6));
  }
  return declared;
}

/** Cuts `token` out of `doc` byte-exact, with the ancestor bindings of the prefixes its elements and attributes use. */
export function issuedTokenFragment(doc: XmlDocument, token: XmlElement): IssuedTokenXml {
  const xml = doc.text.slice(token.start, token.end);
  const used: Record<string, string> = {};
  collectPrefixes(token, token, used);
  const own = declaredOnStartTag(xml);
  const namespaces: Record<string, string> = {};
  for (const [prefix, ns] of Object.entries(used)) if (!own.has(prefix)) namespaces[prefix] = ns;
  return { xml, namespaces };
}

/** The text of an issued token, whichever form it was given in. */
export function issuedTokenText(token: IssuedTokenInput): string {
  return typeof token === 'string' ? token : token.xml;
}
