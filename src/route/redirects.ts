/**
 * Redirects: old addresses that lead to new pages. Every `aliases` path of a published
 * post gets a small page that sends the reader on (meta refresh, a canonical link, and a
 * plain link; no JavaScript). With `bloggerRedirects: true`, Blogger's label searches
 * (`/search/label/NAME`) and feeds (`/feeds/posts/default`, `…/-/NAME`) get one too, and
 * a `_redirects` file lists every rule for the hosts that read one (Netlify, Cloudflare
 * Pages), which answer with a real 301 instead.
 *
 * Blogger's label and feed URLs have no extension, and a static host serves a folder's
 * `index.html` at `/X/` and redirects `/X` there, so those pages are written as
 * `X/index.html`. A host decodes `%20` before looking for the file, so the folder is
 * named with the label as written: `search/label/foreign relations of iran/index.html`.
 */
import type { Site } from '../model/site.js';
import { isTooLong, labelKey } from '../slug.js';
import type { RouteContext } from './context.js';
import {
  BLOGGER_FEED_PATH,
  FEED_URL,
  REDIRECTS_FILE_URL,
  bloggerLabelFeedPath,
  bloggerLabelPath,
  labelFeedUrl,
  labelUrl,
  redirectPageUrl,
  sitePageUrl,
} from '../urls.js';
import { pageView, type PageView, type SiteView } from './view-parts.js';

/** Where an old address now leads. */
export interface RedirectPageData {
  readonly site: SiteView;
  readonly page: PageView;
  /** The new page: its title, its link, and its absolute address for `rel=canonical`. */
  readonly target: { readonly title: string; readonly url: string; readonly canonical: string };
  /** The sentence around the link, in the site's language: `This page has moved to {link}.` */
  readonly movedTo: string;
  /** Who asked for this redirect, for collision messages: a post file, or null for Rubric. */
  readonly source: string | null;
}

/** One line of a `_redirects` file: an old path, percent-encoded, and its new link. */
export interface RedirectRule {
  readonly from: string;
  readonly to: string;
}

/** The `_redirects` file: every rule, in the order the host should try them. */
export interface RedirectsFileData {
  readonly rules: readonly RedirectRule[];
}

/** A redirect page, rendered by Rubric itself whatever the theme. */
export interface RedirectPage {
  readonly url: string;
  readonly template: 'redirect';
  readonly data: RedirectPageData;
}

/** `/_redirects`. */
export interface RedirectsFile {
  readonly url: string;
  readonly template: 'redirects';
  readonly data: RedirectsFileData;
}

/** A redirect before it is a page: from an old path to a new URL (both site paths). */
interface Redirect {
  readonly from: string;
  /** `from` as a link, percent-encoded piece by piece (a label may hold `/` or `#`). */
  readonly fromHref: string;
  readonly to: string;
  readonly title: string;
  readonly source: string | null;
  /** False when no file can stand at `from` (the name holds `/`, `?` …): rule only. */
  readonly asPage: boolean;
}

/**
 * The redirect pages of a site, and its `_redirects` file when `bloggerRedirects` is on or
 * site.yaml lists `redirects`.
 */
export function redirectPages(context: RouteContext): (RedirectPage | RedirectsFile)[] {
  const { config, href } = context;
  const redirects = aliasRedirects(context);
  redirects.push(...mappedRedirects(config.redirects, href));
  if (config.bloggerRedirects) redirects.push(...bloggerRedirects(context));
  const pages: (RedirectPage | RedirectsFile)[] = redirects
    .filter((redirect) => redirect.asPage)
    .map((redirect) => redirectPage(context, redirect));
  if (config.bloggerRedirects || config.redirects.size > 0) {
    const rules: RedirectRule[] = redirects.map((redirect) => ({
      from: redirect.fromHref,
      to: href(redirect.to),
    }));
    pages.push({ url: REDIRECTS_FILE_URL, template: 'redirects', data: { rules } });
  }
  return pages;
}

/**
 * The `redirects:` of site.yaml. An old address with a query (`/?p=12`) cannot be a file:
 * a static host serves `/` whatever follows the `?`. Its rule is written in Netlify's
 * query form, `/ p=12 /new/ 301`; hosts without query rules ignore it.
 */
