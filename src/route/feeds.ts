/**
 * Feeds as pages: the site's Atom feed and its RSS 2.0 copy, and one Atom feed per label
 * and per author (when the blog has author pages).
 * Pure. The view data is ready to print (absolute links, RFC 3339 and RFC 822 dates in
 * the site's zone, text stripped of what XML cannot hold); the built-in `atom.hbs` and
 * `rss.hbs` templates only lay it out, and Handlebars' escaping is XML's escaping.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { rfc3339, rfc822 } from '../dates.js';
import { fillPhrase } from '../words.js';
import type { RouteContext } from './context.js';
import {
  FEED_URL,
  HOME_URL,
  RSS_URL,
  absoluteHref,
  authorFeedUrl,
  authorUrl,
  hrefOf,
  labelFeedUrl,
  labelUrl,
} from '../urls.js';
import type { SiteView } from './view-parts.js';

/**
 * A feed, for the `atom` and `rss` templates. Every value is ready to print: links are
 * absolute, dates are RFC 3339 (`*Iso`, Atom) and RFC 822 (`*Rfc822`, RSS), and text has
 * lost the characters XML cannot hold. Text is still text: `{{ }}` escapes it.
 */
export interface FeedPageData {
  readonly site: SiteView;
  readonly feed: FeedView;
}

/** The channel of a feed. */
export interface FeedView {
  /** The feed's Atom id: the absolute address of the page it follows. */
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly language: string;
  /** The feed's own address (`rel="self"`) and the HTML page it follows. */
  readonly selfUrl: string;
  readonly pageUrl: string;
  /** The newest `updated` (else `date`) of its entries. */
  readonly updatedIso: string;
  readonly updatedRfc822: string;
  /** The feed-level author: the site's `author`, else its title. */
  readonly author: string;
  readonly entries: readonly FeedEntryView[];
}

/** One post in a feed. */
export interface FeedEntryView {
  /** A `tag:` URI made from the host and the post's source file, so a new title keeps it. */
  readonly id: string;
  readonly title: string;
  /** The post's absolute address. */
  readonly url: string;
  readonly publishedIso: string;
  readonly updatedIso: string;
  readonly publishedRfc822: string;
  /** Every byline name, joined as the site's language joins a list. */
  readonly author: string;
  /** The byline names one by one: an Atom `<author>` and an RSS `<dc:creator>` each. */
  readonly authors: readonly string[];
  /** Label names. */
  readonly categories: readonly string[];
  /** Plain text; may be empty. */
  readonly summary: string;
  /** The whole post as HTML, or empty with `feedContent: summary`. */
  readonly contentHtml: string;
  /** RSS `<description>`, which holds HTML: `contentHtml`, else the summary as HTML. */
  readonly descriptionHtml: string;
}

/** `/feed.xml`, `/rss.xml`, each label's `/labels/SLUG/feed.xml`, each author's. */
export interface FeedPage {
  readonly url: string;
  readonly template: 'atom' | 'rss';
  readonly data: FeedPageData;
}

/** A feed entry with the time it last changed, which dates its channel. */
interface Entry {
  readonly view: FeedEntryView;
  readonly updated: number;
}

/**
 * The feed pages of a site: `/feed.xml`, `/rss.xml`, `/labels/SLUG/feed.xml` and
 * `/authors/SLUG/feed.xml` each;
 * none when the site has no origin or no published post.
 */
