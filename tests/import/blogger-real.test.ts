/**
 * Blogger exports as Blogger writes them: the classic "Back up content" file on one long
 * line, `<app:control><app:draft>yes</app:draft></app:control>` on drafts with the `app:`
 * prefix never declared, and what Rubric says when such a file is cut short or broken.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readEntries } from '../../src/import/entries.js';
import { importBlogger } from '../../src/import/import.js';
import { readXmlFile } from '../../src/import/xml.js';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { FIXTURES, importInto, readPost } from './support.js';

/** A classic export whose `app:` prefix is used on two drafts and declared nowhere. */
const UNDECLARED_APP = path.join(FIXTURES, 'undeclared-app.xml');

async function importText(text: string) {
  const root = await makeSite({ 'export.xml': text });
  const result = await importBlogger({
    exportFile: path.join(root, 'export.xml'),
    root,
    comments: false,
    force: false,
    downloadImages: null,
  });
  if (result.ok) throw new Error('the import was expected to fail');
  return { root, error: result.error };
}

describe('an export that uses app: without declaring it', () => {
  it('reads the undeclared prefix as the Atom Publishing Protocol namespace', async () => {
    const text = await readFile(UNDECLARED_APP, 'utf8');
    // The fixture is in the shape that failed: the prefix is used and never declared.
    expect(text).toContain('<app:control><app:draft>yes</app:draft></app:control>');
    expect(text).not.toContain('xmlns:app');

    const doc = await readXmlFile(UNDECLARED_APP);
    const detected = detectFormat(doc);
    expect(detected).toEqual({ format: 'classic' });
    if (!('format' in detected)) return;
    const blog = readEntries(doc, detected.format);
    expect(blog.posts.map((p) => [p.kind, p.title, p.status, p.path])).toEqual([
      ['post', 'The lightship that would not sink', 'draft', null],
      ['post', 'Three nights on a rock', 'live', '/2025/08/three-nights-on-rock.html'],
      [
        'post',
        'Midsummer and the lamp that stays dark',
        'live',
        '/2025/06/midsummer-and-lamp-that-stays-dark.html',
      ],
      ['page', 'About this blog', 'live', '/p/about-this-blog.html'],
      ['page', 'Reading list', 'draft', null],
    ]);
    expect(blog.timezone).toBe('America/Los_Angeles');
    expect(blog.comments.map((c) => [c.postId, c.author])).toEqual([
      ['tag:blogger.com,1999:blog-8802.post-5507', 'Elin S.'],
    ]);
  });

  it('imports its drafts as drafts, which the built site does not publish', async () => {
    const root = await makeSite({});
    const result = await importInto(root, UNDECLARED_APP, { comments: true });
    expect(result.counts).toEqual({
      posts: 2,
      drafts: 2,
      scheduled: 0,
      pages: 1,
      comments: 1,
      labels: 3,
    });
    expect(result.files.written).toEqual([
      'posts/2025-06-21-midsummer-and-lamp-that-stays-dark.md',
      'posts/2025-08-03-three-nights-on-rock.comments.yaml',
      'posts/2025-08-03-three-nights-on-rock.md',
      'posts/2025-09-12-the-lightship-that-would-not-sink.md',
      'posts/pages/2024-11-02-about-this-blog.md',
      'posts/pages/2025-01-15-reading-list.md',
      'site.yaml',
    ]);
    const draft = await readPost(root, 'posts/2025-09-12-the-lightship-that-would-not-sink.md');
    expect(draft.data).toMatchObject({ title: 'The lightship that would not sink', draft: true });
    expect(draft.data.aliases).toBeUndefined();
    const draftPage = await readPost(root, 'posts/pages/2025-01-15-reading-list.md');
    expect(draftPage.data).toMatchObject({ page: true, draft: true });
    const live = await readPost(root, 'posts/2025-08-03-three-nights-on-rock.md');
    expect(live.data.draft).toBeUndefined();

    const site = await buildAt(root);
    expect(site.result.errors).toEqual([]);
    expect(site.result.postCount).toBe(2);
    expect(site.result.draftCount).toBe(2);
    const $ = await site.page('/');
    expect(
      $('article .post-title')
        .map((_, e) => $(e).text().trim())
        .get(),
    ).toEqual(['Three nights on a rock', 'Midsummer and the lamp that stays dark']);
    expect((await site.files()).filter((f) => /lightship|reading-list/.test(f))).toEqual([]);
  });

  it('keeps a declared app: prefix, and reads drafts in the RFC 5023 namespace too', async () => {
    const text = (await readFile(UNDECLARED_APP, 'utf8')).replace(
      "<feed xmlns='http://www.w3.org/2005/Atom'",
      "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:app='http://www.w3.org/2007/app'",
    );
    const root = await makeSite({ 'export.xml': text });
    const result = await importInto(root, path.join(root, 'export.xml'));
    expect(result.counts.drafts).toBe(2);
    expect(result.counts.posts).toBe(2);
  });
});

