/**
 * A build session: the pipeline (load → parse → model → route → render) with what it
 * learnt kept in memory, so the next run does only what a change set needs. `build()`
 * runs one session once; `rubric dev` keeps one alive and feeds it the files that
 * changed. Both call the same stage functions: there is no second rendering path.
 *
 * What is kept between runs: the sources as loaded; each post's parse result under its
 * content hash (a first run reads the disk cache and parses the rest on worker threads:
 * `parse/parse-posts.ts`); the compiled theme with a digest of what each page template consumes;
 * and each page's view data and HTML. A run re-reads only changed posts, re-parses a
 * post only when its text changed, recomputes the model and routes whole (they are
 * cheap), and renders again only pages whose view data or template digest changed.
 * `site.yaml` can change anything, so a change to it starts from nothing.
 */
import { createHash } from 'node:crypto';
import { checkSiteLinks } from '../check/site-links.js';
import { readConfig, type ConfigOverrides, type SiteConfig } from '../config/config.js';
import { describeInstant } from '../dates.js';
import { sortProblems, type BuildError, type BuildWarning } from '../errors.js';
import {
  loadSite,
  reloadSite,
  type SiteSources,
  type SourceFile,
  type StaticFile,
} from '../load/load.js';
import { buildSite, createModelMemo, type ModelMemo, type PublishOptions } from '../model/site.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../parse/markdown.js';
import { parsePosts as parseAll } from '../parse/parse-posts.js';
import { parsePost, type ParsedPost } from '../parse/post.js';
import { createRouteMemo, routeSite, type RouteMemo } from '../route/pages.js';
import { outputPathOf } from '../route/urls.js';
import type { Page } from '../route/view.js';
import { checkLayouts, templateOf } from '../render/layouts.js';
import { createRenderer, type PageRenderer } from '../render/render.js';
import type { OutputFile } from '../write/write.js';
import { classify, type ChangeKind } from './classify.js';
import { same } from './same.js';
import { digestTemplates, type TemplateDigests } from './template-deps.js';

/** A post that was left out because its date has not come. */
export interface HeldBackPost {
  readonly source: string;
  /** When it is due, as `2026-12-01 09:00 (Europe/Paris)`. */
  readonly due: string;
}

/** What one run of a session produced. */
export interface SessionRun {
  /**
   * Every page of the site, when there were no errors; else empty. With `keepPages`, each
   * with its HTML; without, each renders when the write stage asks for it.
   */
  readonly files: readonly OutputFile[];
  /** The sources the run read. */
  readonly sources: SiteSources;
  /** Files copied as they are: the static files, and page bundles' files beside their posts. */
  readonly staticFiles: readonly StaticFile[];
  /** The site's configuration as read (the defaults when `site.yaml` is broken). */
  readonly config: SiteConfig;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
  /** URLs of the pages this run rendered; the others reused their HTML. */
  readonly rendered: readonly string[];
  /** Posts this run parsed; the others were unchanged. */
  readonly parsed: readonly string[];
  /** Posts whose parse came from the disk cache. */
  readonly cachedPosts: number;
  /** Milliseconds spent in each stage, for the dev log and the benchmark. */
  readonly timings: Readonly<
    Record<'load' | 'parse' | 'model' | 'route' | 'check' | 'render', number>
  >;
  /** What the run was told changed, by kind; all `config` for a first run. */
  readonly kinds: ReadonlySet<ChangeKind>;
  readonly postCount: number;
  readonly draftCount: number;
  readonly heldBack: readonly HeldBackPost[];
}

/** A build kept in memory between runs. */
export interface BuildSession {
  /**
   * Runs the pipeline. With no argument, or on the first call, everything is loaded;
   * afterwards, `changed` lists the site-relative paths (`posts/a.md`) that changed.
   */
  run(changed?: readonly string[]): Promise<SessionRun>;
}

