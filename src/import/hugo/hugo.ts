/**
 * `rubric import hugo DIR`: a Hugo site's source folder → Rubric posts. Posts come from
 * `content/posts/` (`name.md`, or a page bundle `name/index.md` with its files beside it,
 * which are copied to the post's new address); other top-level content files are pages.
 * Each keeps its old URL (the `[permalinks]` of hugo.toml/config.toml/config.yaml, the
 * post's own `url` or `slug`, and its `aliases`) as an alias; `/tags/X/`, `/categories/X/`
 * and `/index.xml` redirect to the label pages and the feed. Reads the disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { FEED_URL, labelUrl } from '../../urls.js';
import { labelSlug } from '../../model/labels.js';
import { slugify } from '../../slug.js';
import { isoDate, splitSource, stringList, textOf } from '../folder/front-matter.js';
import {
  commonFields,
  keptAsWritten,
  localFileRefs,
  markdownPost,
  relativeFileRefs,
  sitePath,
} from '../folder/posts.js';
import {
  folderImporter,
  type FolderFail,
  type AssetCopy,
  type FolderBlog,
} from '../folder/site.js';
import type { ImportFailure } from '../import.js';
import type { ImportedPost } from '../source.js';
import { convertShortcodes } from './shortcodes.js';

const CONFIG_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'config.toml',
  'config.yaml',
  'config.yml',
];

/** Runs a Hugo import. */
export const importHugo = folderImporter({
  format: 'hugo',
  hint: "Give the Hugo site's source folder, the one with hugo.toml and content/.",
  read: readHugo,
});

async function readHugo(dir: string, fail: FolderFail): Promise<FolderBlog | ImportFailure> {
  let config: Record<string, unknown> | null = null;
  for (const name of CONFIG_FILES) {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => null);
    if (text === null) continue;
    config = (name.endsWith('.toml') ? parseToml(text) : (parseYaml(text) ?? {})) as Record<
      string,
      unknown
    >;
    break;
  }
  if (config === null) {
    const jekyll = await readFile(path.join(dir, '_config.yml')).then(
      () => true,
      () => false,
    );
    return fail(
      jekyll
        ? `${dir} is a Jekyll site (it has _config.yml), not a Hugo one.`
        : `${dir} has no hugo.toml, hugo.yaml or config.toml, so it is not a Hugo site.`,
      jekyll ? 'Import it with `rubric import jekyll DIR`.' : "Give the Hugo site's source folder.",
    );
  }
  const files = (await glob(['content/**/*.md'], { cwd: dir })).sort();
  const sources = await Promise.all(
    files.map(async (file) => ({ file, text: await readFile(path.join(dir, file), 'utf8') })),
  );
  return convertSite(sources, config);
}

function convertSite(
  sources: readonly { file: string; text: string }[],
  config: Record<string, unknown>,
): FolderBlog {
  const permalinks = (config.permalinks ?? {}) as Record<string, unknown>;
  const read = sources.flatMap((source) => {
    const post = readPost(source, permalinks);
    return post === null ? [] : [post];
  });
  const byContentPath = new Map<string, string>();
  for (const { post, source } of read) {
    const inContent = source.file.replace(/^content\//, '');
    // Hugo finds a ref by any tail of its path, with or without `index.md` or `.md`.
    const parts = inContent.split('/');
    for (let from = 0; from < parts.length; from++) {
      const tail = parts.slice(from).join('/');
      for (const key of [tail, tail.replace(/\/index\.md$/, ''), tail.replace(/\.md$/, '')]) {
        if (key !== '' && !byContentPath.has(key)) byContentPath.set(key, post.id);
      }
    }
  }
  const convert = (urls: ReadonlyMap<string, string>) => {
    const notes: string[] = [];
    const assets: AssetCopy[] = [];
    const posts = read.map(({ post, source, body, bodyLine }) => {
      const { markdown, unconverted } = convertShortcodes(body, (target) => {
        const id = byContentPath.get(target.replace(/^\//, '')) ?? byContentPath.get(target);
        return id === undefined ? undefined : urls.get(id);
      });
      for (const shortcode of unconverted)
        notes.push(
          keptAsWritten(source.file, bodyLine, shortcode, 'Rubric has no such shortcode.'),
        );
      for (const ref of localFileRefs(markdown))
        assets.push({ from: `static${ref}`, to: `static${ref}` });
      // A page bundle's files go to the post's new address, where its relative links point.
      const url = urls.get(post.id);
      if (source.file.endsWith('/index.md') && url !== undefined) {
        const folder = path.posix.dirname(source.file);
        for (const ref of relativeFileRefs(markdown))
          assets.push({ from: `${folder}/${ref}`, to: `static${url}${ref}` });
      }
      return { ...post, markdown };
    });
    return { posts, assets, notes };
  };
  const labels = new Set(read.flatMap(({ post }) => post.labels));
  return {
    blog: {
      source: { key: 'hugo', name: 'Hugo' },
      title: textOf(config.title),
      timezone: textOf(config.timeZone) ?? textOf(config.timezone),
      blogUrl: textOf(config.baseURL) ?? textOf(config.baseurl),
      posts: read.map((r) => r.post),
      comments: [],
      skipped: [],
      settings: ({ config: site }) => {
        const redirects: Record<string, string> = { '/index.xml': FEED_URL };
        for (const name of [...labels].sort()) {
          const target = labelUrl(labelSlug(name, site));
          for (const taxonomy of ['tags', 'categories'])
            redirects[`/${taxonomy}/${slugify(name)}/`] = target;
        }
        return { redirects };
      },
    },
    convert,
  };
}

function readPost(source: { file: string; text: string }, permalinks: Record<string, unknown>) {
  const { data, body, bodyLine, problem } = splitSource(source.text);
  if (problem !== null || /(?:^|\/)_index\.md$/.test(source.file)) return null;
  const inContent = source.file.replace(/^content\//, '');
  const section = inContent.includes('/') ? (inContent.split('/')[0] ?? '') : '';
  const bundle = inContent.endsWith('/index.md');
  const fileName = path.posix
    .basename(bundle ? path.posix.dirname(inContent) : inContent)
    .replace(/\.md$/, '');
  const published = isoDate(data.date ?? data.publishDate);
  if (published === null) return null;
  const { draft, ...fields } = commonFields(data);
  const slug = textOf(data.slug) ?? fileName;
  const pattern =
    textOf(permalinks[section]) ?? (section === '' ? '/:filename/' : `/${section}/:filename/`);
  const own = textOf(data.url);
  const title = textOf(data.title) ?? fileName;
  const old = draft
    ? null
    : sitePath(
        (own ?? expand(pattern, published, { slug, fileName, title, section })).toLowerCase(),
      );
  const post: ImportedPost = markdownPost({
    kind: section === 'posts' || section === 'post' || section === 'blog' ? 'post' : 'page',
    id: source.file,
    title,
    published,
    ...fields,
    status: draft ? 'draft' : 'live',
    path: old,
    aliases: draft ? [] : stringList(data.aliases).map(sitePath),
    slug,
    markdown: body,
  });
  return { post, source, body, bodyLine };
}

function expand(
  pattern: string,
  date: string,
  p: { slug: string; fileName: string; title: string; section: string },
): string {
  const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
  return pattern
    .replace(/:year/g, year)
    .replace(/:month/g, month)
    .replace(/:day/g, day)
    .replace(/:slug/g, p.slug)
    .replace(/:title/g, slugify(p.title))
    .replace(/:(?:filename|contentbasename)/g, p.fileName)
    .replace(/:sections?/g, p.section);
}
