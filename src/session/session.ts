/**
 * A build session: the pipeline (load → parse → model → route → render) with what it
 * learnt kept in memory, so the next run does only what a change set needs. `build()`
 * runs one session once; `rubric dev` keeps one alive and feeds it the files that
 * changed. Both call the same stage functions: there is no second rendering path.
 *
 * What is kept between runs: the sources as loaded; each post's parse result with the
 * text it came from (a first run reads the disk cache and parses the rest on worker threads:
 * `pool/parse-posts.ts`); the compiled theme with a digest of what each page template consumes;
 * and each page's view data and HTML. A run re-reads only changed posts, re-parses a
 * post only when its text changed, recomputes the model and routes whole (they are
 * cheap), and renders again only pages whose view data or template digest changed.
 * `site.yaml` can change anything, so a change to it starts from nothing.
 *
 * This file loads; `parse-stage.ts` parses, `run-stages.ts` models, routes and renders
 * (`render-modes.ts`), `state.ts` is what is remembered, `timing.ts` times the stages.
 */
import type { ConfigOverrides, SiteConfig } from '../config/config.js';
import type { BuildError, BuildWarning } from '../errors.js';
import { loadSite, reloadSite, type SiteSources, type StaticFile } from '../load/load.js';
import type { PublishOptions } from '../model/site.js';
import type { SearchRecord } from '../search/records.js';
import type { OutputFile } from '../write/write.js';
import { classify, type ChangeKind } from './classify.js';
import { startPoolEarly } from '../pool/parse-posts.js';
import { parseStage } from './parse-stage.js';
import { renderFingerprint } from '../cache/fingerprint.js';
import { readComments } from './comments-stage.js';
import { runStages } from './run-stages.js';
import { freshState, type State } from './state.js';
import { startClock, type StageTimings } from './timing.js';

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
  readonly timings: StageTimings;
  /** What the run was told changed, by kind; all `config` for a first run. */
  readonly kinds: ReadonlySet<ChangeKind>;
  readonly postCount: number;
  readonly draftCount: number;
  readonly heldBack: readonly HeldBackPost[];
  /**
   * What the search index is to hold (`search/records.ts`), for the step after the pages
   * (`search/output.ts`); null with `search: false` or when the run has errors.
   */
  readonly search: readonly SearchRecord[] | null;
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
  const onProgress = options.onProgress;
  const batch = {
    cacheFolder: options.cacheFolder ?? null,
    parallelFrom: options.parallelFrom,
    ...(onProgress && {
      progress: (postsParsed: number, postsTotal: number) => {
        onProgress({ stage: 'parse', postsParsed, postsTotal, pagesWritten: 0, pagesTotal: 0 });
      },
    }),
  };

  return {
    async run(changed) {
      const clock = startClock();
      const kinds = new Set<ChangeKind>();
      for (const file of changed ?? []) kinds.add(classify(file, options.outputFolder));
      // A first run's parse threads start now, to load their modules while the site is read.
      const pool = state ? null : startPoolEarly(options.root, batch);
      try {
        state = await loadStage(state, changed, kinds, options);
      } catch (error) {
        await pool?.close();
        throw error;
      }
      clock.lap('load');
      const parsed = await parseStage(state.sources.posts, state, batch, pool);
      const { commentFiles, posts } = state.sources;
      await readComments(commentFiles, posts, state, batch.cacheFolder);
      clock.lap('parse');
      const keepPages = options.keepPages !== false;
      // A one-off build that keeps a cache stamps its pages, to skip them next time.
      const renderKey = !keepPages && batch.cacheFolder !== null ? renderFingerprint() : null;
      const run = { publish: publish(), keepPages, renderKey, clock };
      return { ...runStages(state, parsed, run), kinds };
    },
  };
}

/**
 * Loads what a change set needs: everything, with a fresh state, on a first run or when
 * `site.yaml` changed (`kinds` gains `config` then); the source listing again when a
 * folder came or went; else only the changed posts, and the theme when it changed.
 */
async function loadStage(
  state: State | null,
  changed: readonly string[] | undefined,
  kinds: Set<ChangeKind>,
  options: SessionOptions,
): Promise<State> {
  const { root, outputFolder } = options;
  if (!state || changed === undefined || kinds.has('config')) {
    kinds.add('config');
    return freshState(await loadSite(root), options.overrides);
  }
  if (kinds.has('folder')) {
    state.sources = await loadSite(root);
    return state;
  }
  const posts = changed.filter((file) => classify(file, outputFolder) === 'post');
  const comments = changed.filter((file) => classify(file, outputFolder) === 'comments');
  const theme = kinds.has('template') || kinds.has('partial') || kinds.has('static');
  if (posts.length > 0 || comments.length > 0 || theme) {
    state.sources = await reloadSite(state.sources, { posts, comments, theme });
  }
  return state;
}
