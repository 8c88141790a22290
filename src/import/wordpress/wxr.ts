/**
 * A WordPress export (WXR 1.0–1.2: "Tools → Export", an RSS 2.0 file with the
 * `http://wordpress.org/export/1.x/` namespace) → typed items, authors and terms.
 *
 * Pure: an {@link XmlDocument} in (read with `<item>`s as its entries), values out. What
 * is not a post or a page (attachments, revisions, menu items, trashed posts) is skipped
 * with its reason; attachments are kept aside for featured images and galleries.
 */
import { decodeHTML } from 'entities';
import type { XmlDocument, XmlElement } from '../xml.js';

/** The namespaces of a WXR file, by role. */
export interface WxrNamespaces {
  readonly wp: string;
  readonly excerpt: string;
}

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const WP_NS = /^http:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;

/** An `<item>` as WordPress wrote it, before it is a post. */
export interface WxrItem {
  readonly line: number;
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly title: string;
  readonly link: string | null;
  readonly creator: string | null;
  readonly html: string;
  /** The line of `<content:encoded>`, for messages about the body. */
  readonly contentLine: number;
  readonly excerpt: string | null;
  /** `wp:post_date` (the blog's local time) and `wp:post_date_gmt`, as written. */
  readonly date: string | null;
  readonly dateGmt: string | null;
  readonly modified: string | null;
  readonly modifiedGmt: string | null;
  readonly name: string | null;
  readonly parent: string;
  readonly sticky: boolean;
  readonly terms: readonly { domain: string; nicename: string; name: string }[];
  readonly meta: ReadonlyMap<string, string>;
  readonly attachmentUrl: string | null;
  readonly comments: readonly XmlElement[];
}

/** A term (category or tag) of the blog: its name and its address part. */
export interface WxrTerm {
  readonly name: string;
  readonly nicename: string;
  /** The parent category's nicename, for nested category addresses. */
  readonly parent: string | null;
}

/** What the channel says about the blog. */
export interface WxrChannel {
  readonly title: string | null;
  readonly link: string | null;
  /** Author login → display name. */
  readonly authors: ReadonlyMap<string, string>;
  readonly categories: readonly WxrTerm[];
  readonly tags: readonly WxrTerm[];
}

/** The WXR namespaces of a document, or why it is not a WordPress export. */
export function detectWxr(doc: XmlDocument): WxrNamespaces | { problem: string } {
  const { root } = doc;
  if (root.name !== 'rss') {
    const what =
      root.name === 'feed'
        ? 'an Atom feed (a Blogger export is one: rubric import blogger reads it)'
        : `an XML file whose root is <${root.name}>`;
    return { problem: `This is ${what}, not a WordPress export (WXR), which is RSS 2.0.` };
  }
  const wp = doc.rootNamespaces.find((ns) => WP_NS.test(ns));
  if (wp === undefined) {
    return {
      problem:
        "This RSS feed is not a WordPress export: it declares no http://wordpress.org/export/1.x/ namespace. The blog's /feed/ holds only the newest posts; export from WordPress (Tools → Export → All content) instead.",
    };
  }
  return { wp, excerpt: `${wp}excerpt/` };
}

/** The channel's blog-wide parts. */
export function readChannel(doc: XmlDocument, ns: WxrNamespaces): WxrChannel {
  const channel = doc.root.children.find((c) => c.name === 'channel') ?? doc.root;
  const authors = new Map<string, string>();
  const categories: WxrTerm[] = [];
  const tags: WxrTerm[] = [];
  for (const element of channel.children) {
    if (element.ns !== ns.wp) continue;
    if (element.name === 'author') {
      const login = text(element, ns.wp, 'author_login');
      if (login !== null) {
        authors.set(login, decodeHTML(text(element, ns.wp, 'author_display_name') ?? login));
      }
    } else if (element.name === 'category') {
      const name = text(element, ns.wp, 'cat_name');
      const nicename = text(element, ns.wp, 'category_nicename');
      if (name !== null && nicename !== null) {
        const parent = text(element, ns.wp, 'category_parent');
        categories.push({ name: decodeHTML(name), nicename, parent });
      }
    } else if (element.name === 'tag') {
      const name = text(element, ns.wp, 'tag_name');
      const nicename = text(element, ns.wp, 'tag_slug');
      if (name !== null && nicename !== null) {
        tags.push({ name: decodeHTML(name), nicename, parent: null });
      }
    }
  }
  return {
    title: text(channel, '', 'title'),
    link: text(channel, '', 'link'),
    authors,
    categories,
    tags,
  };
}

/** One `<item>` as written. */
export function readItem(item: XmlElement, ns: WxrNamespaces): WxrItem {
  const wp = (name: string) => text(item, ns.wp, name);
  const meta = new Map<string, string>();
  for (const entry of item.children) {
    if (entry.ns !== ns.wp || entry.name !== 'postmeta') continue;
    const key = text(entry, ns.wp, 'meta_key');
    if (key !== null) meta.set(key, text(entry, ns.wp, 'meta_value') ?? '');
  }
  const terms = item.children
    .filter((c) => c.ns === '' && c.name === 'category' && c.attrs.domain !== undefined)
    .map((c) => ({
      domain: c.attrs.domain ?? '',
      nicename: c.attrs.nicename ?? '',
      name: decodeHTML(c.text.trim()),
    }))
    .filter((term) => term.name !== '');
  const content = item.children.find((c) => c.ns === CONTENT_NS && c.name === 'encoded');
  const excerpt = text(item, ns.excerpt, 'encoded');
  return {
    line: item.line,
    id: wp('post_id') ?? '',
    type: wp('post_type') ?? 'post',
    status: wp('status') ?? 'publish',
    title: decodeHTML(text(item, '', 'title') ?? ''),
    link: text(item, '', 'link'),
    creator: text(item, DC_NS, 'creator'),
    html: content?.text ?? '',
    contentLine: content?.line ?? item.line,
    excerpt,
    date: wp('post_date'),
    dateGmt: wp('post_date_gmt'),
    modified: wp('post_modified'),
    modifiedGmt: wp('post_modified_gmt'),
    name: wp('post_name'),
    parent: wp('post_parent') ?? '0',
    sticky: wp('is_sticky') === '1',
    terms,
    meta,
    attachmentUrl: wp('attachment_url'),
    comments: item.children.filter((c) => c.ns === ns.wp && c.name === 'comment'),
  };
}

/** The trimmed text of a child in `ns` (`''` for RSS's own elements), or null when blank. */
export function text(element: XmlElement, ns: string, name: string): string | null {
  const found = element.children.find((c) => c.ns === ns && c.name === name)?.text.trim();
  return found === undefined || found === '' ? null : found;
}
