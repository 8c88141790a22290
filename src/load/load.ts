/**
 * The load stage: reads `site.yaml`, lists and reads every source of a site. What it
 * returns is plain data, with what went wrong as errors (`walk.ts` keeps every read inside
 * the site folder; `theme-layers.ts` lays the site's templates and static files over the
 * theme's and the built-in ones).
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import { compareStrings, ioError, type BuildError } from '../errors.js';
import { readTexts, sourceFile, sourceFileOf } from './read-files.js';
import { isNotSource } from './skipped-names.js';
import type { HelperModule } from './theme.js';
import { loadTheme } from './theme-layers.js';
import { readCommentFiles, rereadCommentFiles } from './comments.js';
import { listBundleFiles, measureImages, type BundleFile, type ImageSize } from './bundles.js';
import {
  boundaryOf,
  danglingLink,
  isInside,
  notAFile,
  realFolder,
  resolvePath,
  walkFolder,
  type Boundary,
  type WalkRules,
} from './walk.js';

import type { LineColumn } from '../yaml.js';

export type { BundleFile, ImageSize } from './bundles.js';
export { BUILT_IN_THEME } from './theme-layers.js';
export { siteFolderProblem } from './site-folder.js';

/** A text file of the site, with its path relative to the site folder. */
export interface SourceFile {
  /** Forward-slash path relative to the site folder (`posts/2025/a.md`), used in messages. */
  readonly path: string;
  readonly text: string;
  /** Where the first byte that is not UTF-8 stood, when the file has one (it reads as U+FFFD). */
  readonly invalidUtf8At?: LineColumn;
}

/** A Handlebars template or partial, from the site's `templates/` or the built-in theme. */
export interface TemplateSource extends SourceFile {
  /** `post`, `layout`, or for partials `post-card`, `widgets/about`. */
  readonly name: string;
  readonly kind: 'page' | 'partial';
  readonly builtIn: boolean;
}

/** A file to copy byte for byte into the output. */
export interface StaticFile {
  /** Forward-slash path inside the output folder: `css/site.css`. */
  readonly outputPath: string;
  /** Where to copy it from. */
  readonly absolutePath: string;
  /** How messages name it: `static/css/site.css`. */
  readonly sourcePath: string;
}

/** Everything a build reads, as read. */
export interface SiteSources {
  readonly root: string;
  /** The text of `site.yaml`, or null when the site has none. */
  readonly configText: string | null;
  readonly posts: readonly SourceFile[];
  /** The comments files beside posts (`posts/a.comments.yaml`), as text. */
  readonly commentFiles: readonly SourceFile[];
  readonly templates: readonly TemplateSource[];
  readonly staticFiles: readonly StaticFile[];
  /** The files of page bundles (`posts/oman/photo.jpg` beside `posts/oman/index.md`). */
  readonly bundleFiles: readonly BundleFile[];
  /** The size of each local image (bundle and static files), by site-relative path. */
  readonly imageSizes: ReadonlyMap<string, ImageSize>;
  /** The theme's `templates/helpers.js`, then the site's: later ones win by name. */
  readonly helpers: readonly HelperModule[];
  /**
   * What could not be read (`IoError`) or may not be (`SymlinkOutside`, `SymlinkLoop`),
   * and a theme that could not be loaded (a missing theme, a broken helpers.js). The
   * sources above are then the ones that could be read.
   */
  readonly errors: readonly BuildError[];
}

const POST_RULES: WalkRules = {
  wants: (name) => /\.(md|markdown)$/.test(name),
  skips: isNotSource,
};
/** Reads a site folder. What cannot be read is reported in `errors`, never skipped. */
export async function loadSite(root: string): Promise<SiteSources> {
  const site = boundaryOf(await realFolder(root));
  // The theme is found through `theme:` in site.yaml, so the settings are read first.
  const [[config, theme], posts, comments] = await Promise.all([
    readConfigText(site).then(
      async (read) => [read, await loadTheme(root, site, read.text)] as const,
    ),
    readPosts(site),
    readCommentFiles(site, isNotSource),
  ]);
  return {
    root,
    configText: config.text,
    posts: posts.files,
    commentFiles: comments.files,
    templates: theme.templates,
    staticFiles: theme.staticFiles,
    helpers: theme.helpers,
    ...(await loadAssets(root, posts.files, theme)),
    errors: [...config.errors, ...posts.errors, ...comments.errors, ...theme.errors],
  };
}

/**
 * The bundle files of `posts` and the sizes of every local image. Every link under
 * `posts/` has been checked by the walk of the posts already: one leading out of the
 * site is an error there, and `listBundleFiles` leaves it out.
 */
async function loadAssets(
  root: string,
  posts: readonly SourceFile[],
  theme: Pick<SiteSources, 'staticFiles'>,
): Promise<Pick<SiteSources, 'bundleFiles' | 'imageSizes'>> {
  const bundleFiles = await listBundleFiles(root, posts);
  const imageSizes = await measureImages(root, [...theme.staticFiles, ...bundleFiles]);
  return { bundleFiles, imageSizes };
}

