/**
 * The command line: a thin shell over `build()`, `dev()` and the importers, one file per
 * command. The only module that reads `process`; `run` takes its arguments and output
 * streams so tests can call it directly. The dev server and the importers are loaded only
 * for their commands, so `rubric build` starts fast.
 */
import pc from 'picocolors';
import { closest } from '../suggest.js';
import { formatProblem, ioError, isSystemError } from '../errors.js';
import {
  EXIT,
  parseCommand,
  shownPath,
  usageError,
  type CliIO,
  type Colors,
  type CommandSpec,
} from './args.js';
import { BUILD, runBuild } from './build.js';
import { CLEAN, runClean } from './clean.js';
import { DEV, runDev } from './dev.js';
import { commandHelp, globalHelp } from './help.js';
import { IMPORT, runImport } from './import.js';
import { NEW, runNew } from './new.js';
import { version } from './version.js';

export { version } from './version.js';

export { EXIT, exitCodeOf, type CliIO } from './args.js';

/** Every command, in the order `rubric --help` and the README list them. */
export const COMMANDS: readonly CommandSpec[] = [NEW, BUILD, DEV, IMPORT, CLEAN];

/**
 * Runs one command line (without `node` and the script) and returns the exit code. A
 * file that cannot be read or written is reported as an `IoError`, exit 3, whatever
 * command met it.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const colors = pc.createColors(io.color);
  try {
    return await runCommand(argv, io, colors);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    const file = error.path === undefined ? '' : shownPath(io.cwd, error.path);
    const call = error.syscall === undefined ? '' : ` (${error.syscall} failed)`;
    const doing = `finish \`rubric ${argv[0] ?? ''}\`${call}`;
    io.err(`${colors.red('error')} ${formatProblem(ioError(file, doing, error))}`);
    return EXIT.io;
  }
}

async function runCommand(argv: readonly string[], io: CliIO, colors: Colors): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(globalHelp(COMMANDS));
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.out(`rubric ${version()}`);
    return EXIT.ok;
  }
  const spec = COMMANDS.find((c) => c.name === command);
  if (!spec) {
    const near = closest(
      command,
      COMMANDS.map((c) => c.name),
    );
    const hint = near === null ? '' : ` Did you mean \`rubric ${near}\`?`;
    io.err(colors.red(`rubric: unknown command "${command}".`) + `${hint} Run \`rubric --help\`.`);
    return EXIT.usage;
  }
  const parsed = parseCommand(spec, rest);
  if (!parsed.ok) return usageError(io, colors, spec.name, parsed.message);
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(commandHelp(spec));
    return EXIT.ok;
  }
  switch (spec) {
    case BUILD:
      return runBuild(values, io, colors);
    case DEV:
      return runDev(values, io, colors);
    case IMPORT:
      return runImport(values, positionals, io, colors);
    case CLEAN:
      return runClean(values, io, colors);
    default:
      return runNew(values, positionals, io, colors);
  }
}

/** True when a live status line may be drawn on stderr: a terminal, not CI, or forced (tests). */
function wantsStatusLine(): boolean {
  if (process.env.RUBRIC_FORCE_PROGRESS === '1') return true;
  return process.stderr.isTTY && process.env.CI !== 'true';
}

/** The entry point of the `rubric` bin. */
export async function main(): Promise<void> {
  // Ctrl+C ends `rubric dev` cleanly: watcher and server closed, exit code 0.
  const stop = new AbortController();
  const onSignal = () => {
    stop.abort();
  };
  const argv = process.argv.slice(2);
  // Only `dev` waits for Ctrl+C; `build` is stopped by it as any program is.
  if (argv[0] === 'dev') process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    process.exitCode = await run(argv, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      color: pc.isColorSupported,
      cwd: process.cwd(),
      stop: stop.signal,
      env: process.env,
      status: wantsStatusLine() ? (text) => process.stderr.write(text) : undefined,
    });
  } catch (error) {
    // Files that cannot be read or written are reported by `run` (exit 3); what is left
    // is a fault of Rubric's own: say what it was; DEBUG=1 adds the stack.
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rubric: ${detail}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = EXIT.contentErrors;
  }
}