export function feedPages(context: RouteContext): FeedPage[] {
  const { site, config, origin } = context;
  if (!context.withFeeds || origin === null) return [];
  // A post in several feeds is one entry, made once.
  const entries = new Map<number, Entry>();
  const entryOf = (index: number) => {
    let entry = entries.get(index);
    if (!entry) {
      entry = feedEntry(context, origin, index);
      entries.set(index, entry);
    }
    return entry;
  };
  const channel = (title: string, selfUrl: string, pageUrl: string, indices: readonly number[]) =>
    feedChannel(context, origin, { title, selfUrl, pageUrl }, indices, entryOf);

  const all = site.posts.map((_, i) => i);
  const main = channel(config.title, FEED_URL, HOME_URL, all);
  const rss = channel(config.title, RSS_URL, HOME_URL, all);
  if (!main || !rss) return [];
  const pages: FeedPage[] = [
    { url: FEED_URL, template: 'atom', data: main },
    { url: RSS_URL, template: 'rss', data: rss },
  ];
  for (const label of site.labels) {
    const feedUrl = labelFeedUrl(label.slug);
    const title = fillPhrase(config.words.labelFeedTitle, {
      title: config.title,
      label: label.name,
    });
    const data = channel(title, feedUrl, labelUrl(label.slug), label.posts);
    if (data) pages.push({ url: feedUrl, template: 'atom', data });
  }
  if (site.authorPages) {
    for (const author of site.authors) {
      const feedUrl = authorFeedUrl(author.slug);
      const title = fillPhrase(config.words.authorFeedTitle, {
        title: config.title,
        author: author.name,
      });
      const data = channel(title, feedUrl, authorUrl(author.slug), author.posts);
      if (data) pages.push({ url: feedUrl, template: 'atom', data });
    }
  }
  return pages;
}

/** A feed of the newest `feedLimit` published posts of `indices`, or null when there are none. */
function feedChannel(
  context: RouteContext,
  origin: string,
  links: { readonly title: string; readonly selfUrl: string; readonly pageUrl: string },
  indices: readonly number[],
  entryOf: (index: number) => Entry,
): FeedPageData | null {
  const { site, config, siteView } = context;
  const absolute = (url: string) => absoluteHref(hrefOf(url, config.basePath), origin);
  const zone = config.timezone;
  const chosen = indices.filter((i) => site.posts[i]?.draft === false).slice(0, config.feedLimit);
  if (chosen.length === 0) return null;
  const newest = Math.max(...chosen.map((i) => entryOf(i).updated));
  const feed: FeedView = {
    id: absolute(links.pageUrl),
    title: xmlText(links.title),
    subtitle: xmlText(config.description),
    language: config.language,
    selfUrl: absolute(links.selfUrl),
    pageUrl: absolute(links.pageUrl),
    updatedIso: rfc3339(newest, zone),
    updatedRfc822: rfc822(newest, zone),
    author: xmlText(config.author || config.title),
    entries: chosen.map((i) => entryOf(i).view),
  };
  return { site: siteView, feed };
}

/** The feed entry of `site.posts[index]`. */
function feedEntry(context: RouteContext, origin: string, index: number): Entry {
  const { site, config, postUrls, postViews } = context;
  const zone = config.timezone;
  const post = site.posts[index];
  const view = postViews[index];
  if (!post || !view) throw new Error(`no post ${String(index)}`);
  const updated = Math.max(post.date, post.updated ?? post.date);
  const stem = post.source
    .replace(/^posts\//, '')
    .slice(0, -path.posix.extname(post.source).length);
  const host = new URL(origin).hostname;
  // The whole summary: a feed reader shows it as the entry's text, unlike a meta
  // description, which search engines cut at about 160 characters anyway.
  const summary = xmlText(post.summary);
  const contentHtml = config.feedContent === 'full' ? xmlText(view.html) : '';
  return {
    updated,
    view: {
      id: encodeURI(`tag:${host},${year(post.date, zone)}:${config.basePath.slice(1)}${stem}`),
      title: xmlText(post.title),
      url: absoluteHref(hrefOf(postUrls[index] ?? '', config.basePath), origin),
      publishedIso: rfc3339(post.date, zone),
      updatedIso: rfc3339(updated, zone),
      publishedRfc822: rfc822(post.date, zone),
      author: xmlText(view.author),
      authors: view.authors.map(xmlText),
      categories: (site.postLabels[index] ?? []).map((l) => xmlText(site.labels[l]?.name ?? '')),
      summary,
      contentHtml,
      descriptionHtml: contentHtml || escapeHtml(summary),
    },
  };
}

/**
 * Text as XML 1.0 can hold it: control characters other than tab and newlines, lone
 * surrogates and U+FFFE/U+FFFF make a feed unreadable, and Handlebars does not remove them.
 */
export function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Plain text as HTML, for RSS, whose `<description>` is always HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

function year(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy');
}
