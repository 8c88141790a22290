/**
 * Hostile and broken exports: entities that would read files or explode, files that are
 * not Blogger exports, and titles that would break file names or front matter.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBlogger } from '../../src/import/import.js';
import { namePosts, slugOfTitle } from '../../src/import/names.js';
import type { BloggerPost } from '../../src/import/entries.js';
import { isSlug } from '../../src/slug.js';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { importInto, readPost } from './support.js';

const ATOM = 'http://www.w3.org/2005/Atom';

/** A newer-format export holding the given entries. */
function takeout(entries: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}
<feed xmlns="${ATOM}" xmlns:blogger="http://schemas.google.com/blogger/2018">
<title>T</title>
${entries}
</feed>`;
}

function entry(n: number, title: string, extra = ''): string {
  return `<entry><id>tag:blogger.com,1999:blog-1.post-${n}</id><blogger:type>POST</blogger:type>
<blogger:status>LIVE</blogger:status><title>${title}</title>
<content type="html">&lt;p&gt;Body ${n}&lt;/p&gt;</content>
<published>2025-01-0${n}T10:00:00Z</published>
<blogger:filename>/2025/01/post-${n}.html</blogger:filename>${extra}</entry>`;
}

async function importText(text: string) {
  const root = await makeSite({ 'export.xml': text });
  const result = await importBlogger({
    exportFile: path.join(root, 'export.xml'),
    root,
    comments: false,
    force: false,
    downloadImages: null,
  });
  return { root, result };
}

describe('the XML parser', () => {
  it('does not expand an external entity: the file it names is never read', async () => {
    const secretDir = await makeSite({ 'secret.txt': 'TOP-SECRET-VALUE' });
    const secret = path.join(secretDir, 'secret.txt');
    const { root, result } = await importText(
      takeout(entry(1, '&xxe;'), `<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://${secret}">]>`),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('undefined entity');
    expect(result.error.line).toBe(5);
    expect(await listFiles(root)).toEqual(['export.xml']);
  });

  it('does not expand nested internal entities (a "billion laughs")', async () => {
    const laughs = `<!DOCTYPE feed [<!ENTITY a "hahahahahahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const { result } = await importText(takeout(entry(1, '&c;'), laughs));
    expect(result.ok).toBe(false);
  });

  it('reports a file cut short with the line where it stops', async () => {
    const { result } = await importText(takeout(entry(1, 'A')).slice(0, -20));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^The export is not well-formed XML: /);
    expect(result.error.line).toBeGreaterThan(1);
  });
});

describe('what is not a Blogger export', () => {
  it('rejects an RSS file, saying what it is', async () => {
    const { result } = await importText('<rss version="2.0"><channel></channel></rss>');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('RSS');
  });

  it('rejects an Atom feed that is not an export', async () => {
    const { result } = await importText(
      `<feed xmlns="${ATOM}"><entry><id>x</id><title>T</title></entry></feed>`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('not a Blogger export');
  });
});

describe('titles and names', () => {
  it('always gives a valid, short, unique slug', () => {
    expect(slugOfTitle('https://example.org/a?b=c')).toBe('https-example-org-a-b-c');
    expect(slugOfTitle('')).toBe('untitled');
    expect(slugOfTitle('   ')).toBe('untitled');
    expect(slugOfTitle('?!…')).toMatch(/^x-[0-9a-f]{8}$/);
    const long = slugOfTitle('中东'.repeat(200));
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(80);
    for (const title of ['../../etc/passwd', 'CON', 'a/b\\c', '🙂🙂', 'Ünïcødé Títle']) {
      expect(isSlug(slugOfTitle(title)), title).toBe(true);
    }
    const draft = (id: string, title: string): BloggerPost => ({
      kind: 'post',
      id,
      line: 1,
      title,
      html: '',
      published: '2025-01-01T00:00:00Z',
      updated: null,
      author: null,
      labels: [],
      summary: null,
      status: 'draft',
      path: null,
      url: null,
    });
    const names = namePosts([draft('a', 'Same'), draft('b', 'Same'), draft('c', 'same!')]);
    expect([...names.values()].map((n) => n.slug)).toEqual(['same', 'same-2', 'same-3']);
  });

  it('writes titles full of YAML and HTML so they build and show exactly as written', async () => {
    const titles = ['"Quoted": a colon # and a hash', '--- ', '<script>alert(1)</script>', 'yes'];
    const root = await makeSite({});
    const file = path.join(root, 'export.xml');
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    await writeFile(file, takeout(titles.map((t, i) => entry(i + 1, escape(t))).join('\n')));
    const result = await importInto(root, file);
    expect(result.counts.posts).toBe(4);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    for (const [i, title] of titles.entries()) {
      const $ = await built.page(`/2025/01/post-${i + 1}/`);
      expect($('article h1').text()).toBe(title.trim());
      expect($('article script')).toHaveLength(0);
    }
    expect((await readPost(root, 'posts/2025-01-04-post-4.md')).data.title).toBe('yes');
  });

  it('skips one bad entry and imports the rest', async () => {
    const bad = entry(2, 'Bad').replace('2025-01-02T10:00:00Z', 'soon');
    const root = await makeSite({});
    const file = path.join(root, 'export.xml');
    await writeFile(file, takeout([entry(1, 'Good'), bad, entry(3, 'Also good')].join('\n')));
    const result = await importInto(root, file);
    expect(result.counts.posts).toBe(2);
    expect(result.skipped).toEqual([
      {
        line: 9,
        kind: 'post',
        reason:
          'tag:blogger.com,1999:blog-1.post-2 has a <published> date that is not a date ("soon")',
      },
    ]);
  });
});
