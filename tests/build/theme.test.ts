/** Templates and static files: a site's own theme, the built-in fallback, static copies. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

const postFile = post({ title: 'A', date: '2025-01-01', labels: 'Oman' });

describe('templates', () => {
  it('uses the built-in theme and its stylesheet when a site has no templates/', async () => {
    const built = await buildSite({ 'posts/a.md': postFile });
    const $ = await built.page('/2025/01/a/');
    expect($('link[rel=stylesheet]').attr('href')).toBe('/style.css');
    expect(await built.exists('/style.css')).toBe(true);
  });

  it("uses the site's templates and partials, falling back per file to the built-in ones", async () => {
    const built = await buildSite({
      'posts/a.md': postFile,
      'templates/layout.hbs': '<!DOCTYPE html><html><body class="mine">{{{body}}}</body></html>',
      'templates/partials/labels-line.hbs': '<p class="my-labels">{{labels.length}} labels</p>',
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/01/a/');
    expect($('body.mine h1.post-title').text()).toBe('A');
    expect($('.my-labels').text()).toBe('1 labels');
    // The site's own layout does not link the built-in stylesheet, so it is not copied.
    expect(await built.exists('/style.css')).toBe(false);
  });

  it('offers helpers for dates, links under baseUrl, and plurals', async () => {
    const built = await buildSite({
      'site.yaml': 'baseUrl: https://example.org/blog/\nlanguage: fr\ntimezone: Europe/Paris\n',
      'posts/a.md': postFile,
      'templates/labels.hbs':
        '{{#each labels}}<p class="n">{{plural count "billet" "billets"}}</p>{{/each}}' +
        '<a class="logo" href="{{href "img/logo.png"}}">logo</a>',
      'templates/post.hbs': '<p class="d">{{formatDate post.date.iso "full"}}</p>',
    });
    expect(built.result.errors).toEqual([]);
    const labels = await built.page('/labels/');
    expect(labels('.n').text()).toBe('1 billet');
    expect(labels('.logo').attr('href')).toBe('/blog/img/logo.png');
    const page = await built.page('/2025/01/a/');
    expect(page('.d').text()).toBe('mercredi 1 janvier 2025');
    expect(page('html').attr('lang')).toBe('fr');
  });
});

describe('static files', () => {
  it('are copied byte for byte, subfolders and dotfiles included, editor litter left out', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const built = await buildSite({
      'posts/a.md': postFile,
      'static/img/deep/pixel.bin': bytes,
      'static/.nojekyll': '',
      'static/notes.txt': 'café\r\n',
      'static/notes.txt.swp': 'x',
      'static/notes.txt~': 'x',
    });
    expect(built.result.errors).toEqual([]);
    const out = built.result.outDir;
    expect(new Uint8Array(await readFile(path.join(out, 'img/deep/pixel.bin')))).toEqual(bytes);
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('café\r\n');
    const files = await built.files();
    expect(files).toContain('.nojekyll');
    expect(files.filter((f) => f.startsWith('notes'))).toEqual(['notes.txt']);
  });

  it("lets a site's own static file replace the built-in stylesheet", async () => {
    const built = await buildSite({ 'posts/a.md': postFile, 'static/style.css': 'body{}' });
    expect(await readFile(path.join(built.result.outDir, 'style.css'), 'utf8')).toBe('body{}');
  });
});
