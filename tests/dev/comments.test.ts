/**
 * `rubric dev` and comments files: adding, editing or deleting `POST.comments.yaml`
 * re-renders that post's page alone, re-parses no post, and shows the change.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createRebuilder, type Rebuilder } from '../../src/dev/rebuild.js';
import { makeSite, NOW, post, writeFiles } from '../support/site.js';

const POSTS = {
  'posts/a.md': post({ title: 'Alpha', date: '2025-03-01' }, 'Alpha body.'),
  'posts/b.md': post({ title: 'Bravo', date: '2025-03-02' }, 'Bravo body.'),
};

const comment = (body: string) =>
  `- id: '1'\n  author: A reader\n  date: 2025-03-03T10:00\n  body: ${JSON.stringify(body)}\n`;

async function started(): Promise<Rebuilder> {
  const rebuilder = createRebuilder({
    root: await makeSite({ 'site.yaml': 'title: T\nbaseUrl: https://example.org/\n', ...POSTS }),
    now: () => NOW,
  });
  expect((await rebuilder.rebuild()).run.errors).toEqual([]);
  return rebuilder;
}

async function bodies(rebuilder: Rebuilder, url: string): Promise<string[]> {
  const html = await readFile(path.join(rebuilder.outDir, url, 'index.html'), 'utf8');
  const $ = load(html);
  return $('.comment-body')
    .map((_, div) => $(div).text().trim())
    .get();
}

describe('dev and comments files', () => {
  it('re-renders only the post whose comments file was added, edited or deleted', async () => {
    const site = await started();
    const file = 'posts/a.comments.yaml';
    await writeFiles(site.root, { [file]: comment('First!') });
    let result = await site.rebuild([file]);
    expect(result.run.parsed).toEqual([]);
    expect(result.run.rendered).toEqual(['/2025/03/a/']);
    expect(await bodies(site, '2025/03/a')).toEqual(['First!']);

    await writeFiles(site.root, { [file]: comment('Edited.') });
    result = await site.rebuild([file]);
    expect(result.run.rendered).toEqual(['/2025/03/a/']);
    expect(result.written).toEqual(['2025/03/a/index.html']);
    expect(await bodies(site, '2025/03/a')).toEqual(['Edited.']);

    await rm(path.join(site.root, file));
    result = await site.rebuild([file]);
    expect(result.run.rendered).toEqual(['/2025/03/a/']);
    expect(await bodies(site, '2025/03/a')).toEqual([]);
  });

  it('re-renders nothing when a comments file is saved unchanged', async () => {
    const site = await started();
    const file = 'posts/b.comments.yaml';
    await writeFiles(site.root, { [file]: comment('Hello.') });
    await site.rebuild([file]);
    await writeFiles(site.root, { [file]: comment('Hello.') });
    const result = await site.rebuild([file]);
    expect(result.run.rendered).toEqual([]);
    expect(result.written).toEqual([]);
  });

  it('warns when the post of a comments file is deleted, and shows them again when it is back', async () => {
    const site = await started();
    await writeFiles(site.root, { 'posts/a.comments.yaml': comment('Kept.') });
    await site.rebuild(['posts/a.comments.yaml']);
    await rm(path.join(site.root, 'posts/a.md'));
    let result = await site.rebuild(['posts/a.md']);
    expect(result.run.warnings.map((w) => [w.name, w.file])).toEqual([
      ['CommentsWithoutPost', 'posts/a.comments.yaml'],
    ]);
    await writeFiles(site.root, { 'posts/a.md': POSTS['posts/a.md'] });
    result = await site.rebuild(['posts/a.md']);
    expect(result.run.warnings).toEqual([]);
    expect(await bodies(site, '2025/03/a')).toEqual(['Kept.']);
  });
});
