/**
 * Every old address of the fixture WordPress blog, followed through the built site as a
 * static host serves it (folder → index.html, `%XX` decoded, the query ignored), and the
 * `_redirects` rules for the hosts that read them (the only way `/?p=ID` can work).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildAt, makeSite } from '../support/site.js';
import { follow, served } from './support.js';
import { GULF_SITE_YAML, importWxr } from './wordpress-support.js';

/** Old address → where a reader ends up. */
const OLD_ADDRESSES: readonly [string, string][] = [
  ['/2024/03/15/a-week-in-muscat/', '/2024/03/a-week-in-muscat/'],
  ['/2024/04/02/cardamom-coffee/', '/2024/04/cardamom-coffee/'],
  ['/about/', '/about/'],
  ['/about/team/', '/team/'],
  ['/category/travel/', '/labels/travel/'],
  ['/category/travel/muscat/', '/labels/muscat/'],
  ['/category/food-drink/', '/labels/food-drink/'],
  ['/category/travel/feed/', '/labels/travel/feed.xml'],
  ['/tag/oman/', '/labels/oman/'],
  ['/tag/%D8%B3%D9%81%D8%B1/', '/labels/%D8%B3%D9%81%D8%B1/'],
  ['/tag/coffee/feed/', '/labels/coffee/feed.xml'],
  ['/author/layla/', '/authors/layla-haddad/'],
  ['/author/sam-oneill/', '/authors/sam-o-neill/'],
  ['/feed/', '/feed.xml'],
  ['/2024/03/', '/2024/03/'],
  ['/2024/04/', '/2024/04/'],
];

describe('old WordPress addresses', () => {
  it('all lead to the new pages through the built site', async () => {
    const root = await makeSite({ 'site.yaml': GULF_SITE_YAML });
    await importWxr(root);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const dist = path.join(root, 'dist');
    for (const [old, target] of OLD_ADDRESSES) {
      const end = await follow(dist, old);
      expect(end.url, old).toBe(target);
    }
    // The pages they end on are the right ones.
    const muscat = await follow(dist, '/2024/03/15/a-week-in-muscat/');
    expect(muscat.$('h1.post-title').text()).toBe('A week in Muscat');
    const month = await follow(dist, '/2024/03/');
    expect(month.$('a:contains("A week in Muscat")')).not.toHaveLength(0);
    const feedUrl = (await follow(dist, '/category/travel/feed/')).url;
    const feed = load((await served(dist, feedUrl)) ?? '', { xml: true });
    expect(feed('feed > entry > title').text()).toBe('A week in Muscat');
  });

  it('writes _redirects rules for every old address, /?p=ID in the query form', async () => {
    const root = await makeSite({ 'site.yaml': GULF_SITE_YAML });
    await importWxr(root);
    await buildAt(root);
    const rules = (await readFile(path.join(root, 'dist/_redirects'), 'utf8'))
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(rules).toEqual(
      expect.arrayContaining([
        '/2024/03/15/a-week-in-muscat/ /2024/03/a-week-in-muscat/ 301',
        '/about/team/ /team/ 301',
        '/ p=101 /2024/03/a-week-in-muscat/ 301',
        '/ p=102 /2024/04/cardamom-coffee/ 301',
        '/ page_id=103 /about/ 301',
        '/ page_id=104 /team/ 301',
        '/category/travel/muscat/ /labels/muscat/ 301',
        '/tag/%D8%B3%D9%81%D8%B1/ /labels/%D8%B3%D9%81%D8%B1/ 301',
        '/feed/ /feed.xml 301',
      ]),
    );
    // Drafts and scheduled posts never had a public ?p= address.
    expect(rules.filter((rule) => /p=10[5-8]\b/.test(rule))).toEqual([]);
    // Without a host that reads the rules, /?p=101 is the home page: no file can be there.
    const home = load((await served(path.join(root, 'dist'), '/?p=101')) ?? '');
    expect(home('link[rel="canonical"]').attr('href')).toBe('https://gulfnotes.example/');
  });

  it('adds redirects to an existing site.yaml once, keeping what it says', async () => {
    const root = await makeSite({ 'site.yaml': `# my settings\n${GULF_SITE_YAML}` });
    await importWxr(root);
    const text = await readFile(path.join(root, 'site.yaml'), 'utf8');
    expect(text.startsWith(`# my settings\n${GULF_SITE_YAML}redirects:\n`)).toBe(true);
    const again = await importWxr(root);
    expect(again.files.written).toEqual([]);
  });
});

describe('redirects: in site.yaml', () => {
  it('must map site paths to site paths, and says where one does not', async () => {
    const root = await makeSite({
      'site.yaml': 'redirects:\n  /fine/: /labels/x/\n  /bad/: https://elsewhere.example/\n',
    });
    const built = await buildAt(root);
    expect(built.result.errors).toMatchObject([
      {
        name: 'ConfigInvalid',
        file: 'site.yaml',
        line: 3,
        message:
          'The new address of /bad/ must be a site path starting with one / (got "https://elsewhere.example/").',
      },
    ]);
  });
});
