/**
 * YAML with positions. gray-matter finds the front matter, but its default engine
 * (js-yaml) forgets where each key stood; the `yaml` package keeps every node's range,
 * so a wrong value is reported at its own line and column.
 */
import {
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';

/** A parsed YAML text and the means to turn offsets into lines and columns. */
export interface YamlText {
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Added to every line number: the line of the file on which the YAML text starts. */
  readonly lineOffset: number;
}

/** A 1-based line and column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** The first syntax error of a YAML text, already placed in the file. */
export interface YamlSyntaxError extends LineColumn {
  readonly message: string;
}

/**
 * Parses YAML 1.2 (core schema: `2025-04-12` stays a string, so dates are read by Rubric
 * in the site's time zone, not by the YAML parser in the host's).
 */
export function parseYaml(
  text: string,
  lineOffset = 0,
): { yaml: YamlText; syntaxError: YamlSyntaxError | null } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yaml: YamlText = { doc, lines, lineOffset };
  const first = doc.errors[0];
  if (first === undefined) return { yaml, syntaxError: null };
  const at = positionAt(yaml, first.pos[0]);
  const message = first.message.split('\n')[0] ?? first.message;
  return { yaml, syntaxError: { ...at, message } };
}

/** Converts an offset in the YAML text into a line and column of the file. */
export function positionAt(yaml: YamlText, offset: number): LineColumn {
  const { line, col } = yaml.lines.linePos(offset);
  return { line: line + yaml.lineOffset, column: col };
}

/** The top-level keys of a YAML mapping with the position of each key and of its value. */
export interface YamlEntry {
  readonly key: string;
  readonly value: unknown;
  readonly node: Node | null;
  readonly keyAt: LineColumn;
  readonly valueAt: LineColumn;
}

/**
 * Lists the top-level entries of a document whose root is a mapping. Returns null when
 * the root is something else (a list, a string), and an empty list for an empty document.
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
    const valueNode = isNodeLike(pair.value) ? pair.value : null;
    const valueOffset = valueNode?.range ? valueNode.range[0] : keyOffset;
    entries.push({
      key,
      value: valueNode ? valueNode.toJSON() : null,
      node: valueNode,
      keyAt: positionAt(yaml, keyOffset),
      valueAt: positionAt(yaml, valueOffset),
    });
  }
  return entries;
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
  if (isNodeLike(item) && item.range) return positionAt(yaml, item.range[0]);
  return fallback;
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && 'toJSON' in value;
}
