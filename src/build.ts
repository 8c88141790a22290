/**
 * The build: load → parse → model → route → render → write. A build is one run of a
 * build session (`session/session.ts`, which runs the stages and gathers what they
 * report), then the write stage; `rubric dev` keeps the same session alive.
 */
import path from 'node:path';
import { cacheFolder } from './cache/cache.js';
import { buildError, sortProblems, type BuildError, type BuildWarning } from './errors.js';
import { createSession, type HeldBackPost } from './session/session.js';
import { createStagedWriter } from './write/writer.js';

export type { HeldBackPost } from './session/session.js';

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
}

/** Builds a site folder into its output folder. Never throws for bad content. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { root, outDir } = resolveFolders(options);
  const writer = createStagedWriter(root, outDir);
  // A build killed while moving its files into place is finished first, whatever follows.
  await writer.recover();
  const folderError = checkOutputFolder(root, outDir);
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
  });
  const run = await session.run();
  let errors = folderError ? [folderError, ...run.errors] : run.errors;
  if (errors.length === 0) {
    const written = await writer.write({ pages: run.files, staticFiles: run.staticFiles });
    errors = sortProblems(written.errors);
  }
  const ok = errors.length === 0;
  return {
    ok,
    outDir,
    errors,
    warnings: run.warnings,
    pageCount: ok ? run.files.length : 0,
    postCount: run.postCount,
    draftCount: run.draftCount,
    heldBack: run.heldBack,
    cachedPosts: run.cachedPosts,
  };
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
      { file: '' },
      `The output folder ${outDir} would replace the site's own files: each build deletes and rewrites it.`,
      'Choose a folder of its own with --out, such as dist.',
    );
  }
  return null;
}
