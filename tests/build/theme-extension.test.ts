/**
 * Extending the theme: a site's `templates/helpers.js` adds Handlebars helpers, a post's
 * `layout:` picks another template, and `theme:` in site.yaml layers a theme folder or an
 * npm package between the site's own templates and the built-in ones.
 */
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { createRebuilder } from '../../src/dev/rebuild.js';
import { packageRoot } from '../../src/paths.js';
import { classify } from '../../src/session/classify.js';
import { buildAt, buildSite, makeSite, NOW, post, writeFiles } from '../support/site.js';

/** A site's post template that calls the site's helpers, inside the built-in layout. */
const POST_WITH_HELPERS =
  '<article class="post"><h1>{{upper post.title}}</h1>{{mark post.data.highlight}}</article>\n';

const HELPERS = [
  "import Handlebars from 'handlebars';",
  '/** Upper-cases text; the result is a plain string, so Handlebars escapes it. */',
  'export function upper(text) { return String(text).toUpperCase(); }',
  '/** Marks text: the helper escapes it and returns HTML that is not escaped again. */',
  'export function mark(text) {',
  '  const safe = Handlebars.Utils.escapeExpression(String(text));',
  '  return new Handlebars.SafeString(`<mark>${safe}</mark>`);',
  '}',
  '',
].join('\n');

/** Lets a test site's helpers.js import `handlebars`, as a site that installed Rubric can. */
async function linkHandlebars(root: string): Promise<void> {
  await mkdir(path.join(root, 'node_modules'), { recursive: true });
  await symlink(
    path.join(packageRoot, 'node_modules', 'handlebars'),
    path.join(root, 'node_modules', 'handlebars'),
  );
}

