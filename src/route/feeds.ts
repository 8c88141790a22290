/**
 * Feeds as pages: the site's Atom feed and its RSS 2.0 copy, and one Atom feed per label.
 * Pure. The view data is ready to print (absolute links, RFC 3339 and RFC 822 dates in
 * the site's zone, text stripped of what XML cannot hold); the built-in `atom.hbs` and
 * `rss.hbs` templates only lay it out, and Handlebars' escaping is XML's escaping.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { rfc3339, rfc822 } from '../dates.js';
import type { Site } from '../model/site.js';
import { fillPhrase } from '../words.js';
import {
  FEED_URL,
  HOME_URL,
  RSS_URL,
  absoluteHref,
  hrefOf,
  labelFeedUrl,
  labelUrl,
} from './urls.js';
import type { FeedEntryView, FeedPageData, FeedView, Page, PostView, SiteView } from './view.js';

/** What the feeds are made from. */
export interface FeedInputs {
  readonly site: Site;
  readonly siteView: SiteView;
  /** `https://example.org`: feeds are only made when the site has one. */
  readonly origin: string;
  /** `postUrls[i]`: the URL of `site.posts[i]`. */
  readonly postUrls: readonly string[];
  /** `postViews[i]`: the view of `site.posts[i]`, whose body has its links finished. */
  readonly postViews: readonly PostView[];
}

/** The feed pages of a site: `/feed.xml`, `/rss.xml`, and `/labels/SLUG/feed.xml` each. */
export function feedPages(inputs: FeedInputs): Page[] {
  const { site, siteView, origin, postUrls, postViews } = inputs;
  const { config } = site;
  const absolute = (url: string) => absoluteHref(hrefOf(url, config.basePath), origin);
  const host = new URL(origin).hostname;
  const zone = config.timezone;

  const entries = new Map<number, { view: FeedEntryView; updated: number }>();
  const entryOf = (index: number) => {
    let entry = entries.get(index);
    if (!entry) {
      const post = site.posts[index];
      const view = postViews[index];
      if (!post || !view) throw new Error(`no post ${String(index)}`);
      const updated = Math.max(post.date, post.updated ?? post.date);
      const stem = post.source
        .replace(/^posts\//, '')
        .slice(0, -path.posix.extname(post.source).length);
      // The whole summary: a feed reader shows it as the entry's text, unlike a meta
      // description, which search engines cut at about 160 characters anyway.
      const summary = xmlText(post.summary);
      const contentHtml = config.feedContent === 'full' ? xmlText(view.html) : '';
      entry = {
        updated,
        view: {
          id: encodeURI(`tag:${host},${year(post.date, zone)}:${config.basePath.slice(1)}${stem}`),
          title: xmlText(post.title),
          url: absolute(postUrls[index] ?? ''),
          publishedIso: rfc3339(post.date, zone),
          updatedIso: rfc3339(updated, zone),
          publishedRfc822: rfc822(post.date, zone),
          author: xmlText(view.author),
          authors: view.authors.map(xmlText),
          categories: (site.postLabels[index] ?? []).map((l) =>
            xmlText(site.labels[l]?.name ?? ''),
          ),
          summary,
          contentHtml,
          descriptionHtml: contentHtml || escapeHtml(summary),
        },
      };
      entries.set(index, entry);
    }
    return entry;
  };

  const channel = (
    title: string,
    selfUrl: string,
    pageUrl: string,
    indices: readonly number[],
  ): FeedPageData | null => {
    const chosen = indices.filter((i) => site.posts[i]?.draft === false).slice(0, config.feedLimit);
    if (chosen.length === 0) return null;
    const newest = Math.max(...chosen.map((i) => entryOf(i).updated));
    const feed: FeedView = {
      id: absolute(pageUrl),
      title: xmlText(title),
      subtitle: xmlText(config.description),
      language: config.language,
      selfUrl: absolute(selfUrl),
      pageUrl: absolute(pageUrl),
      updatedIso: rfc3339(newest, zone),
      updatedRfc822: rfc822(newest, zone),
      author: xmlText(config.author || config.title),
      entries: chosen.map((i) => entryOf(i).view),
    };
    return { site: siteView, feed };
  };

  const all = site.posts.map((_, i) => i);
  const main = channel(config.title, FEED_URL, HOME_URL, all);
  const rss = channel(config.title, RSS_URL, HOME_URL, all);
  if (!main || !rss) return [];
  const pages: Page[] = [
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
  return pages;
}

/** True when a list of posts (indices into `site.posts`) gets a feed: it has a published post. */
export function hasFeed(site: Site, indices: readonly number[]): boolean {
  return indices.some((i) => site.posts[i]?.draft === false);
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
