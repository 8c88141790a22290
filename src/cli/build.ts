/** `rubric build`: builds once and prints problems and a summary, as text or as JSON. */
import path from 'node:path';
import { build, type BuildOptions, type BuildResult, type HeldBackPost } from '../build.js';
import { formatProblem, type Problem } from '../errors.js';
import { plural } from '../plural.js';
import {
  EXIT,
  HELP_OPTION,
  ROOT_OPTION,
  exitCodeOf,
  flag,
  notASite,
  rootOf,
  text,
  type CliIO,
  type Colors,
  type CommandSpec,
  type OptionSpec,
  type Values,
} from './args.js';
import { statusLine } from './progress.js';

/** Options `build` and `dev` share, in help order. */
export const SITE_OPTIONS: readonly OptionSpec[] = [
  ROOT_OPTION,
  {
    name: 'out',
    type: 'string',
    value: 'DIR',
    help: 'where to write the site; default: ROOT/dist',
  },
  { name: 'drafts', type: 'boolean', help: 'include posts with draft: true' },
  { name: 'future', type: 'boolean', help: 'include posts dated in the future' },
  {
    name: 'base-url',
    type: 'string',
    value: 'URL',
    help: "use URL as site.yaml's baseUrl for this run (a preview deploy); env RUBRIC_BASE_URL",
  },
  {
    name: 'no-cache',
    type: 'boolean',
    help: 'parse every post again, and neither read nor write the cache',
  },
];

export const BUILD: CommandSpec = {
  name: 'build',
  summary: 'build the site',
  usage: [
    'rubric build [--root DIR] [--out DIR] [--drafts] [--future] [--base-url URL] [--no-cache] [--quiet] [--json]',
  ],
  options: [
    ...SITE_OPTIONS,
    { name: 'quiet', type: 'boolean', short: 'q', help: 'print errors and the summary only' },
    {
      name: 'json',
      type: 'boolean',
      help: 'print one JSON object (counts, timings, warnings, errors) and nothing else',
    },
    HELP_OPTION,
  ],
  positionals: false,
  notes: [
    'Exit codes: 0 built, 1 the content has errors, 2 wrong usage, 3 a file could not be read or written.',
  ],
};

type SiteOptions = Pick<
  BuildOptions,
  'root' | 'outDir' | 'drafts' | 'future' | 'cache' | 'baseUrl'
>;

/**
 * The options of {@link SITE_OPTIONS} as `build()` and `dev()` take them: one mapping for
 * both commands, so a site option means the same in each.
 */
export function siteOptions(values: Values, io: CliIO, root: string): SiteOptions {
  const out = text(values, 'out');
  return {
    root,
    outDir: out === undefined ? undefined : path.resolve(io.cwd, out),
    drafts: flag(values, 'drafts'),
    future: flag(values, 'future'),
    cache: !flag(values, 'no-cache'),
    baseUrl: baseUrlOf(values, io),
  };
}

/** `--base-url`, else `RUBRIC_BASE_URL`, else none (site.yaml's). */
function baseUrlOf(values: Values, io: CliIO): string | undefined {
  const env = io.env?.RUBRIC_BASE_URL;
  return text(values, 'base-url') ?? (env === undefined || env === '' ? undefined : env);
}

export async function runBuild(values: Values, io: CliIO, colors: Colors): Promise<number> {
  const started = performance.now();
  const json = flag(values, 'json');
  const quiet = flag(values, 'quiet') || json;
  const root = rootOf(values, io);
  const refused = await notASite(root, 'build', io, colors);
  if (refused !== null) return refused;
  const status = quiet || !io.status ? null : statusLine(io.status);
  let result: BuildResult;
  try {
    result = await build({
      ...siteOptions(values, io, root),
      now: io.now,
      onProgress: status?.report,
    });
  } finally {
    status?.end();
  }
  const seconds = (performance.now() - started) / 1000;
  if (json) {
    io.out(JSON.stringify(jsonReport(result, seconds, io.cwd)));
    return result.ok ? EXIT.ok : exitCodeOf(result.errors);
  }
  return printReport(result, seconds.toFixed(1), { io, colors, quiet });
}

/** What `--json` prints: everything a tool needs, paths relative to the working folder. */
function jsonReport(result: BuildResult, seconds: number, cwd: string) {
  const problem = (p: Problem) => ({
    name: p.name,
    file: p.file,
    line: p.line,
    column: p.column,
    message: p.message,
    hint: p.hint,
  });
  const timings: Record<string, number> = {};
  for (const [stage, ms] of Object.entries(result.timings)) timings[stage] = Math.round(ms);
  return {
    ok: result.ok,
    outDir: path.relative(cwd, result.outDir) || '.',
    pages: result.pageCount,
    posts: result.postCount,
    drafts: result.draftCount,
    cachedPosts: result.cachedPosts,
    heldBack: result.heldBack,
    seconds: Math.round(seconds * 1000) / 1000,
    timingsMs: timings,
    warnings: result.warnings.map(problem),
    errors: result.errors.map(problem),
  };
}

interface Printer {
  readonly io: CliIO;
  readonly colors: Colors;
  readonly quiet: boolean;
}

function printReport(result: BuildResult, seconds: string, printer: Printer): number {
  const { io, colors, quiet } = printer;
  const show = (problem: Problem) => {
    const tag = problem.severity === 'error' ? colors.red('error') : colors.yellow('warning');
    (problem.severity === 'error' ? io.err : io.out)(`${tag} ${formatProblem(problem)}`);
  };
  if (!quiet) result.warnings.forEach(show);
  result.errors.forEach(show);

  const relative = path.relative(io.cwd, result.outDir);
  const outShown = relative.startsWith('..') ? result.outDir : relative || '.';
  if (!result.ok) {
    const count = result.errors.length;
    io.err(
      colors.red(`build failed with ${plural(count, 'error')};`) +
        ` ${outShown}/ was left as it was.`,
    );
    return exitCodeOf(result.errors);
  }
  if (!quiet) {
    reportHeldBack(result.heldBack, io);
    if (result.draftCount > 0) {
      const n = result.draftCount;
      io.out(`left out ${plural(n, 'draft')} (--drafts builds them)`);
    }
  }
  io.out(
    colors.green(`built ${result.pageCount} pages from ${result.postCount} posts in ${seconds} s`) +
      ` into ${outShown}/`,
  );
  return EXIT.ok;
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
    `held back ${plural(n, 'future post')}${more}; the next is due ${next.due}: build again then to publish it`,
  );
}
