/**
 * Every front-matter key Rubric reads, one row per field of the contract (`contract.ts`):
 * the keys that give it and how they are read. Rows are read in this order, so a post's
 * problems come out in it. A key that is in no row goes to `data` for templates (with a
 * warning when it looks like a misspelt row key).
 */
import { buildError } from '../../errors.js';
import { flag, optionalText, type Hint } from '../../fields.js';
import type { LineColumn } from '../../yaml.js';
import type { ReadFields } from './contract.js';
import { readAliases } from './aliases.js';
import { readPublished, readUpdated } from './dates.js';
import { readAllLabels } from './labels.js';
import { permalinkWarning, readAuthors, readFixedUrl, readImage } from './peer-keys.js';
import type { PostKeys } from './post-keys.js';
import { readSlug } from './slug.js';

/** One row of the key table: the keys that give fields `K` of the contract. */
export interface KeyRow<K extends keyof ReadFields = keyof ReadFields> {
  /** Rubric's own keys. */
  readonly keys: readonly string[];
  /**
   * The same meaning as Jekyll, Hugo and Eleventy spell it: read, and also kept in `data`
   * as written, since themes from those tools read them there.
   */
  readonly peerKeys?: readonly string[];
  /** Every line of these keys is read, so one given twice is not warned about. */
  readonly list?: boolean;
  /** False keeps the keys out of near-miss suggestions. */
  readonly suggested?: boolean;
  /** Reads the row's keys of one post: each field it names, with its type. */
  readonly read: (post: PostKeys) => Pick<ReadFields, K>;
}

/** A row of the table, whichever fields it gives. */
export type AnyKeyRow = Omit<KeyRow, 'read'> & {
  readonly read: (post: PostKeys) => Partial<ReadFields>;
};

function row<K extends keyof ReadFields>(spec: KeyRow<K>): KeyRow<K> {
  return spec;
}

/** The fields that no row of `R` gives. */
type Unread<R> = Exclude<keyof ReadFields, R extends KeyRow<infer K> ? K : never>;

/**
 * The rows, once every field of the contract has one: a field without a row makes
 * `KEY_ROWS` a `{ unread }` that check.ts cannot read, so it fails to compile there.
 */
function keyTable<const R extends readonly AnyKeyRow[]>(
  rows: R,
): [Unread<R[number]>] extends [never] ? readonly AnyKeyRow[] : { unread: Unread<R[number]> } {
  return rows as never;
}

/** A key that is `true` or `false`, and `absent` when left out (or wrong, after the error). */
function readFlag(post: PostKeys, key: string, hint: Hint, absent = false): boolean {
  const entry = post.last(key);
  return (entry && post.read(entry, flag(hint))) ?? absent;
}

const LABEL_KEYS = ['labels', 'tags'];
const PEER_LABEL_KEYS = ['categories', 'category'];
const SUMMARY_KEYS = ['summary', 'description', 'excerpt'];
const summaryText = optionalText((key) => `Write it like \`${key}: "…"\`.`);

/**
 * The key table. Adding a key: its field in `FrontMatterFields` (contract.ts), from where
 * it reaches `Post` by itself, then a row here that gives it, such as
 * `row({ keys: ['pinned'], read: (post) => ({ pinned: readFlag(post, 'pinned', hint) }) })`;
 * then its line in the README's front-matter table.
 */
