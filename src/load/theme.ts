/**
 * Theme lookup for the load stage: where the `theme:` of site.yaml lives (a folder of
 * the site, or an npm package in the site's node_modules), and the Handlebars helpers a
 * theme or site adds in `templates/helpers.js`. Templates themselves are listed by
 * `load.ts`, layer over layer: the built-in theme, then this theme, then the site's own.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ThemeSetting } from '../config/config.js';
import { buildError, ioError, isSystemError, type BuildError } from '../errors.js';
import { toPosix } from '../paths.js';

/** A theme folder (with `templates/` and `static/`) that a site's `theme:` names. */
export interface ThemeFolder {
  /** Where it is, absolute (through node_modules, not its real path). */
  readonly folder: string;
  /** How messages name it: `themes/paper`, `node_modules/rubric-theme-paper`. */
  readonly shown: string;
}

/** A function a template can call by name: `{{upper post.title}}`. */
export type HelperFunction = (...args: unknown[]) => unknown;

/** The helpers of one `helpers.js`, loaded. */
export interface HelperModule {
  /** How messages name the file: `templates/helpers.js`. */
  readonly path: string;
  /** A hash of its text: a changed file is imported afresh, under this version. */
  readonly hash: string;
  /** Its exports, by name, in name order. */
  readonly helpers: ReadonlyMap<string, HelperFunction>;
}

/** Handlebars' own helpers: replacing one would change what every template means. */
const HANDLEBARS_HELPERS = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);

/** An npm package name, bare or scoped: anything else in `theme:` is a folder. */
const PACKAGE_NAME = /^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/;

/**
 * Finds the theme folder `setting` names. A value starting with `.` or `/`, or holding a
 * `/` that is not a package scope's, is a folder, which must lie inside the site folder
 * (its real path: a link out of the site is refused, as for every site file). Otherwise
 * it is an npm package, looked up as Node looks up a dependency of the site; a package
 * may live anywhere (a hoisted node_modules, `npm link`), since npm put it there.
 */
export async function findTheme(
  root: string,
  setting: ThemeSetting | null,
): Promise<{ theme: ThemeFolder | null; errors: BuildError[] }> {
  if (setting === null) return { theme: null, errors: [] };
  const at = { file: 'site.yaml', ...setting.at };
  const { name } = setting;
  const isPackage = PACKAGE_NAME.test(name) && !name.startsWith('.');
  const folder = isPackage ? await packageFolder(root, name) : path.resolve(root, name);
  if (folder === null || !(await isDirectory(folder))) {
    const message = isPackage
      ? `The theme package \`${name}\` is not installed: no node_modules folder of the site holds it.`
      : `The theme folder \`${name}\` does not exist.`;
    const hint = isPackage
      ? `Install it with \`npm install ${name}\` in the site folder, or write \`theme: ./${name}\` for a folder of the site.`
      : 'Write the path of a folder inside the site that holds templates/ and static/, like `theme: ./themes/paper`.';
    return { theme: null, errors: [buildError('ThemeNotFound', at, message, hint)] };
  }
  const problem = await themeProblem(root, folder, isPackage);
  if (problem !== null) {
    const hint = isPackage
      ? 'A theme package holds a templates/ folder, a static/ folder, or both.'
      : 'Move the theme into the site folder (a symbolic link out of it is not followed), with a templates/ folder, a static/ folder, or both.';
    return { theme: null, errors: [buildError('ThemeInvalid', at, problem, hint)] };
  }
  const relative = path.relative(root, folder);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
  return { theme: { folder, shown: toPosix(shown) }, errors: [] };
}

/** The folder of an installed package, from the node_modules folders Node would search. */
async function packageFolder(root: string, name: string): Promise<string | null> {
  const require = createRequire(path.join(root, 'package.json'));
  // Only node_modules folders: not the global ones (~/.node_modules) Node also lists.
  const searched = (require.resolve.paths(name) ?? []).filter(
    (folder) => path.basename(folder) === 'node_modules',
  );
  for (const folder of searched) {
    const candidate = path.join(folder, ...name.split('/'));
    if (await isFile(path.join(candidate, 'package.json'))) return candidate;
  }
  return null;
}

/** Why a theme folder cannot be used, or null when it can. */
async function themeProblem(
  root: string,
  folder: string,
  isPackage: boolean,
): Promise<string | null> {
  if (!isPackage) {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(folder)]);
    const back = path.relative(realRoot, real);
    if (back === '' || back.startsWith('..') || path.isAbsolute(back)) {
      return `The theme folder is outside the site folder (it leads to ${real}).`;
    }
  }
  const [templates, statics] = await Promise.all([
    isDirectory(path.join(folder, 'templates')),
    isDirectory(path.join(folder, 'static')),
  ]);
  if (!templates && !statics) return 'The theme has neither a templates/ nor a static/ folder.';
  return null;
}

/**
 * Imports the `helpers.js` of a templates folder, when it has one. The import URL
 * carries a hash of the text, so an edited file is a new module to Node's ESM cache,
 * which would otherwise hand back the first version for as long as `rubric dev` runs.
 */
export async function loadHelpers(
  templatesFolder: string,
  shown: string,
): Promise<{ module: HelperModule | null; errors: BuildError[] }> {
  const file = path.join(templatesFolder, 'helpers.js');
  const at = { file: `${shown}/helpers.js` };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // No file, or no templates folder (a file in its place is reported by the walk).
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      return { module: null, errors: [] };
    }
    return { module: null, errors: [ioError(at.file, 'read the theme helpers', error)] };
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(`${pathToFileURL(file).href}?v=${hash}`)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      module: null,
      errors: [
        buildError(
          'HelpersInvalid',
          at,
          `helpers.js could not be loaded: ${message.split('\n')[0] ?? message}.`,
          'It must be an ES module that exports functions, like `export function upper(text) { return String(text).toUpperCase(); }`.',
        ),
      ],
    };
  }
  return readExports(exports, at.file, hash);
}

/** Checks a helpers module's exports: each a function, none replacing Handlebars' own. */
function readExports(
  exports: Record<string, unknown>,
  file: string,
  hash: string,
): { module: HelperModule | null; errors: BuildError[] } {
  const errors: BuildError[] = [];
  const helpers = new Map<string, HelperFunction>();
  for (const name of Object.keys(exports).sort()) {
    const value = exports[name];
    if (name === 'default' || typeof value !== 'function') {
      errors.push(
        buildError(
          'HelpersInvalid',
          { file },
          `helpers.js exports \`${name}\`, which is not a named function: every export is a helper, called by its name.`,
          'Export each helper by name, like `export function upper(text) { … }`, and nothing else.',
        ),
      );
    } else if (HANDLEBARS_HELPERS.has(name)) {
      errors.push(
        buildError(
          'HelpersInvalid',
          { file },
          `helpers.js exports \`${name}\`, which would replace Handlebars' own \`${name}\` helper.`,
          'Give the helper another name.',
        ),
      );
    } else {
      helpers.set(name, value as HelperFunction);
    }
  }
  return errors.length > 0
    ? { module: null, errors }
    : { module: { path: file, hash, helpers }, errors };
}

async function isDirectory(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => null))?.isDirectory() ?? false;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}
