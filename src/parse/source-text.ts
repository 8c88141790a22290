/**
 * A post file's text before its front matter is read: line ends made `\n`, control
 * characters taken out (with a warning at each), and the front-matter block found the
 * way Jekyll finds it: a first line `---`, up to the next line that is `---` or `...`.
 */
import matter from 'gray-matter';
import { buildWarning, type BuildWarning } from '../errors.js';
import type { SourceFile } from '../load/load.js';
import type { LineColumn, YamlEntry } from '../yaml.js';

/**
 * C0 controls but tab and line feed (carriage returns are line ends by now), DEL, and
 * the C1 controls: HTML forbids them in a page, and no author means them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The same, for a test that keeps no state between calls. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** One warning per character up to this many per file; the last says how many more. */
const CONTROL_WARNINGS = 10;

/** A post's text with `\n` line ends and no control characters, and what was removed. */
export function cleanPostText(
  file: string,
  raw: string,
): { text: string; warnings: BuildWarning[] } {
  // Windows (and old Mac) line ends would leave a `\r` on the last front-matter value.
  const text = raw.replace(/\r\n?/g, '\n');
  if (!HAS_CONTROL.test(text)) return { text, warnings: [] };
  const found = [...text.matchAll(CONTROL)];
  const warnings = found.slice(0, CONTROL_WARNINGS).map((match, n) => {
    const char = match[0];
    const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const more = found.length - CONTROL_WARNINGS;
    const rest = n === CONTROL_WARNINGS - 1 && more > 0 ? ` (and ${more} more after it)` : '';
    return buildWarning(
      'ControlCharacter',
      { file, ...lineColumnAt(text, match.index) },
      `The control character ${code} here${rest} was removed: no page may contain it.`,
      'Delete it in the file (often pasted in from a word processor or a terminal); if a symbol was meant, type the symbol itself.',
    );
  });
  return { text: text.replace(CONTROL, ''), warnings };
}

/**
 * Entries with the control characters that YAML escapes wrote (`"\\f"`, `"\\u0007"`) taken
 * out of every string, with a warning at each value that held one.
 */
export function withoutControlCharacters(
  file: string,
  entries: YamlEntry[] | null,
  warnings: BuildWarning[],
): YamlEntry[] | null {
  return (
    entries?.map((entry) => {
      const written = stripControls(entry.written);
      if (written === entry.written) return entry;
      warnings.push(
        buildWarning(
          'ControlCharacter',
          { file, ...entry.valueAt },
          `This value writes a control character (an escape such as \\u0007 or \\f in double quotes); it was removed: no page may contain it.`,
          'Delete the escape; write `\\\\` for a backslash inside double quotes, or put the value in single quotes.',
        ),
      );
      return { ...entry, written, value: stripControls(entry.value) };
    }) ?? null
  );
}

/** The value with control characters taken out of every string in it; the same object when none. */
function stripControls(value: unknown): unknown {
  if (typeof value === 'string')
    return HAS_CONTROL.test(value) ? value.replace(CONTROL, '') : value;
  if (Array.isArray(value)) {
    const items = value.map(stripControls);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value).map(([k, v]) => [k, stripControls(v)] as const);
    const record = value as Record<string, unknown>;
    return pairs.some(([k, v]) => v !== record[k]) ? Object.fromEntries(pairs) : value;
  }
  return value;
}

function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A post's text split into its front-matter block and its body. */
export type FrontMatterBlock =
  | {
      readonly kind: 'found';
      /** From just after the opening `---`: line N of this text is line N of the file. */
      readonly yamlText: string;
      readonly body: string;
      /** The line of the file on which the body starts. */
      readonly bodyLine: number;
    }
  | { readonly kind: 'none' }
  | { readonly kind: 'unclosed' };

const OPENING = /^---[ \t]*(?:\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/gm;

/**
 * Finds the front matter of a text with `\n` line ends. Rubric checks that the block is
 * closed (gray-matter would read the whole file as front matter); gray-matter then cuts
 * it, as Jekyll and Eleventy sites expect, and `yaml` parses the text, with positions.
 */
export function splitFrontMatter(text: string): FrontMatterBlock {
  if (!OPENING.test(text)) return { kind: 'none' };
  CLOSING.lastIndex = text.indexOf('\n') + 1;
  // A file that is `---` alone, or whose second line is past its end, is never closed.
  const close = CLOSING.lastIndex === 0 ? null : CLOSING.exec(text);
  if (close === null) return { kind: 'unclosed' };
  return close[0] === '---' ? cutByGrayMatter(text) : cutAt(text, close.index);
}

/** The block as gray-matter cuts it, with an engine that only keeps the YAML text. */
function cutByGrayMatter(text: string): FrontMatterBlock {
  let yamlText = '';
  const split = matter(text, {
    engines: {
      yaml: (block: string) => {
        yamlText = block;
        return {};
      },
    },
  });
  // gray-matter skips the engine for an empty block (`---` then `---`): still front matter.
  return found(text, yamlText, split.content);
}

/**
 * The block closed by a line gray-matter does not know: `...` (YAML's end of document)
 * or `---` with spaces after it. Cut as gray-matter would cut at a `---`.
 */
function cutAt(text: string, closeAt: number): FrontMatterBlock {
  const closeEnd = text.indexOf('\n', closeAt);
  const body = closeEnd === -1 ? '' : text.slice(closeEnd + 1);
  // Without the line end before the closing line, as gray-matter cuts it: YAML that runs
  // off the end is reported on its own last line, not on the closing one.
  return found(text, text.slice(3, Math.max(3, closeAt - 1)), body);
}

function found(text: string, yamlText: string, body: string): FrontMatterBlock {
  const before = text.slice(0, text.length - body.length);
  let bodyLine = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) bodyLine++;
  return { kind: 'found', yamlText, body, bodyLine };
}

/** A warning when the file held bytes that are not UTF-8 (they read as U+FFFD). */
export function encodingWarnings(file: SourceFile): BuildWarning[] {
  if (!file.invalidUtf8At) return [];
  return [
    buildWarning(
      'InvalidUtf8',
      { file: file.path, ...file.invalidUtf8At },
      'The file is not valid UTF-8 here: this byte, and any other that is not UTF-8, is shown as the replacement character U+FFFD.',
      'Save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252), then check the characters here.',
    ),
  ];
}
