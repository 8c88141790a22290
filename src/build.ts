/**
 * The build: load → parse → model → route → render → write. A build is one run of a
 * build session (`session/session.ts`, which runs the stages and gathers what they
 * report), then the write stage; `rubric dev` keeps the same session alive.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder } from './cache/cache.js';
import {
  buildError,
  ioError,
  IoFailure,
  isSystemError,
  sortProblems,
  type BuildError,
  type BuildWarning,
} from './errors.js';
import {
  createSession,
  type BuildProgress,
  type HeldBackPost,
  type SessionRun,
} from './session/session.js';
import { createStagedWriter, type Writer } from './write/writer.js';
import { nearMissConfigWarnings } from './load/config-names.js';
import { toPosix } from './paths.js';
import { searchOutput, type SearchOutput } from './search/output.js';

export type { BuildProgress, HeldBackPost } from './session/session.js';

/** What to build and how. */
export interface BuildOptions {
  /** The site folder (with `posts/`, and optionally `site.yaml`, `templates/`, `static/`). */
  readonly root: string;
  /** Where the site is written; `dist` inside the site folder by default. */
  readonly outDir?: string;
  /** Include drafts. */
  readonly drafts?: boolean;
  /** Include posts dated in the future. */
  readonly future?: boolean;
  /** The moment of the build (epoch ms); now by default. Tests pin it. */
  readonly now?: number;
  /** Read and write the parse cache in `.cache/rubric/`; true by default. */
  readonly cache?: boolean;
  /** Posts to parse from which worker threads are used (tests lower it); 50 by default. */
  readonly parallelFrom?: number;
  /** Overrides site.yaml's `baseUrl` for this build (a preview deploy's address). */
  readonly baseUrl?: string;
  /**
   * Told how the build is getting on (stage, posts parsed, pages written), often: once per
   * parse batch and per page. Keep it cheap; the CLI throttles what it prints.
   */
  readonly onProgress?: (progress: BuildProgress) => void;
}

/** What a build did, or why it did not. */
export interface BuildResult {
  /** True when the site was written. */
  readonly ok: boolean;
  readonly outDir: string;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
  readonly pageCount: number;
  readonly postCount: number;
  readonly draftCount: number;
  readonly heldBack: readonly HeldBackPost[];
  /** Posts whose parse came from the cache. */
  readonly cachedPosts: number;
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Builds a site folder into its output folder. Never throws for bad content, nor for a
 * file that cannot be read or written: those are `IoError`s in the result.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { root, outDir } = resolveFolders(options);
  const writer = createStagedWriter(root, outDir, { stamps: options.cache !== false });
  // A build killed while moving its files into place is finished first, whatever follows.
  await writer.recover();
  const folderError = checkOutputFolder(root, outDir) ?? (await outputIsAFile(root, outDir));
  const now = options.now ?? Date.now();
  const session = createSession({
    root,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: () => now,
    cacheFolder: options.cache === false ? null : cacheFolder(root),
    parallelFrom: options.parallelFrom,
    // One run only: pages are rendered as they are written, not kept for a next run.
    keepPages: false,
    overrides: options.baseUrl === undefined ? undefined : { baseUrl: options.baseUrl },
    onProgress: options.onProgress,
  });
  options.onProgress?.({ stage: 'load', ...NO_COUNTS });
  let run: SessionRun;
  try {
    run = await session.run();
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return failed(outDir, [ioError(showPath(root, error.path ?? root), 'read the site', error)]);
  }
  let errors = folderError ? [folderError, ...run.errors] : run.errors;
  const searchStarted = performance.now();
  const search = errors.length === 0 ? await indexForSearch(root, run) : null;
  if (search) errors = search.errors;
  const writeStarted = performance.now();
  if (errors.length === 0) {
    try {
      const counter = pageCounter(run, options.onProgress);
      errors = sortProblems(await write(writer, root, outDir, run, search, counter));
    } finally {
      await search?.dispose();
    }
  }
  const timings = {
    ...run.timings,
    ...(search && { search: writeStarted - searchStarted }),
    write: performance.now() - writeStarted,
  };
  const configWarnings = await nearMissConfigWarnings(root);
  const ok = errors.length === 0;
  return {
    ok,
    outDir,
    errors,
    warnings: configWarnings.length === 0 ? run.warnings : [...configWarnings, ...run.warnings],
    pageCount: ok ? run.files.length : 0,
    postCount: run.postCount,
    draftCount: run.draftCount,
    heldBack: run.heldBack,
    cachedPosts: run.cachedPosts,
    timings,
  };
}

const NO_COUNTS = { postsParsed: 0, postsTotal: 0, pagesWritten: 0, pagesTotal: 0 } as const;

