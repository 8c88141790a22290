/**
 * The theme of a site as layers, file by file: the site's own `templates/` and `static/`
 * over its `theme:`'s (found by `theme.ts`) over the built-in ones, and the helpers of
 * the theme and the site.
 */
import path from 'node:path';
import { readConfig } from '../config/config.js';
import type { BuildError } from '../errors.js';
import { packageRoot, toPosix } from '../paths.js';
import type { SiteSources, StaticFile, TemplateSource } from './load.js';
import { readTexts } from './read-files.js';
import { isEditorLitter, isNotSource } from './skipped-names.js';
import { findTheme, loadHelpers } from './theme.js';
import { boundaryOf, realFolder, walkFolder, type Boundary, type WalkRules } from './walk.js';

/** The built-in theme: this package's own `templates/` and `static/`. */
export const BUILT_IN_THEME = path.join(packageRoot, 'templates');
const BUILT_IN_STATIC = path.join(packageRoot, 'static');

const TEMPLATE_RULES: WalkRules = {
  wants: (name) => /\.(hbs|handlebars)$/.test(name),
  skips: isNotSource,
};
const STATIC_RULES: WalkRules = { wants: () => true, skips: isEditorLitter };

export type Theme = Pick<SiteSources, 'templates' | 'staticFiles' | 'helpers' | 'errors'>;

/**
 * The templates of a site: its own over its `theme:`'s (see `theme.ts`) over the built-in
 * ones, file by file; the helpers of the theme and the site; and the static files.
 */
export async function loadTheme(
  root: string,
  site: Boundary,
  configText: string | null,
): Promise<Theme> {
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

async function listTemplates(
  boundary: Boundary,
  folder: string,
  builtIn: boolean,
): Promise<{ templates: TemplateSource[]; errors: BuildError[] }> {
  const found = await walkFolder(boundary, folder, TEMPLATE_RULES);
  const prefix = builtIn ? 'templates (built-in)' : 'templates';
  const read = readTexts(found.files, prefix, 'read this template');
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
