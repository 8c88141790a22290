/**
 * Search (`search: true`): a fixture blog under a subpath is built and its Pagefind index
 * read back. The index holds exactly the posts (not list pages, not pages of the site, not
 * drafts), each with its title and date to show and its labels and year as filters; the
 * search page and the search box link under the base path; `search: false` writes neither;
 * two builds of the same sources write the same bytes. `search-browser.test.ts` queries it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEntry, readFragments } from '../support/search-index.js';
import { buildAt, buildSite, listFiles, makeSite, post, type BuiltSite } from '../support/site.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/search-blog');

/** The fixture's files, with `site.yaml` changed by `edit`. */
async function fixtureFiles(edit: (yaml: string) => string = (y) => y) {
  const files: Record<string, string> = {};
  for (const file of await listFiles(FIXTURE)) {
    const text = await readFile(path.join(FIXTURE, file), 'utf8');
    files[file] = file === 'site.yaml' ? edit(text) : text;
  }
  return files;
}

async function buildFixture(edit?: (yaml: string) => string): Promise<BuiltSite> {
  const built = await buildAt(await makeSite(await fixtureFiles(edit)));
  expect(built.result.errors).toEqual([]);
  return built;
}

/** Every file of a build with its bytes. */
async function snapshot(outDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of await listFiles(outDir)) {
    files.set(file, await readFile(path.join(outDir, file)));
  }
  return files;
}

describe('search index', () => {
  it('holds exactly the posts, with title, date, labels and year', async () => {
    const built = await buildFixture();
    expect(await readEntry(built.result.outDir)).toEqual({ en: 3 });
    const fragments = await readFragments(built.result.outDir);
    expect(fragments.map(({ url, meta, filters }) => ({ url, meta, filters }))).toEqual([
      {
        url: '/2024/11/sturgeon-quotas/',
        meta: {
          title: 'Sturgeon Quotas After the Moratorium',
          date: 'November 3, 2024',
          datetime: '2024-11-03T00:00:00+04:00',
        },
        filters: { label: ['fisheries', 'Kazakhstan'], year: ['2024'] },
      },
      {
        url: '/2025/02/aktau-port-expansion/',
        meta: {
          title: "Aktau's Port Expansion & the Middle Corridor",
          date: 'February 18, 2025',
          datetime: '2025-02-18T09:30:00+04:00',
        },
        filters: { label: ['shipping', 'Kazakhstan'], year: ['2025'] },
      },
      {
        url: '/2025/06/ferry-timetables/',
        meta: {
          title: 'Reading <Ferry> Timetables Across the Caspian',
          date: 'June 7, 2025',
          datetime: '2025-06-07T00:00:00+04:00',
        },
        filters: { label: ['shipping'], year: ['2025'] },
      },
    ]);
  });

  it('indexes each post as plain text: its title, then its body without tags', async () => {
    // Pagefind keeps the words with single spaces between them.
    const built = await buildFixture();
    const [sturgeon, aktau] = await readFragments(built.result.outDir);
    expect(sturgeon?.content).toBe(
      [
        'Sturgeon Quotas After the Moratorium',
        'The five shore states extended the commercial moratorium on wild sturgeon again this autumn.',
        'Hatchery releases are up, but poaching along the Ural delta still outpaces them.',
        'What the commission decided',
        'Quotas stay at zero for beluga; scientific catch is capped at 4 tonnes.',
      ].join(' '),
    );
    // Entities are decoded: the index holds what the reader sees.
    expect(aktau?.content).toContain('ferries to Baku & Alat');
  });

  it('adds a search page and a search box on every page, under the base path', async () => {
    const built = await buildFixture();
    const home = await built.page('/');
    const box = home('form.search-box');
    expect(box.attr('action')).toBe('/notes/search/');
    expect(box.attr('role')).toBe('search');
    expect(box.find('input[type=search]').attr('name')).toBe('q');
    expect((await built.page('/2024/11/sturgeon-quotas/'))('form.search-box').length).toBe(1);

    const search = await built.page('/search/');
    expect(search('h1').text()).toBe('Search');
    expect(search('meta[name=robots]').attr('content')).toBe('noindex, follow');
    // The page's own form stands in for the box.
    expect(search('form.search-box').length).toBe(0);
    const form = search('form.search-form');
    expect(form.attr('action')).toBe('/notes/search/');
    expect(form.attr('data-bundle')).toBe('/notes/pagefind/');
    const options = (name: string) =>
      search(`select[name=${name}] option`)
        .map((_, option) => search(option).text())
        .get();
    expect(options('label')).toEqual(['Any label', 'fisheries', 'Kazakhstan', 'shipping']);
    expect(options('year')).toEqual(['Any year', '2025', '2024']);
    expect(await built.text('/sitemap.xml')).not.toContain('/search/');
  });

  it('is the same index under any base path: the script adds it', async () => {
    const notes = await buildFixture();
    const root = await buildFixture((yaml) =>
      yaml.replace('https://example.org/notes/', 'https://example.org/'),
    );
    expect((await root.page('/search/'))('form.search-form').attr('data-bundle')).toBe(
      '/pagefind/',
    );
    const indexOf = async (built: BuiltSite) => {
      const all = await snapshot(built.result.outDir);
      return new Map([...all].filter(([file]) => file.startsWith('pagefind/')));
    };
    const expected = await indexOf(notes);
    expect(expected.size).toBeGreaterThan(5);
    expect(await indexOf(root)).toEqual(expected);
  });

  it('writes the same bytes on every build of the same sources', async () => {
    const files = await fixtureFiles();
    const first = await buildAt(await makeSite(files));
    const second = await buildAt(await makeSite(files));
    const a = await snapshot(first.result.outDir);
    const b = await snapshot(second.result.outDir);
    expect([...a.keys()].filter((file) => file.startsWith('pagefind/fragment/'))).toHaveLength(3);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
  });

  it('writes no index, no search page and no box with search: false, the default', async () => {
    for (const edit of [
      (yaml: string) => yaml.replace('search: true', 'search: false'),
      (yaml: string) => yaml.replace('search: true\n', ''),
    ]) {
      const built = await buildFixture(edit);
      const files = await built.files();
      expect(
        files.filter((file) => file.startsWith('pagefind/') || file.startsWith('search/')),
      ).toEqual([]);
      expect((await built.page('/'))('form[role=search]').length).toBe(0);
    }
  });

  it('says what is wrong with a search: that is not true or false', async () => {
    const built = await buildSite({
      'site.yaml': 'title: T\nsearch: yes\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01' }),
    });
    expect(built.result.errors.map((e) => [e.name, e.file, e.line, e.message])).toEqual([
      ['ConfigInvalid', 'site.yaml', 2, 'search must be `true` or `false` (got "yes").'],
    ]);
  });

  it('keeps /pagefind/ for the index: a post or a static file there is an error', async () => {
    const files = {
      'posts/a.md': post({ title: 'A', date: '2025-01-01', slug: 'pagefind' }),
      'static/pagefind/pagefind.js': 'old',
    };
    const on = await buildSite({
      'site.yaml': "title: T\nsearch: true\npermalink: '/:slug/'\n",
      ...files,
    });
    expect(on.result.errors.map((e) => [e.name, e.file, e.line, e.column])).toEqual([
      ['ReservedPath', 'posts/a.md', 4, 7],
      ['ReservedPath', 'static/pagefind/pagefind.js', 0, 0],
    ]);
    const off = await buildSite({ 'site.yaml': "title: T\npermalink: '/:slug/'\n", ...files });
    expect(off.result.errors).toEqual([]);
  });
});
