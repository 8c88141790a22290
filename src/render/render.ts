/**
 * The render stage: Handlebars, set up once per build on its own environment
 * (`Handlebars.create()`, never the global one), templates compiled once, then one
 * pure call per page. A page template renders the page's body; `layout` wraps it.
 */
import Handlebars from 'handlebars';
import type { SiteConfig } from '../config/config.js';
import { buildError, type BuildError } from '../errors.js';
import type { TemplateSource } from '../load/load.js';
import type { HelperModule } from '../load/theme.js';
import { TEMPLATE_NAMES, WITHOUT_LAYOUT, type Page } from '../route/view.js';
import { createHelpers } from './helpers.js';
import { templateOf } from './layouts.js';
import { renderBuiltIn } from './redirect.js';
import { siteHelpers } from './site-helpers.js';
import { renderError, syntaxError } from './template-errors.js';

/** Renders one page to its text: HTML, or XML or plain text for feeds, sitemap and robots. */
export type PageRenderer = (page: Page) => { html: string } | { error: BuildError };

type Compiled = HandlebarsTemplateDelegate<unknown>;

/**
 * Compiles the theme. Every template is compiled here, so syntax errors surface at once.
 * The helpers of `helpers` (the theme's and the site's `helpers.js`) join Rubric's own,
 * on this build's environment only.
 */
export function createRenderer(
  templates: readonly TemplateSource[],
  config: SiteConfig,
  helpers: readonly HelperModule[] = [],
): { render: PageRenderer | null; errors: BuildError[] } {
  const handlebars = Handlebars.create();
  handlebars.registerHelper({ ...createHelpers(config), ...siteHelpers(helpers) });
  const errors: BuildError[] = [];
  const pageTemplates = new Map<string, { source: TemplateSource; compiled: Compiled }>();
  const broken = new Set<string>();

  for (const source of templates) {
    const compiled = compile(handlebars, source, errors);
    if (!compiled) {
      broken.add(`${source.kind}:${source.name}`);
      continue;
    }
    if (source.kind === 'partial') handlebars.registerPartial(source.name, compiled);
    else pageTemplates.set(source.name, { source, compiled });
  }
  for (const name of ['layout', ...TEMPLATE_NAMES]) {
    if (!pageTemplates.has(name) && !broken.has(`page:${name}`)) {
      errors.push(
        buildError(
          'TemplateMissing',
          // The file a site would add: its templates/ is laid over the built-in theme.
          { file: `templates/${name}.hbs` },
          `The theme has no \`${name}\` template.`,
          `Add templates/${name}.hbs, or delete the site's templates/ folder to use the built-in theme.`,
        ),
      );
    }
  }
  if (errors.length > 0) return { render: null, errors };

  const layout = pageTemplates.get('layout');
  const render: PageRenderer = (page) => {
    if (page.template === 'redirect' || page.template === 'redirects') {
      return { html: renderBuiltIn(page, handlebars.escapeExpression) };
    }
    const name = templateOf(page);
    const template = pageTemplates.get(name);
    if (!template || !layout) throw new Error(`no template for ${name}`);
    // Which of the two ran when something threw, so the error names that one.
    let running = template;
    try {
      const body = template.compiled(page.data);
      if (WITHOUT_LAYOUT.has(page.template)) return { html: body };
      running = layout;
      return { html: layout.compiled({ ...page.data, body }) };
    } catch (error) {
      return { error: renderError(error, page, running.source) };
    }
  };
  return { render, errors };
}

/**
 * Compiles one template. Handlebars compiles lazily, so `precompile` is called first
 * to surface syntax errors now, with their line, rather than on the first page.
 */
function compile(
  handlebars: typeof Handlebars,
  source: TemplateSource,
  errors: BuildError[],
): Compiled | null {
  try {
    handlebars.precompile(source.text, { strict: false });
    return handlebars.compile(source.text, { preventIndent: true });
  } catch (error) {
    errors.push(syntaxError(error, source));
    return null;
  }
}
