/**
 * The command line: a thin shell over `build()`. The only module that reads `process`;
 * `run` takes its arguments and output streams so tests can call it directly.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { build } from './build.js';
import { cacheFolder } from './cache/cache.js';
import { formatProblem, type Problem } from './errors.js';

/** Exit codes: the site was built / the content has errors / the command was misused. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

/** Where the CLI writes, and whether it may use colour there. */
export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly color: boolean;
  readonly cwd: string;
  /** The moment of the build, for tests; now by default. */
  readonly now?: number;
}

const HELP = `rubric: a static site generator for topic blogs

Usage:
  rubric build [--root DIR] [--out DIR] [--drafts] [--future] [--no-cache]
  rubric clean [--root DIR]

Commands:
  build        build the site
  clean        delete the build cache (ROOT/.cache/rubric)

Options:
  --root DIR   the site folder (posts/, templates/, static/, site.yaml); default: .
  --out DIR    where to write the site; default: ROOT/dist
  --drafts     include posts with draft: true
  --future     include posts dated in the future
  --no-cache   parse every post again, and neither read nor write the cache
  -h, --help   show this help

Exit codes: 0 built, 1 the content has errors, 2 wrong usage.`;

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const colors = pc.createColors(io.color);
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === 'clean') return clean(rest, io, colors);
  if (command !== 'build') {
    io.err(colors.red(`rubric: unknown command "${command}".`) + ' Run `rubric --help`.');
    return EXIT.usage;
  }
  let values: {
    root?: string;
    out?: string;
    drafts?: boolean;
    future?: boolean;
    'no-cache'?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        root: { type: 'string' },
        out: { type: 'string' },
        drafts: { type: 'boolean' },
        future: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${colors.red(`rubric build: ${(error as Error).message}`)} Run \`rubric --help\`.`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }

  const started = performance.now();
  const root = path.resolve(io.cwd, values.root ?? '.');
  const result = await build({
    root,
    outDir: values.out === undefined ? undefined : path.resolve(io.cwd, values.out),
    drafts: values.drafts ?? false,
    future: values.future ?? false,
    cache: !(values['no-cache'] ?? false),
    now: io.now,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const show = (problem: Problem) => {
    const tag = problem.severity === 'error' ? colors.red('error') : colors.yellow('warning');
    (problem.severity === 'error' ? io.err : io.out)(`${tag} ${formatProblem(problem)}`);
  };
  result.warnings.forEach(show);
  result.errors.forEach(show);

  const relative = path.relative(io.cwd, result.outDir);
  const outShown = relative.startsWith('..') ? result.outDir : relative || '.';
  if (!result.ok) {
    const count = result.errors.length;
    io.err(
      colors.red(`build failed with ${count} error${count === 1 ? '' : 's'};`) +
        ` ${outShown}/ was left as it was.`,
    );
    return EXIT.contentErrors;
  }
  for (const post of result.heldBack) {
    io.out(`held back ${post.source}: dated in the future, due ${post.due} (--future builds it)`);
  }
  if (result.draftCount > 0) {
    const n = result.draftCount;
    io.out(`left out ${n} draft${n === 1 ? '' : 's'} (--drafts builds them)`);
  }
  io.out(
    colors.green(`built ${result.pageCount} pages from ${result.postCount} posts in ${seconds} s`) +
      ` into ${outShown}/`,
  );
  return EXIT.ok;
}

/** `rubric clean`: deletes the site's build cache. The output folder is left alone. */
async function clean(
  argv: readonly string[],
  io: CliIO,
  colors: ReturnType<typeof pc.createColors>,
): Promise<number> {
  let values: { root?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${colors.red(`rubric clean: ${(error as Error).message}`)} Run \`rubric --help\`.`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const folder = cacheFolder(path.resolve(io.cwd, values.root ?? '.'));
  await rm(folder, { recursive: true, force: true });
  const relative = path.relative(io.cwd, folder);
  io.out(`removed the build cache ${relative.startsWith('..') ? folder : relative}/`);
  return EXIT.ok;
}

/** The entry point of the `rubric` bin. */
export async function main(): Promise<void> {
  const colorOut = pc.isColorSupported;
  try {
    process.exitCode = await run(process.argv.slice(2), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      color: colorOut,
      cwd: process.cwd(),
    });
  } catch (error) {
    // Not a content problem but the machine's (a file that cannot be read, a full disk):
    // say what the system said; the stack only helps when debugging Rubric itself.
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rubric: ${detail}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = EXIT.contentErrors;
  }
}