const outside: string[] = [];
afterAll(async () => {
  await Promise.all(outside.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('templates/helpers.js', () => {
  it('adds helpers to the build, whose strings are escaped and whose SafeStrings are not', async () => {
    const root = await makeSite({
      'posts/2025-03-01-tom.md': post({
        title: 'Tom & Jerry <3',
        date: '2025-03-01',
        highlight: '"a < b"',
      }),
      'templates/post.hbs': POST_WITH_HELPERS,
      'templates/helpers.js': HELPERS,
    });
    await linkHandlebars(root);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/03/tom/');
    expect($('article.post h1').text()).toBe('TOM & JERRY <3');
    expect($('article.post h1').children()).toHaveLength(0);
    expect($('article.post mark').text()).toBe('a < b');
    // Registered on the build's own environment, never on the global one.
    expect(Handlebars.helpers).not.toHaveProperty('upper');
    expect(Handlebars.helpers).not.toHaveProperty('mark');
  });

  it('reports a helper that throws as a TemplateRender error naming the helper and the template', async () => {
    const built = await buildSite({
      'posts/2025-03-01-tom.md': post({ title: 'Tom', date: '2025-03-01' }),
      'templates/post.hbs': '<article>\n  <h1>{{boom post.title}}</h1>\n</article>\n',
      'templates/helpers.js': 'export function boom() { throw new Error("no boom today"); }\n',
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors).toHaveLength(1);
    const [error] = built.result.errors;
    // At the first call of the helper in the template.
    expect(error).toMatchObject({
      name: 'TemplateRender',
      file: 'templates/post.hbs',
      line: 2,
      column: 7,
    });
    expect(error?.message).toBe(
      'Rendering /2025/03/tom/ failed in the helper `boom` (from templates/helpers.js), called by templates/post.hbs or a partial it uses: it threw: no boom today.',
    );
  });

  it('refuses exports that are not named functions, and one that replaces `if`', async () => {
    const built = await buildSite({
      'posts/2025-03-01-tom.md': post({ title: 'Tom', date: '2025-03-01' }),
      'templates/helpers.js':
        'export const answer = 42;\nfunction when() {}\nexport { when as if };\n',
    });
    expect(built.result.errors.map((e) => [e.name, e.file, e.message])).toEqual([
      [
        'HelpersInvalid',
        'templates/helpers.js',
        'helpers.js exports `answer`, which is not a named function: every export is a helper, called by its name.',
      ],
      [
        'HelpersInvalid',
        'templates/helpers.js',
        "helpers.js exports `if`, which would replace Handlebars' own `if` helper.",
      ],
    ]);
  });

  it('is loaded again by the dev session when it changes', async () => {
    const root = await makeSite({
      'posts/2025-03-01-tom.md': post({ title: 'Tom', date: '2025-03-01' }),
      'posts/2025-03-02-ann.md': post({ title: 'Ann', date: '2025-03-02' }),
      'templates/post.hbs': '<h1 class="t">{{shout post.title}}</h1>\n',
      'templates/helpers.js': 'export function shout(text) { return `${text}!`; }\n',
    });
    expect(classify('templates/helpers.js')).toBe('template');
    const rebuilder = createRebuilder({ root, now: () => NOW });
    expect((await rebuilder.rebuild()).run.errors).toEqual([]);
    const title = async () =>
      load(await readFile(path.join(rebuilder.outDir, '2025/03/tom/index.html'), 'utf8'))(
        'h1.t',
      ).text();
    expect(await title()).toBe('Tom!');
    await writeFiles(root, {
      'templates/helpers.js': 'export function shout(text) { return `${text}?!`; }\n',
    });
    const second = await rebuilder.rebuild(['templates/helpers.js']);
    expect(second.run.errors).toEqual([]);
    expect(second.run.rendered).toEqual(expect.arrayContaining(['/2025/03/tom/', '/2025/03/ann/']));
    expect(await title()).toBe('Tom?!');
  });
});

describe('layout: in front matter', () => {
  it('renders the post with that template of the site, inside the layout', async () => {
    const built = await buildSite({
      'posts/2025-03-01-wide.md': post({ title: 'A wide one', date: '2025-03-01', layout: 'wide' }),
      'posts/2025-03-02-plain.md': post({ title: 'A plain one', date: '2025-03-02' }),
      'templates/wide.hbs':
        '<article class="wide"><h1>{{post.title}}</h1>{{{post.html}}}</article>\n',
    });
    expect(built.result.errors).toEqual([]);
    const wide = await built.page('/2025/03/wide/');
    expect(wide('article.wide h1').text()).toBe('A wide one');
    expect(wide('article.wide p').text()).toBe('Some text.');
    expect(wide('article.post-full')).toHaveLength(0);
    // Still inside the built-in layout.
    expect(wide('header.masthead')).toHaveLength(1);
    const plain = await built.page('/2025/03/plain/');
    expect(plain('article.post-full h1').text()).toBe('A plain one');
    expect(plain('article.wide')).toHaveLength(0);
  });

  it('is an error at the value when no template has that name, listing the layouts there are', async () => {
    const built = await buildSite({
      'posts/2025-03-01-wide.md':
        '---\ntitle: A wide one\ndate: 2025-03-01\nlayout: wid\n---\nText.\n',
      'templates/wide.hbs': '<article class="wide">{{{post.html}}}</article>\n',
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors.map((e) => [e.name, e.file, e.line, e.column])).toEqual([
      ['UnknownLayout', 'posts/2025-03-01-wide.md', 4, 9],
    ]);
    expect(built.result.errors[0]?.hint).toBe(
      'Did you mean `wide`? The layouts there are: `page`, `post`, `wide`.',
    );
  });

  it('re-renders a post in dev when the template its layout names changes', async () => {
    const root = await makeSite({
      'posts/2025-03-01-wide.md': post({ title: 'Wide', date: '2025-03-01', layout: 'wide' }),
      'templates/wide.hbs': '<h1 class="w">{{post.title}}</h1>\n',
    });
    const rebuilder = createRebuilder({ root, now: () => NOW });
    expect((await rebuilder.rebuild()).run.errors).toEqual([]);
    await writeFiles(root, { 'templates/wide.hbs': '<h1 class="w">New {{post.title}}</h1>\n' });
    const second = await rebuilder.rebuild(['templates/wide.hbs']);
    expect(second.run.rendered).toEqual(['/2025/03/wide/']);
    const html = await readFile(path.join(rebuilder.outDir, '2025/03/wide/index.html'), 'utf8');
    expect(load(html)('h1.w').text()).toBe('New Wide');
  });
});

/** A theme with its own post and home templates, a partial, a stylesheet and a helper. */
const THEME = {
  'templates/post.hbs': '<article class="theme-post"><h1>{{post.title}}</h1></article>\n',
  'templates/home.hbs': '<section class="theme-home">{{> theme-note}}</section>\n',
  'templates/partials/theme-note.hbs': '<p class="note">from the theme</p>\n',
  'templates/helpers.js': 'export function stamp() { return "theme"; }\n',
  'static/paper.css': 'body { color: sienna; }\n',
  'static/shared.css': '/* theme */\n',
};

function under(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([file, text]) => [`${folder}/${file}`, text]),
  );
}

describe('theme: in site.yaml', () => {
  it('layers a theme folder between the site and the built-in theme, file by file', async () => {
    const built = await buildSite({
      'site.yaml': 'title: Layers\ntheme: ./themes/paper\n',
      'posts/2025-03-01-one.md': post({ title: 'One', date: '2025-03-01', labels: 'Oman' }),
      ...under('themes/paper', THEME),
      // The site's own partial wins over the theme's; its helper over the theme's.
      'templates/partials/theme-note.hbs': '<p class="note">from the site {{stamp}}</p>\n',
      'templates/helpers.js': 'export function stamp() { return "site"; }\n',
      'static/shared.css': '/* site */\n',
    });
    expect(built.result.errors).toEqual([]);
    const home = await built.page('/');
    expect(home('section.theme-home p.note').text()).toBe('from the site site');
    const one = await built.page('/2025/03/one/');
    expect(one('article.theme-post h1').text()).toBe('One');
    // Neither the site nor the theme has a label template: the built-in one is used.
    const label = await built.page('/labels/oman/');
    expect(label('h1').first().text()).toContain('Oman');
    // The built-in layout is used, so its stylesheet comes too; the theme's static files
    // are copied; the site's own win by name.
    expect(await built.text('/paper.css')).toBe('body { color: sienna; }\n');
    expect(await built.text('/shared.css')).toBe('/* site */\n');
    expect(await built.exists('/style.css')).toBe(true);
  });

  it('finds a theme package in the site’s node_modules, and a link to it may lead anywhere', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'rubric-theme-'));
    outside.push(elsewhere);
    await writeFiles(elsewhere, {
      'package.json': '{ "name": "rubric-theme-paper", "version": "1.0.0" }\n',
      ...THEME,
      'templates/layout.hbs':
        '<!DOCTYPE html><html lang="{{site.language}}"><head><title>{{site.title}}</title></head><body class="paper">{{{body}}}</body></html>\n',
    });
    const root = await makeSite({
      'site.yaml': 'title: Package\ntheme: rubric-theme-paper\n',
      'posts/2025-03-01-one.md': post({ title: 'One', date: '2025-03-01' }),
    });
    await mkdir(path.join(root, 'node_modules'));
    // As `npm link` or pnpm leave it: node_modules holds a link to a folder elsewhere.
    await symlink(elsewhere, path.join(root, 'node_modules', 'rubric-theme-paper'));
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const one = await built.page('/2025/03/one/');
    expect(one('body.paper article.theme-post h1').text()).toBe('One');
    expect(await built.text('/paper.css')).toBe('body { color: sienna; }\n');
    // The theme has its own layout, so the built-in stylesheet is not copied.
    expect(await built.exists('/style.css')).toBe(false);
    const home = await built.page('/');
    expect(home('section.theme-home p.note').text()).toBe('from the theme');
  });

  it('says where a theme that is not there was named', async () => {
    const built = await buildSite({
      'site.yaml': 'title: Missing\ntheme: rubric-theme-nowhere\n',
      'posts/2025-03-01-one.md': post({ title: 'One', date: '2025-03-01' }),
    });
    expect(built.result.errors.map((e) => [e.name, e.file, e.line, e.column])).toEqual([
      ['ThemeNotFound', 'site.yaml', 2, 8],
    ]);
    expect(built.result.errors[0]?.hint).toContain('npm install rubric-theme-nowhere');
  });

  it('refuses a theme folder that a link leads out of the site', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'rubric-theme-'));
    outside.push(elsewhere);
    await writeFiles(elsewhere, THEME);
    const root = await makeSite({
      'site.yaml': 'title: Out\ntheme: themes/paper\n',
      'posts/2025-03-01-one.md': post({ title: 'One', date: '2025-03-01' }),
    });
    await mkdir(path.join(root, 'themes'));
    await symlink(elsewhere, path.join(root, 'themes', 'paper'));
    const built = await buildAt(root);
    expect(built.result.errors.map((e) => [e.name, e.file, e.line, e.column])).toEqual([
      ['ThemeInvalid', 'site.yaml', 2, 8],
    ]);
    expect(await built.exists('/')).toBe(false);
  });
});
