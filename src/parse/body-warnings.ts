/**
 * Warnings that Markdown plugins find in a body (a bad embed, a formula that does not
 * read), kept on the file as plain data while the body is processed, so the renderer can
 * return them with the HTML and the parse stage can place them in the post's file.
 */
import type { Node } from 'mdast';
import type { VFile } from 'vfile';
import type { WarningName } from '../errors.js';

/** A warning about a place in a body (1-based line and column, counted in the body). */
export interface BodyWarning {
  readonly name: WarningName;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
}

declare module 'vfile' {
  interface DataMap {
    bodyWarnings: BodyWarning[];
  }
}

/** What is wrong: the words of a warning, without its place. */
export interface WarningText {
  readonly name: WarningName;
  readonly message: string;
  readonly hint: string;
}

/** Records a warning at a place in the body (a node's start unless `at` is given). */
export function warnAt(
  file: VFile,
  node: Node,
  text: WarningText,
  at?: { readonly line: number; readonly column: number },
): void {
  const start = at ?? node.position?.start ?? { line: 0, column: 0 };
  (file.data.bodyWarnings ??= []).push({ ...text, line: start.line, column: start.column });
}

/** The warnings recorded on `file`, in the order they were found. */
export function bodyWarnings(file: VFile): readonly BodyWarning[] {
  return file.data.bodyWarnings ?? [];
}

/** The text of `node` as the author wrote it (the body's own characters). */
export function sourceOf(file: VFile, node: Node): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return String(file.value).slice(start, end);
}
