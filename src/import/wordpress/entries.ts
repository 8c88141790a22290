/**
 * WXR items → the posts, pages and comments every importer hands the plan. Pure.
 *
 * WordPress keeps each post's local time (`wp:post_date`) and its UTC time
 * (`wp:post_date_gmt`); their difference is the blog's offset on that day, so dates are
 * written with it and read back as the moment they were. A draft has no UTC time yet and
 * keeps its local time without an offset (read in the site's `timezone`).
 */
import { decodeHTML } from 'entities';
import { DateTime, FixedOffsetZone } from 'luxon';
import type { SkippedEntry } from '../entries.js';
import { safeDecode } from '../links.js';
import { autop } from './body.js';
import type { ImportedComment, ImportedPost } from '../source.js';
import { text, type WxrChannel, type WxrItem, type WxrNamespaces } from './wxr.js';

/** Why each kind of item that is not a post or page is left out, for the summary. */
const SKIPPED_TYPES: Readonly<Record<string, string>> = {
  attachment: 'an uploaded file; its URL is used for featured images and galleries',
  revision: 'an older revision of a post; the post itself is imported',
  nav_menu_item: "a menu entry of WordPress's theme; Rubric builds its own navigation",
  wp_block: 'a reusable block; posts that use it keep the block as written',
  wp_template: "a block theme's template; Rubric uses its own templates",
  wp_template_part: "a block theme's template part; Rubric uses its own templates",
  wp_global_styles: "the block theme's styles",
  wp_navigation: "a block theme's menu",
  custom_css: "the theme's custom CSS",
  oembed_cache: "WordPress's cache of an embed",
};

/** A WordPress status → Rubric's, or why the item is not imported. */
const STATUSES: Readonly<Record<string, ImportedPost['status']>> = {
  publish: 'live',
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
};

/** An item read as a post, with what its body and addresses still need. */
export interface WordPressPost extends ImportedPost {
  readonly wordpressStatus: string;
  readonly contentLine: number;
  readonly thumbnailId: string | null;
  /** `(domain, nicename)` of each term, for the old category and tag addresses. */
  readonly terms: WxrItem['terms'];
  /** The author's login, for `/author/LOGIN/`. */
  readonly login: string | null;
}

/** An item → a post or page, or why it is skipped. */
export function postOfItem(
  item: WxrItem,
  channel: WxrChannel,
): WordPressPost | { skipped: SkippedEntry } {
  const skip = (kind: string, reason: string) => ({
    skipped: { line: item.line, kind, reason },
  });
  if (item.type !== 'post' && item.type !== 'page') {
    return skip(item.type, SKIPPED_TYPES[item.type] ?? 'Rubric has no use for this post type');
  }
  if (item.status === 'trash') return skip(item.type, "it is in WordPress's trash");
  if (item.status === 'auto-draft') {
    return skip(item.type, 'an empty auto-draft WordPress made when "Add New" was opened');
  }
  const status = STATUSES[item.status];
  if (status === undefined) {
    return skip(item.type, `its status ${JSON.stringify(item.status)} is not one Rubric knows`);
  }
  const published = wordpressDate(item.date, item.dateGmt);
  if (published === null) return skip(item.type, `post ${item.id} has no usable wp:post_date`);
  const labels = [...new Set(item.terms.filter(isLabel).map((term) => term.name.trim()))];
  const author = item.creator === null ? null : (channel.authors.get(item.creator) ?? item.creator);
  const live = status !== 'draft';
  const path = live ? oldPath(item.link) : null;
  const modified = wordpressDate(item.modified, item.modifiedGmt);
  return {
    kind: item.type,
    id: item.id,
    line: item.line,
    title: item.title,
    html: item.html,
    published,
    updated: live && modified !== null && millis(modified) > millis(published) ? modified : null,
    author: null,
    authors: author === null ? [] : [author],
    labels,
    summary: item.excerpt === null ? null : plainText(item.excerpt),
    status,
    path,
    url: live ? item.link : null,
    slug: item.name === null ? null : safeDecode(item.name),
    pinned: item.sticky,
    wordpressStatus: item.status,
    contentLine: item.contentLine,
    thumbnailId: item.meta.get('_thumbnail_id') ?? null,
    terms: item.terms,
    login: item.creator,
  };
}

