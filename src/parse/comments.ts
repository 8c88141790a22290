/**
 * A comments file (`posts/x.comments.yaml`, which `rubric import --comments` writes beside
 * `posts/x.md`) → its comments, checked field by field. The file is a YAML list; each item
 * a mapping of `id`, `author`, `authorUrl`, `date`, `replyTo` and `body` (Markdown). What
 * is wrong is a warning at its line and column, never an error: comments are the readers'
 * words, and a broken one must not keep the author's post from being published. A comment
 * that cannot be shown (no date, no body) is left out; a field that cannot be used is
 * dropped; everything else in the file is kept. Pure.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { readDate } from '../dates.js';
import { buildWarning, type BuildWarning } from '../errors.js';
import type { SourceFile } from '../load/load.js';
import { closest } from '../suggest.js';
import { parseYaml, positionAt, type LineColumn, type YamlText } from '../yaml.js';
import type { CommentBodyRenderer } from './comment-body.js';

/** One comment, as its file gives it. */
export interface ParsedComment {
  /** Its id (text, as written), which replies name in `replyTo`; null when it has none. */
  readonly id: string | null;
  readonly author: string | null;
  /** The author's address: only an `http:` or `https:` URL is kept. */
  readonly authorUrl: string | null;
  /** When it was written, epoch ms; shown in the site's time zone. */
  readonly date: number;
  readonly dateHasTime: boolean;
  readonly replyTo: string | null;
  /** The body, safe HTML (see `comment-body.ts`). */
  readonly html: string;
  /** Where the comment starts in its file, for messages. */
  readonly at: LineColumn;
}

/** The comments of one file, in the file's order, and what was wrong with it. */
export interface ParsedComments {
  readonly file: string;
  readonly comments: readonly ParsedComment[];
  readonly warnings: readonly BuildWarning[];
}

/** The fields a comment may have, in the order the importers write them. */
const FIELDS = ['id', 'author', 'authorUrl', 'date', 'replyTo', 'body'] as const;
type FieldName = (typeof FIELDS)[number];

const FORMAT_HINT =
  'Write each comment as `- { id: "1", author: A reader, date: 2025-04-12T09:30, body: "Thanks!" }`; see the README, Comments.';

/** Reads a comments file; `zone` reads dates without an offset, as post dates are. */
export function parseComments(
  file: SourceFile,
  zone: string,
  renderBody: CommentBodyRenderer,
): ParsedComments {
  const warnings: BuildWarning[] = [];
  const warn = (at: LineColumn, message: string, hint: string) =>
    warnings.push(buildWarning('CommentInvalid', { file: file.path, ...at }, message, hint));
  const { yaml, syntaxError } = parseYaml(file.text);
  if (syntaxError) {
    const { line, column, message } = syntaxError;
    warnings.push(
      buildWarning(
        'CommentsSyntax',
        { file: file.path, line, column },
        `This comments file is not valid YAML (${message}), so none of its comments are shown.`,
        'Fix the YAML at this line; each comment is an item of a list, `- author: …`.',
      ),
    );
    return { file: file.path, comments: [], warnings };
  }
  const root = yaml.doc.contents;
  if (root === null) return { file: file.path, comments: [], warnings };
  if (!isSeq(root)) {
    warn(at(yaml, root), 'A comments file must be a list of comments.', FORMAT_HINT);
    return { file: file.path, comments: [], warnings };
  }
  const comments: ParsedComment[] = [];
  for (const item of root.items) {
    const comment = readComment(yaml, item as Node | null, { zone, renderBody, warn });
    if (comment) comments.push(comment);
  }
  return {
    file: file.path,
    comments,
    warnings: [...warnings, ...repeatedIds(file.path, comments)],
  };
}

interface ReadContext {
  readonly zone: string;
  readonly renderBody: CommentBodyRenderer;
  readonly warn: (at: LineColumn, message: string, hint: string) => void;
}

