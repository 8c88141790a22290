/**
 * `rubric import hugo DIR` on the fixture site: TOML and YAML front matter, shortcodes
 * rewritten (ref, figure, youtube, highlight), a page bundle's file copied to the post's
 * new address, and every old URL (permalinks, aliases, taxonomies, index.xml) followed
 * through the built site.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { HUGO_SITE, importSite } from './folder-support.js';
import { follow, readPost } from './support.js';
import { importHugo } from '../../src/import/hugo/hugo.js';

describe('rubric import hugo', () => {
  it('maps front matter and rewrites shortcodes, listing what it kept', async () => {
    const root = await makeSite({});
    const result = await importSite('hugo', root);
    expect(result.counts).toMatchObject({ posts: 2, drafts: 1, pages: 1 });
    const ribeira = await readPost(root, 'posts/2023-07-02-ribeira.md');
    expect(ribeira.data).toEqual({
      title: 'Down to the Ribeira',
      date: '2023-07-02T18:30:00+01:00',
      labels: ['Walks', 'porto', 'river'],
      summary: 'Steps, tiles and the Douro.',
      aliases: ['/old/ribeira/'],
      hugo: { id: 'content/posts/ribeira.md' },
    });
    expect(ribeira.body).toContain('[the bridge](/2023/07/dom-luis-bridge/)');
    expect(ribeira.body).toContain('```go\nfmt.Println("olá")\n```');
    expect(result.notes).toContain(
      'content/posts/ribeira.md:22: kept {{< instagram BWNjjyYFxVx >}} as written: Rubric has no such shortcode.',
    );
    const bridge = await readPost(root, 'posts/2023-07-20-dom-luis-bridge.md');
    expect(bridge.data.updated).toBe('2023-08-01T10:00:00+01:00');
    expect(await listFiles(path.join(root, 'static'))).toEqual([
      '2023/07/dom-luis-bridge/bridge.png',
      'images/ribeira.png',
    ]);
  });

  it('builds with no error, and every old URL leads to its page', async () => {
    const root = await makeSite({
      'site.yaml': 'title: Porto Diary\nbaseUrl: https://porto.example/\n',
    });
    await importSite('hugo', root);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const dist = path.join(root, 'dist');
    for (const [old, target] of [
      ['/2023/07/dom-luis-bridge/', '/2023/07/dom-luis-bridge/'],
      ['/old/ribeira/', '/2023/07/ribeira/'],
      ['/about/', '/about/'],
      ['/tags/porto/', '/labels/porto/'],
      ['/categories/walks/', '/labels/walks/'],
      ['/index.xml', '/feed.xml'],
    ]) {
      expect((await follow(dist, old ?? '')).url, old).toBe(target);
    }
    const $ = await built.page('/2023/07/ribeira/');
    expect($('.post-body figure figcaption').text()).toBe('Evening on the Douro');
    expect($('.post-body iframe').attr('src')).toBe(
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
    );
    // The bundle's image is beside the post, where its relative link points.
    const bundle = await built.page('/2023/07/dom-luis-bridge/');
    expect(bundle('.post-body img').attr('src')).toBe('bridge.png');
    expect(await built.exists('/2023/07/dom-luis-bridge/bridge.png')).toBe(true);
  });

  it('refuses a Jekyll site, saying what it is', async () => {
    const root = await makeSite({});
    const result = await importHugo({
      sourceDir: path.join(HUGO_SITE, '../jekyll-site'),
      root,
      force: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /is a Jekyll site \(it has _config\.yml\), not a Hugo one\.$/,
    );
  });
});
