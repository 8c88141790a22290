/**
 * Where in a template a Handlebars failure is: the line and column (1-based, as every
 * Rubric problem counts them) of a syntax error, and of the statement a render failed in.
 * Handlebars says this in three ways: a parse error only in its message (the line, and a
 * `^` under a 20-character excerpt with the newlines taken out), a checked error as
 * `lineNumber` and a 0-based `column`, and a missing partial or a throwing helper not at
 * all, so the template's syntax tree is searched for the first statement that names it.
 */
import Handlebars from 'handlebars';
import { buildError, type BuildError } from '../errors.js';
import type { TemplateSource } from '../load/load.js';
import type { Page } from '../route/view.js';
import { HelperFailure } from './site-helpers.js';

interface Position {
  readonly line: number;
  readonly column: number;
}

const UNKNOWN: Position = { line: 0, column: 0 };

/** The TemplateSyntax error of a template that does not compile. */
export function syntaxError(error: unknown, source: TemplateSource): BuildError {
  const message = error instanceof Error ? error.message : String(error);
  return buildError(
    'TemplateSyntax',
    { file: source.path, ...syntaxPosition(error, source.text) },
    `This template does not compile: ${firstLine(message)}.`,
    'Check that every {{#block}} has its {{/block}} and every {{ has its }}.',
  );
}

/** The TemplateRender error of a page whose template (or a partial or helper in it) threw. */
export function renderError(error: unknown, page: Page, template: TemplateSource): BuildError {
  if (error instanceof HelperFailure) {
    return buildError(
      'TemplateRender',
      { file: template.path, ...statementNaming(template.text, error.helper) },
      `Rendering ${page.url} failed in the helper \`${error.helper}\` (from ${error.file}), called by ${template.path} or a partial it uses: ${error.message}.`,
      'Fix the helper, or the values the template passes it; a helper must return a string or a SafeString, at once.',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const partial = /^The partial (.+) could not be found/.exec(message)?.[1];
  const at =
    exceptionPosition(error) ??
    (partial === undefined ? UNKNOWN : statementNaming(template.text, partial));
  return buildError(
    'TemplateRender',
    { file: template.path, ...at },
    `Rendering ${page.url} failed: ${firstLine(message)}.`,
    'A partial or helper the template names may be missing or misspelt.',
  );
}

/** Where a syntax error is: from the exception's own position, else from its message. */
export function syntaxPosition(error: unknown, text: string): Position {
  const own = exceptionPosition(error);
  if (own !== null) return own;
  const message = error instanceof Error ? error.message : '';
  const line = Number(/^Parse error on line (\d+):/.exec(message)?.[1] ?? 0);
  if (line === 0) return UNKNOWN;
  const [, excerpt = '', marker = ''] = message.split('\n');
  const caret = marker.indexOf('^');
  if (caret === -1) return { line, column: 0 };
  const before = excerpt.slice(0, caret).replace(/^\.\.\./, '');
  const after = excerpt.slice(caret).replace(/\.\.\.$/, '');
  return { line, column: columnOfExcerpt(text, line, before, after) };
}

/**
 * The column on `line` where the text before it ends with `before` and the text from it
 * starts with `after`, both with newlines taken out (as Handlebars shows them); 0 when no
 * place on the line fits.
 */
function columnOfExcerpt(text: string, line: number, before: string, after: string): number {
  const lines = text.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const length = lines[line - 1]?.length ?? 0;
  for (let column = 0; column <= length; column++) {
    const offset = start + column;
    const past = text.slice(0, offset).replace(/\n/g, '');
    const next = text.slice(offset).replace(/\n/g, '');
    if (past.endsWith(before) && next.startsWith(after)) return column + 1;
  }
  return 0;
}

/** A Handlebars exception's `lineNumber` and 0-based `column`, when it has them. */
function exceptionPosition(error: unknown): Position | null {
  if (typeof error !== 'object' || error === null) return null;
  const { lineNumber, column } = error as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber !== 'number') return null;
  return { line: lineNumber, column: typeof column === 'number' ? column + 1 : 0 };
}

/** The first statement of a template that calls `name` (a helper or a partial). */
function statementNaming(text: string, name: string): Position {
  let program: unknown;
  try {
    program = Handlebars.parse(text);
  } catch {
    return UNKNOWN;
  }
  const found: Position[] = [];
  const visit = (node: unknown): void => {
    if (found.length > 0 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (namesIt(record, name)) {
      const { start } = (record.loc ?? {}) as { start?: { line: number; column: number } };
      if (start) found.push({ line: start.line, column: start.column + 1 });
      return;
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'loc') visit(value);
  };
  visit(program);
  return found[0] ?? UNKNOWN;
}

const CALLS = new Set([
  'MustacheStatement',
  'BlockStatement',
  'SubExpression',
  'PartialStatement',
  'PartialBlockStatement',
  'DecoratorBlock',
]);

/** True for a statement that calls a helper or partial by this name. */
function namesIt(node: Record<string, unknown>, name: string): boolean {
  if (typeof node.type !== 'string' || !CALLS.has(node.type)) return false;
  const callee = (node.path ?? node.name) as { original?: unknown } | undefined;
  return callee?.original === name;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/[.:]\s*$/, '');
}
