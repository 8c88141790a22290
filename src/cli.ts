/**
 * The command line: a thin shell over `build()` and `dev()`. The only module that reads
 * `process`; `run` takes its arguments and output streams so tests can call it directly.
 * The dev server is loaded only for `rubric dev`, so `rubric build` starts fast.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { build, type HeldBackPost } from './build.js';
import { cacheFolder } from './cache/cache.js';
import { formatProblem, ioError, isSystemError, type BuildError, type Problem } from './errors.js';
import { siteFolderProblem } from './load/load.js';
import { cleanSite } from './write/clean.js';

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
}

const HELP = `rubric: a static site generator for topic blogs

Usage:
  rubric build [--root DIR] [--out DIR] [--drafts] [--future] [--no-cache]
  rubric dev [--root DIR] [--out DIR] [--port 4000] [--host 127.0.0.1] [--drafts] [--future] [--open] [--no-cache]
  rubric import blogger EXPORT.xml [--root DIR] [--comments] [--force] [--download-images DIR] [--dry-run]
  rubric import wordpress EXPORT.xml [same options as blogger]
  rubric import jekyll|hugo SITE_DIR [--root DIR] [--force] [--dry-run]
  rubric clean [--root DIR]

Commands:
  build        build the site
  dev          build, serve and rebuild on every save, with live reload
  import       write posts from a Blogger or WordPress export
  clean        delete the build cache and staging folders (ROOT/.cache/rubric)

Options:
  --root DIR   the site folder (posts/, templates/, static/, site.yaml); default: .
  --out DIR    where to write the site; default: ROOT/dist
  --drafts     include posts with draft: true
  --future     include posts dated in the future
  --no-cache   parse every post again, and neither read nor write the cache
  --port N     dev: the port to serve on; default: 4000, or the next free one
  --host H     dev: the address to listen on; default: 127.0.0.1
  --open       dev: open the preview in the browser
  -h, --help   show this help

Import options:
  --comments             write each post's comments beside it (POST.comments.yaml)
  --force                overwrite files that exist and differ from the import
  --download-images DIR  fetch images into DIR (inside ROOT/static) and link the copies
  --dry-run              print what would be written, and write nothing

Exit codes: 0 done, 1 the content has errors, 2 wrong usage, 3 a file could not be read or written.`;

interface Options {
  root?: string;
  out?: string;
  drafts?: boolean;
  future?: boolean;
  'no-cache'?: boolean;
  help?: boolean;
  port?: string;
  host?: string;
  open?: boolean;
}

const OPTIONS = {
  root: { type: 'string' },
  out: { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DEV_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean' },
} as const;

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
    io.out(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === 'import') return runImport(rest, io, colors);
  if (command === 'clean') return clean(rest, io, colors);
  if (command !== 'build' && command !== 'dev') {
    io.err(colors.red(`rubric: unknown command "${command}".`) + ' Run `rubric --help`.');
    return EXIT.usage;
  }
  let values: Options;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: command === 'dev' ? { ...OPTIONS, ...DEV_OPTIONS } : OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(
      `${colors.red(`rubric ${command}: ${(error as Error).message}`)} Run \`rubric --help\`.`,
    );
    return EXIT.usage;
  }
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const root = path.resolve(io.cwd, values.root ?? '.');
  const notASite = await siteFolderProblem(root);
  if (notASite !== null) return usageNotASite(command, notASite, io, colors);
  if (command === 'dev') return runDev(values, io, colors);

  const started = performance.now();
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
    return exitCodeOf(result.errors);
  }
  reportHeldBack(result.heldBack, io);
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

/** `rubric dev`: serves until `io.stop` fires. The dev modules are loaded only now. */
async function runDev(values: Options, io: CliIO, colors: Colors): Promise<number> {
  const port = values.port === undefined ? 4000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(
      colors.red(
        `rubric dev: --port must be a number from 0 to 65535, not "${values.port ?? ''}".`,
      ),
    );
    return EXIT.usage;
  }
  const { dev, PortInUseError } = await import('./dev/dev.js');
  const started = { root: path.resolve(io.cwd, values.root ?? '.') };
  let server;
  try {
    server = await dev({
      ...started,
      outDir: values.out === undefined ? undefined : path.resolve(io.cwd, values.out),
      drafts: values.drafts ?? false,
      future: values.future ?? false,
      cache: !(values['no-cache'] ?? false),
      port,
      strictPort: values.port !== undefined,
      host: values.host ?? '127.0.0.1',
      log: (line, problem) => {
        if (!problem) io.out(line);
        else if (problem.severity === 'error') io.err(`${colors.red('error')} ${line}`);
        else io.out(`${colors.yellow('warning')} ${line}`);
      },
    });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    io.err(
      colors.red(`rubric dev: port ${error.port} is already in use.`) +
        ' Stop whatever is using it, or choose another port with --port.',
    );
    return EXIT.usage;
  }
  io.out(`${colors.green('serving')} ${server.url} (Ctrl+C to stop)`);
  io.onServing?.(server.url);
  if (values.open) {
    const { default: open } = await import('open');
    await open(server.url).catch(() => {
      io.err(`could not open a browser; visit ${server.url}`);
    });
  }
  const stop = io.stop;
  await new Promise<void>((resolve) => {
    if (!stop) return;
    if (stop.aborted) resolve();
    else
      stop.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
  await server.close();
  io.out('stopped');
  return EXIT.ok;
}

type Colors = ReturnType<typeof pc.createColors>;

/** 3 when a file could not be read or written (that comes first to fix), else 1. */
export function exitCodeOf(errors: readonly BuildError[]): number {
  return errors.some((error) => error.name === 'IoError') ? EXIT.io : EXIT.contentErrors;
}

/** The usage error of a `--root` (or current folder) that is not a site folder. */
function usageNotASite(command: string, problem: string, io: CliIO, colors: Colors): number {
  io.err(
    `${colors.red(`rubric ${command}: ${problem}`)} Run it in the folder that holds posts/, or give that folder with --root (a new site needs at least an empty posts/ folder).`,
  );
  return EXIT.usage;
}

/** A path as messages show it: relative to the current folder when inside it. */
function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative;
}