/** One item of the list, or null (after a warning) when it cannot be shown. */
function readComment(
  yaml: YamlText,
  item: Node | null,
  context: ReadContext,
): ParsedComment | null {
  const { warn } = context;
  const itemAt = item ? at(yaml, item) : { line: 1, column: 1 };
  if (!isMap(item)) {
    warn(itemAt, 'This comment is not a mapping of fields, so it is left out.', FORMAT_HINT);
    return null;
  }
  const fields = new Map<FieldName, { text: string | null; at: LineColumn }>();
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyAt = isScalar(pair.key) ? at(yaml, pair.key) : itemAt;
    if (!isField(key)) {
      const near = closest(key, FIELDS);
      warn(
        keyAt,
        `A comment has no field \`${key}\`, so it is ignored.`,
        near
          ? `Did you mean \`${near}\`?`
          : `The fields are ${FIELDS.map((f) => `\`${f}\``).join(', ')}.`,
      );
      continue;
    }
    const value = pair.value as Node | null;
    const valueAt = value ? at(yaml, value) : keyAt;
    const text = scalarText(value);
    if (text === undefined) {
      warn(valueAt, `The comment's \`${key}\` must be text, so it is ignored.`, FORMAT_HINT);
      continue;
    }
    fields.set(key, { text, at: valueAt });
  }
  return commentOf(fields, itemAt, context);
}

/** The comment its fields make, or null when it has no usable date or body. */
function commentOf(
  fields: ReadonlyMap<FieldName, { text: string | null; at: LineColumn }>,
  itemAt: LineColumn,
  { zone, renderBody, warn }: ReadContext,
): ParsedComment | null {
  const text = (name: FieldName) => {
    const value = fields.get(name)?.text?.trim();
    return value === undefined || value === '' ? null : value;
  };
  const dateField = fields.get('date');
  const reading = readDate(dateField?.text ?? '', zone);
  if (!reading.ok) {
    warn(
      dateField?.at ?? itemAt,
      dateField
        ? `This comment's date ${JSON.stringify(dateField.text)} is not a date (${reading.reason}), so the comment is left out.`
        : 'This comment has no date, so it is left out.',
      "Write it like `date: 2025-04-12T09:30:00+02:00`; without an offset it is read in the site's timezone.",
    );
    return null;
  }
  const body = fields.get('body')?.text ?? null;
  if (body === null || body.trim() === '') {
    warn(
      fields.get('body')?.at ?? itemAt,
      'This comment has no body, so it is left out.',
      FORMAT_HINT,
    );
    return null;
  }
  return {
    id: text('id'),
    author: text('author'),
    authorUrl: authorUrl(fields.get('authorUrl'), warn),
    date: reading.epochMs,
    dateHasTime: reading.hasTime,
    replyTo: text('replyTo'),
    html: renderBody(body),
    at: itemAt,
  };
}

/** The author's link, when it is an http(s) URL; anything else is a warning and no link. */
function authorUrl(
  field: { text: string | null; at: LineColumn } | undefined,
  warn: ReadContext['warn'],
): string | null {
  const written = field?.text?.trim() ?? '';
  if (field === undefined || written === '') return null;
  if (isWebUrl(written)) return written;
  warn(
    field.at,
    `The comment's authorUrl ${JSON.stringify(written)} is not an http: or https: address, so the author is not linked.`,
    'Write it like `authorUrl: https://example.org/`.',
  );
  return null;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A second comment with an id already taken keeps its place but cannot be replied to. */
function repeatedIds(file: string, comments: ParsedComment[]): BuildWarning[] {
  const seen = new Set<string>();
  const warnings: BuildWarning[] = [];
  comments.forEach((comment, index) => {
    if (comment.id === null) return;
    if (!seen.has(comment.id)) {
      seen.add(comment.id);
      return;
    }
    warnings.push(
      buildWarning(
        'CommentInvalid',
        { file, ...comment.at },
        `Two comments have the id ${JSON.stringify(comment.id)}; replies go to the first.`,
        'Give each comment its own id.',
      ),
    );
    comments[index] = { ...comment, id: null };
  });
  return warnings;
}

/**
 * A scalar as text: strings as they are, numbers and booleans as written (a Blogger id
 * `1234567890123456789` is not rounded); null for nothing; undefined for a list or mapping.
 */
function scalarText(node: Node | null): string | null | undefined {
  if (node === null) return null;
  if (!isScalar(node)) return undefined;
  if (node.value === null) return null;
  const { value } = node;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return node.source ?? String(value);
  }
  // A date-like tag or another type YAML read into an object: no text to show.
  return undefined;
}

function isField(key: string): key is FieldName {
  return (FIELDS as readonly string[]).includes(key);
}

function at(yaml: YamlText, node: Node): LineColumn {
  return positionAt(yaml, node.range?.[0] ?? 0);
}
