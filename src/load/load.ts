/**
 * The load stage: reads `site.yaml`, lists and reads every source of a site. With
 * `write`, the only code that touches the disk; what it returns is plain data, with what
 * went wrong as errors (`walk.ts` keeps every read inside the site folder).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import { readConfig } from '../config/config.js';
import { compareStrings, ioError, isSystemError, type BuildError } from '../errors.js';
import { packageRoot, toPosix } from '../paths.js';
import { isEditorLitter, isNotSource } from './skipped-names.js';
import { findTheme, loadHelpers, type HelperModule } from './theme.js';
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
  type FoundFile,
  type WalkRules,
} from './walk.js';

export type { BundleFile, ImageSize } from './bundles.js';
import { decodeUtf8 } from '../utf8.js';
import type { LineColumn } from '../yaml.js';

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

/** The built-in theme: this package's own `templates/` and `static/`. */
export const BUILT_IN_THEME = path.join(packageRoot, 'templates');
const BUILT_IN_STATIC = path.join(packageRoot, 'static');


const POST_RULES: WalkRules = {
  wants: (name) => /\.(md|markdown)$/.test(name),
  skips: isNotSource,
};
const TEMPLATE_RULES: WalkRules = {
  wants: (name) => /\.(hbs|handlebars)$/.test(name),
  skips: isNotSource,
};
const STATIC_RULES: WalkRules = { wants: () => true, skips: isEditorLitter };

