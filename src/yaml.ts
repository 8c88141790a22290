/**
 * YAML with positions. js-yaml (what gray-matter and most blog tools read with) forgets
 * where each key stood; the `yaml` package keeps every node's range, so a wrong value is
 * reported at its own line and column.
 */
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
} from 'yaml';

/** A parsed YAML text and the means to turn offsets into lines and columns. */
export interface YamlText {
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Added to every line number: the line of the file on which the YAML text starts. */
  readonly lineOffset: number;
  /**
   * Spaces put in front of a line (by line of the YAML text) before it was parsed, taken
   * off again so columns are those of the file (see `parse/yaml-compat.ts`).
   */
  readonly addedIndent?: ReadonlyMap<number, number>;
}

/** A 1-based line and column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** The first syntax error of a YAML text, already placed in the file. */
export interface YamlSyntaxError extends LineColumn {
  readonly message: string;
  /** The `yaml` package's error code (`MISSING_CHAR`, `TAB_AS_INDENT` …), or `BAD_ALIAS`. */
  readonly code: string;
}

/** How to parse. */
export interface ParseYamlOptions {
  /** The line of the file on which the text starts, minus one. */
  readonly lineOffset?: number;
  /** A key given twice is an error (site.yaml); false keeps every pair (front matter). */
  readonly uniqueKeys?: boolean;
  /** Read `<<: *base` as a merge of `base`, as YAML 1.1 readers (js-yaml) do. */
  readonly merge?: boolean;
  /** Spaces put in front of lines before parsing, to take off again in positions. */
  readonly addedIndent?: ReadonlyMap<number, number>;
}

/**
 * Parses YAML 1.2 (core schema: `2025-04-12` stays a string, so dates are read by Rubric
 * in the site's time zone, not by the YAML parser in the host's).
 */
export function parseYaml(
  text: string,
  options: ParseYamlOptions = {},
): { yaml: YamlText; syntaxError: YamlSyntaxError | null } {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: options.uniqueKeys ?? true,
    merge: options.merge ?? false,
  });
  const yaml: YamlText = {
    doc,
    lines,
    lineOffset: options.lineOffset ?? 0,
    ...(options.addedIndent ? { addedIndent: options.addedIndent } : {}),
  };
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = positionAt(yaml, first.pos[0]);
    const message = first.message.split('\n')[0] ?? first.message;
    return { yaml, syntaxError: { ...at, message, code: first.code } };
  }
  // Only a text with a `*` can hold an alias: most never pay for the walk.
  const alias = text.includes('*') ? unresolvedAlias(yaml) : null;
  return { yaml, syntaxError: alias };
}

/**
 * An alias (`*name`) with no anchor (`&name`) before it, or one that cannot be read (a
 * merge of a list, aliases nested into millions of values): `yaml` leaves those to the
 * conversion into values, which would throw.
 */
function unresolvedAlias(yaml: YamlText): YamlSyntaxError | null {
  const aliases: Alias[] = [];
  visit(yaml.doc, {
    Alias: (_key, node) => {
      aliases.push(node);
    },
  });
  const first = aliases[0];
  if (first === undefined) return null;
  const at = (node: Alias) => positionAt(yaml, node.range?.[0] ?? 0);
  const missing = aliases.find((node) => node.resolve(yaml.doc) === undefined);
  if (missing) {
    const name = missing.source;
    const message = `*${name} refers to no anchor &${name} before it`;
    return { ...at(missing), code: 'BAD_ALIAS', message };
  }
  try {
    yaml.doc.toJS();
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...at(first), code: 'BAD_ALIAS', message: message.replace(/\.$/, '') };
  }
}

/** Converts an offset in the YAML text into a line and column of the file. */
export function positionAt(yaml: YamlText, offset: number): LineColumn {
  const { line, col } = yaml.lines.linePos(offset);
  const added = yaml.addedIndent?.get(line) ?? 0;
  return { line: line + yaml.lineOffset, column: Math.max(1, col - added) };
}