/** Where a session reads from and what it publishes. */
export interface SessionOptions {
  /** The site folder, absolute. */
  readonly root: string;
  /** The output folder relative to the site folder, when inside it: never a source. */
  readonly outputFolder?: string;
  readonly drafts: boolean;
  readonly future: boolean;
  /** The moment of each run (epoch ms); the clock by default. Tests pin it. */
  readonly now?: () => number;
  /** The disk cache of parsed posts (`.cache/rubric`), or null for none. */
  readonly cacheFolder?: string | null;
  /** Posts to parse at once from which worker threads are used; 50 by default. */
  readonly parallelFrom?: number;
  /**
   * Keep every page's view data and HTML for the next run (`rubric dev`), and hand out
   * pages with their HTML. Without it (a one-off build), pages render as they are written,
   * so the whole site's HTML is never in memory at once. True by default.
   */
  readonly keepPages?: boolean;
  /** Settings over site.yaml's for this session (`--base-url`). */
  readonly overrides?: ConfigOverrides;
  /** Told how the parse stage is getting on; see {@link BuildProgress}. */
  readonly onProgress?: (progress: BuildProgress) => void;
}

interface CachedPost {
  readonly file: SourceFile;
  readonly hash: string;
  readonly parsed: ParsedPost;
}

interface CachedPage {
  /** The output path of the page's URL. */
  readonly path: string;
  /** The page template that rendered it (a post's `layout`, or its kind's). */
  readonly template: string;
  readonly data: unknown;
  readonly digest: string;
  readonly contents: string;
}

interface Theme {
  readonly templates: SiteSources['templates'];
  /** Which helpers.js versions the theme was compiled with. */
  readonly helperStamp: string;
  readonly render: PageRenderer | null;
  readonly errors: readonly BuildError[];
  readonly digests: TemplateDigests;
}

/** State that holds only for one `site.yaml`: a change to it throws all of it away. */
interface State {
  sources: SiteSources;
  readonly configText: string | null;
  readonly config: SiteConfig;
  readonly configErrors: readonly BuildError[];
  /** Made on first use: a build whose posts all come from the cache never needs it. */
  markdown: MarkdownRenderer | null;
  readonly posts: Map<string, CachedPost>;
  theme: Theme | null;
  pages: Map<string, CachedPage>;
  readonly modelMemo: ModelMemo;
  readonly routeMemo: RouteMemo;
}

/**
 * How a build is getting on, for a status line: the stage it is in, and its counts so far.
 * Reported often (per post batch, per page): a listener must be cheap, and throttle itself.
 */
export interface BuildProgress {
  readonly stage: 'load' | 'parse' | 'render' | 'write';
  readonly postsParsed: number;
  readonly postsTotal: number;
  readonly pagesWritten: number;
  readonly pagesTotal: number;
}

/** Starts a session. Nothing is read until the first {@link BuildSession.run}. */
export function createSession(options: SessionOptions): BuildSession {
  let state: State | null = null;
  const now = options.now ?? Date.now;
  const publish = (): PublishOptions => ({
    drafts: options.drafts,
    future: options.future,
    now: now(),
  });

  return {
    async run(changed) {
      const started = performance.now();
      const kinds = new Set<ChangeKind>();
      for (const file of changed ?? []) kinds.add(classify(file, options.outputFolder));
      if (!state || changed === undefined || kinds.has('config')) {
        kinds.add('config');
        state = freshState(await loadSite(options.root), options.overrides);
      } else if (kinds.has('folder')) {
        state.sources = await loadSite(options.root);
      } else {
        const posts = changed.filter(isPost);
        const theme = kinds.has('template') || kinds.has('partial') || kinds.has('static');
        if (posts.length > 0 || theme) {
          state.sources = await reloadSite(state.sources, { posts, theme });
        }
      }
      const loadMs = performance.now() - started;
      const parseStarted = performance.now();
      const parsed = await parseStage(state.sources.posts, state, options);
      const parseMs = performance.now() - parseStarted;
      return {
        ...runStages(state, publish(), parsed, { load: loadMs, parse: parseMs }, options),
        kinds,
      };
    },
  };

  function isPost(file: string): boolean {
    return classify(file, options.outputFolder) === 'post';
  }
}

function freshState(sources: SiteSources, overrides?: ConfigOverrides): State {
  const { config, errors } = readConfig(sources.configText, 'site.yaml', overrides);
  return {
    sources,
    configText: sources.configText,
    config,
    configErrors: errors,
    markdown: null,
    posts: new Map(),
    theme: null,
    pages: new Map(),
    modelMemo: createModelMemo(),
    routeMemo: createRouteMemo(),
  };
}

