/**
 * A crawler for built sites: follows every internal link and asset in every output file
 * (href, src and srcset in HTML, og:url, links and xml:base in feeds, sitemap entries,
 * the robots.txt Sitemap line) and reports each that does not lead to a written file, or
 * to an element id on it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { listFiles } from './site.js';
import { expectWellFormed } from './xml.js';

/** Where the crawler pretends the site is served from when baseUrl has no host. */
const ASSUMED_ORIGIN = 'https://assumed.invalid';

/** A link that leads nowhere, and why. */
export interface Broken {
  readonly from: string;
  readonly link: string;
  readonly why: string;
}

/**
 * Follows every internal link of a built site. `baseUrl` is the site's; links outside its
 * origin are external and skipped, links on its origin outside its path are broken.
 */
export async function crawl(
  outDir: string,
  baseUrl: string,
): Promise<{ checked: number; broken: Broken[] }> {
  const base = new URL(baseUrl, ASSUMED_ORIGIN);
  const files = await listFiles(outDir);
  const written = new Set(files);
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    let found = ids.get(file);
    if (!found) {
      const $ = load(await readFile(path.join(outDir, file), 'utf8'));
      found = new Set(
        $('[id]')
          .map((_, el) => $(el).attr('id'))
          .get(),
      );
      ids.set(file, found);
    }
    return found;
  };
  const broken: Broken[] = [];
  let checked = 0;

  const follow = async (from: string, link: string) => {
    const fromUrl = new URL(from.replace(/(^|\/)index\.html$/, '$1'), base);
    const target = new URL(link, fromUrl);
    if (target.origin !== base.origin) return;
    checked++;
    if (!target.pathname.startsWith(base.pathname)) {
      broken.push({ from, link, why: `outside ${base.pathname}` });
      return;
    }
    const relative = decodeURIComponent(target.pathname.slice(base.pathname.length));
    const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    if (!written.has(file)) {
      broken.push({ from, link, why: `no file ${file}` });
      return;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment !== '' && file.endsWith('.html') && !(await idsOf(file)).has(fragment)) {
      broken.push({ from, link, why: `no id ${fragment} in ${file}` });
    }
  };

  for (const file of files) {
    const text = await readFile(path.join(outDir, file), 'utf8');
    const links: string[] = [];
    if (file.endsWith('.html')) {
      const $ = load(text);
      $('[href]').each((_, el) => void links.push($(el).attr('href') ?? ''));
      $('[src]').each((_, el) => void links.push($(el).attr('src') ?? ''));
      $('[srcset]').each((_, el) => {
        for (const candidate of ($(el).attr('srcset') ?? '').split(',')) {
          links.push(candidate.trim().split(/\s+/)[0] ?? '');
        }
      });
      $('meta[property="og:url"]').each((_, el) => void links.push($(el).attr('content') ?? ''));
    } else if (file.endsWith('.xml')) {
      expectWellFormed(text);
      const $ = load(text, { xml: true });
      $('link[href]').each((_, el) => void links.push($(el).attr('href') ?? ''));
      $('link:not([href]), loc').each((_, el) => void links.push($(el).text()));
      $('[xml\\:base]').each((_, el) => void links.push($(el).attr('xml:base') ?? ''));
    } else if (file === 'robots.txt') {
      for (const line of text.split('\n')) {
        if (line.startsWith('Sitemap:')) links.push(line.slice('Sitemap:'.length).trim());
      }
    }
    for (const link of links) await follow(file, link);
  }
  return { checked, broken };
}
