/**
 * Every setting of site.yaml, one row each: the key as written and how its value is read.
 * Most rows are a typed reader from `fields.ts` whose value becomes the setting of that
 * name; the few that set more than their own field, or read a value in parts, `apply`
 * themselves. Rows stand in the order the unknown-key message lists them.
 */
import { isTimeZone } from '../dates.js';
import { flag, oneOf, requiredText, wholeNumber, accept, refuse, type Reading } from '../fields.js';
import { closest } from '../suggest.js';
import { itemPosition, type YamlEntry, type YamlText } from '../yaml.js';
import { readCommentSystem } from './comments.js';
import { applyAuthors } from './authors.js';
import type { SiteConfig } from './config.js';
import { readLabelSlugs } from './label-slugs.js';
import { readRedirects } from './redirects.js';
import { permalinkProblem, readBaseUrl } from './urls.js';
import { readWords, type WordSettings } from './word-settings.js';
import { readSearchSetting } from '../search/setting.js';

/** The settings while site.yaml is read: {@link SiteConfig}, not yet frozen. */
export type Settings = { -readonly [K in keyof SiteConfig]: SiteConfig[K] };

/** What one setting of site.yaml is wrong about, before it is given the file. */
export interface SettingProblem {
  name: 'ConfigInvalid' | 'ConfigUnknownKey';
  at: { line: number; column: number };
  text: [message: string, hint: string];
}

/** What the rows read into: the settings, and `words:` until the language is known. */
export interface SettingsDraft {
  readonly settings: Settings;
  readonly words: WordSettings;
}

/** Reads one value of site.yaml; its value becomes the setting of the same name. */
type SettingReader<T> = (entry: YamlEntry) => Reading<T>;

/** A setting that sets more than its own field, or reads its value in parts. */
interface AppliedSetting {
  readonly apply: (draft: SettingsDraft, entry: YamlEntry, yaml: YamlText) => SettingProblem | null;
}

/** Every field of {@link SiteConfig} that site.yaml sets by a key of the same name. */
type SettingName = Exclude<keyof SiteConfig, 'basePath'>;

const text = requiredText((key) => `Write it as \`${key}: "…"\`.`);

/**
 * The settings, keyed as site.yaml writes them. Adding one: its field in `SiteConfig` and
 * its default in `DEFAULT_CONFIG` (config.ts), then its row here (the type wants one per
 * field): a reader from fields.ts (`comments: flag('Write …')`), one of its own that
 * returns `accept(value)` or `refuse(message, hint)`, or `{ apply }` when it sets more
 * than its field; then its line in the README's settings table.
 */