/** The pure part of a run: sources in, pages out, reusing what `state` remembers. */
function runStages(
  state: State,
  publish: PublishOptions,
  { results, parsed, cachedPosts }: ParseStage,
  before: { load: number; parse: number },
  options: SessionOptions,
): Omit<SessionRun, 'kinds'> {
  const { sources, config } = state;
  const clock = { last: performance.now() };
  const lap = () => {
    const now = performance.now();
    const ms = now - clock.last;
    clock.last = now;
    return ms;
  };
  const errors: BuildError[] = [...state.configErrors, ...sources.errors];
  const warnings: BuildWarning[] = [];
  const report = (r: { errors: readonly BuildError[]; warnings?: readonly BuildWarning[] }) => {
    // Most reports are empty: thousands of posts each report nothing.
    if (r.errors.length > 0) errors.push(...r.errors);
    if (r.warnings && r.warnings.length > 0) warnings.push(...r.warnings);
  };

  const posts = [];
  for (const result of results) {
    report(result);
    if (result.post) posts.push(result.post);
  }

  const modelled = buildSite(posts, config, publish, state.modelMemo);
  report(modelled);
  const { site } = modelled;
  const modelMs = lap();
  const routes = routeSite(
    site,
    sources.staticFiles.map((f) => f.outputPath),
    state.routeMemo,
    sources,
  );
  report(routes);
  const routeMs = lap();
  report(
    checkSiteLinks({
      site,
      pages: routes.pages,
      // A bundle's files are copied beside their post: links to them lead somewhere.
      staticPaths: [...sources.staticFiles, ...routes.copies].map((f) => f.outputPath),
      templates: sources.templates,
      config,
      memo: state.routeMemo,
    }),
  );
  const checkMs = lap();
  const theme = themeFor(state, sources, config);
  report(theme);
  report({ errors: checkLayouts(posts, sources.templates) });

  const files: OutputFile[] = [];
  const rendered: string[] = [];
  const render = theme.render;
  if (errors.length === 0 && render && options.keepPages === false) {
    // Rendered by the write stage, page by page; its errors are reported by it.
    for (const page of routes.pages) {
      files.push({ path: outputPathOf(page.url), contents: () => render(page) });
      rendered.push(page.url);
    }
  } else if (errors.length === 0 && render) {
    const { pages, renderedUrls, renderErrors } = renderPages(routes.pages, state.pages, theme);
    rendered.push(...renderedUrls);
    errors.push(...renderErrors);
    if (renderErrors.length === 0) {
      state.pages = pages;
      for (const page of pages.values()) files.push({ path: page.path, contents: page.contents });
    }
  }
  const timings = { ...before, model: modelMs, route: routeMs, check: checkMs, render: lap() };
  return {
    timings,
    files: errors.length === 0 ? files : [],
    sources,
    staticFiles:
      routes.copies.length === 0 ? sources.staticFiles : [...sources.staticFiles, ...routes.copies],
    config,
    errors: sortProblems(errors),
    warnings: sortProblems(warnings),
    rendered: errors.length === 0 ? rendered : [],
    parsed,
    cachedPosts,
    postCount: site.posts.length,
    draftCount: site.drafts.length,
    heldBack: site.heldBack.map((post) => ({
      source: post.source,
      due: describeInstant(post.date, config.timezone),
    })),
  };
}

/** The parse results of a run, in the order of the post files. */
interface ParseStage {
  readonly results: readonly ParsedPost[];
  /** Posts parsed (or read from the disk cache) this run; the others were remembered. */
  readonly parsed: readonly string[];
  readonly cachedPosts: number;
}

/**
 * The parse stage over every post, reusing the result of a post whose text is the one
 * parsed before. Unchanged posts keep their `SourceFile` object across runs, so most are
 * recognised without hashing. What is left goes to the batch parser (disk cache, worker
 * threads) when there are many, as on a first run; the one or two posts an edit touches
 * are parsed right here with the session's own Markdown processor, which is quicker than
 * a cache lookup and a fresh processor.
 */
