/**
 * The pure part of a run: parsed posts in, pages out (model → route → check → render), reusing
 * what the session's state remembers and gathering what every stage reports.
 */
import { checkSiteLinks } from '../check/site-links.js';
import { missingCustomPartial } from '../config/comments.js';
import type { SiteConfig } from '../config/config.js';
import { describeInstant } from '../dates.js';
import { sortProblems } from '../errors.js';
import { buildSite, type PublishOptions, type Site } from '../model/site.js';
import { checkLayouts } from '../render/layouts.js';
import { createPageDigester, valueDigester, type PageDigester } from '../render/page-digest.js';
import { routeSite } from '../route/pages.js';
import { searchRecords } from '../search/records.js';
import type { Page } from '../route/view.js';
import { commentsStage } from './comments-stage.js';
import type { ParseStage } from './parse-stage.js';
import { gatherProblems, type Problems } from './problems.js';
import { renderAtWrite, renderChanged, type RenderedPages } from './render-modes.js';
import type { HeldBackPost, SessionRun } from './session.js';
import type { State, Theme } from './state.js';
import { themeFor } from './theme.js';
import type { StageClock } from './timing.js';

/** How a run renders: `keepPages` as in `SessionOptions`. */
export interface RunOptions {
  readonly publish: PublishOptions;
  readonly keepPages: boolean;
  /** Rubric's render fingerprint, to give each page a digest (with `keepPages` off); or null. */
  readonly renderKey: string | null;
  /** The run's clock, with load and parse already timed. */
  readonly clock: StageClock;
}

/** Models, routes and renders the parsed posts of a run. */
export function runStages(
  state: State,
  { results, parsed, cachedPosts }: ParseStage,
  { publish, keepPages, renderKey, clock }: RunOptions,
): Omit<SessionRun, 'kinds'> {
  const { sources, config } = state;
  // What could not be loaded (an unreadable file, a link out of the site) fails the run too.
  const problems = gatherProblems([...state.configErrors, ...sources.errors]);
  const posts = [];
  for (const result of results) {
    problems.report(result);
    if (result.post) posts.push(result.post);
  }
  const comments = commentsStage(sources.commentFiles, sources.posts, state);
  problems.report(comments);
  const modelled = buildSite(posts, config, publish, state.modelMemo);
  problems.report(modelled);
  const { site } = modelled;
  clock.lap('model');
  const staticPaths = sources.staticFiles.map((f) => f.outputPath);
  const assets = { ...sources, commentThreads: comments.threads };
  const routes = routeSite(site, staticPaths, state.routeMemo, assets);
  problems.report(routes);
  clock.lap('route');
  problems.report(
    checkSiteLinks({
      site,
      pages: routes.pages,
      // A bundle's files are copied beside their post: links to them lead somewhere.
      staticPaths: [...sources.staticFiles, ...routes.copies].map((f) => f.outputPath),
      templates: sources.templates,
      config,
      memo: state.routeMemo,
      linkMemo: state.linkMemo,
    }),
  );
  clock.lap('check');
  // Drafts too: a `layout:` naming no template is an error like any other key's.
  problems.report({ errors: checkLayouts(posts, sources.templates) });
  problems.report({ errors: missingCustomPartial(config.comments, sources.templates) });
  const { files, rendered } = renderStage(state, routes.pages, { keepPages, renderKey }, problems);
  clock.lap('render');
  const { errors } = problems;
  return {
    timings: clock.timings(),
    files: errors.length === 0 ? files : [],
    sources,
    staticFiles:
      routes.copies.length === 0 ? sources.staticFiles : [...sources.staticFiles, ...routes.copies],
    config,
    errors: sortProblems(errors),
    warnings: sortProblems(problems.warnings),
    rendered: errors.length === 0 ? rendered : [],
    parsed,
    cachedPosts,
    postCount: site.posts.length,
    draftCount: site.drafts.length,
    heldBack: heldBackPosts(site, config),
    search:
      config.search && errors.length === 0 ? searchRecords(routes.pages, state.searchMemo) : null,
  };
}

/**
 * Renders the run's pages in the session's mode, when nothing failed so far; remembers
 * the pages of a run that rendered whole.
 */
function renderStage(
  state: State,
  pages: readonly Page[],
  { keepPages, renderKey }: Pick<RunOptions, 'keepPages' | 'renderKey'>,
  problems: Problems,
): RenderedPages {
  const theme = themeFor(state, state.sources, state.config);
  problems.report(theme);
  const { render } = theme;
  if (problems.errors.length > 0 || !render) return { files: [], rendered: [] };
  // Rendered by the write stage, page by page; its errors are reported by it.
  if (!keepPages) return renderAtWrite(pages, render, digesterOf(theme, state.config, renderKey));
  const changed = renderChanged(pages, state.pages, { ...theme, render });
  problems.report(changed);
  if (changed.errors.length === 0) state.pages = changed.pages;
  return changed;
}

/** The digester of a run's pages, when it stamps them: its settings must be plain data. */
function digesterOf(
  theme: Theme,
  config: SiteConfig,
  renderKey: string | null,
): PageDigester | null {
  if (renderKey === null) return null;
  const settings = valueDigester()(config);
  return settings === null ? null : createPageDigester(theme.digests, [renderKey, settings]);
}

/** The posts left out because their date has not come, with when each is due. */
function heldBackPosts(site: Site, config: SiteConfig): HeldBackPost[] {
  return site.heldBack.map((post) => ({
    source: post.source,
    due: describeInstant(post.date, config.timezone),
  }));
}
