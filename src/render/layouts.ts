/**
 * Layouts: a post's `layout: wide` front matter renders its page with `wide.hbs` instead
 * of `post.hbs` (still inside `layout.hbs`). A layout receives what `post.hbs` (or, for a
 * page of the site, `page.hbs`) receives, so only templates made for that data can be
 * one: `post`, `page`, and every page template that is not one of the theme's fixed kinds.
 */
import { buildError, type BuildError } from '../errors.js';
import type { TemplateSource } from '../load/load.js';
import type { Post } from '../parse/post.js';
import { TEMPLATE_NAMES, type Page } from '../route/view.js';
import { closest } from '../suggest.js';

/** The page template that renders `page`: its layout, or the one of its kind. */
export function templateOf(page: Page): string {
  return ('layout' in page ? page.layout : undefined) ?? page.template;
}

/** The names a post's `layout:` may give, sorted. */
export function layoutNames(templates: readonly TemplateSource[]): string[] {
  const fixed = new Set<string>(['layout', ...TEMPLATE_NAMES]);
  const names = templates
    .filter(
      (t) => t.kind === 'page' && (!fixed.has(t.name) || t.name === 'post' || t.name === 'page'),
    )
    .map((t) => t.name);
  return [...new Set(names)].sort();
}

/** An `UnknownLayout` error at each post whose `layout:` names no usable template. */
export function checkLayouts(
  posts: readonly Post[],
  templates: readonly TemplateSource[],
): BuildError[] {
  const withLayout = posts.filter((post) => post.layout !== null);
  if (withLayout.length === 0) return [];
  const names = layoutNames(templates);
  const known = new Set(names);
  const errors: BuildError[] = [];
  for (const post of withLayout) {
    const layout = post.layout ?? '';
    if (known.has(layout)) continue;
    const near = closest(layout, names);
    const listed = names.map((name) => `\`${name}\``).join(', ');
    errors.push(
      buildError(
        'UnknownLayout',
        { file: post.source, ...(post.layoutAt ?? { line: 0, column: 0 }) },
        `layout \`${layout}\` names no template: there is no templates/${layout}.hbs that can render a post.`,
        `${near === null ? '' : `Did you mean \`${near}\`? `}The layouts there are: ${listed}.`,
      ),
    );
  }
  return errors;
}
