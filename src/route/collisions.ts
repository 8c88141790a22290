/**
 * The guarantee that every output path has one source. Two posts on one URL, a post on a
 * path Rubric keeps for itself, a page on top of a static file, or two paths differing
 * only in letter case are errors that name every source and the key that fixes them.
 */
import { buildError, compareStrings, type BuildError } from '../errors.js';
import type { Site } from '../model/site.js';
import {
  AUTHORS_URL,
  FEED_URL,
  HOME_URL,
  outputPathOf,
  reservedSegments,
  sitePageUrl,
} from '../urls.js';
import type { Page } from './view.js';

/** Who wants to write an output path: a post file, a static file, or one of Rubric's pages. */
interface Claim {
  readonly kind: 'post' | 'label' | 'author' | 'page' | 'redirect' | 'static';
  readonly output: string;
  readonly by: string;
  readonly file: string;
  /** The line and column of the key that decides this output, when there is one. */
  readonly at: { readonly line: number; readonly column: number } | null;
  readonly fix: string;
}

/**
 * Checks the outputs of a site. No two paths may differ only in letter case either:
 * they would overwrite each other on macOS and Windows, and on many hosts.
 */
export function findCollisions(
  pages: readonly Page[],
  site: Site,
  postUrls: readonly string[],
  staticPaths: readonly string[],
  bundlePaths: readonly { readonly outputPath: string; readonly sourcePath: string }[] = [],
): BuildError[] {
  const { errors, claims } = postClaims(site, postUrls);
  for (const page of pages) {
    if (page.template !== 'post' && page.template !== 'page') claims.push(pageClaim(page));
  }
  errors.push(...staticOnReservedPaths(site, staticPaths));
  for (const output of staticPaths) {
    claims.push({
      kind: 'static',
      output,
      by: `static/${output}`,
      file: `static/${output}`,
      at: null,
      fix: 'Rename or move the static file.',
    });
  }
  for (const { outputPath, sourcePath } of bundlePaths) {
    claims.push({
      kind: 'static',
      output: outputPath,
      by: sourcePath,
      file: sourcePath,
      at: null,
      fix: "Rename the file in the post's folder, or give the post another `slug:`.",
    });
  }
  return [...errors, ...sharedPaths(claims)];
}

const POST_FIX = 'Give one of the posts a different `slug:` in its front matter.';

/** The claims of posts and pages of the site, and the errors of those on reserved paths. */
function postClaims(
  site: Site,
  postUrls: readonly string[],
): { errors: BuildError[]; claims: Claim[] } {
  const errors: BuildError[] = [];
  const claims: Claim[] = [];
  const reserved = reservedSegments(site.config.search);
  const sources = [
    ...site.posts.map((post, i) => ({ post, url: postUrls[i] ?? '' })),
    ...site.pages.map((post) => ({ post, url: sitePageUrl(post) })),
  ];
  for (const { post, url } of sources) {
    const first = url.split('/').find((segment) => segment !== '') ?? '';
    const fixed = post.fixedUrl !== null;
    if (url === HOME_URL || reserved.includes(first)) {
      errors.push(
        buildError(
          'ReservedPath',
          { file: post.source, ...(fixed ? post.fixedUrlAt : post.slugAt) },
          `This post's URL ${url} is on a path Rubric keeps for its own pages (/, ${reserved.map((segment) => `/${segment}/`).join(', ')}).`,
          fixed
            ? 'Give the post another `url:`.'
            : 'Give the post another `slug:`, or change `permalink` in site.yaml.',
        ),
      );
      continue;
    }
    claims.push({
      kind: 'post',
      output: outputPathOf(url),
      by: post.source,
      file: post.source,
      at: fixed ? post.fixedUrlAt : post.slugAt,
      fix: fixed ? 'Give one of the posts a different `url:` in its front matter.' : POST_FIX,
    });
  }
  return { errors, claims };
}

/**
 * Static files in the search index's folder: the index replaces that folder whole, so such a
 * file would be lost or break the index. Only the folders reserved beyond Rubric's pages are
 * checked here; a static file at a page's path is a collision with that page already.
 */
function staticOnReservedPaths(site: Site, staticPaths: readonly string[]): BuildError[] {
  const extra = reservedSegments(site.config.search).filter(
    (s) => !reservedSegments(false).includes(s),
  );
  return staticPaths
    .filter((output) => extra.includes(output.split('/')[0] ?? ''))
    .map((output) =>
      buildError(
        'ReservedPath',
        { file: `static/${output}` },
        `This static file would be written to /${output}, inside the folder of the search index, which the build writes whole.`,
        'Move the file to another folder of static/, or turn search off with `search: false`.',
      ),
    );
}

