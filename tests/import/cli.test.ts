/** `rubric import blogger`: arguments, the summary it prints, exit codes. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { capture } from '../support/cli.js';
import { listFiles, makeSite } from '../support/site.js';
import { JEKYLL_SITE } from './folder-support.js';
import { CLASSIC, TAKEOUT } from './support.js';
import { WXR } from './wordpress-support.js';

describe('rubric import blogger', () => {
  it('imports, then prints what it kept, what it skipped and why, and what it wrote', async () => {
    const root = await makeSite({});
    const io = capture(root);
    expect(await run(['import', 'blogger', CLASSIC, '--comments'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toEqual([
      'read a classic Blogger backup: 5 posts, 2 drafts, 1 scheduled, 1 page, 1 comment, 5 labels',
      'skipped 5 entries:',
      "  template: the blog's theme; Rubric uses its own templates (line 10)",
      '  settings: a Blogger setting (only the time zone is used) (3×, first at line 20)',
      '  post: tag:blogger.com,1999:blog-7001.post-109 has a <published> date that is not a date ("last tuesday") (line 154)',
      'wrote 11 files, 0 unchanged, 0 kept as they were',
      'imported into ./; build it with `rubric build`',
    ]);
    const again = capture(root);
    expect(await run(['import', 'blogger', CLASSIC, '--comments'], again)).toBe(0);
    expect(again.stdout).toContain('wrote 0 files, 10 unchanged, 0 kept as they were');
  });

  it('honours --root and says when comments were left out', async () => {
    const cwd = await makeSite({});
    const io = capture(cwd);
    expect(await run(['import', 'blogger', TAKEOUT, '--root', 'site'], io)).toBe(0);
    expect(io.stdout).toContain('1 comment not imported; --comments imports them.');
    expect(await readFile(path.join(cwd, 'site/site.yaml'), 'utf8')).toContain(
      'bloggerRedirects: true',
    );
  });

  it('fails with the position and the name of the error for a file that is not an export', async () => {
    const root = await makeSite({ 'feed.xml': '<rss version="2.0"><channel/></rss>\n' });
    const io = capture(root);
    expect(await run(['import', 'blogger', 'feed.xml'], io)).toBe(1);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(
      /^error feed\.xml:1:1 {2}This is an RSS file .* \[ImportFailed\]$/,
    );
    expect(await listFiles(root)).toEqual(['feed.xml']);
  });

  it('says so when the export is not there', async () => {
    const root = await makeSite({});
    const io = capture(root);
    expect(await run(['import', 'blogger', 'missing.xml'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'error missing.xml  The export cannot be read (ENOENT). Give the path of the file Blogger exported, such as blog-03-14-2025.xml or feed.atom. [ImportFailed]',
    ]);
  });

  it('is wrong usage without a source and one file', async () => {
    const root = await makeSite({});
    for (const args of [
      ['import'],
      ['import', 'typepad', 'x.xml'],
      ['import', 'blogger'],
      ['import', 'blogger', 'a.xml', 'b.xml'],
      ['import', 'blogger', 'a.xml', '--bogus'],
    ]) {
      const io = capture(root);
      expect(await run(args, io), args.join(' ')).toBe(2);
      expect(io.stderr[0]).toMatch(/^rubric import: /);
    }
  });
});

describe('rubric import wordpress, jekyll and hugo', () => {
  it('--dry-run prints every file it would write and writes none', async () => {
    const root = await makeSite({});
    const io = capture(root);
    expect(await run(['import', 'wordpress', WXR, '--dry-run'], io)).toBe(0);
    expect(io.stdout[0]).toBe(
      'read a WordPress export (WXR): 2 posts, 3 drafts, 1 scheduled, 2 pages, 2 comments, 6 labels',
    );
    expect(io.stdout).toContain(
      'dry run, nothing written: would write 9 files, 0 unchanged, 0 kept as they were',
    );
    expect(io.stdout).toContain('  posts/2024-03-15-a-week-in-muscat.md');
    expect(io.stdout.at(-1)).toBe('dry run: nothing was written to ./');
    expect(await listFiles(root)).toEqual([]);
  });

  it('is wrong usage to ask a site folder for comments or images', async () => {
    const root = await makeSite({});
    const io = capture(root);
    expect(await run(['import', 'jekyll', JEKYLL_SITE, '--comments'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(
      /^rubric import: --comments and --download-images are for exports/,
    );
  });
});