function mappedRedirects(
  map: ReadonlyMap<string, string>,
  href: (url: string) => string,
): Redirect[] {
  return [...map].map(([from, to]) => {
    const cut = from.indexOf('?');
    const path = cut === -1 ? from : from.slice(0, cut);
    const query = cut === -1 ? '' : from.slice(cut + 1);
    const params = new URLSearchParams(query);
    const ruleQuery = [...params].map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    return {
      from,
      fromHref: [href(path), ...ruleQuery].join(' '),
      to,
      title: to,
      source: null,
      asPage: query === '' && canBeFileName(path.replace(/^\/|\/$/g, '').replaceAll('/', '')),
    };
  });
}

/** Every `aliases` path of a post or page, to its URL. */
function aliasRedirects({ site, postUrls, href }: RouteContext): Redirect[] {
  const targets = [
    ...site.posts.map((post, i) => ({ post, url: postUrls[i] ?? '' })),
    ...site.pages.map((post) => ({ post, url: sitePageUrl(post) })),
  ];
  return targets.flatMap(({ post, url: to }) =>
    post.aliases.map((alias) => ({
      from: alias,
      fromHref: href(alias),
      to,
      title: post.title,
      source: post.source,
      asPage: true,
    })),
  );
}

/** Blogger's feed, label searches and label feeds, to the site's feed, labels and label feeds. */
function bloggerRedirects({ site, config, href }: RouteContext): Redirect[] {
  const labelHref = (path: string, name: string) => href(path) + encodeURIComponent(name);
  const redirects: Redirect[] = [
    {
      from: BLOGGER_FEED_PATH,
      fromHref: href(BLOGGER_FEED_PATH),
      to: FEED_URL,
      title: `${config.title} feed`,
      source: null,
      asPage: true,
    },
  ];
  for (const label of site.labels) {
    const folded = new Set<string>();
    for (const name of spellingsOf(site, label)) {
      // Only one spelling per letter case can be a file.
      const fileable = canBeFileName(name) && !folded.has(name.normalize('NFC').toLowerCase());
      if (fileable) folded.add(name.normalize('NFC').toLowerCase());
      redirects.push({
        from: bloggerLabelPath(name),
        fromHref: labelHref(bloggerLabelPath(''), name),
        to: labelUrl(label.slug),
        title: label.name,
        source: null,
        asPage: fileable,
      });
      redirects.push({
        from: bloggerLabelFeedPath(name),
        fromHref: labelHref(bloggerLabelFeedPath(''), name),
        to: labelFeedUrl(label.slug),
        title: `${label.name} feed`,
        source: null,
        asPage: fileable,
      });
    }
  }
  return redirects;
}

/**
 * Every spelling of a label its posts use. Blogger kept every spelling apart; Rubric
 * shows them as one label, and each spelling's old address leads to it.
 */
function spellingsOf(site: Site, label: Site['labels'][number]): Set<string> {
  const spellings = new Set<string>([label.name]);
  for (const index of label.posts) {
    for (const name of site.posts[index]?.labels ?? []) {
      if (labelKey(name) === label.key) spellings.add(name);
    }
  }
  return spellings;
}

function redirectPage({ config, href, siteView }: RouteContext, redirect: Redirect): RedirectPage {
  const canonical = (url: string) =>
    /^https?:\/\//.test(config.baseUrl) ? new URL(href(url), config.baseUrl).href : href(url);
  const url = redirectPageUrl(redirect.from);
  return {
    url,
    template: 'redirect',
    data: {
      site: siteView,
      page: pageView(siteView, { kind: 'redirect', title: redirect.title, url: href(url) }),
      target: {
        title: redirect.title,
        url: href(redirect.to),
        canonical: canonical(redirect.to),
      },
      movedTo: config.words.movedTo,
      source: redirect.source,
    },
  };
}

/**
 * Whether a label name can be a folder name on every host and file system: no path
 * separators, nothing a URL would read as a query or fragment, nothing Windows refuses.
 */
function canBeFileName(name: string): boolean {
  return (
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    !/[/\\?#%*:|"<>\u0000-\u001f\u007f]/.test(name) &&
    name !== '.' &&
    name !== '..' &&
    // Too long for a file name: the `_redirects` rule alone carries it.
    !isTooLong(name)
  );
}
