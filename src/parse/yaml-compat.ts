/**
 * Front matter as blogs wrote it. Posts from Jekyll, Eleventy and Hugo were written for
 * js-yaml (gray-matter's reader) or Ruby's, which accept a few things the `yaml` package
 * (kept here for its exact positions) refuses. This module reads those the way js-yaml
 * does, and names what is still wrong in terms of what to change.
 */
import { buildWarning, type BuildWarning } from '../errors.js';
import {
  parseYaml,
  type LineColumn,
  type YamlEntry,
  type YamlSyntaxError,
  type YamlText,
} from '../yaml.js';

/** Keys given twice stay pairs (the caller merges or picks); `<<` merges, as in js-yaml. */
const FRONT_MATTER_YAML = { uniqueKeys: false, merge: true } as const;

/**
 * Parses front matter. When `yaml` refuses it, the lines that continue a quoted value or
 * a `[…]`/`{…}` list below its key without indentation (which js-yaml accepts and folds
 * into one line with a space) are indented, and the text is parsed again: indentation
 * there is not part of the value, so the values are js-yaml's, and positions have the
 * added spaces taken off. Posts that parse the first time (nearly all) pay nothing more.
 */
export function parseFrontMatterYaml(text: string): {
  yaml: YamlText;
  syntaxError: YamlSyntaxError | null;
} {
  const first = parseYaml(text, FRONT_MATTER_YAML);
  if (first.syntaxError === null) return first;
  const scan = scanContinuations(text);
  const indented = indentLines(text, scan.needs);
  const result = indented
    ? parseYaml(indented.text, { ...FRONT_MATTER_YAML, addedIndent: indented.addedIndent })
    : first;
  const error = result.syntaxError;
  // `yaml` names where it gave up looking for the closing quote; the opening one is
  // where the author has to look.
  if (error?.code === 'MISSING_CHAR' && /quote/.test(error.message) && scan.unclosedQuote) {
    const { line, column, quote } = scan.unclosedQuote;
    const message = `the value that starts with ${quote} here has no closing quote`;
    return { yaml: result.yaml, syntaxError: { line, column, code: error.code, message } };
  }
  if (error && scan.unclosedFlow) {
    const { line, column, bracket } = scan.unclosedFlow;
    const message = `the list that starts with ${bracket} here has no closing ${bracket === '[' ? ']' : '}'}`;
    return { yaml: result.yaml, syntaxError: { line, column, code: 'UNCLOSED_FLOW', message } };
  }
  return result;
}

/** A text with continuation lines indented, and how many spaces went in front of each. */
export interface IndentedText {
  readonly text: string;
  /** By 1-based line. */
  readonly addedIndent: ReadonlyMap<number, number>;
}

/**
 * Finds every line that continues a quoted scalar or a flow collection and indents it to
 * under the opening quote or bracket, so that YAML 1.2 takes it as a continuation.
 * Returns null when no line needed it. A small scanner, not a YAML parser: it knows
 * where a value may start, comments, block scalars and the two quoting styles, which is
 * all it takes to tell a quote that opens a value from one inside plain text.
 */
export function indentContinuations(text: string): IndentedText | null {
  return indentLines(text, scanContinuations(text).needs);
}

function indentLines(text: string, needs: ReadonlyMap<number, number>): IndentedText | null {
  if (needs.size === 0) return null;
  const lines = text.split('\n');
  const addedIndent = new Map<number, number>();
  for (const [index, need] of needs) {
    const line = lines[index] ?? '';
    const indent = line.length - line.trimStart().length;
    const spaces = /^ */.exec(line)?.[0].length ?? 0;
    if (indent === line.length || spaces >= need) continue;
    lines[index] = ' '.repeat(need - spaces) + line;
    addedIndent.set(index + 1, need - spaces);
  }
  return addedIndent.size === 0 ? null : { text: lines.join('\n'), addedIndent };
}