const SETTINGS: { readonly [K in SettingName]: SettingReader<Settings[K]> | AppliedSetting } = {
  title: text,
  description: text,
  baseUrl: { apply: applyBaseUrl },
  language: ({ value }) =>
    typeof value === 'string' && isLanguageTag(value)
      ? accept(Intl.getCanonicalLocales(value)[0] ?? value)
      : refuse(
          'language must be a language tag.',
          'Write it like `language: en` or `language: fr-CA`.',
        ),
  timezone: ({ value }) =>
    typeof value === 'string' && isTimeZone(value)
      ? accept(value)
      : refuse(
          `timezone ${JSON.stringify(value)} is not an IANA time zone.`,
          'Write it like `timezone: Europe/Paris` or `timezone: UTC`.',
        ),
  author: text,
  authors: { apply: applyAuthors },
  postsPerPage: wholeNumber(1, 1000, 'Write it like `postsPerPage: 10`.'),
  permalink: ({ value }) => {
    const reason = typeof value === 'string' ? permalinkProblem(value) : 'it is not text';
    return reason === null
      ? accept(value as string)
      : refuse(
          `permalink is not a usable URL pattern: ${reason}.`,
          'Write it like `permalink: /:year/:month/:slug/`.',
        );
  },
  labelSlugs: ({ value }) => {
    const slugs = readLabelSlugs(value);
    return 'problem' in slugs
      ? refuse(slugs.problem, 'Write it like `labelSlugs: { "C++": cpp }`.', slugs.index)
      : accept(slugs.map);
  },
  feedContent: oneOf(
    ['full', 'summary'],
    'Write `feedContent: summary` to put only summaries in feeds, or leave it out for whole posts.',
  ),
  feedLimit: wholeNumber(1, 1000, 'Write it like `feedLimit: 20`.'),
  bloggerRedirects: flag(
    'Write `bloggerRedirects: true` to keep the old Blogger addresses working.',
  ),
  redirects: ({ value }) => {
    const redirects = readRedirects(value);
    return 'problem' in redirects
      ? refuse(
          redirects.problem,
          'Write it like `redirects: { /category/travel/: /labels/travel/ }`.',
          redirects.index,
        )
      : accept(redirects.map);
  },
  labelIndex: oneOf(
    ['list', 'cloud'],
    'Write `labelIndex: cloud` for a cloud weighted by post count, or `labelIndex: list`.',
    { sayWhatWasWritten: true },
  ),
  relatedPosts: wholeNumber(
    0,
    50,
    'Write it like `relatedPosts: 5`, or `relatedPosts: 0` to show none.',
  ),
  linkCheck: oneOf(
    ['warn', 'error', 'off'],
    'Write `linkCheck: error` to fail the build on a broken link (for CI), or `linkCheck: off` to skip the check.',
    // `off` unquoted is a string in YAML 1.2, but `false` in the YAML 1.1 people know.
    { sayWhatWasWritten: true, also: new Map([[false, 'off']]) },
  ),
  search: readSearchSetting,
  words: { apply: ({ words }, entry, yaml) => readWords(words, entry, yaml) },
  comments: {
    apply: ({ settings }, entry, yaml) => {
      const read = readCommentSystem(entry, yaml);
      if (!('system' in read)) return read;
      settings.comments = read.system;
      return null;
    },
  },
  theme: ({ value, valueAt }) =>
    typeof value === 'string' && value.trim() !== ''
      ? accept({ name: value.trim(), at: valueAt })
      : refuse(
          'theme must name a folder or an npm package.',
          'Write it like `theme: ./themes/paper` for a folder of the site, or `theme: rubric-theme-paper` for a package in node_modules.',
        ),
};

/** The keys site.yaml may hold, in the order messages list them. */
export const SETTING_NAMES = Object.keys(SETTINGS) as readonly SettingName[];

function isSettingName(key: string): key is SettingName {
  return Object.hasOwn(SETTINGS, key);
}

/** Reads one `key: value` of site.yaml into `draft`, or says what is wrong with it. */
export function applySetting(
  draft: SettingsDraft,
  entry: YamlEntry,
  yaml: YamlText,
): SettingProblem | null {
  if (!isSettingName(entry.key)) return unknownSetting(entry);
  return applyRow(draft, entry.key, SETTINGS[entry.key], entry, yaml);
}

function applyRow<K extends SettingName>(
  draft: SettingsDraft,
  key: K,
  row: SettingReader<Settings[K]> | AppliedSetting,
  entry: YamlEntry,
  yaml: YamlText,
): SettingProblem | null {
  if (typeof row !== 'function') return row.apply(draft, entry, yaml);
  const reading = row(entry);
  if (!reading.ok) {
    const at = itemPosition(yaml, entry.node, reading.item ?? -1, entry.valueAt);
    return { ...invalid(entry, reading.message, reading.hint), at };
  }
  draft.settings[key] = reading.value;
  return null;
}

/** `baseUrl` sets `basePath` too, its path part. */
function applyBaseUrl({ settings }: SettingsDraft, entry: YamlEntry): SettingProblem | null {
  const base = readBaseUrl(entry.value);
  if (!base) {
    return invalid(
      entry,
      'baseUrl must be an absolute URL, or a path starting with /.',
      'Write it like `baseUrl: https://example.org/blog/`.',
    );
  }
  settings.baseUrl = base.baseUrl;
  settings.basePath = base.basePath;
  return null;
}

function invalid(entry: YamlEntry, message: string, hint: string): SettingProblem {
  return { name: 'ConfigInvalid', at: entry.valueAt, text: [message, hint] };
}

function unknownSetting(entry: YamlEntry): SettingProblem {
  const near = closest(entry.key, SETTING_NAMES);
  return {
    name: 'ConfigUnknownKey',
    at: entry.keyAt,
    text: [
      `site.yaml has no setting called \`${entry.key}\`.`,
      near
        ? `Did you mean \`${near}\`?`
        : `The settings are: ${SETTING_NAMES.map((k) => `\`${k}\``).join(', ')}.`,
    ],
  };
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