/** The write stage's listener: counts pages and tells `onProgress`, or none. */
function pageCounter(
  run: SessionRun,
  onProgress: BuildOptions['onProgress'],
): (() => void) | undefined {
  if (!onProgress) return undefined;
  const counts = { postsParsed: run.postCount, postsTotal: run.postCount };
  const pagesTotal = run.files.length;
  let pagesWritten = 0;
  return () => {
    pagesWritten++;
    onProgress({ stage: 'write', ...counts, pagesWritten, pagesTotal });
  };
}

/**
 * The search index of a run with `search: true` (null without), made after the pages: a
 * disk that fails here is an `IoError` like the write stage's.
 */
async function indexForSearch(root: string, run: SessionRun): Promise<SearchOutput | null> {
  if (run.search === null) return null;
  try {
    return await searchOutput(run.search, run.config.language);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    const failure = ioError(showPath(root, error.path ?? root), 'write the search index', error);
    return { files: [], errors: [failure], dispose: () => Promise.resolve() };
  }
}

/** A result with only errors: nothing was built. */
function failed(outDir: string, errors: BuildError[]): BuildResult {
  return {
    ok: false,
    outDir,
    errors,
    warnings: [],
    pageCount: 0,
    postCount: 0,
    draftCount: 0,
    heldBack: [],
    cachedPosts: 0,
    timings: {},
  };
}

/** The write stage, with a failure of the disk reported as an `IoError`, not thrown. */
async function write(
  writer: Writer,
  root: string,
  outDir: string,
  run: SessionRun,
  search: SearchOutput | null,
  onPageWritten?: () => void,
): Promise<readonly BuildError[]> {
  try {
    const staticFiles = search ? [...run.staticFiles, ...search.files] : run.staticFiles;
    const output = { pages: run.files, staticFiles, onPageWritten };
    return (await writer.write(output)).errors;
  } catch (error) {
    if (error instanceof IoFailure) return [error.error];
    if (!isSystemError(error)) throw error;
    const doing = WRITING[error.syscall ?? ''] ?? 'write the site into the output folder';
    // A rename names its source first (the staging place); what failed is where it went.
    const dest = 'dest' in error && typeof error.dest === 'string' ? error.dest : undefined;
    const file = (error.syscall === 'rename' ? dest : undefined) ?? error.path ?? outDir;
    return [ioError(showPath(root, file), doing, error)];
  }
}

/** What the write stage was doing when a system call failed, by the call's name. */
const WRITING: Readonly<Record<string, string>> = {
  open: 'write this file of the site',
  write: 'write this file of the site',
  mkdir: 'create this folder of the site',
  copyfile: 'copy this static file into the site',
  rename: 'move this file of the site into place',
  unlink: 'delete this old file of the site',
  rmdir: 'delete this old folder of the site',
  rm: 'delete this staging folder',
  scandir: 'list the files of the output folder',
  read: 'read a file to copy into the site',
};

/** A path as messages show it: site-relative when inside the site folder, else whole. */
function showPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return toPosix(relative);
}

/** The output folder must be a folder: a file there is not replaced. */
async function outputIsAFile(root: string, outDir: string): Promise<BuildError | null> {
  const stats = await stat(outDir).catch(() => null);
  if (!stats || stats.isDirectory()) return null;
  return buildError(
    'OutputFolder',
    { file: showPath(root, outDir) },
    `The output folder ${outDir} is a file, not a folder, and Rubric does not replace it.`,
    'Move the file away, or choose another folder with --out.',
  );
}

/** The site folder and the output folder of a build, absolute. */
export function resolveFolders(options: Pick<BuildOptions, 'root' | 'outDir'>): {
  root: string;
  outDir: string;
} {
  const root = path.resolve(options.root);
  return { root, outDir: path.resolve(options.outDir ?? path.join(root, 'dist')) };
}

/**
 * The output folder is replaced whole on every build, so it must not be the site
 * folder, hold it, or sit inside one of its source folders. Exported for `rubric dev`.
 */
export function checkOutputFolder(root: string, outDir: string): BuildError | null {
  const inside = (parent: string, child: string) => {
    const back = path.relative(parent, child);
    return back === '' || (!back.startsWith('..') && !path.isAbsolute(back));
  };
  const sourceFolders = ['posts', 'templates', 'static'].map((f) => path.join(root, f));
  if (inside(outDir, root) || sourceFolders.some((folder) => inside(folder, outDir))) {
    return buildError(
      'OutputFolder',
      { file: showPath(root, outDir) },
      `The output folder ${outDir} would replace the site's own files: each build deletes and rewrites it.`,
      'Choose a folder of its own with --out, such as dist.',
    );
  }
  return null;
}