/** The top-level keys of a YAML mapping with the position of each key and of its value. */
export interface YamlEntry {
  readonly key: string;
  readonly value: unknown;
  /**
   * The value with every plain scalar that YAML reads as a number or a boolean kept as
   * its source text (`1.10`, `007`, `0x1F`, `true`), in lists too: what text keys read.
   */
  readonly written: unknown;
  readonly node: Node | null;
  readonly keyAt: LineColumn;
  readonly valueAt: LineColumn;
}

/**
 * Lists the top-level entries of a document whose root is a mapping, a key given twice
 * as often as it is given. Returns null when the root is something else (a list, a
 * string), and an empty list for an empty document.
 */
export function topLevelEntries(yaml: YamlText): YamlEntry[] | null {
  const root = yaml.doc.contents;
  if (root === null) return [];
  if (!isMap(root)) return null;
  const entries: YamlEntry[] = [];
  for (const pair of root.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyOffset = isScalar(keyNode) && keyNode.range ? keyNode.range[0] : 0;
    const valueNode = isNode(pair.value) ? pair.value : null;
    const valueOffset = valueNode?.range ? valueNode.range[0] : keyOffset;
    const target = isAlias(valueNode) ? (valueNode.resolve(yaml.doc) ?? null) : valueNode;
    entries.push({
      key,
      value: target ? target.toJS(yaml.doc) : null,
      written: target ? writtenValue(target, yaml.doc) : null,
      node: target,
      keyAt: positionAt(yaml, keyOffset),
      valueAt: positionAt(yaml, valueOffset),
    });
  }
  return entries;
}

/** See {@link YamlEntry.written}. */
function writtenValue(node: Node, doc: Document): unknown {
  if (isScalar(node)) {
    const asRead = node.value;
    const rewritten = typeof asRead === 'number' || typeof asRead === 'boolean';
    if (rewritten && node.type === 'PLAIN' && node.source !== undefined) return node.source;
  }
  if (isSeq(node)) return node.items.map((item) => (isNode(item) ? writtenValue(item, doc) : item));
  return node.toJS(doc);
}

/**
 * Where item `index` of a list or mapping node is (for a mapping, the item's value), or
 * `fallback` when the node has no such item.
 */
export function itemPosition(
  yaml: YamlText,
  node: Node | null,
  index: number,
  fallback: LineColumn,
): LineColumn {
  const raw: unknown =
    node && 'items' in node && Array.isArray(node.items) ? node.items[index] : undefined;
  const item: unknown = isPair(raw) ? raw.value : raw;
  if (isNode(item) && item.range) return positionAt(yaml, item.range[0]);
  return fallback;
}

/**
 * Where character `offset` of a scalar's `text` (its value as read) stands in the file,
 * when the scalar is written as it reads: plain or quoted, on one line, and as long as its
 * text (so no escape or folded line moved a character). Otherwise `fallback`.
 */
export function scalarOffsetPosition(
  yaml: YamlText,
  node: Node | null,
  text: string,
  offset: number,
  fallback: LineColumn,
): LineColumn {
  if (!isScalar(node) || !node.range) return fallback;
  const quote = node.type === 'PLAIN' ? 0 : node.type?.startsWith('QUOTE_') ? 1 : -1;
  const [start, end] = node.range;
  if (quote < 0 || end - start - 2 * quote !== text.length) return fallback;
  if (positionAt(yaml, end).line !== positionAt(yaml, start).line) return fallback;
  return positionAt(yaml, start + quote + offset);
}

/** Where the value of key `key` of a mapping node is, or `fallback`. */
export function mappingValuePosition(
  yaml: YamlText,
  node: unknown,
  key: string,
  fallback: LineColumn,
): LineColumn {
  if (!isMap(node)) return fallback;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  const value: unknown = pair?.value;
  return isNode(value) && value.range ? positionAt(yaml, value.range[0]) : fallback;
}

/** The node of item `index` of a list node, or null. */
export function itemNode(node: Node | null, index: number): Node | null {
  const item: unknown = isSeq(node) ? node.items[index] : undefined;
  return isNode(item) ? item : null;
}
