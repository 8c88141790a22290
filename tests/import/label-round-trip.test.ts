/**
 * Import → build with labels whose names are odd (no letters at all, `C++`, a double space,
 * mixed case, trailing spaces, non-Latin script, an emoji): every label link an imported
 * post's page carries, and every old label address the import redirects, must lead to a
 * label page the build wrote. The importers and the build ask one `labelSlug()`; before,
 * the importers slugified the name as written and the build its key, so `"+  +"` was
 * linked as `x-fa764808` and built as `x-75f9d4f1`.
 */
import path from 'node:path';
import { load } from 'cheerio';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildAt, listFiles, makeSite, type BuiltSite } from '../support/site.js';
import { FIXTURES, follow, importInto, served } from './support.js';
import { importWxr } from './wordpress-support.js';

/** A post page: `YYYY/MM/slug/index.html`. */
const POST_PAGE = /^\d{4}\/\d{2}\/[^/]+\/index\.html$/;

/**
 * The label pages' URLs each built post page links to, sorted: in the whole page, or in
 * one part of it (`.post-body`, the imported text; `.post-footer`, the theme's label line).
 */
async function labelLinksOfPosts(
  built: BuiltSite,
  within = 'html',
): Promise<Map<string, string[]>> {
  const dist = built.result.outDir;
  const links = new Map<string, string[]>();
  for (const file of (await listFiles(dist)).filter((f) => POST_PAGE.test(f))) {
    const $ = load(await readFile(path.join(dist, file), 'utf8'));
    const hrefs = $(within)
      .find('a[href]')
      .map((_, a) => $(a).attr('href') ?? '')
      .get()
      .filter((href) => href.startsWith('/labels/') && !href.endsWith('.xml'));
    links.set(file, [...new Set(hrefs)].sort());
  }
  return links;
}

/** Asserts that every link leads to a page in the output, and returns all of them. */
async function expectAllBuilt(built: BuiltSite): Promise<string[]> {
  const all = new Set<string>();
  for (const [file, hrefs] of await labelLinksOfPosts(built)) {
    for (const href of hrefs) {
      all.add(href);
      expect(await served(built.result.outDir, href), `${file} → ${href}`).not.toBeNull();
    }
  }
  return [...all].sort();
}

/** The label pages the build wrote, as slugs. */
async function builtLabelSlugs(built: BuiltSite): Promise<string[]> {
  return (await listFiles(built.result.outDir))
    .map((file) => /^labels\/([^/]+)\/index\.html$/.exec(file)?.[1])
    .filter((slug) => slug !== undefined)
    .sort();
}

/** The slugs of the odd labels, pinned: the URLs of these label pages are a contract. */
const SLUGS = [
  'c',
  'foreign-relations-of-iran',
  'oman',
  'sécurité',
  'x-75f9d4f1',
  'x-d06f1525',
  '中东',
].sort();

describe('labels with odd names, imported and built', () => {
  it('Blogger: every label link of every post page reaches a built label page', async () => {
    const root = await makeSite({});
    await importInto(root, path.join(FIXTURES, 'odd-labels.xml'));
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    expect(await builtLabelSlugs(built)).toEqual(SLUGS);
    // The rewritten `/search/label/NAME` links in the bodies, and the theme's label lines.
    expect(Object.fromEntries(await labelLinksOfPosts(built, '.post-body'))).toEqual({
      '2024/01/two-plus-signs/index.html': [
        '/labels/c/',
        '/labels/foreign-relations-of-iran/',
        '/labels/x-75f9d4f1/',
      ],
      '2024/02/same-labels-other-spellings/index.html': [
        '/labels/foreign-relations-of-iran/',
        '/labels/oman/',
        '/labels/x-75f9d4f1/',
      ],
      '2024/03/non-latin-and-emoji/index.html': [
        '/labels/%E4%B8%AD%E4%B8%9C/',
        '/labels/oman/',
        '/labels/s%C3%A9curit%C3%A9/',
        '/labels/x-d06f1525/',
      ],
    });
    expect(Object.fromEntries(await labelLinksOfPosts(built, '.post-footer'))).toEqual({
      '2024/01/two-plus-signs/index.html': [
        '/labels/c/',
        '/labels/foreign-relations-of-iran/',
        '/labels/x-75f9d4f1/',
      ],
      '2024/02/same-labels-other-spellings/index.html': [
        '/labels/c/',
        '/labels/foreign-relations-of-iran/',
        '/labels/oman/',
      ],
      '2024/03/non-latin-and-emoji/index.html': [
        '/labels/%E4%B8%AD%E4%B8%9C/',
        '/labels/s%C3%A9curit%C3%A9/',
        '/labels/x-d06f1525/',
      ],
    });
    expect(await expectAllBuilt(built)).toEqual([
      '/labels/',
      ...SLUGS.map((slug) => `/labels/${encodeURIComponent(slug)}/`).sort(),
    ]);
    const body = await readFile(path.join(root, 'posts/2024-02-11-same-labels-other-spellings.md'));
    // `+  +` written as Blogger's search link writes a space (`+`), trailing space and all.
    expect(body.toString()).toContain(
      'See [more on Iran](/labels/foreign-relations-of-iran/), [the plus signs](/labels/x-75f9d4f1/) and [Oman](/labels/oman/).',
    );
  });

  it('WordPress: every label link and every old term address reaches a built label page', async () => {
    const root = await makeSite({});
    await importWxr(root, path.join(FIXTURES, '../wordpress/odd-labels.xml'));
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    expect(await builtLabelSlugs(built)).toEqual(SLUGS);
    expect(await expectAllBuilt(built)).toEqual([
      '/labels/',
      ...SLUGS.map((slug) => `/labels/${encodeURIComponent(slug)}/`).sort(),
    ]);
    const siteYaml = parse(await readFile(path.join(root, 'site.yaml'), 'utf8')) as {
      redirects: Record<string, string>;
    };
    const redirects = Object.keys(siteYaml.redirects);
    const terms = redirects.filter((from) => /^\/(tag|category)\/[^/]+\/$/.test(from)).sort();
    const landed = await Promise.all(
      terms.map(async (from) => [from, (await follow(built.result.outDir, from)).url]),
    );
    expect(Object.fromEntries(landed)).toEqual({
      '/category/c/': '/labels/c/',
      '/category/foreign-relations-of-iran/': '/labels/foreign-relations-of-iran/',
      '/category/securite/': '/labels/s%C3%A9curit%C3%A9/',
      '/tag/oman/': '/labels/oman/',
      '/tag/plus-plus/': '/labels/x-75f9d4f1/',
      '/tag/中东/': '/labels/%E4%B8%AD%E4%B8%9C/',
      '/tag/🙂/': '/labels/x-d06f1525/',
    });
  });
});
