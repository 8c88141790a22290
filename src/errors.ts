/**
 * Problems found while building are values, not exceptions: every stage returns the
 * errors and warnings it found, the build collects all of them, and one formatter
 * prints them. Each carries the file, line and column it is about, what happened, and
 * what to do about it.
 */

/** The catalogue of named errors. The name is printed beside the message and is stable. */
export type ErrorName =
  | 'ConfigSyntax'
  | 'ConfigInvalid'
  | 'ConfigUnknownKey'
  | 'FrontMatterSyntax'
  | 'FrontMatterInvalid'
  | 'FrontMatterUnclosed'
  | 'MissingTitle'
  | 'InvalidDate'
  | 'InvalidLabels'
  | 'InvalidSlug'
  | 'InvalidAlias'
  | 'InvalidUrl'
  | 'LabelSlugCollision'
  | 'UrlCollision'
  | 'ReservedPath'
  | 'TemplateSyntax'
  | 'TemplateMissing'
  | 'TemplateRender'
  | 'UnknownLayout'
  | 'ThemeNotFound'
  | 'ThemeInvalid'
  | 'HelpersInvalid'
  | 'OutputFolder'
  | 'ImportFailed'
  | 'WriteThroughLink'
  | 'BrokenLink';

/** The catalogue of named warnings: the build still succeeds. */
export type WarningName =
  | 'FrontMatterTypo'
  | 'FrontMatterRepeatedKey'
  | 'InvalidUtf8'
  | 'ControlCharacter'
  | 'LabelVariants'
  | 'UnknownCodeLanguage'
  | 'RelativeBaseUrl'
  | 'PostPermalinkIgnored'
  | 'LongSlug'
  | 'TemplateFragment'
  | 'BrokenLink';

interface Located {
  /** Site-relative path with forward slashes, such as `posts/a.md`; empty when no file. */
  readonly file: string;
  /** 1-based line, 0 when the problem is about the whole file. */
  readonly line: number;
  /** 1-based column, 0 when unknown. */
  readonly column: number;
  /** What happened and why, as a sentence. */
  readonly message: string;
  /** What to do about it, as a sentence. */
  readonly hint: string;
}

/** A problem that fails the build. */
export interface BuildError extends Located {
  readonly severity: 'error';
  readonly name: ErrorName;
}

/** A problem worth telling the author about that does not fail the build. */
export interface BuildWarning extends Located {
  readonly severity: 'warning';
  readonly name: WarningName;
}

export type Problem = BuildError | BuildWarning;

/** Where a problem is: a file and, when known, a line and column in it. */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** Makes a {@link BuildError}. */
export function buildError(
  name: ErrorName,
  at: Location,
  message: string,
  hint: string,
): BuildError {
  return {
    severity: 'error',
    name,
    file: at.file,
    line: at.line ?? 0,
    column: at.column ?? 0,
    message,
    hint,
  };
}

/** Makes a {@link BuildWarning}. */
export function buildWarning(
  name: WarningName,
  at: Location,
  message: string,
  hint: string,
): BuildWarning {
  return {
    severity: 'warning',
    name,
    file: at.file,
    line: at.line ?? 0,
    column: at.column ?? 0,
    message,
    hint,
  };
}

/** `posts/a.md:3:7`, `posts/a.md:3`, `posts/a.md`, or `site` when there is no file. */
export function formatLocation(problem: Located): string {
  if (problem.file === '') return 'site';
  if (problem.line === 0) return problem.file;
  if (problem.column === 0) return `${problem.file}:${problem.line}`;
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/**
 * One line per problem: the location beside the message, not inside it, then the fix,
 * then the name in brackets so it can be looked up in the README.
 */
export function formatProblem(problem: Problem): string {
  const text = problem.hint === '' ? problem.message : `${problem.message} ${problem.hint}`;
  return `${formatLocation(problem)}  ${text} [${problem.name}]`;
}

/**
 * Sorts problems by file, line and column so output does not depend on the order in
 * which stages ran.
 */
export function sortProblems<T extends Problem>(problems: readonly T[]): T[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.message, b.message),
  );
}

/** Code-unit string order: the same on every machine and in every locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
