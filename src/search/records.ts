/**
 * What the search index holds, made from the routed pages: one record per post page (never
 * a list page, the label index or a page of the site), with the text of its body, its
 * title and date to show, and its labels and year to filter on. Pure.
 *
 * A record is remembered under its post's view: the session keeps an unchanged post's view
 * from run to run, so `rubric dev` turns only changed posts back into text.
 */
import { decodeHTML } from 'entities';
import type { PostView } from '../route/post-view.js';
import type { Page } from '../route/view.js';

/** One post as the index takes it. */
export interface SearchRecord {
  /**
   * The post's link from the site's root, percent-encoded: `/2025/04/oman-talks/`. The search
   * script adds the base path of the folder it loads the index from, so the index is the same
   * under any `baseUrl`.
   */
  readonly url: string;
  readonly title: string;
  /** The date as pages show it (`12 April 2025`), and as `<time datetime>` takes it. */
  readonly date: string;
  readonly datetime: string;
  /** Label names: the `label` filter. */
  readonly labels: readonly string[];
  /** The post's year in the site's zone: the `year` filter. */
  readonly year: string;
  /** The title, then the body as plain text, which is what a query matches. */
  readonly text: string;
}

/** The text of a post, by its view: made once per post while the post does not change. */
export type RecordMemo = WeakMap<PostView, string>;

/** A memo for {@link searchRecords}, kept by the session between runs. */
export function createRecordMemo(): RecordMemo {
  return new WeakMap();
}

/** The records of every post page among `pages`, in the pages' order (newest first). */
export function searchRecords(pages: readonly Page[], memo: RecordMemo): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const page of pages) {
    if (page.template !== 'post') continue;
    const { post, site } = page.data;
    let text = memo.get(post);
    if (text === undefined) {
      text = `${post.title}\n${plainText(post.html)}`;
      memo.set(post, text);
    }
    records.push({
      url: post.url.slice(site.homeUrl.length - 1),
      title: post.title,
      date: post.date.text,
      datetime: post.date.iso,
      labels: post.labels.map((label) => label.name),
      year: post.date.year,
      text,
    });
  }
  return records;
}

/**
 * Elements whose text is not prose a reader would search for: code run by the page, and
 * what screen readers skip too (the `#` of a heading's anchor).
 */
const HIDDEN =
  /<(script|style|template|svg|math)\b[\s\S]*?<\/\1\s*>|<(a|span)\b[^>]*\baria-hidden="true"[^>]*>[\s\S]*?<\/\2>/gi;

/** Where HTML breaks lines: a block's edge keeps two words from running together. */
const BLOCK_EDGE =
  /<\/?(p|div|h[1-6]|li|ul|ol|dl|dt|dd|pre|blockquote|table|tr|td|th|figure|figcaption|br|hr|section|aside|details|summary)\b[^>]*>/gi;

/** Rendered Markdown as plain text: tags out, entities decoded, runs of space as one. */
export function plainText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(HIDDEN, ' ')
    .replace(BLOCK_EDGE, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(text)
    .replace(/[ \t\r\f]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
