/** Bad input: every problem reported at once, with file:line:column, and dist/ untouched. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAt, buildSite, listFiles, makeSite, post, writeFiles } from '../support/site.js';

const good = {
  'posts/2025-01-01-good.md': post({ title: 'Good', date: '2025-01-01', labels: 'Oman' }),
};

describe('a build with broken posts', () => {
  it('reports every error of every post at once, sorted by file and line', async () => {
    const built = await buildSite({
      ...good,
      'posts/a.md': '---\ntitle: ""\ndate: 2025-13-40\n---\nBody\n',
      'posts/b.md': '---\ntitle: B\ndate: yesterday\nlabels: {a: 1}\n---\nBody\n',
      'posts/c.md': '---\ntitle: C\ndate: 2025-01-01\nlabels: [a, b\n---\n',
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors.map((e) => [e.name, `${e.file}:${e.line}:${e.column}`])).toEqual([
      ['MissingTitle', 'posts/a.md:2:8'],
      ['InvalidDate', 'posts/a.md:3:7'],
      ['InvalidDate', 'posts/b.md:3:7'],
      ['InvalidLabels', 'posts/b.md:4:9'],
      ['FrontMatterSyntax', expect.stringMatching(/^posts\/c\.md:[45]:\d+$/) as string],
    ]);
    for (const error of built.result.errors) {
      expect(error.hint.length).toBeGreaterThan(10);
    }
  });

  it('leaves the previous output exactly as it was', async () => {
    const root = await makeSite(good);
    const first = await buildAt(root);
    expect(first.result.ok).toBe(true);
    const dist = path.join(root, 'dist');
    const before = await listFiles(dist);
    const home = await readFile(path.join(dist, 'index.html'), 'utf8');

    await writeFiles(root, {
      'posts/2025-02-01-new.md': post({ title: 'New', date: '2025-02-01' }),
      'posts/broken.md': '---\ntitle: Broken\n---\n',
    });
    const second = await buildAt(root);
    expect(second.result.ok).toBe(false);
    expect(second.result.errors.map((e) => e.name)).toEqual(['InvalidDate']);
    expect(await listFiles(dist)).toEqual(before);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBe(home);
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/rubric-/));
  });

  it('fails on two posts with one URL, naming both files and slug:', async () => {
    const built = await buildSite({
      'posts/2025-01-05-oman.md': post({ title: 'One', date: '2025-01-05' }),
      'posts/drafts/oman.md': post({ title: 'Two', date: '2025-01-20' }),
    });
    expect(built.result.errors).toHaveLength(1);
    const [error] = built.result.errors;
    expect(error?.name).toBe('UrlCollision');
    expect(error?.message).toContain('posts/2025-01-05-oman.md');
    expect(error?.message).toContain('posts/drafts/oman.md');
    expect(error?.message).toContain('/2025/01/oman/index.html');
    expect(error?.hint).toContain('slug:');
  });

  it('points a URL collision at the `slug:` that caused it', async () => {
    const built = await buildSite({
      'posts/2025-01-05-oman.md': post({ title: 'One', date: '2025-01-05' }),
      'posts/talks.md': post({ title: 'Two', date: '2025-01-20', slug: 'oman' }),
    });
    expect(built.result.errors).toEqual([
      expect.objectContaining({ name: 'UrlCollision', file: 'posts/talks.md', line: 4, column: 7 }),
    ]);
  });

  it('fails on a post URL on a reserved path', async () => {
    const built = await buildSite({
      'site.yaml': 'permalink: /:slug/\n',
      'posts/labels.md': post({ title: 'Labels', date: '2025-01-01' }),
      'posts/page.md': post({ title: 'Page', date: '2025-01-02' }),
    });
    expect(built.result.errors.map((e) => [e.name, e.file])).toEqual([
      ['ReservedPath', 'posts/labels.md'],
      ['ReservedPath', 'posts/page.md'],
    ]);
  });

  it('points a post on a reserved path at its `slug:`, when the slug is written', async () => {
    const built = await buildSite({
      'site.yaml': 'permalink: /:slug/\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01', slug: 'labels' }),
    });
    expect(built.result.errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`)).toEqual([
      'ReservedPath posts/a.md:4:7',
    ]);
  });

  it('fails when a page would overwrite a static file', async () => {
    const built = await buildSite({
      ...good,
      'static/404.html': '<p>mine</p>',
    });
    expect(built.result.errors).toHaveLength(1);
    expect(built.result.errors[0]).toMatchObject({ name: 'UrlCollision', file: 'static/404.html' });
    expect(built.result.errors[0]?.message).toContain("Rubric's 404 page");
  });

  it('fails when two outputs differ only in letter case', async () => {
    const built = await buildSite({
      ...good,
      'static/Labels/index.html': 'x',
    });
    expect(built.result.errors).toHaveLength(1);
    expect(built.result.errors[0]?.message).toContain('differ only in letter case');
  });

  // Handlebars' parse errors give a line, and a `^` under an excerpt: the column is where
  // the excerpt fits on that line. Its checked errors carry a 0-based column of their own.
  it.each([
    // The #if is never closed: Handlebars finds out at the end, line 4 (after the last newline).
    ['an unclosed block', '<h1>{{post.title}}</h1>\n{{#if post.summary}}\n<p>x</p>\n', '4:1'],
    ['a tag missing a brace', '<article>\n<h1>{{post.title}</h1>\n</article>\n', '2:17'],
    ['a block closed by another name', '<main>\n  {{#if post.toc}}x{{/each}}\n</main>\n', '2:6'],
    ['a partial without a name', '<main>\n\n\n   {{> }}</main>\n', '4:8'],
  ])('reports a template syntax error (%s) at its line and column', async (_what, text, at) => {
    const built = await buildSite({ ...good, 'templates/post.hbs': text });
    expect(built.result.errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`)).toEqual([
      `TemplateSyntax templates/post.hbs:${at}`,
    ]);
  });

  it('reports a missing partial at render time, naming the template', async () => {
    const built = await buildSite({
      ...good,
      'templates/labels.hbs': '<main>\n  <h1>Labels</h1> {{> nowhere}}\n</main>\n',
    });
    expect(built.result.errors).toHaveLength(1);
    // At the statement that names the partial: Handlebars' error says only its name.
    expect(built.result.errors[0]).toMatchObject({
      name: 'TemplateRender',
      file: 'templates/labels.hbs',
      line: 2,
      column: 19,
    });
    expect(built.result.errors[0]?.message).toContain('nowhere');
  });

  it('reports site.yaml errors with their position', async () => {
    const built = await buildSite({ ...good, 'site.yaml': 'title: X\ntimezon: UTC\n' });
    expect(built.result.errors).toEqual([
      expect.objectContaining({ name: 'ConfigUnknownKey', file: 'site.yaml', line: 2, column: 1 }),
    ]);
    expect(built.result.errors[0]?.hint).toContain('`timezone`');
  });

  it('refuses an output folder that would replace the site itself', async () => {
    const root = await makeSite(good);
    const built = await buildAt(root, { outDir: root, cache: false });
    // The folder is what is wrong: it is the problem's file (absolute, as it is not inside).
    expect(built.result.errors.map((e) => [e.name, e.file, e.line])).toEqual([
      ['OutputFolder', root, 0],
    ]);
    expect(await listFiles(root)).toEqual(['posts/2025-01-01-good.md']);
  });
});
