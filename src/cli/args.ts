/**
 * Command specs and their parsing. Each command declares its options once, here-shaped
 * ({@link CommandSpec}); the parser (node:util parseArgs: no dependency, and strict about
 * unknown options) and the help text are both made from that one list, so they cannot drift.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import type { BuildError } from '../errors.js';
import { siteFolderProblem } from '../load/load.js';
import { closest } from '../suggest.js';

/**
 * Exit codes: the site was built / the content has errors / the command was misused /
 * a file could not be read or written (permissions, a full disk: the machine's problem).
 */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, io: 3 } as const;

/** Where the CLI writes, and whether it may use colour there. */
export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly color: boolean;
  readonly cwd: string;
  /** The moment of the build, for tests; now by default. */
  readonly now?: number;
  /** Ends `rubric dev` (Ctrl+C); without it, `dev` runs until the process ends. */
  readonly stop?: AbortSignal;
  /** Told the preview's URL once `rubric dev` serves it. */
  readonly onServing?: (url: string) => void;
  /** The environment (`RUBRIC_BASE_URL`); none by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Writes the live status line (raw text, no newline), when the terminal shows one: only
   * on a terminal that is not CI. Absent in pipes and tests.
   */
  readonly status?: (text: string) => void;
}

export type Colors = ReturnType<typeof pc.createColors>;

/** One option of a command, as parsed and as shown in its help. */
export interface OptionSpec {
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help (`DIR`). */
  readonly value?: string;
  readonly help: string;
}

/** A command: its name, what it does, its usage lines and options in help order. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: readonly string[];
  readonly options: readonly OptionSpec[];
  readonly positionals: boolean;
  /** Lines after the options (exit codes, notes). */
  readonly notes?: readonly string[];
}

/** `-h, --help`: last in every command's options. */
export const HELP_OPTION: OptionSpec = {
  name: 'help',
  type: 'boolean',
  short: 'h',
  help: 'show this help',
};

export const ROOT_OPTION: OptionSpec = {
  name: 'root',
  type: 'string',
  value: 'DIR',
  help: 'the site folder (posts/, templates/, static/, site.yaml); default: .',
};

export type Values = Record<string, string | boolean | undefined>;

/** Parsed arguments, or the usage message to print. */
export type Parsed =
  | { readonly ok: true; readonly values: Values; readonly positionals: string[] }
  | { readonly ok: false; readonly message: string };

/** Parses `args` by `spec`; an unknown option names the nearest known one. */
export function parseCommand(spec: CommandSpec, args: readonly string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const option of spec.options) {
    options[option.name] =
      option.short === undefined
        ? { type: option.type }
        : { type: option.type, short: option.short };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: spec.positionals,
    });
    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, message: withSuggestion(spec, (error as Error).message) };
  }
}

/** parseArgs' message, and `did you mean --drafts?` when an unknown option is a near miss. */
function withSuggestion(spec: CommandSpec, message: string): string {
  const unknown = /^Unknown option '(--?[^'=]+)/.exec(message)?.[1];
  const first = message.split('\n')[0] ?? message;
  if (unknown === undefined) return first;
  const names = spec.options.map((o) => o.name);
  const near = closest(unknown.replace(/^-+/, ''), names);
  const said = `unknown option ${unknown}.`;
  return near === null ? said : `${said} Did you mean --${near}?`;
}

/** Prints a usage error for `command` and returns the usage exit code. */
export function usageError(io: CliIO, colors: Colors, command: string, message: string): number {
  io.err(`${colors.red(`rubric ${command}: ${message}`)} Run \`rubric ${command} --help\`.`);
  return EXIT.usage;
}

/** 3 when a file could not be read or written (that comes first to fix), else 1. */
export function exitCodeOf(errors: readonly BuildError[]): number {
  return errors.some((error) => error.name === 'IoError') ? EXIT.io : EXIT.contentErrors;
}

/** The site folder a command works on: `--root`, else the current folder; absolute. */
export function rootOf(values: Values, io: CliIO): string {
  return path.resolve(io.cwd, text(values, 'root') ?? '.');
}

/**
 * The usage error of a `--root` (or current folder) that is not a site folder, or null
 * when it is one.
 */
export async function notASite(
  root: string,
  command: string,
  io: CliIO,
  colors: Colors,
): Promise<number | null> {
  const problem = await siteFolderProblem(root);
  if (problem === null) return null;
  io.err(
    `${colors.red(`rubric ${command}: ${problem}`)} Run it in the folder that holds posts/, or give that folder with --root (a new site needs at least an empty posts/ folder).`,
  );
  return EXIT.usage;
}

/** A path as messages show it: relative to the current folder when inside it. */
export function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative;
}

/** A string option's value (parseArgs types them loosely). */
export function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean option's value; false when absent. */
export function flag(values: Values, name: string): boolean {
  return values[name] === true;
}
