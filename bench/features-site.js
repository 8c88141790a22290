/* global Buffer */
/**
 * The sites bench/features.js builds: a variant of the benchmark corpus with some of issue
 * 14's reader features in it (`writeVariant`), and the check that a built variant really
 * has them (`checkOutput`): a cost table of a feature that silently did not build is
 * worthless, so a missing iframe, formula, comment, author page or search index throws.
 */
import { readdir, readFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import {
  AUTHORS,
  IMAGES,
  commentsFor,
  png,
  siteYaml,
  splitPost,
  withAuthors,
  withEmbeds,
  withMath,
  withoutAuthor,
} from './features-content.js';

/** The variants, in the table's order; `features` lists what each turns on. */
export const VARIANTS = [
  ['base', []],
  ['+ search', ['search']],
  ['+ embeds', ['embeds']],
  ['+ comments', ['comments']],
  ['+ authors', ['authors']],
  ['+ math', ['math']],
  ['all, search off', ['embeds', 'comments', 'authors', 'math']],
  ['all, search on', ['search', 'embeds', 'comments', 'authors', 'math']],
];

/** The corpus's posts, sorted, with the slug each page gets (the file name less its date). */
async function corpusPosts(corpusDir) {
  const names = (await readdir(path.join(corpusDir, 'posts')))
    .filter((name) => name.endsWith('.md'))
    .sort();
  return names.map((name) => ({ name, slug: name.slice(11, -3) }));
}

/**
 * Writes the site of `features` into `dir` (emptied first) from the corpus; returns what
 * each post got, by slug, for {@link checkOutput}.
 */
export async function writeVariant(corpusDir, dir, features) {
  const on = new Set(features);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await mkdir(path.join(dir, 'static', 'images'), { recursive: true });
  for (let k = 0; k < IMAGES; k++) {
    await writeFile(path.join(dir, 'static', 'images', `fig-${k}.png`), png(640, 360, 40 + k * 20));
  }
  await writeFile(
    path.join(dir, 'site.yaml'),
    siteYaml({ search: on.has('search'), authors: on.has('authors') }),
  );
  const posts = await corpusPosts(corpusDir);
  const expected = new Map();
  for (const [index, post] of posts.entries()) {
    const text = await readFile(path.join(corpusDir, 'posts', post.name), 'utf8');
    const parts = splitPost(text);
    const got = {};
    let { front, body } = parts;
    if (on.has('authors')) {
      const authored = withAuthors(front, index);
      front = authored.front;
      Object.assign(got, authored.added);
    } else front = withoutAuthor(front);
    for (const [feature, add] of [
      ['embeds', withEmbeds],
      ['math', withMath],
    ]) {
      if (!on.has(feature)) continue;
      const result = add(body, index);
      body = result.body;
      Object.assign(got, result.added);
    }
    const comments = on.has('comments') ? commentsFor(front, index) : null;
    if (comments) {
      const file = path.join(dir, 'posts', post.name.replace(/\.md$/, '.comments.yaml'));
      await writeFile(file, comments.text);
      Object.assign(got, comments.added);
    }
    await writeFile(path.join(dir, 'posts', post.name), front + body);
    expected.set(post.slug, got);
  }
  return { expected, features: on, posts: posts.length };
}

/** Every file under `folder`, as paths relative to it. */
export async function listFiles(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

/** The post pages (`YYYY/MM/SLUG/index.html`) by slug. */
function postPages(files) {
  const pages = new Map();
  for (const file of files) {
    const parts = file.split(path.sep);
    if (parts.length === 4 && /^\d{4}$/.test(parts[0]) && parts[3] === 'index.html') {
      pages.set(parts[2], file);
    }
  }
  return pages;
}

/** What one post page holds of each feature, counted from its parsed HTML. */
function countOnPage(html) {
  const $ = cheerio.load(html);
  const article = $('article.post-full');
  return {
    youtube: article.find('iframe[src^="https://www.youtube-nocookie.com/embed/"]').length,
    vimeo: article.find('iframe[src^="https://player.vimeo.com/video/"]').length,
    figures: article.find('figure.embed-figure img[width][height]').length,
    math: article.find('math').length,
    displayMath: article.find('math[display="block"]').length,
    comments: $('section.comments li.comment').length,
    replies: $('section.comments li.comment li.comment').length,
    authors: article.find('.post-byline a.author-link[rel="author"]').length,
  };
}

const FEATURE_KEYS = {
  embeds: ['youtube', 'vimeo', 'figures'],
  math: ['math', 'displayMath'],
  comments: ['comments', 'replies'],
  authors: ['authors'],
};

/** The counts a post of `variant` must show: what was added, zero for the rest. */
function wanted(got, on) {
  const want = {};
  for (const [feature, keys] of Object.entries(FEATURE_KEYS)) {
    for (const key of keys) {
      if (key === 'authors') want[key] = on.has('authors') ? got.authors.length : 0;
      else if (key === 'replies') want[key] = got.replies ?? 0;
      else want[key] = on.has(feature) ? (got[key] ?? 0) : 0;
    }
  }
  return want;
}

/**
 * Checks the built `out` against what {@link writeVariant} put in: every post page shows
 * exactly its videos, figures, formulas, comments and author links; the author pages and
 * feeds are there with authors on and absent without; the search page and index likewise.
 * Returns totals for the report; throws with the first problems when anything is off.
 */
export async function checkOutput(out, variant) {
  const files = await listFiles(out);
  const pages = postPages(files);
  const problems = [];
  const totals = {};
  for (const [slug, got] of variant.expected) {
    const page = pages.get(slug);
    if (!page) {
      problems.push(`no page for post ${slug}`);
      continue;
    }
    const want = wanted(got, variant.features);
    // Pages with nothing to show are parsed one in ten: the zero counts need no more.
    if (Object.values(want).every((n) => n === 0) && pages.size > 10 && hash(slug) % 10 !== 0)
      continue;
    const seen = countOnPage(await readFile(path.join(out, page), 'utf8'));
    for (const [key, n] of Object.entries(want)) {
      totals[key] = (totals[key] ?? 0) + seen[key];
      if (seen[key] !== n) problems.push(`${page}: ${seen[key]} ${key}, expected ${n}`);
    }
  }
  checkAuthorPages(files, variant.features.has('authors'), problems, totals);
  checkSearch(out, files, variant, problems, totals);
  if (problems.length > 0) {
    throw new Error(
      `${out} lacks what its variant holds (${problems.length} problems):\n  ${problems.slice(0, 12).join('\n  ')}`,
    );
  }
  return { files: files.length, totals };
}

function hash(text) {
  let h = 0;
  for (const byte of Buffer.from(text)) h = (h * 31 + byte) >>> 0;
  return h;
}

function checkAuthorPages(files, on, problems, totals) {
  const authorPages = files.filter((f) => /^authors\/[^/]+\/index\.html$/.test(f));
  const feeds = files.filter((f) => /^authors\/[^/]+\/feed\.xml$/.test(f));
  totals.authorPages = authorPages.length;
  totals.authorFeeds = feeds.length;
  const want = on ? AUTHORS.length : 0;
  if (authorPages.length !== want)
    problems.push(`${authorPages.length} author pages, expected ${want}`);
  if (feeds.length !== want) problems.push(`${feeds.length} author feeds, expected ${want}`);
}

function checkSearch(out, files, variant, problems, totals) {
  const on = variant.features.has('search');
  const index = files.filter((f) => f.startsWith(`pagefind${path.sep}`));
  const fragments = index.filter((f) => f.startsWith(path.join('pagefind', 'fragment')));
  totals.searchFiles = index.length;
  totals.searchFragments = fragments.length;
  const page = existsSync(path.join(out, 'search', 'index.html'));
  if (on) {
    if (!page) problems.push('no search/index.html');
    if (!index.includes(path.join('pagefind', 'pagefind-entry.json')))
      problems.push('no pagefind/pagefind-entry.json');
    // One fragment per post: Pagefind keeps each post's text in a file of its own.
    if (fragments.length !== variant.posts)
      problems.push(`${fragments.length} pagefind fragments, expected ${variant.posts}`);
  } else if (page || index.length > 0) problems.push('search output with search off');
}
