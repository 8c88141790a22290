/**
 * `rubric import jekyll DIR` on the fixture site: front matter mapped, Liquid rewritten,
 * what is not converted listed with file and line, assets copied, and every old URL
 * (the `date` permalink style, a post's own `permalink`, `redirect_from`) followed through
 * the built site.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { JEKYLL_SITE, importSite } from './folder-support.js';
import { follow, readPost } from './support.js';
import { importJekyll } from '../../src/import/jekyll/jekyll.js';

const TRAM = 'posts/2023-05-01-tram-28.md';

describe('rubric import jekyll', () => {
  it('maps front matter and rewrites Liquid, listing what it kept', async () => {
    const root = await makeSite({});
    const result = await importSite('jekyll', root);
    expect(result.counts).toMatchObject({ posts: 2, drafts: 1, pages: 1 });
    const tram = await readPost(root, TRAM);
    expect(tram.data).toEqual({
      title: 'Tram 28, end to end',
      date: '2023-05-01T09:00:00+01:00',
      authors: ['Rui Costa'],
      labels: ['travel', 'trams', 'lisbon'],
      summary: 'The yellow tram, from Martim Moniz to Campo de Ourique.',
      image: '/assets/img/tram.png',
      aliases: ['/travel/2023/05/01/tram-28.html'],
      jekyll: { id: '_posts/2023-05-01-tram-28.md' },
    });
    expect(tram.body).toContain('![Tram 28 at Graça](/assets/img/tram.png)');
    expect(tram.body).toContain('[pastries](/2023/06/pasteis/) and a [map](/about/)');
    expect(tram.body).toContain('```ruby\nstops = 28\n```');
    expect(tram.body).toContain('Liquid looks like {{ this }}.');
    expect(result.notes).toContain(
      '_posts/2023-05-01-tram-28.md:24: kept {% include note.html text="Validate your ticket." %} as written: Rubric runs no Liquid.',
    );
    expect(result.notes.filter((n) => n.includes('kept {'))).toHaveLength(1);
    const pasteis = await readPost(root, 'posts/2023-06-10-pasteis.md');
    expect(pasteis.data.labels).toEqual(['food', 'pastry']);
    expect(pasteis.data.aliases).toEqual(['/pasteis-de-nata/', '/old/pasteis.html']);
    expect(pasteis.body).toContain('[about](/about/)');
    expect((await readPost(root, 'posts/pages/2023-05-01-about.md')).data.page).toBe(true);
    const drafts = (await listFiles(path.join(root, 'posts'))).filter((f) => f.includes('fado'));
    expect(drafts).toHaveLength(1);
    expect((await readPost(root, `posts/${drafts[0] ?? ''}`)).data.draft).toBe(true);
    expect(await readFile(path.join(root, 'static/assets/img/tram.png'))).toEqual(
      await readFile(path.join(JEKYLL_SITE, 'assets/img/tram.png')),
    );
  });

  it('builds with no error, and every old URL leads to its post', async () => {
    const root = await makeSite({
      'site.yaml': 'title: Lisbon Notes\nbaseUrl: https://lisbon.example/\n',
    });
    await importSite('jekyll', root);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const dist = path.join(root, 'dist');
    for (const [old, target] of [
      ['/travel/2023/05/01/tram-28.html', '/2023/05/tram-28/'],
      ['/pasteis-de-nata/', '/2023/06/pasteis/'],
      ['/old/pasteis.html', '/2023/06/pasteis/'],
      ['/about/', '/about/'],
      ['/feed.xml', '/feed.xml'],
      ['/assets/img/tram.png', '/assets/img/tram.png'],
    ]) {
      expect((await follow(dist, old ?? '')).url, old).toBe(target);
    }
    const $ = await built.page('/2023/05/tram-28/');
    expect($('.post-body pre code').text()).toBe('stops = 28\n');
  });

  it('writes nothing the second time, and nothing at all with --dry-run', async () => {
    const dry = await makeSite({});
    await importSite('jekyll', dry, { dryRun: true });
    expect(await listFiles(dry)).toEqual([]);
    const root = await makeSite({});
    await importSite('jekyll', root);
    const again = await importSite('jekyll', root);
    expect(again.files.written).toEqual([]);
  });

  it('refuses a Hugo site, saying what it is', async () => {
    const root = await makeSite({});
    const result = await importJekyll({
      sourceDir: path.join(JEKYLL_SITE, '../hugo-site'),
      root,
      force: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /is a Hugo site \(it has a Hugo config and no _config\.yml\), not a Jekyll one\.$/,
    );
    expect(result.error.hint).toBe('Import it with `rubric import hugo DIR`.');
    expect(await listFiles(root)).toEqual([]);
  });
});

describe('files a Jekyll post refers to', () => {
  it('are never read or written outside the two sites', async () => {
    const outside = await makeSite({ 'secret.png': 'TOP-SECRET' });
    const source = await makeSite({
      '_config.yml': 'title: T\n',
      '_posts/2024-01-01-a.md': `---\ntitle: A\n---\n\n![x](/../${path.basename(outside)}/secret.png)\n`,
    });
    const root = await makeSite({});
    const result = await importJekyll({ sourceDir: source, root, force: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notes).toContain(
      `not copied: ../${path.basename(outside)}/secret.png is outside the site`,
    );
    expect(await listFiles(root)).toEqual(['posts/2024-01-01-a.md', 'site.yaml']);
  });
});