/** What {@link scanContinuations} found. */
interface Continuations {
  /** For each continuation line (0-based), the indentation it needs. */
  readonly needs: Map<number, number>;
  /** A quote that opens a value and is never closed, with where it stands. */
  readonly unclosedQuote: (LineColumn & { readonly quote: string }) | null;
  /** A `[` or `{` that opens a list or mapping and is never closed. */
  readonly unclosedFlow: (LineColumn & { readonly bracket: string }) | null;
}

function scanContinuations(text: string): Continuations {
  const needs = new Map<number, number>();
  let unclosedQuote: Continuations['unclosedQuote'] = null;
  const require = (line: number, need: number) => {
    needs.set(line, Math.max(needs.get(line) ?? 0, need));
  };
  let i = 0;
  let line = 0;
  let lineStart = 0;
  let flowDepth = 0;
  let flowNeed = 0;
  let flowStart: Continuations['unclosedFlow'] = null;
  let valueStart = true;
  let afterSpace = true;
  /** Moves to offset `to`, counting the line ends passed. */
  const moveTo = (to: number, each?: (line: number) => void) => {
    for (let nl = text.indexOf('\n', i); nl !== -1 && nl < to; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
      each?.(line);
    }
    i = to;
  };
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\n') {
      moveTo(i + 1);
      valueStart = true;
      afterSpace = true;
      if (flowDepth > 0) require(line, flowNeed);
    } else if (c === ' ' || c === '\t') {
      afterSpace = true;
      i++;
    } else if (c === '#' && afterSpace) {
      i = endOfLine(text, i);
    } else if (valueStart && (c === '"' || c === "'")) {
      const end = closingQuote(text, i);
      if (end === -1) {
        unclosedQuote = { line: line + 1, column: i - lineStart + 1, quote: c };
        break;
      }
      const need = Math.max(i - lineStart, flowDepth > 0 ? flowNeed : 0);
      moveTo(end + 1, (at) => {
        require(at, need);
      });
      valueStart = false;
      afterSpace = false;
    } else if (valueStart && (c === '[' || c === '{')) {
      if (flowDepth === 0) {
        flowNeed = i - lineStart + 1;
        flowStart = { line: line + 1, column: i - lineStart + 1, bracket: c };
      }
      flowDepth++;
      i++;
    } else if (flowDepth > 0 && (c === ']' || c === '}')) {
      flowDepth--;
      valueStart = false;
      i++;
    } else if (flowDepth > 0 && c === ',') {
      valueStart = true;
      i++;
    } else if (c === ':' && isBlank(next)) {
      valueStart = true;
      i++;
    } else if (valueStart && (c === '-' || c === '?') && isBlank(next)) {
      i++;
    } else if (valueStart && flowDepth === 0 && (c === '|' || c === '>')) {
      moveTo(endOfBlockScalar(text, i, lineStart));
    } else if (valueStart && (c === '&' || c === '!')) {
      // An anchor or a tag: the value comes after it.
      while (i < text.length && !isBlank(text.charAt(i))) i++;
    } else {
      // Plain text (or an alias): a quote inside it is just a character.
      valueStart = false;
      afterSpace = false;
      i++;
    }
  }
  return { needs, unclosedQuote, unclosedFlow: flowDepth > 0 ? flowStart : null };
}

function isBlank(c: string): boolean {
  return c === '' || c === ' ' || c === '\t' || c === '\n';
}

function endOfLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