export const KEY_ROWS = keyTable([
  row({ keys: ['title'], read: (post) => ({ title: readTitle(post) }) }),
  row({ keys: ['date'], read: readPublished }),
  // `updated` over Hugo's `lastmod` when a post has both.
  row({ keys: ['updated'], peerKeys: ['lastmod'], read: readUpdated }),
  row({
    keys: LABEL_KEYS,
    peerKeys: PEER_LABEL_KEYS,
    list: true,
    read: (post) => readAllLabels(post, [...LABEL_KEYS, ...PEER_LABEL_KEYS]),
  }),
  row({
    keys: ['author'],
    peerKeys: ['authors'],
    read: (post) => readAuthors(post, post.last('author'), post.last('authors')),
  }),
  row({
    keys: ['summary'],
    peerKeys: ['description', 'excerpt'],
    read: (post) => {
      let summary: string | null = null;
      for (const key of SUMMARY_KEYS) {
        const entry = post.last(key);
        if (summary === null && entry) summary = post.read(entry, summaryText) ?? null;
      }
      return { summary };
    },
  }),
  row({
    keys: [],
    peerKeys: ['image', 'cover', 'images', 'imageAlt'],
    read: (post) => ({
      image: readImage(post, {
        image: post.last('image'),
        cover: post.last('cover'),
        images: post.last('images'),
        imageAlt: post.last('imageAlt'),
      }),
    }),
  }),
  row({
    keys: [],
    peerKeys: ['url'],
    read: (post) => {
      const fixedUrl = readFixedUrl(post, post.last('url'));
      return { fixedUrl, fixedUrlAt: fixedUrl === null ? null : locate(post, 'url') };
    },
  }),
  row({
    keys: [],
    peerKeys: ['permalink'],
    read: (post) => {
      const warning = permalinkWarning(post.file, post.last('permalink'));
      if (warning) post.warnings.push(warning);
      return {};
    },
  }),
  row({ keys: ['slug'], read: readSlug }),
  row({
    keys: ['draft'],
    peerKeys: ['published'],
    read: (post) => {
      const draft = readFlag(
        post,
        'draft',
        'Write `draft: true` to keep the post out of the build, or remove the line.',
      );
      // Jekyll's `published: false` is a draft; `published: true` changes nothing.
      const published = readFlag(
        post,
        'published',
        'Write `published: false` to keep the post out of the build (as `draft: true`), or remove the line.',
        true,
      );
      return { draft: draft || !published };
    },
  }),
  row({
    keys: ['toc'],
    read: (post) => ({
      toc: readFlag(
        post,
        'toc',
        'Write `toc: true` to show a table of contents, or remove the line.',
      ),
    }),
  }),
  row({
    keys: ['page'],
    // `page` is two letters from `image`, a key many themes use: a warning on every
    // `image:` would be noise.
    suggested: false,
    read: (post) => ({
      page: readFlag(
        post,
        'page',
        'Write `page: true` to publish this as a page of the site (like /about/), outside the list of posts.',
      ),
    }),
  }),
  row({ keys: ['pinned'], read: (post) => ({ pinned: readPinned(post) }) }),
  row({ keys: ['aliases'], read: (post) => ({ aliases: readAliases(post) }) }),
  row({
    keys: ['layout'],
    read: (post) => {
      const layout = readLayout(post);
      return { layout, layoutAt: layout === null ? null : locate(post, 'layout') };
    },
  }),
]);

/** `pinned: true` (the home page), `pinned: labels` (its label pages too), or `false`. */
function readPinned(post: PostKeys): 'home' | 'labels' | null {
  const entry = post.last('pinned');
  if (!entry || entry.value === null || entry.value === false) return null;
  if (entry.value === true) return 'home';
  if (entry.value === 'labels') return 'labels';
  post.fail(
    'FrontMatterInvalid',
    entry,
    `pinned must be true, false or labels (got ${JSON.stringify(entry.value)}).`,
    'Write `pinned: true` to keep the post at the top of the home page, or `pinned: labels` to keep it at the top of its label pages too.',
  );
  return null;
}

function locate(post: PostKeys, key: string): LineColumn | null {
  return post.last(key)?.valueAt ?? null;
}

/** The headline: text that is not blank. Without one the post cannot be built. */
function readTitle(post: PostKeys): string {
  const entry = post.last('title');
  if (!entry) {
    post.errors.push(
      buildError(
        'MissingTitle',
        { file: post.file, line: 1, column: 1 },
        'This post has no title.',
        'Add a line `title: Your headline` to the front matter.',
      ),
    );
  } else if (typeof entry.written !== 'string') {
    post.fail(
      'MissingTitle',
      entry,
      'title must be text.',
      'Write it like `title: "Your headline"`.',
    );
  } else if (entry.written.trim() === '') {
    post.fail('MissingTitle', entry, 'title is empty.', 'Write the headline after `title:`.');
  } else {
    return entry.written.trim();
  }
  return '';
}

/**
 * `layout`: a template name as the site's `templates/` folder spells it (`wide`,
 * `layouts/wide`). Whether that template exists is for the render stage to say.
 */
function readLayout(post: PostKeys): string | null {
  const entry = post.last('layout');
  if (!entry || entry.value === null) return null;
  const name = typeof entry.value === 'string' ? entry.value.trim() : '';
  if (/^[\w-]+(\/[\w-]+)*$/.test(name) && !name.startsWith('partials/')) return name;
  post.fail(
    'FrontMatterInvalid',
    entry,
    `layout ${JSON.stringify(entry.value)} is not a template name.`,
    'Write the name of a template in templates/ without `.hbs`, like `layout: wide` for templates/wide.hbs.',
  );
  return null;
}
