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
  | 'AuthorSlugCollision'
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
  | 'BrokenLink'
  | 'SymlinkOutside'
  | 'SymlinkLoop'
  | 'SearchIndexFailed'
  | 'IoError';

/** The catalogue of named warnings: the build still succeeds. */
export type WarningName =
  | 'FrontMatterTypo'
  | 'FrontMatterRepeatedKey'
  | 'InvalidUtf8'
  | 'ControlCharacter'
  | 'LabelVariants'
  | 'AuthorVariants'
  | 'UnknownCodeLanguage'
  | 'RelativeBaseUrl'
  | 'PostPermalinkIgnored'
  | 'LongSlug'
  | 'TemplateFragment'
  | 'InvalidEmbed'
  | 'UnknownEmbed'
  | 'MathSyntax'
  | 'ConfigFileName'
  | 'CommentsSyntax'
  | 'CommentInvalid'
  | 'CommentsWithoutPost'
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
  return { severity: 'error', name, ...located(at, message, hint) };
}

/** Makes a {@link BuildWarning}. */
export function buildWarning(
  name: WarningName,
  at: Location,
  message: string,
  hint: string,
): BuildWarning {
  return { severity: 'warning', name, ...located(at, message, hint) };
}

/** What an error and a warning both carry; an unknown line or column is 0. */
function located(at: Location, message: string, hint: string): Located {
  return { file: at.file, line: at.line ?? 0, column: at.column ?? 0, message, hint };
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

/** An error the operating system reported for a file: Node's `ErrnoException`. */
export type SystemError = NodeJS.ErrnoException & { readonly code: string };

/** Whether `error` is one the operating system reported (it has an errno code). */
export function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}

/** What an errno code means, in words, and what to do about it. */
const IO_REASONS: Readonly<Record<string, readonly [reason: string, hint: string]>> = {
  EACCES: ['permission denied', 'Give the user running Rubric access to it (see `ls -l`).'],
  EPERM: ['the operation is not permitted', 'Give the user running Rubric access to it.'],
  ENOSPC: ['the disk is full', 'Free some space on that disk, then build again.'],
  EDQUOT: ['the disk quota is used up', 'Free some space or raise the quota, then build again.'],
  EISDIR: [
    'it is a folder where a file was expected',
    'Rename or remove the folder so that the file can be there.',
  ],
  ENOTDIR: [
    'a part of the path is a file where a folder was expected',
    'Rename or remove that file, or choose another path.',
  ],
  EMFILE: [
    'too many files are open at once',
    'Raise the limit of open files (such as `ulimit -n 4096`), then build again.',
  ],
  ENFILE: [
    'the system has too many files open',
    'Close other programs or raise the system-wide limit, then build again.',
  ],
  ENOENT: [
    'it does not exist (it may have been moved or deleted meanwhile)',
    'Restore it, or remove what refers to it, then build again.',
  ],
  EROFS: [
    'the file system is read-only',
    'Choose a folder on a writable disk (with --out for the output).',
  ],
  ENAMETOOLONG: ['the path is too long for the file system', 'Use shorter folder or file names.'],
  ELOOP: ['there are too many symbolic links in the path', 'Point the links at real files.'],
  EIO: [
    'the disk reported a read or write error',
    'Check the disk (it may be failing or disconnected), then build again.',
  ],
  EBUSY: ['it is in use by another program', 'Close that program, then build again.'],
  EEXIST: ['something is already there', 'Move it away, then build again.'],
};

/**
 * The {@link BuildError} of a failed file operation: `file` (as messages show it) is
 * what failed, `doing` what Rubric was doing (`read the post`), `cause` what the system
 * said. Every I/O failure of load and write becomes one of these: `rubric` exits 3.
 */
export function ioError(file: string, doing: string, cause: unknown): BuildError {
  const code = isSystemError(cause) ? cause.code : '';
  const known = IO_REASONS[code];
  const said = known?.[0] ?? (cause instanceof Error ? cause.message : String(cause));
  const shownCode = code === '' ? '' : ` (${code})`;
  return buildError(
    'IoError',
    { file },
    `Rubric could not ${doing}: ${said}${shownCode}.`,
    known?.[1] ?? 'Check that the path exists and that Rubric may read and write it.',
  );
}

/**
 * Carries an I/O {@link BuildError} out of code that reports failures by throwing (the
 * write stage); `build()` catches it and reports the error like any other.
 */
export class IoFailure extends Error {
  constructor(readonly error: BuildError) {
    super(formatProblem(error));
    this.name = 'IoFailure';
  }
}