/** Held-back posts listed one a line, at most this many, then counted. */
const HELD_BACK_LISTED = 10;

/**
 * Says which future posts were left out and when the next is due: a static site does
 * not publish them by itself, so that is when to build again.
 */
function reportHeldBack(heldBack: readonly HeldBackPost[], io: CliIO): void {
  for (const post of heldBack.slice(0, HELD_BACK_LISTED)) {
    io.out(`held back ${post.source}: dated in the future, due ${post.due} (--future builds it)`);
  }
  const next = heldBack[0];
  if (!next) return;
  const n = heldBack.length;
  const more = n > HELD_BACK_LISTED ? ` (${String(n - HELD_BACK_LISTED)} not listed)` : '';
  io.out(
    `held back ${String(n)} future post${n === 1 ? '' : 's'}${more}; the next is due ${next.due}: build again then to publish it`,
  );
}

/** The importer of a source; Jekyll and Hugo read a folder where the others read a file. */
async function importerOf(source: 'blogger' | 'wordpress' | 'jekyll' | 'hugo') {
  if (source === 'blogger') return (await import('./import/import.js')).importBlogger;
  if (source === 'wordpress') return (await import('./import/wordpress/import.js')).importWordPress;
  const folder =
    source === 'jekyll'
      ? (await import('./import/jekyll/jekyll.js')).importJekyll
      : (await import('./import/hugo/hugo.js')).importHugo;
  return (options: import('./import/import.js').ImportOptions) =>
    folder({ ...options, sourceDir: options.exportFile });
}

/** `rubric import blogger EXPORT.xml …`: parses the arguments and prints the summary. */
async function runImport(
  args: readonly string[],
  io: CliIO,
  colors: ReturnType<typeof pc.createColors>,
): Promise<number> {
  const usage = (message: string) => {
    io.err(`${colors.red(`rubric import: ${message}`)} Run \`rubric --help\`.`);
    return EXIT.usage;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        root: { type: 'string' },
        comments: { type: 'boolean' },
        force: { type: 'boolean' },
        'download-images': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const [source, file, ...extra] = positionals;
  if (source !== 'blogger' && source !== 'wordpress' && source !== 'jekyll' && source !== 'hugo')
    return usage(
      'the sources are `blogger`, `wordpress`, `jekyll` and `hugo`: rubric import blogger EXPORT.xml',
    );
  if (file === undefined || extra.length > 0) return usage('give one export file or site folder.');
  // Loaded on demand: `build` never pays for the importer's XML and HTML libraries.
  const run = await importerOf(source);
  const { importSummary } = await import('./import/report.js');
  const root = path.resolve(io.cwd, values.root ?? '.');
  const images = values['download-images'];
  if ((source === 'jekyll' || source === 'hugo') && (values.comments || images !== undefined))
    return usage(`--comments and --download-images are for exports; a ${source} site has neither.`);
  const result = await run({
    exportFile: path.resolve(io.cwd, file),
    root,
    comments: values.comments ?? false,
    force: values.force ?? false,
    downloadImages: images === undefined ? null : path.resolve(io.cwd, images),
    dryRun: values['dry-run'] ?? false,
  });
  if (!result.ok) {
    const file = path.relative(io.cwd, result.error.file) || result.error.file;
    io.err(`${colors.red('error')} ${formatProblem({ ...result.error, file })}`);
    return EXIT.contentErrors;
  }
  for (const line of importSummary(result)) io.out(line);
  const relative = path.relative(io.cwd, root);
  const shown = relative.startsWith('..') ? root : relative || '.';
  if (result.dryRun) io.out(`dry run: nothing was written to ${shown}/`);
  else io.out(colors.green(`imported into ${shown}/; build it with \`rubric build\``));
  return EXIT.ok;
}

/** The entry point of the `rubric` bin. */
export async function main(): Promise<void> {
  const colorOut = pc.isColorSupported;
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
      color: colorOut,
      cwd: process.cwd(),
      stop: stop.signal,
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

/**
 * `rubric clean`: deletes the site's build cache and staging folders (finishing first a
 * build killed mid-commit). The output folder is otherwise left alone.
 */
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
  const root = path.resolve(io.cwd, values.root ?? '.');
  const notASite = await siteFolderProblem(root);
  if (notASite !== null) return usageNotASite('clean', notASite, io, colors);
  const folder = cacheFolder(root);
  await cleanSite(root, path.join(root, 'dist'));
  const relative = path.relative(io.cwd, folder);
  io.out(`removed the build cache ${relative.startsWith('..') ? folder : relative}/`);
  return EXIT.ok;
}
