/**
 * `site.yaml` → a typed, frozen {@link SiteConfig}. Every key has a default; an unknown
 * key is an error that names the closest valid key, because a misspelt setting that is
 * silently ignored is worse than a failed build.
 */
import { readRedirects } from './redirects.js';
import { buildError, type BuildError } from '../errors.js';
import { isTimeZone } from '../dates.js';
import { hasSlugShape, isSlug, labelKey, MAX_SLUG_BYTES } from '../slug.js';
import { closest } from '../suggest.js';
import { PHRASE_KEYS, isPhraseKey, wordsFor, type Phrases, type Words } from '../words.js';
import {
  itemPosition,
  parseYaml,
  topLevelEntries,
  type YamlEntry,
  type YamlText,
} from '../yaml.js';

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
  words: wordsFor('en'),
  theme: null,
});

const KNOWN_KEYS = [
  'title',
  'description',
  'baseUrl',
  'language',
  'timezone',
  'author',
  'postsPerPage',
  'permalink',
  'labelSlugs',
  'feedContent',
  'feedLimit',
  'bloggerRedirects',
  'redirects',
  'labelIndex',
  'relatedPosts',
  'linkCheck',
  'words',
  'theme',
] as const;

const PERMALINK_TOKENS = new Set([':year', ':month', ':day', ':slug']);

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
    const problem = applySetting(settings, words, entry, yaml);
    if (problem) errors.push(buildError(problem.name, { file, ...problem.at }, ...problem.text));
  }
  // Words are resolved last: they depend on `language`, wherever it stands in the file.
  settings.words = wordsFor(settings.language, words.phrases, words.months);
  return { config: Object.freeze(settings), errors };
}

type Settings = { -readonly [K in keyof SiteConfig]: SiteConfig[K] };

/** The `words:` of site.yaml, before the language's table is known. */
interface WordSettings {
  phrases: Partial<Record<keyof Phrases, string>>;
  months: string[] | null;
}

interface SettingProblem {
  name: 'ConfigInvalid' | 'ConfigUnknownKey';
  at: { line: number; column: number };
  text: [message: string, hint: string];
}

