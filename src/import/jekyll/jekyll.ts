/**
 * `rubric import jekyll DIR`: a Jekyll site's source folder → Rubric posts. Posts come
 * from `_posts/` (`YYYY-MM-DD-title.md`) and `_drafts/`, pages from the `.md` files at
 * the top; each keeps its old URL (the site's `permalink` in `_config.yml`, or the post's
 * own `permalink`, and jekyll-redirect-from's `redirect_from`) as an alias. Reads the disk.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { slugify } from '../../slug.js';
import {
  folderImporter,
  type FolderFail,
  type AssetCopy,
  type FolderBlog,
} from '../folder/site.js';
import { isoDate, splitSource, stringList, textOf } from '../folder/front-matter.js';
import {
  commonFields,
  keptAsWritten,
  localFileRefs,
  markdownPost,
  sitePath,
} from '../folder/posts.js';
import type { ImportFailure } from '../import.js';
import { convertLiquid } from './liquid.js';

/** Jekyll's named permalink styles. */
const STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

interface SourcePost {
  readonly file: string;
  readonly text: string;
  /** The file's last change, UTC ISO: what Jekyll dates a draft with when it says no date. */
  readonly modified: string;
}

/** Runs a Jekyll import. */
export const importJekyll = folderImporter({
  format: 'jekyll',
  hint: "Give the Jekyll site's source folder, the one with _config.yml and _posts/.",
  read: readJekyll,
});

async function readJekyll(dir: string, fail: FolderFail): Promise<FolderBlog | ImportFailure> {
  const configText = await readFile(path.join(dir, '_config.yml'), 'utf8').catch(() => null);
  if (configText === null) {
    const hugo =
      (await glob(['hugo.{toml,yaml,yml,json}', 'config.{toml,yaml,yml}'], { cwd: dir })).length >
      0;
    return fail(
      hugo
        ? `${dir} is a Hugo site (it has a Hugo config and no _config.yml), not a Jekyll one.`
        : `${dir} has no _config.yml, so it is not a Jekyll site.`,
      hugo ? 'Import it with `rubric import hugo DIR`.' : "Give the Jekyll site's source folder.",
    );
  }
  const config = (parseYaml(configText) ?? {}) as Record<string, unknown>;
  const files = await glob(
    ['_posts/**/*.{md,markdown,html}', '_drafts/**/*.{md,markdown}', '*.{md,markdown}'],
    {
      cwd: dir,
    },
  );
  files.sort();
  const sources: SourcePost[] = await Promise.all(
    files.map(async (file) => ({
      file,
      text: await readFile(path.join(dir, file), 'utf8'),
      modified: (await stat(path.join(dir, file))).mtime.toISOString().replace(/\.\d+Z$/, 'Z'),
    })),
  );
  return convertSite(sources, config);
}

/** The posts of a Jekyll site, and how to convert their bodies. Pure from here on. */
function convertSite(sources: readonly SourcePost[], config: Record<string, unknown>): FolderBlog {
  const permalinkSetting = textOf(config.permalink) ?? 'date';
  const pattern = STYLES[permalinkSetting] ?? permalinkSetting;
  // A page says no date; it takes the first post's, so its file name stays the same.
  const first = sources
    .map((s) => /^_posts\/(?:.*\/)?(\d{4}-\d{2}-\d{2})-/.exec(s.file)?.[1])
    .find(Boolean);
  const read = sources.flatMap((source) => {
    const post = readPost(
      source,
      pattern,
      first === undefined ? source.modified : `${first}T00:00:00`,
    );
    return post === null ? [] : [{ source, ...post }];
  });
  // `{% post_url 2024-01-02-name %}` names a post by its file name without extension.
  const idOfName = new Map(
    read.map((p) => [path.basename(p.source.file).replace(/\.[^.]+$/, ''), p.post.id]),
  );
  const convert = (urls: ReadonlyMap<string, string>) => {
    const notes: string[] = [];
    const assets: AssetCopy[] = [];
    const posts = read.map(({ source, post, body, bodyLine }) => {
      const { markdown, unconverted } = convertLiquid(body, {
        postUrl: (name) => urls.get(idOfName.get(name.replace(/^.*\//, '')) ?? ''),
        linkUrl: (file) => urls.get(file.replace(/^\//, '')),
      });
      for (const tag of unconverted)
        notes.push(keptAsWritten(source.file, bodyLine, tag, 'Rubric runs no Liquid.'));
      for (const ref of localFileRefs(markdown))
        assets.push({ from: ref.slice(1), to: `static${ref}` });
      return { ...post, markdown };
    });
    return { posts, assets, notes };
  };
  return {
    blog: {
      source: { key: 'jekyll', name: 'Jekyll' },
      title: textOf(config.title),
      timezone: textOf(config.timezone),
      blogUrl: textOf(config.url),
      posts: read.map((p) => p.post),
      comments: [],
      skipped: [],
      settings: () => ({}),
    },
    convert,
  };
}

function readPost(source: SourcePost, pattern: string, pageDate: string) {
  const { data, body, bodyLine, problem } = splitSource(source.text);
  const base = path.basename(source.file).replace(/\.[^.]+$/, '');
  const named = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(base);
  const isPage = !source.file.startsWith('_posts/') && !source.file.startsWith('_drafts/');
  if (
    isPage &&
    (problem !== null || Object.keys(data).length === 0 || /^(?:readme|index|404)$/i.test(base))
  )
    return null;
  const { draft: drafted, ...fields } = commonFields(data);
  // Jekyll dates a draft that says no date by its file's last change.
  const fromFile = source.file.startsWith('_drafts/') ? source.modified : null;
  const published =
    isoDate(data.date) ?? (named?.[1] ? `${named[1]}T00:00:00` : (fromFile ?? pageDate));
  const slug = textOf(data.slug) ?? named?.[2] ?? base;
  const draft = drafted || source.file.startsWith('_drafts/');
  const ownPermalink = textOf(data.permalink);
  const old = draft
    ? null
    : sitePath(ownPermalink ?? (isPage ? `/${base}.html` : expand(pattern, published, slug, data)));
  const post = markdownPost({
    kind: isPage ? 'page' : 'post',
    id: source.file,
    title: textOf(data.title) ?? slug.replace(/-/g, ' '),
    published,
    ...fields,
    status: draft ? 'draft' : 'live',
    path: old,
    aliases: draft ? [] : [...new Set(stringListOf(data.redirect_from).map(sitePath))],
    slug,
    markdown: body,
  });
  return { post, body, bodyLine };
}

function stringListOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

/** Fills a Jekyll permalink pattern for one post. */
function expand(
  pattern: string,
  date: string,
  slug: string,
  data: Readonly<Record<string, unknown>>,
): string {
  const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
  const categories = stringList(data.categories ?? data.category, true)
    .map((c) => slugify(c))
    .join('/');
  return pattern
    .replace(/:categories/g, categories)
    .replace(/:year/g, year)
    .replace(/:short_year/g, year.slice(2))
    .replace(/:month/g, month)
    .replace(/:i_month/g, String(Number(month)))
    .replace(/:day/g, day)
    .replace(/:i_day/g, String(Number(day)))
    .replace(/:title|:slug/g, slug)
    .replace(/:output_ext/g, '.html');
}
