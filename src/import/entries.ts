/**
 * Both Blogger export formats → one typed list of posts, pages and comments.
 *
 * - The classic "Back up content" file: an Atom feed whose entries say their kind in
 *   `<category scheme="http://schemas.google.com/g/2005#kind">`, with drafts marked by
 *   `<app:draft>yes</app:draft>` and the blog's settings as entries of their own.
 * - The newer file (2023 on, and Google Takeout's `feed.atom`): Atom with the
 *   `http://schemas.google.com/blogger/2018` namespace, `<blogger:type>`,
 *   `<blogger:status>`, `<blogger:filename>` and `<blogger:parent>`.
 *
 * Pure: an {@link XmlDocument} in, values out. One bad entry is skipped with its reason.
 */
import { ATOM_NS, child, childText, childrenOf, type XmlDocument, type XmlElement } from './xml.js';
import {
  BLOGGER_2018_NS,
  KIND_SCHEME,
  KIND_PREFIX,
  readCommon,
  readComment,
  postStatus,
  alternateLink,
  oldPath,
  labelsOf,
  normaliseDate,
  parseDate,
} from './blogger-entry.js';

/** The two formats Blogger has exported in. */
export type ExportFormat = 'classic' | 'takeout';

/** Where a post stands on Blogger. */
export type PostStatus = 'live' | 'draft' | 'scheduled';

/** A post or a static page, as the export gives it. */
export interface BloggerPost {
  readonly kind: 'post' | 'page';
  readonly id: string;
  /** The line of its `<entry>` in the export, for messages. */
  readonly line: number;
  readonly title: string;
  /** The body, as Blogger stored it: HTML. */
  readonly html: string;
  /** ISO 8601 with the offset as the export wrote it, without milliseconds. */
  readonly published: string;
  readonly updated: string | null;
  readonly author: string | null;
  /** Label names exactly as written, in the export's order, without repeats. */
  readonly labels: readonly string[];
  /** The search description ("meta description"), when the post has one. */
  readonly summary: string | null;
  readonly status: PostStatus;
  /** The post's path on the old blog (`/2024/03/slug.html`, `/p/about.html`); null for drafts. */
  readonly path: string | null;
  /** The post's full old URL, when the export gives one. */
  readonly url: string | null;
}

/** A comment on a post or page. */
export interface BloggerComment {
  readonly id: string;
  readonly line: number;
  /** The id of the post or page it is on. */
  readonly postId: string;
  /** The id of the comment it answers, when it is a reply. */
  readonly replyTo: string | null;
  readonly author: string | null;
  readonly authorUrl: string | null;
  readonly published: string;
  readonly html: string;
}

/** An entry that was not imported, and why. */
export interface SkippedEntry {
  readonly line: number;
  /** What it was: `template`, `settings`, `post`, … */
  readonly kind: string;
  readonly reason: string;
}

/** Everything an export holds that Rubric can use. */
export interface BloggerExport {
  readonly format: ExportFormat;
  readonly title: string | null;
  /** The blog's time zone (classic exports carry it as a setting); null when unknown. */
  readonly timezone: string | null;
  /** The blog's own address, when the export names it: `https://name.blogspot.com/`. */
  readonly blogUrl: string | null;
  readonly posts: readonly BloggerPost[];
  readonly comments: readonly BloggerComment[];
  readonly skipped: readonly SkippedEntry[];
}

/** What each skipped kind of entry is, for the summary. */
const SKIPPED_KINDS: Readonly<Record<string, string>> = {
  template: "the blog's theme; Rubric uses its own templates",
  settings: 'a Blogger setting (only the time zone is used)',
  layout: "a layout widget of Blogger's theme",
};

/**
 * Which format an XML document is in, or why it is not a Blogger export. The format is
 * told by the namespace the newer files declare, else by the kind categories of the
 * classic one.
 */