function applySetting(
  settings: Settings,
  words: WordSettings,
  entry: YamlEntry,
  yaml: YamlText,
): SettingProblem | null {
  const { key, value } = entry;
  const invalid = (message: string, hint: string): SettingProblem => ({
    name: 'ConfigInvalid',
    at: entry.valueAt,
    text: [message, hint],
  });
  switch (key) {
    case 'title':
    case 'description':
    case 'author': {
      if (typeof value !== 'string') {
        return invalid(`${key} must be text.`, `Write it as \`${key}: "…"\`.`);
      }
      settings[key] = value.trim();
      return null;
    }
    case 'baseUrl': {
      const base = readBaseUrl(value);
      if (!base) {
        return invalid(
          'baseUrl must be an absolute URL, or a path starting with /.',
          'Write it like `baseUrl: https://example.org/blog/`.',
        );
      }
      settings.baseUrl = base.baseUrl;
      settings.basePath = base.basePath;
      return null;
    }
    case 'language': {
      if (typeof value !== 'string' || !isLanguageTag(value)) {
        return invalid(
          'language must be a language tag.',
          'Write it like `language: en` or `language: fr-CA`.',
        );
      }
      settings.language = Intl.getCanonicalLocales(value)[0] ?? value;
      return null;
    }
    case 'timezone': {
      if (typeof value !== 'string' || !isTimeZone(value)) {
        return invalid(
          `timezone ${JSON.stringify(value)} is not an IANA time zone.`,
          'Write it like `timezone: Europe/Paris` or `timezone: UTC`.',
        );
      }
      settings.timezone = value;
      return null;
    }
    case 'postsPerPage': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000) {
        return invalid(
          'postsPerPage must be a whole number from 1 to 1000.',
          'Write it like `postsPerPage: 10`.',
        );
      }
      settings.postsPerPage = value;
      return null;
    }
    case 'permalink': {
      const reason = typeof value === 'string' ? permalinkProblem(value) : 'it is not text';
      if (reason !== null) {
        return invalid(
          `permalink is not a usable URL pattern: ${reason}.`,
          'Write it like `permalink: /:year/:month/:slug/`.',
        );
      }
      settings.permalink = value as string;
      return null;
    }
    case 'labelSlugs': {
      const slugs = readLabelSlugs(value);
      if ('problem' in slugs) {
        return {
          ...invalid(slugs.problem, 'Write it like `labelSlugs: { "C++": cpp }`.'),
          at: itemPosition(yaml, entry.node, slugs.index, entry.valueAt),
        };
      }
      settings.labelSlugs = slugs.map;
      return null;
    }
    case 'feedContent': {
      if (value !== 'full' && value !== 'summary') {
        return invalid(
          'feedContent must be `full` or `summary`.',
          'Write `feedContent: summary` to put only summaries in feeds, or leave it out for whole posts.',
        );
      }
      settings.feedContent = value;
      return null;
    }
    case 'feedLimit': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000) {
        return invalid(
          'feedLimit must be a whole number from 1 to 1000.',
          'Write it like `feedLimit: 20`.',
        );
      }
      settings.feedLimit = value;
      return null;
    }
    case 'bloggerRedirects': {
      if (typeof value !== 'boolean') {
        return invalid(
          'bloggerRedirects must be true or false.',
          'Write `bloggerRedirects: true` to keep the old Blogger addresses working.',
        );
      }
      settings.bloggerRedirects = value;
      return null;
    }
    case 'redirects': {
      const redirects = readRedirects(value);
      if ('problem' in redirects) {
        return {
          ...invalid(
            redirects.problem,
            'Write it like `redirects: { /category/travel/: /labels/travel/ }`.',
          ),
          at: itemPosition(yaml, entry.node, redirects.index, entry.valueAt),
        };
      }
      settings.redirects = redirects.map;
      return null;
    }
    case 'labelIndex': {
      if (value !== 'list' && value !== 'cloud') {
        return invalid(
          `labelIndex must be \`list\` or \`cloud\` (got ${JSON.stringify(value)}).`,
          'Write `labelIndex: cloud` for a cloud weighted by post count, or `labelIndex: list`.',
        );
      }
      settings.labelIndex = value;
      return null;
    }
    case 'relatedPosts': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 50) {
        return invalid(
          'relatedPosts must be a whole number from 0 to 50.',
          'Write it like `relatedPosts: 5`, or `relatedPosts: 0` to show none.',
        );
      }
      settings.relatedPosts = value;
      return null;
    }
    case 'linkCheck': {
      // `off` unquoted is a string in YAML 1.2, but `false` in the YAML 1.1 people know.
      const setting = value === false ? 'off' : value;
      if (setting !== 'warn' && setting !== 'error' && setting !== 'off') {
        return invalid(
          `linkCheck must be \`warn\`, \`error\` or \`off\` (got ${JSON.stringify(value)}).`,
          'Write `linkCheck: error` to fail the build on a broken link (for CI), or `linkCheck: off` to skip the check.',
        );
      }
      settings.linkCheck = setting;
      return null;
    }
    case 'words':
      return readWords(words, entry, yaml);
    case 'theme': {
      if (typeof value !== 'string' || value.trim() === '') {
        return invalid(
          'theme must name a folder or an npm package.',
          'Write it like `theme: ./themes/paper` for a folder of the site, or `theme: rubric-theme-paper` for a package in node_modules.',
        );
      }
      settings.theme = { name: value.trim(), at: entry.valueAt };
      return null;
    }
    default: {
      const near = closest(key, KNOWN_KEYS);
      return {
        name: 'ConfigUnknownKey',
        at: entry.keyAt,
        text: [
          `site.yaml has no setting called \`${key}\`.`,
          near
            ? `Did you mean \`${near}\`?`
            : `The settings are: ${KNOWN_KEYS.map((k) => `\`${k}\``).join(', ')}.`,
        ],
      };
    }
  }
}

function readBaseUrl(value: unknown): { baseUrl: string; basePath: string } | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (text.startsWith('/') && !text.startsWith('//')) {
    const basePath = text.endsWith('/') ? text : `${text}/`;
    return { baseUrl: basePath, basePath };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const basePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { baseUrl: `${url.origin}${basePath}`, basePath };
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Why a permalink pattern cannot be used, or null when it can. */
function permalinkProblem(pattern: string): string | null {
  if (!pattern.startsWith('/') || !pattern.endsWith('/')) return 'it must start and end with /';
  if (!pattern.includes(':slug')) return 'it must contain :slug so that posts differ';
  const segments = pattern.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return 'it must not contain . or .. segments';
    if (!/^[a-z0-9:_.-]+$/.test(segment)) {
      return `"${segment}" may hold only lower-case letters, digits, - _ . and tokens`;
    }
    for (const token of segment.match(/:[a-z]+/g) ?? []) {
      if (!PERMALINK_TOKENS.has(token)) return `${token} is not one of :year :month :day :slug`;
    }
  }
  return null;
}

/** Reads `words:`: phrase key → text, and `months` as a list of twelve names. */
function readWords(words: WordSettings, entry: YamlEntry, yaml: YamlText): SettingProblem | null {
  const { value } = entry;
  const hint = 'Write it like `words: { olderPosts: Earlier posts, readMore: Continue }`.';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      name: 'ConfigInvalid',
      at: entry.valueAt,
      text: ['words must map phrase names to text.', hint],
    };
  }
  for (const [index, [key, text]] of Object.entries(value).entries()) {
    const at = itemPosition(yaml, entry.node, index, entry.valueAt);
    if (key === 'months') {
      if (
        !Array.isArray(text) ||
        text.length !== 12 ||
        !text.every((name): name is string => typeof name === 'string')
      ) {
        return {
          name: 'ConfigInvalid',
          at,
          text: [
            'words.months must be a list of the twelve month names, January first.',
            'Write it like `months: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]`.',
          ],
        };
      }
      words.months = text;
      continue;
    }
    if (!isPhraseKey(key)) {
      const near = closest(key, [...PHRASE_KEYS, 'months']);
      return {
        name: 'ConfigUnknownKey',
        at,
        text: [
          `site.yaml \`words\` has no phrase called \`${key}\`.`,
          near
            ? `Did you mean \`${near}\`?`
            : `The phrases are: ${[...PHRASE_KEYS, 'months'].map((k) => `\`${k}\``).join(', ')}.`,
        ],
      };
    }
    if (typeof text !== 'string' && typeof text !== 'number') {
      return {
        name: 'ConfigInvalid',
        at,
        text: [`words.${key} must be text.`, hint],
      };
    }
    words.phrases[key] = String(text);
  }
  return null;
}

/** The `labelSlugs` mapping, or the first bad entry and its index. */
function readLabelSlugs(
  value: unknown,
): { map: Map<string, string> } | { problem: string; index: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'labelSlugs must map label names to slugs.', index: -1 };
  }
  const map = new Map<string, string>();
  for (const [index, [name, slug]] of Object.entries(value).entries()) {
    if (typeof slug !== 'string' || !hasSlugShape(slug)) {
      return {
        problem: `The slug for label "${name}" must be lower-case letters, digits and single hyphens (got ${JSON.stringify(slug)}).`,
        index,
      };
    }
    if (!isSlug(slug)) {
      return {
        problem: `The slug for label "${name}" is ${Buffer.byteLength(slug)} bytes; a file name takes at most ${MAX_SLUG_BYTES} bytes, so write a shorter one.`,
        index,
      };
    }
    map.set(labelKey(name), slug);
  }
  return { map };
}