async function parseStage(
  files: readonly SourceFile[],
  state: State,
  options: SessionOptions,
): Promise<ParseStage> {
  const results: (ParsedPost | undefined)[] = [];
  const missing: { index: number; hash: string }[] = [];
  const seen = new Set<string>();
  files.forEach((file, index) => {
    seen.add(file.path);
    const cached = state.posts.get(file.path);
    if (cached?.file === file) {
      results.push(cached.parsed);
      return;
    }
    const hash = createHash('sha256').update(file.text).digest('hex');
    if (cached?.hash === hash) {
      state.posts.set(file.path, { ...cached, file });
      results.push(cached.parsed);
      return;
    }
    results.push(undefined);
    missing.push({ index, hash });
  });
  for (const key of state.posts.keys()) if (!seen.has(key)) state.posts.delete(key);

  let cachedPosts = 0;
  const zone = state.config.timezone;
  const firstRun = missing.length === files.length;
  if (firstRun && files.length > 0) {
    const batch = await parseAll(files, {
      zone,
      cacheFolder: options.cacheFolder ?? null,
      parallelFrom: options.parallelFrom,
      onParsed: progressOf(options, files.length),
    });
    cachedPosts = batch.fromCache;
    batch.results.forEach((result, i) => (results[i] = result));
  } else {
    for (const { index } of missing) {
      state.markdown ??= createMarkdownRenderer();
      results[index] = parsePost(files[index] as SourceFile, zone, state.markdown);
    }
  }
  for (const { index, hash } of missing) {
    const file = files[index] as SourceFile;
    state.posts.set(file.path, { file, hash, parsed: results[index] as ParsedPost });
  }
  return {
    results: results as ParsedPost[],
    parsed: missing.map(({ index }) => (files[index] as SourceFile).path),
    cachedPosts,
  };
}

/** A parse-stage listener that tells `onProgress` the running count, or none. */
function progressOf(options: SessionOptions, total: number): ((count: number) => void) | undefined {
  const onProgress = options.onProgress;
  if (!onProgress) return undefined;
  let parsed = 0;
  return (count) => {
    parsed += count;
    onProgress({
      stage: 'parse',
      postsParsed: parsed,
      postsTotal: total,
      pagesWritten: 0,
      pagesTotal: 0,
    });
  };
}

/** The compiled theme, compiled again only when a template, partial or helpers.js changed. */
function themeFor(state: State, sources: SiteSources, config: SiteConfig): Theme {
  const { templates, helpers } = sources;
  const helperStamp = helpers.map((module) => `${module.path}@${module.hash}`).join(',');
  if (state.theme?.templates === templates && state.theme.helperStamp === helperStamp) {
    return state.theme;
  }
  const previous = state.theme;
  const sameTexts =
    previous !== null &&
    previous.helperStamp === helperStamp &&
    previous.templates.length === templates.length &&
    previous.templates.every((t, i) => {
      const other = templates[i];
      return other?.path === t.path && other.text === t.text && other.name === t.name;
    });
  if (previous && sameTexts) {
    state.theme = { ...previous, templates };
    return state.theme;
  }
  const { render, errors } = createRenderer(templates, config, helpers);
  // Any page may call a helper, so a changed helpers.js changes every page's digest.
  const digests = new Map(
    [...digestTemplates(templates)].map(([name, digest]) => [name, `${digest}:${helperStamp}`]),
  );
  state.theme = { templates, helperStamp, render, errors, digests };
  return state.theme;
}

/**
 * Renders the pages whose view data or template digest differs from the last good run;
 * the others keep their HTML. A page kind is nothing special here: any `Page` works.
 */
function renderPages(
  pages: readonly Page[],
  before: ReadonlyMap<string, CachedPage>,
  theme: Theme,
): { pages: Map<string, CachedPage>; renderedUrls: string[]; renderErrors: BuildError[] } {
  const after = new Map<string, CachedPage>();
  const renderedUrls: string[] = [];
  const renderErrors: BuildError[] = [];
  const render = theme.render;
  if (!render) return { pages: after, renderedUrls, renderErrors };
  for (const page of pages) {
    const template = templateOf(page);
    const digest = theme.digests.get(template) ?? '';
    const old = before.get(page.url);
    if (old?.template === template && old.digest === digest && same(old.data, page.data)) {
      after.set(page.url, old);
      continue;
    }
    const result = render(page);
    renderedUrls.push(page.url);
    if ('error' in result) renderErrors.push(result.error);
    else
      after.set(page.url, {
        path: outputPathOf(page.url),
        template,
        data: page.data,
        digest,
        contents: result.html,
      });
  }
  return { pages: after, renderedUrls, renderErrors };
}