/** What watch mode says changed since `previous` was loaded: site-relative paths. */
export interface SourceChanges {
  /** Post files added, changed or deleted (`posts/a.md`). */
  readonly posts: readonly string[];
  /** Comments files added, changed or deleted (`posts/a.comments.yaml`). */
  readonly comments?: readonly string[];
  /** True when a template, partial or static file changed: those are listed again. */
  readonly theme: boolean;
}

/**
 * Loads a site again after `changes`, reading only the posts that changed; everything
 * else is taken from `previous`. A post that is gone is dropped; the result is the same
 * as {@link loadSite} on the folder as it now is. `site.yaml` changes need a full load,
 * and so does anything unusual: a load that had errors, a changed post that is now a
 * link out of the site, a folder, or unreadable (the full load reports it).
 */
export async function reloadSite(
  previous: SiteSources,
  changes: SourceChanges,
): Promise<SiteSources> {
  const { root } = previous;
  if (previous.errors.length > 0) return loadSite(root);
  const site = boundaryOf(await realFolder(root));
  const read = await mapLimit([...new Set(changes.posts)], async (file) => ({
    file,
    source: await readChangedPost(site, file),
  }));
  if (read.some(({ source }) => source === LOAD_AGAIN)) return loadSite(root);
  const commentFiles = await rereadCommentFiles(
    site,
    previous.commentFiles,
    changes.comments ?? [],
  );
  if (commentFiles === null) return loadSite(root);
  const sources = read as { file: string; source: SourceFile | null }[];
  const known = new Set(previous.posts.map((file) => file.path));
  let posts: SourceFile[];
  const onlyEdits = sources.every(({ file, source }) => source !== null && known.has(file));
  if (onlyEdits) {
    // Only edits: the list keeps its order, with the edited posts swapped in.
    const edited = new Map(sources.map(({ file, source }) => [file, source]));
    posts = previous.posts.map((file) => edited.get(file.path) ?? file);
  } else {
    const byPath = new Map(previous.posts.map((file) => [file.path, file]));
    for (const { file, source } of sources) {
      if (source === null) byPath.delete(file);
      else byPath.set(file, source);
    }
    posts = [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
  }
  const theme = changes.theme
    ? await loadTheme(root, site, previous.configText)
    : { ...previous, errors: [] };
  // Bundles change with the posts that own them, and with the files beside them (which
  // the watcher reports as static changes).
  const assets = onlyEdits && !changes.theme ? previous : await loadAssets(root, posts, theme);
  return {
    root,
    configText: previous.configText,
    posts,
    commentFiles,
    templates: theme.templates,
    staticFiles: theme.staticFiles,
    helpers: theme.helpers,
    bundleFiles: assets.bundleFiles,
    imageSizes: assets.imageSizes,
    errors: theme.errors,
  };
}

/** Says that a changed post needs a full load to be read, or reported, right. */
const LOAD_AGAIN = Symbol('load again');

/** A changed post, read; null when it is gone; {@link LOAD_AGAIN} when unusual. */
async function readChangedPost(
  site: Boundary,
  file: string,
): Promise<SourceFile | null | typeof LOAD_AGAIN> {
  const resolved = await resolvePath(site, path.join(site.real, file));
  if (resolved.kind === 'missing') return null;
  if (resolved.kind !== 'file') return LOAD_AGAIN;
  try {
    // A folder on the way may be a link: the file must still be inside the site.
    const real = await realpath(resolved.real);
    if (!isInside(site.real, real)) return LOAD_AGAIN;
    return sourceFile(file, await readFile(real));
  } catch {
    return LOAD_AGAIN;
  }
}

/** Reads `site.yaml` (null when there is none); through a link only inside the site. */
async function readConfigText(
  site: Boundary,
): Promise<{ text: string | null; errors: BuildError[] }> {
  const file = path.join(site.real, 'site.yaml');
  const resolved = await resolvePath(site, file);
  if (resolved.kind === 'missing') return { text: null, errors: [] };
  if (resolved.kind === 'error') return { text: null, errors: [resolved.error] };
  if (resolved.kind === 'dangling') return { text: null, errors: [danglingLink(site, file)] };
  if (resolved.kind === 'other') return { text: null, errors: [notAFile('site.yaml')] };
  try {
    return { text: await readFile(resolved.real, 'utf8'), errors: [] };
  } catch (error) {
    // A folder named site.yaml fails here, with EISDIR.
    return { text: null, errors: [ioError('site.yaml', 'read the settings', error)] };
  }
}

async function readPosts(site: Boundary): Promise<{ files: SourceFile[]; errors: BuildError[] }> {
  const found = await walkFolder(site, path.join(site.real, 'posts'), POST_RULES);
  const read = readTexts(found.files, 'posts', 'read this post');
  return {
    files: read.files.map((file) => sourceFileOf(file)),
    errors: [...found.errors, ...read.errors],
  };
}
