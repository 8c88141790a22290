/**
 * The load stage: reads `site.yaml`, lists and reads every source of a site. With
 * `write`, the only code that touches the disk; what it returns is plain data.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { mapLimit } from '../concurrency.js';
import { readConfig } from '../config/config.js';
import { compareStrings, type BuildError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { findTheme, loadHelpers, type HelperModule } from './theme.js';
import { listBundleFiles, measureImages, type BundleFile, type ImageSize } from './bundles.js';

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
  /** What could not be loaded: a missing theme, a broken helpers.js. */
  readonly errors: readonly BuildError[];
}

/** The built-in theme: this package's own `templates/` and `static/`. */
export const BUILT_IN_THEME = path.join(packageRoot, 'templates');
const BUILT_IN_STATIC = path.join(packageRoot, 'static');

/** Files that editors and operating systems leave beside real ones. */
const EDITOR_LITTER = [
  '**/*~',
  '**/#*#',
  '**/.#*',
  '**/*.swp',
  '**/*.swx',
  '**/.DS_Store',
  '**/Thumbs.db',
];
/** Sources are never hidden files; static files may be (`.well-known/`, `.nojekyll`). */
const IGNORED = [...EDITOR_LITTER, '**/.*', '**/node_modules/**'];

/** Reads a site folder. Errors here are I/O failures (unreadable files), not content. */
export async function loadSite(root: string): Promise<SiteSources> {
  // The theme is found through `theme:` in site.yaml, so the settings are read first.
  const [[configText, theme], posts] = await Promise.all([
    readOptional(path.join(root, 'site.yaml')).then(
      async (text) => [text, await loadTheme(root, text)] as const,
    ),
    readAll(root, 'posts', POST_PATTERNS),
  ]);
  return { root, configText, posts, ...theme, ...(await loadAssets(root, posts, theme)) };
}

/** The bundle files of `posts` and the sizes of every local image. */
async function loadAssets(
  root: string,
  posts: readonly SourceFile[],
  theme: Pick<SiteSources, 'staticFiles'>,
): Promise<Pick<SiteSources, 'bundleFiles' | 'imageSizes'>> {
  const bundleFiles = await listBundleFiles(root, posts);
  const imageSizes = await measureImages(root, [...theme.staticFiles, ...bundleFiles]);
  return { bundleFiles, imageSizes };
}

/** The file names that are posts inside `posts/`. */
const POST_PATTERNS = ['**/*.md', '**/*.markdown'];

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
 * as {@link loadSite} on the folder as it now is. `site.yaml` changes need a full load.
 */
export async function reloadSite(
  previous: SiteSources,
  changes: SourceChanges,
): Promise<SiteSources> {
  const { root } = previous;
  const read = await mapLimit([...new Set(changes.posts)], async (file) => {
    const bytes = await readOptionalBytes(path.join(root, file));
    return { file, source: bytes === null ? null : sourceFile(file, bytes) };
  });
  const known = new Set(previous.posts.map((file) => file.path));
  let posts: SourceFile[];
  const onlyEdits = read.every(({ file, source }) => source !== null && known.has(file));
  if (onlyEdits) {
    // Only edits: the list keeps its order, with the edited posts swapped in.
    const edited = new Map(read.map(({ file, source }) => [file, source]));
    posts = previous.posts.map((file) => edited.get(file.path) ?? file);
  } else {
    const byPath = new Map(previous.posts.map((file) => [file.path, file]));
    for (const { file, source } of read) {
      if (source === null) byPath.delete(file);
      else byPath.set(file, source);
    }
    posts = [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
  }
  const theme = changes.theme ? await loadTheme(root, previous.configText) : previous;
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
    errors: theme.errors,
    bundleFiles: assets.bundleFiles,
    imageSizes: assets.imageSizes,
  };
}

type Theme = Pick<SiteSources, 'templates' | 'staticFiles' | 'helpers' | 'errors'>;

/**
 * The templates of a site: its own over its `theme:`'s (see `theme.ts`) over the built-in
 * ones, file by file; the helpers of the theme and the site; and the static files.
 */