/** The offset of the quote that closes the quoted scalar opening at `i`, or -1. */
function closingQuote(text: string, i: number): number {
  const quote = text.charAt(i);
  let end = text.indexOf(quote, i + 1);
  if (quote === "'") {
    // `''` is a quote inside a single-quoted value.
    while (end !== -1 && text.charAt(end + 1) === "'") end = text.indexOf("'", end + 2);
    return end;
  }
  while (end !== -1) {
    let backslashes = 0;
    while (text.charAt(end - 1 - backslashes) === '\\') backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/**
 * The end of a block scalar (`|` or `>`) whose indicator is at `i`: the line end after
 * its last line, a line that is blank or indented deeper than the indicator's line.
 */
function endOfBlockScalar(text: string, i: number, lineStart: number): number {
  const indent = /^ */.exec(text.slice(lineStart, i))?.[0].length ?? 0;
  let end = endOfLine(text, i);
  while (end < text.length) {
    const nextEnd = endOfLine(text, end + 1);
    const next = text.slice(end + 1, nextEnd);
    const nextIndent = /^ */.exec(next)?.[0].length ?? 0;
    if (next.trim() !== '' && nextIndent <= indent) break;
    end = nextEnd;
  }
  return end;
}

/** A hint that fits a YAML syntax error, by what the `yaml` package found. */
export function syntaxHint(error: YamlSyntaxError): string {
  const { code, message } = error;
  if (code === 'BLOCK_AS_IMPLICIT_KEY')
    return 'A value that contains `: ` must be put in quotes: `title: "Oman: the talks"`.';
  if (code === 'BAD_SCALAR_START')
    return 'A value that starts with this character must be put in quotes: `title: "@home"`.';
  if (code === 'BAD_DQ_ESCAPE')
    return 'Inside double quotes a backslash starts an escape such as `\\n`: write `\\\\` for a backslash, or put the value in single quotes.';
  if (code === 'TAB_AS_INDENT')
    return 'Indent with spaces: YAML does not allow tabs at the start of a line.';
  if (code === 'BAD_ALIAS')
    return 'A value that starts with `*` must be put in quotes: `title: "*New* notes"`.';
  if (code === 'MISSING_CHAR' && /closing .?quote/.test(message))
    return "End the value with the quote it starts with; a `\"` inside a \"…\" value is written `\\\"`, a `'` inside a '…' value is written `''`.";
  if (code === 'MULTILINE_IMPLICIT_KEY' || (code === 'MISSING_CHAR' && /map values/.test(message)))
    return 'Each line is `key: value`; a value that goes on over several lines must be indented below its key.';
  if (code === 'UNEXPECTED_TOKEN' && /at node end/.test(message))
    return 'The value ended before this text: put the whole value in quotes, writing a `"` inside it as `\\"`.';
  if (code === 'UNCLOSED_FLOW')
    return 'End the list with the bracket that closes it, on the same line or on a later, indented one: `tags: [Oman, Iran]`.';
  if (code === 'BAD_INDENT' || code === 'UNEXPECTED_TOKEN')
    return 'Line up keys of one level at the same indentation, with spaces, and indent a list under its key.';
  return 'Fix the YAML here; a value that contains `: ` or starts with a quote, `[`, `{`, `&`, `*` or `#` must be put in quotes.';
}

/**
 * A warning for each key given more than once (js-yaml refuses those; Jekyll and Hugo
 * take the last). `merged` keys (label lists) are read from every line; any other key
 * takes its last value. The warning stands at the last one and names every line.
 */
export function repeatedKeyWarnings(
  file: string,
  entries: readonly YamlEntry[],
  merged: readonly string[],
): BuildWarning[] {
  const byKey = new Map<string, YamlEntry[]>();
  for (const entry of entries) {
    const same = byKey.get(entry.key);
    if (same) same.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  const warnings: BuildWarning[] = [];
  for (const [key, same] of byKey) {
    const last = same.at(-1);
    if (same.length < 2 || last === undefined) continue;
    const lines = same.map((entry) => entry.keyAt.line);
    const where = `${lines.slice(0, -1).join(', ')} and ${String(last.keyAt.line)}`;
    const outcome = merged.includes(key)
      ? 'their names are all read, as one list'
      : `the value on line ${String(last.keyAt.line)} is used`;
    warnings.push(
      buildWarning(
        'FrontMatterRepeatedKey',
        { file, ...last.keyAt },
        `\`${key}\` is given on lines ${where}: ${outcome}.`,
        merged.includes(key)
          ? `Keep one \`${key}:\` with every name in it.`
          : `Keep the one \`${key}:\` line you mean and delete the other.`,
      ),
    );
  }
  return warnings;
}
