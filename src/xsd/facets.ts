/**
 * Constraining facets (XML Schema Part 2, section 4.3) read from an `xs:restriction` and merged over the
 * base type's effective facets: a facet the restriction states replaces the base's, the others are inherited.
 *
 *   <restriction base = QName> Content: (annotation?, (simpleType?, (minExclusive | minInclusive |
 *     maxExclusive | maxInclusive | totalDigits | fractionDigits | length | minLength | maxLength |
 *     enumeration | whiteSpace | pattern)*)) </restriction>
 *
 * Several `pattern` (or `enumeration`) facets in one step form one set of alternatives (section 4.3.4.3);
 * a step that states patterns replaces the base's in `patterns` (a known simplification: the value must
 * strictly match each step's patterns).
 */
import type { XmlElement } from '../xml/types.js';
import { XSD_NAMESPACES } from './builtins.js';
import type { Facets } from './model.js';
import { attr, childElements } from './node.js';

const NUMERIC = ['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits'] as const;
const BOUNDS = ['maxInclusive', 'maxExclusive', 'minInclusive', 'minExclusive'] as const;

/** True when the restriction states at least one facet. */
export function hasFacets(restriction: XmlElement): boolean {
  return childElements(restriction, XSD_NAMESPACES).some((c) => c.local !== 'annotation' && c.local !== 'simpleType');
}

/** The facets of `restriction` merged over `base`. */
export function mergeFacets(base: Facets, restriction: XmlElement): Facets {
  const out: Facets = { ...base };
  const patterns: string[] = [];
  const enumeration: string[] = [];
  for (const f of childElements(restriction, XSD_NAMESPACES)) {
    const value = attr(f, 'value');
    if (value === undefined) continue;
    const name = f.local;
    if (name === 'pattern') patterns.push(value);
    else if (name === 'enumeration') enumeration.push(value);
    else if (name === 'whiteSpace') {
      if (value === 'preserve' || value === 'replace' || value === 'collapse') out.whiteSpace = value;
    } else if ((NUMERIC as readonly string[]).includes(name)) {
      const n = Number.parseInt(value.trim(), 10);
      if (Number.isFinite(n)) out[name as (typeof NUMERIC)[number]] = n;
    } else if ((BOUNDS as readonly string[]).includes(name)) {
      const key = name as (typeof BOUNDS)[number];
      out[key] = value.trim();
      // An inclusive bound replaces the base's exclusive one on the same side, and vice versa.
      if (key === 'maxInclusive') delete out.maxExclusive;
      if (key === 'maxExclusive') delete out.maxInclusive;
      if (key === 'minInclusive') delete out.minExclusive;
      if (key === 'minExclusive') delete out.minInclusive;
    }
  }
  if (patterns.length) out.patterns = patterns;
  if (enumeration.length) out.enumeration = enumeration;
  return out;
}