async function loadTheme(root: string, configText: string | null): Promise<Theme> {
  const found = await findTheme(root, readConfig(configText).config.theme);
  const theme = found.theme;
  const themeTemplates = theme ? path.join(theme.folder, 'templates') : null;
  const siteTemplatesFolder = path.join(root, 'templates');
  const [siteTemplates, themeLayer, builtInTemplates, themeHelpers, siteHelpers] =
    await Promise.all([
      listTemplates(root, siteTemplatesFolder, false),
      themeTemplates ? listTemplates(root, themeTemplates, false) : [],
      listTemplates(root, BUILT_IN_THEME, true),
      themeTemplates
        ? loadHelpers(themeTemplates, toPosix(path.relative(root, themeTemplates)))
        : { module: null, errors: [] },
      loadHelpers(siteTemplatesFolder, 'templates'),
    ]);
  const templates = mergeTemplates(builtInTemplates, [...themeLayer, ...siteTemplates]);
  // The built-in layout links the built-in stylesheet, so whoever uses the built-in
  // layout also gets the built-in static files, under the theme's and the site's own.
  const usesBuiltInLayout = templates.some((t) => t.name === 'layout' && t.builtIn);
  const staticLayers = [
    ...(theme ? [path.join(theme.folder, 'static')] : []),
    path.join(root, 'static'),
  ];
  if (usesBuiltInLayout && path.resolve(root) !== path.resolve(packageRoot)) {
    staticLayers.unshift(BUILT_IN_STATIC);
  }
  const staticFiles = await listStatic(root, staticLayers);
  const helpers = [themeHelpers.module, siteHelpers.module].filter((m) => m !== null);
  const errors = [...found.errors, ...themeHelpers.errors, ...siteHelpers.errors];
  return { templates, staticFiles, helpers, errors };
}

async function readOptionalBytes(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function readAll(root: string, folder: string, patterns: string[]): Promise<SourceFile[]> {
  const base = path.join(root, folder);
  if (!(await isDirectory(base))) return [];
  const files = await glob(patterns, { cwd: base, ignore: IGNORED, onlyFiles: true });
  files.sort();
  return mapLimit(files, async (file) =>
    sourceFile(`${folder}/${file}`, await readFile(path.join(base, file))),
  );
}

async function listTemplates(
  root: string,
  folder: string,
  builtIn: boolean,
): Promise<TemplateSource[]> {
  if (!(await isDirectory(folder))) return [];
  const files = await glob(['**/*.hbs', '**/*.handlebars'], { cwd: folder, ignore: IGNORED });
  files.sort();
  const shown = builtIn ? 'templates (built-in)' : toPosix(path.relative(root, folder));
  return mapLimit(files, async (file): Promise<TemplateSource> => {
    const stem = file.replace(/\.(hbs|handlebars)$/, '');
    const isPartial = stem.startsWith('partials/');
    return {
      path: `${shown}/${file}`,
      text: await readFile(path.join(folder, file), 'utf8'),
      name: isPartial ? stem.slice('partials/'.length) : stem,
      kind: isPartial ? 'partial' : 'page',
      builtIn,
    };
  });
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

async function listStatic(root: string, layers: readonly string[]): Promise<StaticFile[]> {
  const byOutput = new Map<string, StaticFile>();
  for (const layer of layers) {
    if (!(await isDirectory(layer))) continue;
    const files = await glob('**/*', {
      cwd: layer,
      ignore: EDITOR_LITTER,
      onlyFiles: true,
      dot: true,
    });
    files.sort();
    for (const file of files) {
      const absolutePath = path.join(layer, file);
      byOutput.set(file, {
        outputPath: file,
        absolutePath,
        sourcePath: toPosix(path.relative(root, absolutePath)),
      });
    }
  }
  return [...byOutput.values()];
}

async function isDirectory(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** A source file from its bytes: decoded, and where the first bad byte was, if any. */
function sourceFile(file: string, bytes: Uint8Array): SourceFile {
  const { text, invalidUtf8At } = decodeUtf8(bytes);
  return invalidUtf8At ? { path: file, text, invalidUtf8At } : { path: file, text };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
