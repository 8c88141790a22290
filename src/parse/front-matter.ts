/**
 * Front matter: `source-text.ts` finds it, `yaml-compat.ts` parses it with positions as
 * js-yaml would read it, and each key of the content contract (DESIGN.md) is checked here. A broken rule becomes a
 * BuildError at the offending key or value with a sentence that says how to fix it.
 */
import { buildError, buildWarning, type BuildError, type BuildWarning } from '../errors.js';
import { readDate } from '../dates.js';
import { fitSlug, hasSlugShape, labelKey, MAX_SLUG_BYTES, slugify, slugIsCut } from '../slug.js';
import { closest } from '../suggest.js';
import {
  permalinkWarning,
  readAuthors,
  readFixedUrl,
  readImage,
  type FrontMatterImage,
} from './peer-keys.js';
import {
  itemPosition,
  topLevelEntries,
  type LineColumn,
  type YamlEntry,
  type YamlText,
} from '../yaml.js';
import type { SourceFile } from '../load/load.js';
import {
  cleanPostText,
  encodingWarnings,
  splitFrontMatter,
  withoutControlCharacters,
} from './source-text.js';
import { parseFrontMatterYaml, repeatedKeyWarnings, syntaxHint } from './yaml-compat.js';

/** What the front matter of one post says, checked. */
export interface FrontMatter {
  readonly title: string;
  /** Epoch milliseconds. */
  readonly date: number;
  /** False when `date` gave a day alone, so no time of day is shown. */
  readonly dateHasTime: boolean;
  readonly updated: number | null;
  /** Label names as written, trimmed, in the author's order, without repeats. */
  readonly labels: readonly string[];
  /** Byline names from `author` and `authors`; empty means the site's author. */
  readonly authors: readonly string[];
  /** `summary`, else `description`, else `excerpt`. */
  readonly summary: string | null;
  /** The post's picture (`image`, `cover` or `images`), as written. */
  readonly image: FrontMatterImage | null;
  readonly slug: string | null;
  /** Where the `slug:` value is, so a URL collision can point at the line to change. */
  readonly slugAt: LineColumn | null;
  /** Hugo's `url:`: the post's exact path (`/2012/05/old.html`, `/notes/`), or null. */
  readonly fixedUrl: string | null;
  readonly fixedUrlAt: LineColumn | null;
  readonly draft: boolean;
  /** `toc: true` asks for a table of contents on the post's page. */
  readonly toc: boolean;
  /** A page of the site (`/about/`) rather than a post: outside lists, labels and feeds. */
  readonly page: boolean;
  /**
   * Other site paths that lead to this post (its old addresses), decoded, each starting
   * with `/`; a path without a file extension ends with `/`.
   */
  readonly aliases: readonly string[];
  /** `layout: wide`: the site template (`templates/wide.hbs`) that renders this post. */
  readonly layout: string | null;
  /** Where the `layout:` value is, so an unknown layout can be shown at its line. */
  readonly layoutAt: LineColumn | null;
  /**
   * Every key the contract does not know, and the peer keys as written, for templates
   * (`post.data.editor`, `post.data.cover`).
   */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The front matter and the Markdown body that follows it. */
export interface SplitPost {
  readonly frontMatter: FrontMatter | null;
  readonly body: string;
  /** The line of the file on which the body starts. */
  readonly bodyLine: number;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

/**
 * What Jekyll, Hugo and Eleventy posts carry (see peer-keys.ts). Read, and also kept in
 * `data` as written, since themes from those tools read them there.
 */
const PEER_KEYS = [
  'authors',
  'categories',
  'category',
  'description',
  'excerpt',
  'image',
  'cover',
  'images',
  'imageAlt',
  'lastmod',
  'published',
  'url',
  'permalink',
] as const;

const KNOWN_KEYS = [
  'title',
  'date',
  'labels',
  'tags',
  'author',
  'summary',
  'slug',
  'draft',
  'updated',
  'toc',
  'aliases',
  'page',
  'layout',
  ...PEER_KEYS,
] as const;

type KnownKey = (typeof KNOWN_KEYS)[number];

/** Keys whose lists are merged when the key is given twice (Jekyll writes `tags` twice). */
const LIST_KEYS = ['labels', 'tags', 'categories', 'category'];

/**
 * Keys a near-miss is compared with. `page` is left out: it is two letters from `image`,
 * a key many themes use, and a warning on every `image:` would be noise.
 */
const SUGGESTED_KEYS = KNOWN_KEYS.filter((key) => key !== 'page');

function isKnownKey(key: string): key is KnownKey {
  return (KNOWN_KEYS as readonly string[]).includes(key);
}

/** Splits a post file into checked front matter and body. `zone` reads offset-less dates. */
export function readFrontMatter(file: SourceFile, zone: string): SplitPost {
  const { text, warnings: cleaned } = cleanPostText(file.path, file.text);
  const warnings = [...encodingWarnings(file), ...cleaned];
  const block = splitFrontMatter(text);
  const fail = (error: BuildError, body = text): SplitPost => ({
    frontMatter: null,
    body,
    bodyLine: 1,
    errors: [error],
    warnings,
  });
  const top = { file: file.path, line: 1, column: 1 };
  if (block.kind === 'none') {
    return fail(
      buildError(
        'FrontMatterInvalid',
        top,
        'This post has no front matter.',
        'Start the file with a `---` line, then `title:` and `date:`, then another `---` line.',
      ),
    );
  }
  if (block.kind === 'unclosed') {
    return fail(
      buildError(
        'FrontMatterUnclosed',
        top,
        'The front matter opened by the `---` on line 1 is never closed: no later line is `---`, so the whole file would be read as front matter.',
        'Add a line `---` after the last front-matter key, before the text of the post.',
      ),
      '',
    );
  }
  const { yaml, syntaxError } = parseFrontMatterYaml(block.yamlText);
  if (syntaxError) {
    const error = buildError(
      'FrontMatterSyntax',
      { file: file.path, line: syntaxError.line, column: syntaxError.column },
      `The front matter is not valid YAML: ${syntaxError.message}.`,
      syntaxHint(syntaxError),
    );
    return fail(error, block.body);
  }
  const checked = checkFrontMatter(file.path, yaml, zone);
  return {
    ...checked,
    warnings: [...warnings, ...checked.warnings],
    body: block.body,
    bodyLine: block.bodyLine,
  };
}

function checkFrontMatter(
  file: string,
  yaml: YamlText,
  zone: string,
): { frontMatter: FrontMatter | null; errors: BuildError[]; warnings: BuildWarning[] } {
  const errors: BuildError[] = [];
  const warnings: BuildWarning[] = [];
  const entries = withoutControlCharacters(file, topLevelEntries(yaml), warnings);
  if (entries === null) {
    errors.push(
      buildError(
        'FrontMatterInvalid',
        { file, line: 2, column: 1 },
        'The front matter must be a list of `key: value` lines.',
        'Write it like `title: My post` and `date: 2025-04-12` on their own lines.',
      ),
    );
    return { frontMatter: null, errors, warnings };
  }
  // A key given twice takes its last value; label lists are read from every line.
  const byKey = new Map(entries.map((e) => [e.key, e]));
  warnings.push(...repeatedKeyWarnings(file, entries, LIST_KEYS));
  const fail = (name: BuildError['name'], entry: YamlEntry, message: string, hint: string) => {
    errors.push(buildError(name, { file, ...entry.valueAt }, message, hint));
  };
  const top = { file, line: 1, column: 1 };

  const titleEntry = byKey.get('title');
  let title = '';
  if (!titleEntry) {
    errors.push(
      buildError(
        'MissingTitle',
        top,
        'This post has no title.',
        'Add a line `title: Your headline` to the front matter.',
      ),
    );
  } else if (typeof titleEntry.written !== 'string') {
    fail(
      'MissingTitle',
      titleEntry,
      'title must be text.',
      'Write it like `title: "Your headline"`.',
    );
  } else if (titleEntry.written.trim() === '') {
    fail('MissingTitle', titleEntry, 'title is empty.', 'Write the headline after `title:`.');
  } else {
    title = titleEntry.written.trim();
  }

  const dateReading = readDateKey(byKey.get('date'), zone, fail);
  if (!byKey.has('date')) {
    errors.push(
      buildError(
        'InvalidDate',
        top,
        'This post has no date.',
        'Add a line `date: 2025-04-12` (or `2025-04-12T09:30`) to the front matter.',
      ),
    );
  }
  // `updated` over Hugo's `lastmod` when a post has both.
  const updatedEntry = byKey.get('updated') ?? byKey.get('lastmod');
  const updated = updatedEntry ? (readDateKey(updatedEntry, zone, fail)?.epochMs ?? null) : null;

  const labels: string[] = [];
  for (const key of ['labels', 'tags', 'categories', 'category'] as const) {
    for (const entry of entries) {
      if (entry.key !== key) continue;
      // Jekyll's `categories: treaties history` is two: a string without a comma is split
      // on spaces for this key alone (a label of many words belongs in `labels`).
      const { written } = entry;
      if (key === 'categories' && typeof written === 'string' && !written.includes(','))
        labels.push(...written.split(/\s+/));
      else labels.push(...readLabels(file, yaml, entry, errors, warnings));
    }
  }

  const sink = { file, yaml, errors };
  const authors = readAuthors(sink, byKey.get('author'), byKey.get('authors'));
  let summary: string | null = null;
  for (const key of ['summary', 'description', 'excerpt']) {
    summary ??= readText(byKey.get(key), key, fail);
  }
  const image = readImage(sink, {
    image: byKey.get('image'),
    cover: byKey.get('cover'),
    images: byKey.get('images'),
    imageAlt: byKey.get('imageAlt'),
  });
  const fixedUrlEntry = byKey.get('url');
  const fixedUrl = readFixedUrl(sink, fixedUrlEntry);
  const permalink = permalinkWarning(file, byKey.get('permalink'));
  if (permalink) warnings.push(permalink);

  let slug: string | null = null;
  const slugEntry = byKey.get('slug');
  if (slugEntry) {
    const value = slugEntry.written;
    if (typeof value !== 'string' || !hasSlugShape(value)) {
      fail(
        'InvalidSlug',
        slugEntry,
        `slug ${JSON.stringify(value)} is not a slug: it must be lower-case letters, digits and single hyphens, with no / or dots.`,
        'Write it like `slug: oman-talks`.',
      );
    } else {
      slug = fitSlug(value);
      if (slug !== value) {
        warnings.push(
          longSlugWarning({ file, ...slugEntry.valueAt }, 'slug', `the slug is ${slug}`),
        );
      }
    }
  }

  const draft = readBoolean(
    byKey.get('draft'),
    fail,
    'draft must be true or false.',
    'Write `draft: true` to keep the post out of the build, or remove the line.',
  );
  // Jekyll's `published: false` is a draft; `published: true` changes nothing.
  const published = byKey.get('published');
  const unpublished =
    published !== undefined &&
    !readBoolean(
      published,
      fail,
      'published must be true or false.',
      'Write `published: false` to keep the post out of the build (as `draft: true`), or remove the line.',
      true,
    );
  const toc = readBoolean(
    byKey.get('toc'),
    fail,
    'toc must be true or false.',
    'Write `toc: true` to show a table of contents, or remove the line.',
  );
  const page = readBoolean(
    byKey.get('page'),
    fail,
    'page must be true or false.',
    'Write `page: true` to publish this as a page of the site (like /about/), outside the list of posts.',
  );

  const aliasEntry = byKey.get('aliases');
  const aliases = aliasEntry ? readAliases(file, yaml, aliasEntry, errors) : [];
  const layoutEntry = byKey.get('layout');
  const layout = readLayout(layoutEntry, fail);

  const data: Record<string, unknown> = {};
  for (const entry of entries) {
    if ((PEER_KEYS as readonly string[]).includes(entry.key)) data[entry.key] = entry.value;
    if (isKnownKey(entry.key)) continue;
    data[entry.key] = entry.value;
    const meant = closest(entry.key, SUGGESTED_KEYS);
    if (meant !== null && !byKey.has(meant)) {
      warnings.push(
        buildWarning(
          'FrontMatterTypo',
          { file, ...entry.keyAt },
          `\`${entry.key}\` is not a front-matter key Rubric reads; it is passed to templates as post.data.${entry.key}.`,
          `Did you mean \`${meant}\`?`,
        ),
      );
    }
  }

  if (errors.length > 0 || dateReading === null) return { frontMatter: null, errors, warnings };
  const frontMatter: FrontMatter = {
    title,
    date: dateReading.epochMs,
    dateHasTime: dateReading.hasTime,
    updated,
    labels: dedupe(labels.filter((label) => label !== '')),
    authors,
    summary,
    image,
    slug,
    slugAt: slug === null ? null : (slugEntry?.valueAt ?? null),
    fixedUrl,
    fixedUrlAt: fixedUrl === null ? null : (fixedUrlEntry?.valueAt ?? null),
    draft: draft || unpublished,
    toc,
    page,
    aliases,
    layout,
    layoutAt: layout === null ? null : (layoutEntry?.valueAt ?? null),
    data,
  };
  return { frontMatter, errors, warnings };
}

type Fail = (name: BuildError['name'], entry: YamlEntry, message: string, hint: string) => void;

function readDateKey(
  entry: YamlEntry | undefined,
  zone: string,
  fail: Fail,
): { epochMs: number; hasTime: boolean } | null {
  if (!entry) return null;
  const key = entry.key;
  const text = typeof entry.written === 'string' ? entry.written : String(entry.written);
  const reading = readDate(text, zone);
  if (reading.ok) return reading;
  fail(
    'InvalidDate',
    entry,
    `${key} ${JSON.stringify(entry.written)} is not a date: ${reading.reason}.`,
    `Write it like \`${key}: 2025-04-12\`, \`${key}: 2025-04-12 09:30\` or \`${key}: 2025-04-12T09:30:00+02:00\`; without an offset it is read in the site's timezone.`,
  );
  return null;
}

/** A true/false key; absent (or wrong, after the error) is `absent`. */
function readBoolean(
  entry: YamlEntry | undefined,
  fail: Fail,
  message: string,
  hint: string,
  absent = false,
): boolean {
  if (!entry) return absent;
  if (typeof entry.value === 'boolean') return entry.value;
  fail('FrontMatterInvalid', entry, message, hint);
  return absent;
}

function readText(entry: YamlEntry | undefined, key: string, fail: Fail): string | null {
  if (!entry || entry.written === null) return null;
  if (typeof entry.written !== 'string') {
    fail('FrontMatterInvalid', entry, `${key} must be text.`, `Write it like \`${key}: "…"\`.`);
    return null;
  }
  const text = entry.written.trim();
  return text === '' ? null : text;
}

/**
 * `layout`: a template name as the site's `templates/` folder spells it (`wide`,
 * `layouts/wide`). Whether that template exists is for the render stage to say.
 */
function readLayout(entry: YamlEntry | undefined, fail: Fail): string | null {
  if (!entry || entry.value === null) return null;
  const name = typeof entry.value === 'string' ? entry.value.trim() : '';
  if (/^[\w-]+(\/[\w-]+)*$/.test(name) && !name.startsWith('partials/')) return name;
  fail(
    'FrontMatterInvalid',
    entry,
    `layout ${JSON.stringify(entry.value)} is not a template name.`,
    'Write the name of a template in templates/ without `.hbs`, like `layout: wide` for templates/wide.hbs.',
  );
  return null;
}

/**
 * `labels` (or `tags`) is a list of names, or one string split on commas only: never on
 * spaces, so `foreign relations of iran` stays one label.
 */
function readLabels(
  file: string,
  yaml: YamlText,
  entry: YamlEntry,
  errors: BuildError[],
  warnings: BuildWarning[],
): string[] {
  const value = entry.written;
  const warnIfLong = (name: string, at: LineColumn) => {
    if (!slugIsCut(name)) return;
    const slug = slugify(name);
    warnings.push(longSlugWarning({ file, ...at }, 'label', `its page is at /labels/${slug}/`));
  };
  const hint = `Write \`${entry.key}: [Oman, nuclear talks]\`, a list with one \`- name\` per line, or \`${entry.key}: Oman, nuclear talks\`.`;
  if (value === null) return [];
  if (typeof value === 'string') {
    const names = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const name of names) warnIfLong(name, entry.valueAt);
    return names;
  }
  if (!Array.isArray(value)) {
    errors.push(
      buildError(
        'InvalidLabels',
        { file, ...entry.valueAt },
        `${entry.key} must be a list of names or one comma-separated string.`,
        hint,
      ),
    );
    return [];
  }
  const names: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') {
      const name = item.trim();
      if (name !== '') names.push(name);
      warnIfLong(name, itemPosition(yaml, entry.node, index, entry.valueAt));
      return;
    }
    errors.push(
      buildError(
        'InvalidLabels',
        { file, ...itemPosition(yaml, entry.node, index, entry.valueAt) },
        `Each of ${entry.key} must be a name; item ${index + 1} is ${describe(item)}.`,
        hint,
      ),
    );
  });
  return names;
}

