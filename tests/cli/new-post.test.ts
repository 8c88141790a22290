/** `rubric new post "Title"`: a post file with its front matter, dated in the site's zone. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli.js';
import { capture, runBin } from '../support/cli.js';
import { buildAt, listFiles, makeSite } from '../support/site.js';

/** 22:00 UTC on New Year's Eve: already 1 January in Tehran (+03:30). */
const LATE = Date.UTC(2025, 11, 31, 22, 0);

/** The front matter of a post file, parsed. */
async function frontMatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  return parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;
}

describe('rubric new post', () => {
  it("writes posts/DATE-SLUG.md dated now in the site's zone, and prints its path", async () => {
    const root = await makeSite({ 'site.yaml': 'title: T\ntimezone: Asia/Tehran\n' });
    const io = capture(root, { now: LATE });
    const code = await run(
      ['new', 'post', 'Oman: the Quiet Channel', '--labels', 'Oman, talks'],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout).toEqual(['posts/2026-01-01-oman-the-quiet-channel.md']);
    expect(
      await frontMatter(path.join(root, 'posts/2026-01-01-oman-the-quiet-channel.md')),
    ).toEqual({
      title: 'Oman: the Quiet Channel',
      date: '2026-01-01T01:30',
      labels: ['Oman', 'talks'],
    });
  });

  it('marks a draft, and the post builds (as a draft with --drafts)', async () => {
    const root = await makeSite({});
    const io = capture(root, { now: LATE });
    expect(await run(['new', 'post', 'Sketch', '--draft', '--root', '.'], io)).toBe(0);
    expect(io.stdout).toEqual(['posts/2025-12-31-sketch.md']);
    expect(await frontMatter(path.join(root, io.stdout[0] ?? ''))).toEqual({
      title: 'Sketch',
      date: '2025-12-31T22:00',
      draft: true,
    });
    const built = await buildAt(root, { drafts: true, now: LATE + 60_000 });
    expect(built.result.postCount).toBe(1);
  });

  it("uses the site's templates/post.md, filling in title, date and labels", async () => {
    const archetype =
      '---\ntitle: {{title}}\ndate: {{date}}\nlabels: {{labels}}\nauthor: Mina\n---\nTODO\n';
    const root = await makeSite({ 'templates/post.md': archetype });
    const io = capture(root, { now: LATE });
    expect(await run(['new', 'post', 'A "quoted" title', '--labels', 'x'], io)).toBe(0);
    const file = path.join(root, 'posts/2025-12-31-a-quoted-title.md');
    expect(await frontMatter(file)).toEqual({
      title: 'A "quoted" title',
      date: '2025-12-31T22:00',
      labels: ['x'],
      author: 'Mina',
    });
    expect((await readFile(file, 'utf8')).endsWith('---\nTODO\n')).toBe(true);
  });

  it('leaves a post that exists alone', async () => {
    const root = await makeSite({ 'posts/2025-12-31-same.md': 'mine' });
    const io = capture(root, { now: LATE });
    expect(await run(['new', 'post', 'Same'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/posts\/2025-12-31-same\.md exists already/);
    expect(await readFile(path.join(root, 'posts/2025-12-31-same.md'), 'utf8')).toBe('mine');
  });

  it('runs as the real bin in a site made by new site', async () => {
    const cwd = await makeSite({});
    await runBin(['new', 'site', 'blog'], cwd);
    const root = path.join(cwd, 'blog');
    const made = await runBin(['new', 'post', 'Second post', '--root', 'blog'], cwd);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^blog\/posts\/\d{4}-\d{2}-\d{2}-second-post\.md\n$/);
    expect((await listFiles(path.join(root, 'posts'))).length).toBe(2);
  });
});
