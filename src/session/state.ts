/**
 * What a session remembers between runs, for one `site.yaml`: the sources, each post's
 * parse with the text it came from, the compiled theme, and each page's view data and HTML.
 * A change to `site.yaml` throws all of it away ({@link freshState}).
 */
import { createLinkMemo, type LinkMemo } from '../check/link-memo.js';
import { createRecordMemo, type RecordMemo } from '../search/records.js';
import { readConfig, type ConfigOverrides, type SiteConfig } from '../config/config.js';
import type { BuildError } from '../errors.js';
import type { SiteSources, SourceFile } from '../load/load.js';
import { createModelMemo, type ModelMemo } from '../model/site.js';
import type { MarkdownRenderer } from '../parse/markdown.js';
import type { ParsedPost } from '../parse/post.js';
import { createRouteMemo, type RouteMemo } from '../route/pages.js';
import type { PageRenderer } from '../render/render.js';
import type { CachedComments } from './comments-stage.js';
import type { TemplateDigests } from './template-deps.js';

/** A post's parse, with the file (and so the text) it came from. */
export interface CachedPost {
  readonly file: SourceFile;
  readonly parsed: ParsedPost;
}

/** A page as last rendered: what it was rendered from, and its HTML. */
export interface CachedPage {
  /** The output path of the page's URL. */
  readonly path: string;
  /** The page template that rendered it (a post's `layout`, or its kind's). */
  readonly template: string;
  readonly data: unknown;
  readonly digest: string;
  readonly contents: string;
}

/** The compiled theme, and what each page template consumes. */
export interface Theme {
  readonly templates: SiteSources['templates'];
  /** Which helpers.js versions the theme was compiled with. */
  readonly helperStamp: string;
  readonly render: PageRenderer | null;
  readonly errors: readonly BuildError[];
  readonly digests: TemplateDigests;
}

/** State that holds only for one `site.yaml`: a change to it throws all of it away. */
export interface State {
  sources: SiteSources;
  readonly configText: string | null;
  readonly config: SiteConfig;
  readonly configErrors: readonly BuildError[];
  /** Made on first use: a build whose posts all come from the cache never needs it. */
  markdown: MarkdownRenderer | null;
  readonly posts: Map<string, CachedPost>;
  /** Each comments file as last read, by its path. */
  readonly comments: Map<string, CachedComments>;
  theme: Theme | null;
  /** The pages of the last run that rendered without errors, by URL. */
  pages: Map<string, CachedPage>;
  readonly modelMemo: ModelMemo;
  readonly routeMemo: RouteMemo;
  readonly linkMemo: LinkMemo;
  /** Each post's text for the search index, by its view. */
  readonly searchMemo: RecordMemo;
}

/** The state of a session that has just read `sources`. */
export function freshState(sources: SiteSources, overrides?: ConfigOverrides): State {
  const { config, errors } = readConfig(sources.configText, 'site.yaml', overrides);
  return {
    sources,
    configText: sources.configText,
    config,
    configErrors: errors,
    markdown: null,
    posts: new Map(),
    comments: new Map(),
    theme: null,
    pages: new Map(),
    modelMemo: createModelMemo(),
    routeMemo: createRouteMemo(),
    linkMemo: createLinkMemo(),
    searchMemo: createRecordMemo(),
  };
}
