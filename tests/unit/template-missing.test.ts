/**
 * A theme without one of the page templates Rubric renders. A site's own templates are laid
 * over the built-in theme file by file, so a build always has them all; the render stage is
 * handed its templates, and names the file it expected when one is not among them.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config.js';
import { createRenderer } from '../../src/render/render.js';

describe('TemplateMissing', () => {
  it('names each missing template as the file a site would add', () => {
    const layout = {
      path: 'templates/layout.hbs',
      text: '<main>{{{body}}}</main>',
      name: 'layout',
      kind: 'page' as const,
      builtIn: false,
    };
    const { render, errors } = createRenderer([layout], readConfig('').config);
    expect(render).toBeNull();
    expect(errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`)).toEqual(
      [
        'post',
        'page',
        'home',
        'label',
        'labels',
        'author',
        'archive',
        'year',
        'month',
        '404',
        'search',
        'atom',
        'rss',
        'sitemap',
        'robots',
      ].map((name) => `TemplateMissing templates/${name}.hbs:0:0`),
    );
  });
});
