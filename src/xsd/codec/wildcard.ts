/**
 * Namespace constraints of `xs:any` and `xs:anyAttribute` (XML Schema Part 1, section 3.10.4, Wildcard
 * allows Namespace Name): `##any`, `##other` (not the target namespace and not absent), or a list of URIs,
 * `##targetNamespace` and `##local`.
 */
import type { Wildcard } from '../model.js';

/** Tests whether a namespace name is allowed by a wildcard. */
export type NamespaceTest = (ns: string) => boolean;

/** Compiles a wildcard's namespace constraint. */
export function namespaceTest(wildcard: Wildcard): NamespaceTest {
  const spec = wildcard.namespace.trim() || '##any';
  if (spec === '##any') return () => true;
  const target = wildcard.targetNamespace;
  if (spec === '##other') return (ns) => ns !== target && ns !== '';
  const allowed = new Set<string>();
  for (const token of spec.split(/\s+/)) {
    if (token === '##targetNamespace') allowed.add(target);
    else if (token === '##local') allowed.add('');
    else allowed.add(token);
  }
  return (ns) => allowed.has(ns);
}