export function detectFormat(doc: XmlDocument): { format: ExportFormat } | { problem: string } {
  const { root } = doc;
  if (root.ns !== ATOM_NS || root.name !== 'feed') {
    const what =
      root.name === 'rss'
        ? 'an RSS file (a WordPress export is RSS)'
        : `an XML file whose root is <${root.name}>`;
    return {
      problem: `This is ${what}, not a Blogger export: Blogger exports are Atom feeds (<feed xmlns="${ATOM_NS}">).`,
    };
  }
  const declares2018 = doc.rootNamespaces.includes(BLOGGER_2018_NS);
  if (declares2018 || doc.entries.some((e) => child(e, BLOGGER_2018_NS, 'type'))) {
    return { format: 'takeout' };
  }
  if (doc.entries.some((entry) => kindCategory(entry) !== null)) return { format: 'classic' };
  return {
    problem:
      'This Atom feed is not a Blogger export: its entries have neither <blogger:type> nor a Blogger kind category. A feed downloaded from /feeds/posts/default holds only some posts and no drafts or pages; export from Blogger (Settings → Back up content) or Google Takeout instead.',
  };
}

/** Reads every entry of an export in the given format. */
export function readEntries(doc: XmlDocument, format: ExportFormat): BloggerExport {
  const posts: BloggerPost[] = [];
  const comments: BloggerComment[] = [];
  const skipped: SkippedEntry[] = [];
  let timezone: string | null = null;
  const exportedAt = parseDate(childText(doc.root, ATOM_NS, 'updated'));

  for (const entry of doc.entries) {
    const kind = format === 'classic' ? classicKind(entry) : takeoutKind(entry);
    if (kind === 'settings' && format === 'classic') {
      const id = childText(entry, ATOM_NS, 'id') ?? '';
      if (id.endsWith('.settings.BLOG_TIME_ZONE')) timezone = childText(entry, ATOM_NS, 'content');
    }
    if (kind !== 'post' && kind !== 'page' && kind !== 'comment') {
      skipped.push({
        line: entry.line,
        kind: kind || 'unknown',
        reason:
          SKIPPED_KINDS[kind] ??
          (kind === '' ? 'the entry says no kind' : 'Rubric has no use for this kind of entry'),
      });
      continue;
    }
    const common = readCommon(entry);
    if ('problem' in common) {
      skipped.push({ line: entry.line, kind, reason: common.problem });
      continue;
    }
    const statusText = format === 'classic' ? null : childText(entry, BLOGGER_2018_NS, 'status');
    if (statusText !== null && /TRASH|DELETED/i.test(statusText)) {
      skipped.push({ line: entry.line, kind, reason: `it is in Blogger's trash (${statusText})` });
      continue;
    }
    if (kind === 'comment') {
      const comment = readComment(entry, format, common);
      if ('problem' in comment) skipped.push({ line: entry.line, kind, reason: comment.problem });
      else comments.push(comment);
      continue;
    }
    const status = postStatus(entry, format, statusText, common.published, exportedAt);
    if ('problem' in status) {
      skipped.push({ line: entry.line, kind, reason: status.problem });
      continue;
    }
    const url = alternateLink(entry);
    const filename = format === 'takeout' ? childText(entry, BLOGGER_2018_NS, 'filename') : null;
    const path = status.status === 'draft' ? null : oldPath(filename, url);
    posts.push({
      kind,
      id: common.id,
      line: entry.line,
      title: childText(entry, ATOM_NS, 'title') ?? '',
      html: child(entry, ATOM_NS, 'content')?.text ?? '',
      published: common.published,
      updated: normaliseDate(childText(entry, ATOM_NS, 'updated')),
      author: common.author,
      labels: labelsOf(entry),
      summary:
        childText(entry, ATOM_NS, 'summary') ??
        childText(entry, BLOGGER_2018_NS, 'metaDescription'),
      status: status.status,
      path,
      url: status.status === 'draft' ? null : url,
    });
  }

  const feedLink = doc.root.children.find(
    (c) => c.ns === ATOM_NS && c.name === 'link' && c.attrs.rel === 'alternate',
  );
  return {
    format,
    title: childText(doc.root, ATOM_NS, 'title'),
    timezone,
    blogUrl: feedLink?.attrs.href ?? null,
    posts,
    comments,
    skipped,
  };
}

function kindCategory(entry: XmlElement): string | null {
  const category = childrenOf(entry, ATOM_NS, 'category').find(
    (c) => c.attrs.scheme === KIND_SCHEME,
  );
  const term = category?.attrs.term;
  return term?.startsWith(KIND_PREFIX) ? term.slice(KIND_PREFIX.length) : null;
}

function classicKind(entry: XmlElement): string {
  return kindCategory(entry) ?? '';
}

function takeoutKind(entry: XmlElement): string {
  return (childText(entry, BLOGGER_2018_NS, 'type') ?? '').toLowerCase();
}
