/** The repository's own example site builds cleanly into valid HTML. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { crawl } from '../support/crawl.js';
import { buildAt, type BuiltSite } from '../support/site.js';
import { readEntry } from '../support/search-index.js';
import { readFeed } from '../support/xml.js';

let outDir = '';
let built: BuiltSite;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'rubric-example-'));
  built = await buildAt(packageRoot, { outDir: path.join(outDir, 'dist') });
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the example site', () => {
  it('builds with no errors and no warnings', () => {
    expect(built.result.errors).toEqual([]);
    expect(built.result.warnings).toEqual([]);
    expect(built.result.postCount).toBe(11);
    expect(built.result.draftCount).toBe(1);
  });

  it('has the Blogger label page for "foreign relations of iran"', async () => {
    const $ = await built.page('/labels/foreign-relations-of-iran/');
    expect($('.status-message').text().replace(/\s+/g, ' ').trim()).toBe(
      'Showing posts with label foreign relations of iran. Show all posts',
    );
    expect($('article.post').length).toBe(5);
  });

  it('has search: an index of its 11 posts, and a box on every page', async () => {
    expect(await readEntry(built.result.outDir)).toEqual({ en: 11 });
    expect((await built.page('/labels/oman/'))('form.search-box').attr('action')).toBe('/search/');
  });

  it('shows the comments kept beside the Oman post, the reply under its comment', async () => {
    const $ = await built.page('/2025/03/oman-back-channel/');
    expect($('#comments-title').text()).toBe('3 comments');
    expect(
      $('.comments > .comment-list > .comment')
        .map((_, li) => $(li).attr('id'))
        .get(),
    ).toEqual(['comment-4417', 'comment-4421']);
    expect($('#comment-4417 .comment-list .comment-author').text()).toBe('Mina Farahani');
  });

  it('has author pages, linked bylines, and its methodology post pinned', async () => {
    const mina = await built.page('/authors/mina-farahani/');
    expect(mina('.status-message').text().replace(/\s+/g, ' ').trim()).toBe(
      'Showing posts by Mina Farahani. Show all posts',
    );
    expect(mina('.author-links a').attr('href')).toBe('/2025/04/keeping-a-chronology/');
    const sanctions = await built.page('/2025/06/sanctions-relief-sequencing/');
    expect(sanctions('.post-author').text()).toBe('Daniel Åberg and Mina Farahani');
    const home = await built.page('/');
    expect(home('article.post-pinned .post-title a').text()).toBe(
      'Keeping a Chronology: How This Notebook Tracks Talks',
    );
    expect(home('article.post').first().hasClass('post-pinned')).toBe(true);
  });

  it('writes valid HTML on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // Headline length is the author's choice, not a matter of valid HTML.
      rules: { 'long-title': 'off' },
    });
    const pages = (await built.files()).filter((file) => file.endsWith('.html'));
    // 41 pages, the search page (`search: true`) and five author pages.
    expect(pages.length).toBe(47);
    const problems: string[] = [];
    for (const page of pages) {
      const html = await readFile(path.join(built.result.outDir, page), 'utf8');
      const report = await validator.validateString(html, page);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(
            `${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has feeds a feed reader can read, and no link that leads nowhere', async () => {
    const feed = readFeed(await built.text('/feed.xml'));
    expect(feed.items.length).toBe(11);
    expect(readFeed(await built.text('/rss.xml')).items).toHaveLength(feed.items.length);
    const { checked, broken } = await crawl(built.result.outDir, 'https://example.org/');
    expect(broken).toEqual([]);
    expect(checked).toBe(2521);
  });
});