/** Reads a site folder. What cannot be read is reported in `errors`, never skipped. */
export async function loadSite(root: string): Promise<SiteSources> {
  const site = boundaryOf(await realFolder(root));
  // The theme is found through `theme:` in site.yaml, so the settings are read first.
  const [[config, theme], posts] = await Promise.all([
    readConfigText(site).then(
      async (read) => [read, await loadTheme(root, site, read.text)] as const,
    ),
    readPosts(site),
  ]);
  return {
    root,
    configText: config.text,
    posts: posts.files,
    templates: theme.templates,
    staticFiles: theme.staticFiles,
    helpers: theme.helpers,
    ...(await loadAssets(root, posts.files, theme)),
    errors: [...config.errors, ...posts.errors, ...theme.errors],
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

type Theme = Pick<SiteSources, 'templates' | 'staticFiles' | 'helpers' | 'errors'>;

/**
 * The templates of a site: its own over its `theme:`'s (see `theme.ts`) over the built-in
 * ones, file by file; the helpers of the theme and the site; and the static files.
 */
async function loadTheme(root: string, site: Boundary, configText: string | null): Promise<Theme> {
  const found = await findTheme(root, readConfig(configText).config.theme);
  // A theme from node_modules may be a link to anywhere; it is bounded by its own folder.
  const themeFolder = found.theme ? await realFolder(found.theme.folder) : null;
  const themeBoundary = themeFolder === null ? null : boundaryOf(themeFolder, 'theme');
  const themeTemplates = themeFolder === null ? null : path.join(themeFolder, 'templates');
  const builtIn = boundaryOf(await realFolder(BUILT_IN_THEME), 'templates (built-in)');
  const siteTemplatesFolder = path.join(site.real, 'templates');
  const [siteTemplates, themeLayer, builtInTemplates, themeHelpers, siteHelpers] =
    await Promise.all([
      listTemplates(site, siteTemplatesFolder, false),
      themeBoundary && themeTemplates
        ? listTemplates(themeBoundary, themeTemplates, false)
        : { templates: [], errors: [] },
      listTemplates(builtIn, builtIn.real, true),
      themeTemplates
        ? loadHelpers(themeTemplates, toPosix(path.relative(root, themeTemplates)))
        : { module: null, errors: [] },
      loadHelpers(siteTemplatesFolder, 'templates'),
    ]);
  const templates = mergeTemplates(builtInTemplates.templates, [
    ...themeLayer.templates,
    ...siteTemplates.templates,
  ]);
  // The built-in layout links the built-in stylesheet, so whoever uses the built-in
  // layout also gets the built-in static files, under the theme's and the site's own.
  const usesBuiltInLayout = templates.some((t) => t.name === 'layout' && t.builtIn);
  const staticLayers = [
    ...(themeBoundary && themeFolder
      ? [{ boundary: themeBoundary, folder: path.join(themeFolder, 'static') }]
      : []),
    { boundary: site, folder: path.join(site.real, 'static') },
  ];
  if (usesBuiltInLayout && path.resolve(root) !== path.resolve(packageRoot)) {
    const real = await realFolder(BUILT_IN_STATIC);
    staticLayers.unshift({ boundary: boundaryOf(real, 'static (built-in)'), folder: real });
  }
  const statics = await listStatic(root, staticLayers);
  const helpers = [themeHelpers.module, siteHelpers.module].filter((m) => m !== null);
  return {
    templates,
    staticFiles: statics.staticFiles,
    helpers,
    errors: [
      ...found.errors,
      ...siteTemplates.errors,
      ...themeLayer.errors,
      ...builtInTemplates.errors,
      ...statics.errors,
      ...themeHelpers.errors,
      ...siteHelpers.errors,
    ],
  };
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
  const read = await readTexts(found.files, 'posts', 'read this post');
  return {
    files: read.files.map((file) => sourceFileOf(file)),
    errors: [...found.errors, ...read.errors],
  };
}

/** Reads found files, naming each `prefix/relative`; a file that fails is an error. */
async function readTexts(
  files: readonly FoundFile[],
  prefix: string,
  doing: string,
): Promise<{ files: (SourceFile & { relative: string })[]; errors: BuildError[] }> {
  const errors: BuildError[] = [];
  const read = await mapLimit(files, async (file) => {
    const shown = `${prefix}/${file.relative}`;
    try {
      return { ...sourceFile(shown, await readFile(file.real)), relative: file.relative };
    } catch (error) {
      errors.push(ioError(shown, doing, error));
      return null;
    }
  });
  return { files: read.filter((file) => file !== null), errors };
}

async function listTemplates(
  boundary: Boundary,
  folder: string,
  builtIn: boolean,
): Promise<{ templates: TemplateSource[]; errors: BuildError[] }> {
  const found = await walkFolder(boundary, folder, TEMPLATE_RULES);
  const prefix = builtIn ? 'templates (built-in)' : 'templates';
  const read = await readTexts(found.files, prefix, 'read this template');
  const templates = read.files.map((file): TemplateSource => {
    const stem = file.relative.replace(/\.(hbs|handlebars)$/, '');
    const isPartial = stem.startsWith('partials/');
    return {
      path: file.path,
      text: file.text,
      name: isPartial ? stem.slice('partials/'.length) : stem,
      kind: isPartial ? 'partial' : 'page',
      builtIn,
    };
  });
  return { templates, errors: [...found.errors, ...read.errors] };
}

/** The site's templates replace built-in ones of the same kind and name. */
function mergeTemplates(
  builtIn: readonly TemplateSource[],
  site: readonly TemplateSource[],
): TemplateSource[] {
  const byName = new Map<string, TemplateSource>();
  for (const template of [...builtIn, ...site])
    byName.set(`${template.kind}:${template.name}`, template);
  return [...byName.values()];
}

/** The static files of every layer, a later layer's file replacing an earlier one's. */
async function listStatic(
  root: string,
  layers: readonly { boundary: Boundary; folder: string }[],
): Promise<{ staticFiles: StaticFile[]; errors: BuildError[] }> {
  const byOutput = new Map<string, StaticFile>();
  const errors: BuildError[] = [];
  for (const { boundary, folder } of layers) {
    const found = await walkFolder(boundary, folder, STATIC_RULES);
    errors.push(...found.errors);
    for (const file of found.files) {
      // Copied from the real path: what was checked is what is copied, a real file.
      byOutput.set(file.relative, {
        outputPath: file.relative,
        absolutePath: file.real,
        sourcePath: toPosix(path.relative(root, path.join(folder, file.relative))),
      });
    }
  }
  return { staticFiles: [...byOutput.values()], errors };
}

/**
 * Why `root` cannot be built (it does not exist, is not a folder, or has no `posts/`
 * folder), as a sentence naming the folder; null when it can. Checked before anything
 * is written, so a mistyped `--root` never creates a site somewhere.
 */
export async function siteFolderProblem(root: string): Promise<string | null> {
  const problem = await folderProblem(root);
  if (problem === 'missing') return `the site folder ${root} does not exist.`;
  if (problem !== null) return `the site folder ${root} ${problem}.`;
  const posts = await folderProblem(path.join(root, 'posts'));
  if (posts === null) return null;
  if (posts === 'missing') return `${root} has no posts/ folder, so it is not a site folder.`;
  return `${path.join(root, 'posts')} ${posts}, so ${root} is not a site folder.`;
}

/** `missing`, what else is wrong with `folder` as a phrase, or null when it is a folder. */
async function folderProblem(folder: string): Promise<string | null> {
  try {
    return (await stat(folder)).isDirectory() ? null : 'is not a folder';
  } catch (error) {
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      return 'missing';
    }
    return `cannot be read (${isSystemError(error) ? error.code : String(error)})`;
  }
}

/** A source file from its bytes: decoded, and where the first bad byte was, if any. */
function sourceFile(file: string, bytes: Uint8Array): SourceFile {
  const { text, invalidUtf8At } = decodeUtf8(bytes);
  return invalidUtf8At ? { path: file, text, invalidUtf8At } : { path: file, text };
}

/** A read file without the walk's relative path. */
function sourceFileOf(file: SourceFile & { readonly relative: string }): SourceFile {
  return file.invalidUtf8At
    ? { path: file.path, text: file.text, invalidUtf8At: file.invalidUtf8At }
    : { path: file.path, text: file.text };
}
