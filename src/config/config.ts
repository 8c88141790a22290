/**
 * `site.yaml` → a typed, frozen {@link SiteConfig}. Every key has a default; an unknown
 * key is an error that names the closest valid key, because a misspelt setting that is
 * silently ignored is worse than a failed build. `settings.ts` holds how each key is read.
 */
import { buildError, type BuildError } from '../errors.js';
import { wordsFor, type Words } from '../words.js';
import { parseYaml, topLevelEntries } from '../yaml.js';
import type { CommentSystem } from './comments.js';
import type { AuthorSetting } from './authors.js';
import { applySetting, type Settings } from './settings.js';
import { readBaseUrl } from './urls.js';
import type { WordSettings } from './word-settings.js';
import { SEARCH_DEFAULT, type SearchSetting } from '../search/setting.js';

/** The settings of one site, resolved and checked. */
export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  /** As written, with a trailing slash: `https://example.org/blog/`, or `/`. */
  readonly baseUrl: string;
  /** The path part of `baseUrl`, the prefix of every link: `/blog/` or `/`. */
  readonly basePath: string;
  /** BCP 47 language tag, for `<html lang>` and date formats. */
  readonly language: string;
  /** IANA time zone in which dates without an offset are read and all dates are shown. */
  readonly timezone: string;
  /** The byline of posts that name no `author`. */
  readonly author: string;
  /**
   * `authors:`: how each author is shown, keyed by the identity (`labelKey`) of the name
   * or id posts write. Its presence also gives the blog author pages (see `model/authors.ts`).
   */
  readonly authors: ReadonlyMap<string, AuthorSetting>;
  readonly postsPerPage: number;
  /** A post's URL pattern, from `:year`, `:month`, `:day` and `:slug`. */
  readonly permalink: string;
  /** Hand-set label slugs, keyed by label identity (see `labelKey`). */
  readonly labelSlugs: ReadonlyMap<string, string>;
  /** What feed entries carry: the whole post, or its summary only. */
  readonly feedContent: 'full' | 'summary';
  /** How many of the newest posts each feed holds. */
  readonly feedLimit: number;
  /**
   * Write redirects at Blogger's label-search and feed URLs, and a `_redirects` file for
   * hosts that read one; set by `rubric import blogger`.
   */
  readonly bloggerRedirects: boolean;
  /** Old paths (`/category/x/`, `/?p=12`) → the site paths they redirect to. */
  readonly redirects: ReadonlyMap<string, string>;
  /** How the label index and the sidebar show labels: by name, or as a cloud. */
  readonly labelIndex: 'list' | 'cloud';
  /** How many related posts a post page shows; 0 shows none. */
  readonly relatedPosts: number;
  /** What a broken internal link is: a warning, an error (for CI), or not checked. */
  readonly linkCheck: 'warn' | 'error' | 'off';
  /** A search page, a search box and a search index (`search/setting.ts`). */
  readonly search: SearchSetting;
  /** The comment system post pages load for new comments (`comments:`); null for none. */
  readonly comments: CommentSystem | null;
  /** The theme's fixed phrases in `language`, with the site's `words:` over them. */
  readonly words: Words;
  /**
   * `theme:` as written (a folder relative to the site, or an npm package name) and where
   * it stands in site.yaml, for the load stage's messages; null for the built-in theme.
   */
  readonly theme: ThemeSetting | null;
}

/** The `theme:` setting: what it names and where it is written. */
export interface ThemeSetting {
  readonly name: string;
  readonly at: { readonly line: number; readonly column: number };
}

/** The settings a site gets when `site.yaml` is absent or leaves a key out. */
export const DEFAULT_CONFIG: SiteConfig = Object.freeze({
  title: 'My blog',
  description: '',
  baseUrl: '/',
  basePath: '/',
  language: 'en',
  timezone: 'UTC',
  author: '',
  authors: new Map<string, AuthorSetting>(),
  postsPerPage: 10,
  permalink: '/:year/:month/:slug/',
  labelSlugs: new Map<string, string>(),
  feedContent: 'full',
  feedLimit: 20,
  bloggerRedirects: false,
  redirects: new Map<string, string>(),
  labelIndex: 'list',
  relatedPosts: 5,
  linkCheck: 'warn',
  search: SEARCH_DEFAULT,
  comments: null,
  words: wordsFor('en'),
  theme: null,
});

/** The result of reading `site.yaml`. */
export interface ConfigResult {
  readonly config: SiteConfig;
  readonly errors: readonly BuildError[];
}

/** Settings given for one build, over site.yaml's (`--base-url`, for a preview deploy). */
export interface ConfigOverrides {
  readonly baseUrl?: string;
}

/**
 * Reads the text of `site.yaml` (`null` when the site has none), then applies `overrides`.
 * `file` is the path used in messages.
 */
export function readConfig(
  text: string | null,
  file = 'site.yaml',
  overrides: ConfigOverrides = {},
): ConfigResult {
  const read = readConfigText(text, file);
  if (overrides.baseUrl === undefined) return read;
  const base = readBaseUrl(overrides.baseUrl);
  if (!base) {
    const error = buildError(
      'ConfigInvalid',
      { file: '' },
      `--base-url must be an absolute URL, or a path starting with /, not "${overrides.baseUrl}".`,
      'Write it like `--base-url https://preview.example.org/blog/`.',
    );
    return { config: read.config, errors: [...read.errors, error] };
  }
  return { config: Object.freeze({ ...read.config, ...base }), errors: read.errors };
}

function readConfigText(text: string | null, file: string): ConfigResult {
  if (text === null) return { config: DEFAULT_CONFIG, errors: [] };
  const { yaml, syntaxError } = parseYaml(text);
  if (syntaxError) {
    const error = buildError(
      'ConfigSyntax',
      { file, ...syntaxError },
      `site.yaml is not valid YAML: ${syntaxError.message}.`,
      'Fix the YAML at this line; values with a colon or a leading special character need quotes.',
    );
    return { config: DEFAULT_CONFIG, errors: [error] };
  }
  const entries = topLevelEntries(yaml);
  if (entries === null) {
    const error = buildError(
      'ConfigInvalid',
      { file, line: 1, column: 1 },
      'site.yaml must be a mapping of keys to values.',
      'Write one `key: value` per line, like `title: My blog`.',
    );
    return { config: DEFAULT_CONFIG, errors: [error] };
  }
  const errors: BuildError[] = [];
  const settings: Settings = { ...DEFAULT_CONFIG };
  const words: WordSettings = { phrases: {}, months: null };
  for (const entry of entries) {
    const problem = applySetting({ settings, words }, entry, yaml);
    if (problem) errors.push(buildError(problem.name, { file, ...problem.at }, ...problem.text));
  }
  // Words are resolved last: they depend on `language`, wherever it stands in the file.
  settings.words = wordsFor(settings.language, words.phrases, words.months);
  return { config: Object.freeze(settings), errors };
}