function isLabel(term: { domain: string }): boolean {
  return term.domain === 'category' || term.domain === 'post_tag';
}

/** The approved comments of an item; the others are counted as skipped. */
export function commentsOfItem(
  item: WxrItem,
  ns: WxrNamespaces,
  skipped: SkippedEntry[],
): ImportedComment[] {
  const comments: ImportedComment[] = [];
  for (const element of item.comments) {
    const wp = (name: string) => text(element, ns.wp, name);
    const id = wp('comment_id') ?? '';
    const type = wp('comment_type') ?? 'comment';
    const approved = wp('comment_approved') ?? '0';
    const at = { line: element.line, kind: 'comment' };
    if (approved !== '1') {
      const state =
        approved === 'spam' ? 'spam' : approved === 'trash' ? 'trashed' : 'not approved';
      skipped.push({ ...at, reason: `it is ${state}` });
      continue;
    }
    if (type === 'pingback' || type === 'trackback') {
      skipped.push({ ...at, reason: `a ${type}, not a comment a reader wrote` });
      continue;
    }
    const published = wordpressDate(wp('comment_date'), wp('comment_date_gmt'));
    if (published === null) {
      skipped.push({ ...at, reason: `comment ${id} has no usable date` });
      continue;
    }
    const parent = wp('comment_parent') ?? '0';
    comments.push({
      id,
      line: element.line,
      postId: item.id,
      replyTo: parent === '0' ? null : parent,
      author: decodeNull(wp('comment_author')),
      authorUrl: wp('comment_author_url'),
      published,
      // WordPress shows a comment through wpautop too: its line breaks are the reader's.
      html: autop(
        element.children.find((c) => c.ns === ns.wp && c.name === 'comment_content')?.text ?? '',
      ),
    });
  }
  return comments;
}

const WP_DATE = 'yyyy-MM-dd HH:mm:ss';

/**
 * `2024-03-15 11:00:00` local and `2024-03-15 10:00:00` UTC → `2024-03-15T11:00:00+01:00`.
 */
export function wordpressDate(local: string | null, gmt: string | null): string | null {
  const localTime = local === null ? null : DateTime.fromFormat(local, WP_DATE, { zone: 'utc' });
  const gmtTime =
    gmt === null || gmt.startsWith('0000')
      ? null
      : DateTime.fromFormat(gmt, WP_DATE, { zone: 'utc' });
  if (localTime?.isValid !== true) {
    return gmtTime?.isValid === true ? gmtTime.toISO({ suppressMilliseconds: true }) : null;
  }
  if (gmtTime?.isValid !== true) {
    return localTime.toISO({ suppressMilliseconds: true, includeOffset: false });
  }
  const offset = Math.round(localTime.diff(gmtTime, 'minutes').minutes);
  // Offsets are whole quarter hours; anything else is a post edited across a DST change.
  const zone = FixedOffsetZone.instance(offset % 15 === 0 ? offset : 0);
  return gmtTime.setZone(zone).toISO({ suppressMilliseconds: true });
}

/** An excerpt as plain text: WordPress allows HTML in it, a summary is text. */
function plainText(html: string): string | null {
  const textOnly = decodeHTML(
    html.replace(/<\/?(?:p|br|div|li)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return textOnly === '' ? null : textOnly;
}

function decodeNull(value: string | null): string | null {
  return value === null ? null : decodeHTML(value);
}

/** The decoded path of a post's `<link>`; null when it is a query (`/?p=12`) or not a URL. */
export function oldPath(link: string | null): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link);
    if (url.search !== '' || url.pathname === '/') return null;
    return safeDecode(url.pathname);
  } catch {
    return null;
  }
}

function millis(iso: string): number {
  return DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
}