/** The claim of one of Rubric's pages (not a post's), saying who asked for it and the fix. */
function pageClaim(page: Page): Claim {
  const output = outputPathOf(page.url);
  const labelFix = 'Give the label another slug with `labelSlugs` in site.yaml.';
  const authorFix = 'Give the author another `slug:` in `authors:` in site.yaml.';
  if (page.template === 'redirect' && page.data.source !== null) {
    const by = `the alias ${page.url} of ${page.data.source}`;
    const fix = `Remove or change the alias in ${page.data.source}.`;
    return { kind: 'redirect', output, by, file: page.data.source, at: null, fix };
  } else if (page.template === 'redirect') {
    const by = `the redirect from Blogger's ${page.url}`;
    const fix = 'Rename the other file, or set `bloggerRedirects: false` in site.yaml.';
    return { kind: 'redirect', output, by, file: '', at: null, fix };
  } else if (page.template === 'label') {
    const by = `the label page of "${page.data.label?.name ?? ''}"`;
    return { kind: 'label', output, by, file: '', at: null, fix: labelFix };
  } else if (page.template === 'author') {
    const by = `the author page of "${page.data.author?.name ?? ''}"`;
    return { kind: 'author', output, by, file: '', at: null, fix: authorFix };
  } else if (page.template === 'atom' && page.url.startsWith(AUTHORS_URL)) {
    const by = `the author feed "${page.data.feed.title}"`;
    return { kind: 'author', output, by, file: '', at: null, fix: authorFix };
  } else if (page.template === 'atom' && page.url !== FEED_URL) {
    const by = `the label feed "${page.data.feed.title}"`;
    return { kind: 'label', output, by, file: '', at: null, fix: labelFix };
  } else if (page.template === 'redirects') {
    const by = 'the _redirects file that `bloggerRedirects: true` writes';
    const fix =
      'Move your rules elsewhere (Netlify: netlify.toml), or set `bloggerRedirects: false`.';
    return { kind: 'page', output, by, file: '', at: null, fix };
  }
  const by = `Rubric's ${page.template} page`;
  return { kind: 'page', output, by, file: '', at: null, fix: 'Rename the other file.' };
}

/** An error for every path (folded to one letter case) that more than one claim wants. */
function sharedPaths(claims: readonly Claim[]): BuildError[] {
  const errors: BuildError[] = [];
  const byFolded = new Map<string, Claim[]>();
  for (const claim of claims) {
    const folded = claim.output.normalize('NFC').toLowerCase();
    const sharing = byFolded.get(folded);
    if (sharing) sharing.push(claim);
    else byFolded.set(folded, [claim]);
  }
  // Only shared paths are reported, in path order; most sites have none to sort.
  const shared = [...byFolded].filter(([, sharing]) => sharing.length > 1);
  for (const [, sharing] of shared.sort(([a], [b]) => compareStrings(a, b))) {
    // Labels (authors) sharing a slug are the model's LabelSlugCollision
    // (AuthorSlugCollision), reported there already.
    if (sharing.every((claim) => claim.kind === 'label')) continue;
    if (sharing.every((claim) => claim.kind === 'author')) continue;
    const ordered = [...sharing].sort((a, b) => compareStrings(a.by, b.by));
    // The error stands at a `slug:` the author can change, else at the first file.
    // An alias is an old address: moving it aside is easier than moving a live page.
    const blame =
      ordered.find((claim) => claim.at !== null) ??
      ordered.find((claim) => claim.kind === 'redirect' && claim.file !== '') ??
      ordered.find((claim) => claim.file !== '') ??
      ordered[0];
    const sameCase = new Set(sharing.map((claim) => claim.output)).size === 1;
    const where = sameCase
      ? `would all be written to /${sharing[0]?.output ?? ''}`
      : `would be written to paths that differ only in letter case (${sharing.map((c) => `/${c.output}`).join(', ')})`;
    errors.push(
      buildError(
        'UrlCollision',
        { file: blame?.file ?? '', ...blame?.at },
        `${ordered.map((claim) => claim.by).join(' and ')} ${where}.`,
        blame?.fix ?? POST_FIX,
      ),
    );
  }
  return errors;
}
