/**
 * The build: load → parse → model → route → render → write. This file only runs the
 * stages in order and gathers what they report; each stage lives in its own folder.
 */
import path from 'node:path';
import { readConfig } from './config/config.js';
import { describeInstant } from './dates.js';
import { buildError, sortProblems, type BuildError, type BuildWarning } from './errors.js';
import { loadSite, type SiteSources } from './load/load.js';
import { cacheFolder } from './cache/cache.js';
import { buildSite, type PublishOptions } from './model/site.js';
import { parsePosts } from './parse/parse-posts.js';
import type { ParsedPost, Post } from './parse/post.js';
import { routeSite } from './route/pages.js';
import { outputPathOf } from './route/urls.js';
import { createRenderer } from './render/render.js';
import { writeSite, type OutputFile } from './write/write.js';

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

/** A post that was left out because its date has not come. */
export interface HeldBackPost {
  readonly source: string;
  /** When it is due, as `2026-12-01 09:00 (Europe/Paris)`. */
  readonly due: string;
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

/** The output of the stages between load and write: data, and pages that render on demand. */
export interface RenderedSite {
  /** Every page, rendered when the write stage asks for it. */
  readonly files: readonly OutputFile[];
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
  readonly postCount: number;
  readonly draftCount: number;
  readonly heldBack: readonly HeldBackPost[];
}

/** Builds a site folder into its output folder. Never throws for bad content. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  const folderError = checkOutputFolder(root, outDir);
  const sources = await loadSite(root);
  // Config errors are reported by renderSite; parsing only needs the zone.
  const parsed = await parsePosts(sources.posts, {
    zone: readConfig(sources.configText).config.timezone,
    cacheFolder: options.cache === false ? null : cacheFolder(root),
    parallelFrom: options.parallelFrom,
  });
  const rendered = renderSite(
    sources,
    {
      drafts: options.drafts ?? false,
      future: options.future ?? false,
      now: options.now ?? Date.now(),
    },
    parsed.results,
  );
  let errors = folderError ? [folderError, ...rendered.errors] : rendered.errors;
  if (errors.length === 0) {
    errors = sortProblems(await writeSite(outDir, rendered.files, sources.staticFiles));
  }
  const ok = errors.length === 0;
  return {
    ok,
    outDir,
    errors,
    warnings: rendered.warnings,
    pageCount: ok ? rendered.files.length : 0,
    postCount: rendered.postCount,
    draftCount: rendered.draftCount,
    heldBack: rendered.heldBack,
    cachedPosts: parsed.fromCache,
  };
}

/**
 * Everything between load and write: sources in, HTML files out, with every problem
 * found on the way. Later stages still run when earlier ones found errors, so one bad
 * post never hides another problem; nothing is rendered unless all is well. `parsed`
 * (from {@link parsePosts}) are the posts' parse results in the order of
 * `sources.posts`. Pages render when written: a file's `contents` is a function, so
 * their HTML is not all in memory at once.
 */
export function renderSite(
  sources: SiteSources,
  options: PublishOptions,
  parsed: readonly ParsedPost[],
): RenderedSite {
  const errors: BuildError[] = [];
  const warnings: BuildWarning[] = [];
  const report = (r: { errors: readonly BuildError[]; warnings?: readonly BuildWarning[] }) => {
    errors.push(...r.errors);
    warnings.push(...(r.warnings ?? []));
  };

  const { config, errors: configErrors } = readConfig(sources.configText);
  report({ errors: configErrors });

  const posts: Post[] = [];
  for (const result of parsed) {
    report(result);
    if (result.post) posts.push(result.post);
  }

  const modelled = buildSite(posts, config, options);
  report(modelled);
  const { site } = modelled;
  const routes = routeSite(
    site,
    sources.staticFiles.map((f) => f.outputPath),
  );
  report(routes);
  const renderer = createRenderer(sources.templates, config);
  report(renderer);

  const files: OutputFile[] = [];
  const { render } = renderer;
  if (errors.length === 0 && render) {
    for (const page of routes.pages) {
      files.push({ path: outputPathOf(page.url), contents: () => render(page) });
    }
  }
  return {
    files,
    errors: sortProblems(errors),
    warnings: sortProblems(warnings),
    postCount: site.posts.length,
    draftCount: site.drafts.length,
    heldBack: site.heldBack.map((post) => ({
      source: post.source,
      due: describeInstant(post.date, config.timezone),
    })),
  };
}

/**
 * The output folder is replaced whole on every build, so it must not be the site
 * folder, hold it, or sit inside one of its source folders.
 */
function checkOutputFolder(root: string, outDir: string): BuildError | null {
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