/**
 * A slug (or a label's slug) too long for a file name was cut: say so where it was
 * written, with the address the page now has.
 */
function longSlugWarning(
  at: { file: string; line: number; column: number },
  what: 'slug' | 'label',
  result: string,
): BuildWarning {
  const whose = what === 'slug' ? 'This slug is' : 'This label makes a slug';
  return buildWarning(
    'LongSlug',
    at,
    `${whose} longer than the ${MAX_SLUG_BYTES} bytes a file name can safely take, so it is cut and given a short hash: ${result}.`,
    what === 'slug'
      ? 'Write a shorter `slug:` to choose the address yourself.'
      : 'Shorten the label; a label this long is usually text that belongs in the post.',
  );
}

/**
 * `aliases`: old addresses of the post, as site paths (`/2024/03/old-name.html`), one
 * string or a list. Each becomes a redirect page, so it must be a path that stays inside
 * the output folder and that a static host can serve: no `..`, no query or fragment.
 */
function readAliases(
  file: string,
  yaml: YamlText,
  entry: YamlEntry,
  errors: BuildError[],
): string[] {
  const { value } = entry;
  const hint =
    'Write each alias as a path from the site root, like `aliases: [/2024/03/old-name.html]`.';
  if (value === null) return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const aliases: string[] = [];
  items.forEach((item, index) => {
    const at = Array.isArray(value)
      ? itemPosition(yaml, entry.node, index, entry.valueAt)
      : entry.valueAt;
    const problem = typeof item === 'string' ? aliasProblem(item) : `${describe(item)}, not a path`;
    if (problem !== null) {
      errors.push(
        buildError(
          'InvalidAlias',
          { file, ...at },
          `The alias ${JSON.stringify(item)} cannot be used: ${problem}.`,
          hint,
        ),
      );
      return;
    }
    const path = normaliseAlias(item as string);
    if (!aliases.includes(path)) aliases.push(path);
  });
  return aliases;
}

function aliasProblem(alias: string): string | null {
  if (!alias.startsWith('/') || alias.startsWith('//')) return 'it must start with one /';
  let decoded: string;
  try {
    decoded = decodeURI(alias);
  } catch {
    return 'it has a broken %-escape';
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[?#\\\u0000-\u001f\u007f]/.test(decoded))
    return 'it may not hold ?, #, \\ or control characters';
  const segments = decoded.split('/').slice(1);
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) {
    return 'it may not hold ., .. or empty segments';
  }
  if (decoded.includes('%')) return 'it escapes a character a path cannot hold (%2F, %3F …)';
  if (decoded === '/') return 'it is the home page';
  return null;
}

/** Decoded, and a path with no file extension made a folder: `/old/post` → `/old/post/`. */
function normaliseAlias(alias: string): string {
  const decoded = decodeURI(alias).normalize('NFC');
  const last = decoded.split('/').at(-1) ?? '';
  return last === '' || last.includes('.') ? decoded : `${decoded}/`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping (is there a `: ` inside it?)' : typeof value;
}

/** One post names a label once, whatever the case or spacing of its repeats. */
function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = labelKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
