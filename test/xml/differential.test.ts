/**
 * Differential test: every .xml, .wsdl and .xsd file under test/fixtures/ is read by `parseXml` and by saxes (in
 * xmlns mode), and the trees must agree (names, namespaces, prefixes, attributes, text). A file saxes refuses
 * must be refused by `parseXml` too; a file only `parseXml` refuses must be one it refuses on purpose (a DOCTYPE).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { isSoapstackError } from '../../src/errors.js';
import { decodeXmlBytes } from '../../src/xml/decode.js';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/types.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

/** A tree reduced to what both readers report. */
interface Node {
  name: string;
  prefix: string;
  attrs: string[];
  children: Array<Node | string>;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (/\.(xml|wsdl|xsd)$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function ours(el: XmlElement): Node {
  return {
    name: `{${el.ns}}${el.local}`,
    prefix: el.prefix,
    attrs: el.attrs.map((a) => `{${a.ns}}${a.local} ${a.prefix} ${JSON.stringify(a.value)}`).sort(),
    children: el.children.map((c) => (typeof c === 'string' ? c : ours(c))),
  };
}

/** The tree saxes reports, with adjacent text and CDATA merged (comments and PIs between them dropped). */
function saxesTree(text: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  const addText = (t: string): void => {
    const top = stack.at(-1);
    if (!top || t === '') return;
    const last = top.children.length - 1;
    if (typeof top.children[last] === 'string') top.children[last] += t;
    else top.children.push(t);
  };
  parser.on('opentag', (tag) => {
    const attrs: string[] = [];
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs.push(`{${a.uri}}${a.local} ${a.prefix} ${JSON.stringify(a.value)}`);
    }
    const node: Node = { name: `{${tag.uri}}${tag.local}`, prefix: tag.prefix, attrs: attrs.sort(), children: [] };
    if (stack.length) stack.at(-1)!.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

const files = listFiles(FIXTURES);

describe('parseXml agrees with saxes on every fixture', () => {
  it('finds the fixtures', () => assert.ok(files.length > 100, `${files.length} files`));

  for (const file of files) {
    const name = relative(FIXTURES, file);
    it(name, () => {
      let text: string;
      let oursError: unknown;
      let tree: Node | undefined;
      try {
        text = decodeXmlBytes(readFileSync(file), name);
        tree = ours(parseXml(text, { source: name }).root);
      } catch (error) {
        assert.ok(isSoapstackError(error), String(error));
        oursError = error;
        text = readFileSync(file, 'utf8');
      }
      let expected: Node | undefined;
      try {
        expected = saxesTree(text);
      } catch {
        assert.ok(oursError, 'saxes refuses this file but parseXml reads it');
        return;
      }
      if (oursError) {
        assert.ok(isSoapstackError(oursError, 'XML_DOCTYPE_FORBIDDEN'), `only parseXml refuses: ${oursError}`);
        return;
      }
      assert.deepEqual(tree, expected);
    });
  }
});
