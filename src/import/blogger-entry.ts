/**
 * The fields of one entry of a Blogger export, in either format: its id, date and author,
 * a comment's post, a post's status, old path and labels. Pure, like `entries.ts`, which
 * reads the entries with these.
 */
import { DateTime } from 'luxon';
import type { BloggerComment, ExportFormat, PostStatus } from './entries.js';
import { APP_NS, ATOM_NS, child, childText, childrenOf, type XmlElement } from './xml.js';

export const BLOGGER_2018_NS = 'http://schemas.google.com/blogger/2018';
export const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
export const KIND_PREFIX = 'http://schemas.google.com/blogger/2008/kind#';
export const LABEL_SCHEME = 'http://www.blogger.com/atom/ns#';
/** Atom Publishing Protocol 1.0 (RFC 5023), whose `<app:control>` has the same `<app:draft>`. */
export const APP_1_0_NS = 'http://www.w3.org/2007/app';
export const THREAD_NS = 'http://purl.org/syndication/thread/1.0';

export interface Common {
  readonly id: string;
  readonly published: string;
  readonly author: string | null;
}

export function readCommon(entry: XmlElement): Common | { problem: string } {
  const id = childText(entry, ATOM_NS, 'id');
  if (id === null) return { problem: 'it has no <id>' };
  const publishedText = childText(entry, ATOM_NS, 'published');
  const published = normaliseDate(publishedText);
  if (published === null) {
    return {
      problem:
        publishedText === null
          ? `${id} has no <published> date`
          : `${id} has a <published> date that is not a date (${JSON.stringify(publishedText)})`,
    };
  }
  const author = child(entry, ATOM_NS, 'author');
  return { id, published, author: author ? childText(author, ATOM_NS, 'name') : null };
}

export function readComment(
  entry: XmlElement,
  format: ExportFormat,
  common: Common,
): BloggerComment | { problem: string } {
  const postId =
    format === 'classic'
      ? (child(entry, THREAD_NS, 'in-reply-to')?.attrs.ref ?? null)
      : childText(entry, BLOGGER_2018_NS, 'parent');
  if (postId === null) return { problem: `${common.id} does not say which post it is on` };
  // A reply to another comment links to it as `related`; its id is the link's last part.
  const related = childrenOf(entry, ATOM_NS, 'link').find((l) => l.attrs.rel === 'related');
  const relatedId = related?.attrs.href ? /\/(\d+)(?:\?.*)?$/.exec(related.attrs.href)?.[1] : null;
  const author = child(entry, ATOM_NS, 'author');
  return {
    id: common.id,
    line: entry.line,
    postId,
    replyTo: relatedId ? `${postId.replace(/\.post-\d+$/, '')}.post-${relatedId}` : null,
    author: common.author,
    authorUrl: author ? childText(author, ATOM_NS, 'uri') : null,
    published: common.published,
    html: child(entry, ATOM_NS, 'content')?.text ?? '',
  };
}

/**
 * Draft, scheduled or live. The classic file marks drafts only; a post it calls live but
 * dates after the moment of the export is a scheduled one.
 */
export function postStatus(
  entry: XmlElement,
  format: ExportFormat,
  statusText: string | null,
  published: string,
  exportedAt: number | null,
): { status: PostStatus } | { problem: string } {
  if (format === 'takeout') {
    switch ((statusText ?? 'LIVE').toUpperCase()) {
      case 'LIVE':
        return { status: 'live' };
      case 'DRAFT':
        return { status: 'draft' };
      case 'SCHEDULED':
        return { status: 'scheduled' };
      default:
        return { problem: `its status ${JSON.stringify(statusText)} is not one Rubric knows` };
    }
  }
  if (markedDraft(entry)) return { status: 'draft' };
  const at = parseDate(published);
  if (exportedAt !== null && at !== null && at > exportedAt) return { status: 'scheduled' };
  return { status: 'live' };
}

/** `<app:control><app:draft>yes</app:draft></app:control>`, in either APP namespace. */
export function markedDraft(entry: XmlElement): boolean {
  return [APP_NS, APP_1_0_NS].some((ns) => {
    const control = child(entry, ns, 'control');
    return control !== undefined && childText(control, ns, 'draft')?.toLowerCase() === 'yes';
  });
}

export function alternateLink(entry: XmlElement): string | null {
  const link = childrenOf(entry, ATOM_NS, 'link').find(
    (l) => l.attrs.rel === 'alternate' && (l.attrs.type ?? 'text/html') === 'text/html',
  );
  return link?.attrs.href ?? null;
}

/** The old path from `<blogger:filename>`, else from the post's URL. */
export function oldPath(filename: string | null, url: string | null): string | null {
  if (filename !== null) return filename.startsWith('/') ? filename : `/${filename}`;
  if (url === null) return null;
  try {
    return decodeURI(new URL(url).pathname);
  } catch {
    return null;
  }
}

export function labelsOf(entry: XmlElement): string[] {
  const names: string[] = [];
  for (const category of childrenOf(entry, ATOM_NS, 'category')) {
    const { scheme, term } = category.attrs;
    if (term === undefined || scheme === KIND_SCHEME) continue;
    // Classic labels have Blogger's label scheme; the newer file uses the blog's tag.
    if (scheme !== undefined && scheme !== LABEL_SCHEME && !scheme.startsWith('tag:blogger.com'))
      continue;
    const name = term.trim();
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `2024-03-01T10:00:00.000+01:00` → `2024-03-01T10:00:00+01:00`; null when not a date. */
export function normaliseDate(text: string | null): string | null {
  if (text === null) return null;
  const date = DateTime.fromISO(text, { setZone: true });
  if (!date.isValid) return null;
  return date.toISO({ suppressMilliseconds: true });
}

export function parseDate(text: string | null): number | null {
  if (text === null) return null;
  const date = DateTime.fromISO(text, { setZone: true });
  return date.isValid ? date.toMillis() : null;
}
