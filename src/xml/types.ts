/**
 * The XML layer's data shapes. A parsed document is a light tree of plain objects: the WSDL/XSD readers
 * walk it, the codecs decode from it, and `start`/`end` offsets let a caller cut the exact source text of
 * any element (issued tokens and xsd:any content are carried byte-exact that way).
 */

/** Namespace URI of the `xml:` prefix, bound in every document (Namespaces in XML 1.0, section 3). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Namespace URI reserved for `xmlns` declarations. */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** XML Schema instance namespace (`xsi:type`, `xsi:nil`). */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** In-scope namespace bindings: prefix (`''` for the default namespace) to URI. Shared with the parent when an element declares nothing. */
export type NamespaceScope = Readonly<Record<string, string>>;

/** An attribute as read: its expanded name and its normalised value. */
export interface XmlAttribute {
  /** Namespace URI; `''` for an unprefixed attribute (attributes do not take the default namespace). */
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  readonly value: string;
}

/** An element of a parsed document: its expanded name, attributes, children, scope and source offsets. */
export interface XmlElement {
  /** Namespace URI, `''` when the element is in no namespace. */
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  /** Attributes other than namespace declarations, in document order. */
  readonly attrs: readonly XmlAttribute[];
  /** Child elements and text (text already unescaped; CDATA merged into text; comments and PIs dropped). */
  readonly children: readonly XmlNode[];
  /** Every in-scope namespace binding at this element (inherited ones included). */
  readonly scope: NamespaceScope;
  /** Offset of the `<` that opens this element in the source text. */
  readonly start: number;
  /** Offset just past the `>` that closes this element in the source text. */
  readonly end: number;
}

/** A child of an element: an element or a run of text. */
export type XmlNode = XmlElement | string;

/** A namespace name and a local name: the same shape as the schema model's `QName` (`src/xsd/model.ts`). */
export interface ExpandedName {
  readonly ns: string;
  readonly local: string;
}

/** A parsed document: its root element and the source text the offsets point into. */
export interface XmlDocument {
  readonly root: XmlElement;
  /** The whole source text the offsets refer to. */
  readonly text: string;
  /** The file path or URL the document came from, for messages. */
  readonly source: string;
}

/** Limits applied while reading. Every one is checked as the input is read, so a hostile document fails fast. */
export interface XmlLimits {
  /** Maximum element nesting depth. Default 256. */
  maxDepth: number;
  /** Maximum document size in characters. Default 64 MiB. */
  maxSize: number;
  /** Maximum attributes (namespace declarations included) on one element. Default 256. */
  maxAttributes: number;
  /** Maximum length of an element, attribute or prefix name. Default 1,024. */
  maxNameLength: number;
  /** Maximum length of one attribute value or one run of text. Default 16 MiB. */
  maxTextLength: number;
}

/** Options of the XML reader: where the text came from (for messages) and the limits to apply. */
export interface XmlReadOptions {
  /** The file path or URL, named in every error. Default `<input>`. */
  source?: string;
  limits?: Partial<XmlLimits>;
}

/** The limits applied when a caller sets none (see `XmlLimits` for each one's meaning). */
export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 256,
  maxSize: 64 * 1024 * 1024,
  maxAttributes: 256,
  maxNameLength: 1024,
  maxTextLength: 16 * 1024 * 1024,
});