describe('an export that is not well-formed', () => {
  it('says a file cut short was cut short, with the line and column where it stops', async () => {
    const text = await readFile(UNDECLARED_APP, 'utf8');
    const cut = text.slice(0, text.indexOf('the logbook pages'));
    // The whole export is on line 3, as Blogger writes it; the cut is 4,675 characters in.
    const line3 = cut.split('\n').at(-1) ?? '';
    expect(line3).toHaveLength(4675);
    // The draft's <content> start tag, whose `>` is column 4652, is the element left open.
    expect(line3.lastIndexOf("<content type='html'>") + "<content type='html'>".length).toBe(4652);
    const { root, error } = await importText(cut);
    expect(error.name).toBe('ImportFailed');
    expect([error.line, error.column]).toEqual([3, 4675]);
    expect(error.message).toBe(
      'The export is not well-formed XML: the file ends while <content> (line 3, column 4652) is still open (it stops at line 3, column 4675), so the file was cut short.',
    );
    expect(error.hint).toContain('Download the export again');
    expect(error.hint).toContain('complete');
    expect(await listFiles(root)).toEqual(['export.xml']);
  });

  it('calls an empty file cut short too', async () => {
    const { error } = await importText('');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.message).toContain('the file ends too early');
    expect(error.hint).toContain('Download the export again');
  });

  it('says what is wrong and where when the file is complete but broken', async () => {
    const text = await readFile(UNDECLARED_APP, 'utf8');
    const broken = text.replace(
      "<title type='text'>Keepers of the Light</title>",
      '<title>Fish & ships</title>',
    );
    // The `>` of the blog's <title> start tag is column 389 of line 3, the long line.
    const line3 = broken.split('\n')[2] ?? '';
    expect(line3.indexOf('<title>Fish & ships') + '<title>'.length).toBe(389);
    const { error } = await importText(broken);
    // saxes reads a bare & up to the next `;`, the one of `&lt;` further on.
    expect(line3.slice(1780, 1784)).toBe('&lt;');
    expect([error.line, error.column]).toEqual([3, 1784]);
    expect(error.message).toBe(
      'The export is not well-formed XML: an & that starts no entity (a bare & must be written &amp;; saxes read on to the next ;) inside <title> (its start tag ends at line 3, column 389) at line 3, column 1784.',
    );
    expect(error.hint).not.toContain('Download the export again');
    expect(error.hint).toContain('an unescaped & or <');

    const misnested = await importText(
      text.replace('Three nights on a rock</title>', 'Three nights on a rock</b></title>'),
    );
    // 1-based columns: the `>` of `<title type='text'>`, and of the stray `</b>`.
    const titleAt = (text.split('\n')[2] ?? '').indexOf('Three nights on a rock</title>');
    const strayAt = titleAt + 'Three nights on a rock</b>'.length;
    expect([titleAt, strayAt]).toEqual([5667, 5693]);
    expect([misnested.error.line, misnested.error.column]).toEqual([3, strayAt]);
    expect(misnested.error.message).toBe(
      `The export is not well-formed XML: a close tag that does not match the open element, inside <title> (its start tag ends at line 3, column ${String(titleAt)}) at line 3, column ${String(strayAt)}.`,
    );
    expect(misnested.error.hint).toContain('tags closed out of order');
  });
});
