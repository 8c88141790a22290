/**
 * A post page's comments as templates see them: the thread (`model/comments.ts`) with
 * dates formatted in the site's time zone and the author's name filled in, and the
 * comment system's settings ready for its script tag. Pure.
 */
import type { SiteConfig } from '../config/config.js';
import type { DateFormatter, DisplayDate } from '../dates.js';
import type { CommentNode, CommentThread } from '../model/comments.js';
import type { Words } from '../words.js';

/** One comment on a post's page. */
export interface CommentView {
  /** `comment-ID`, the comment's own `id` on the page; null when its id cannot be one. */
  readonly anchor: string | null;
  /** The name the comment gives, else the site's word for an anonymous reader. */
  readonly author: string;
  /** An http(s) address only; the template links the name with `rel="nofollow ugc"`. */
  readonly authorUrl: string | null;
  readonly date: DisplayDate;
  /** Safe HTML (see `parse/comment-body.ts`). */
  readonly html: string;
  readonly replies: readonly CommentView[];
}

/** The comments of a post, for `partials/comments.hbs`. */
export interface CommentsView {
  readonly count: number;
  readonly comments: readonly CommentView[];
}

/** The comment system of post pages, for `partials/comment-system.hbs`. */
export interface CommentSystemView {
  readonly giscus: GiscusView | null;
  readonly utterances: UtterancesView | null;
  /** True with `comments: custom`: the page renders `partials/comments-custom.hbs`. */
  readonly custom: boolean;
}

/** giscus's `data-` attributes, as its script reads them. */
export interface GiscusView {
  readonly repo: string;
  readonly repoId: string;
  readonly category: string;
  readonly categoryId: string;
  readonly mapping: string;
  readonly term: string | null;
  readonly strict: '0' | '1';
  readonly reactionsEnabled: '0' | '1';
  readonly inputPosition: string;
  readonly theme: string;
  readonly lang: string;
}

/** utterances' attributes. */
export interface UtterancesView {
  readonly repo: string;
  readonly issueTerm: string;
  readonly label: string | null;
  readonly theme: string;
}

/** The comments of `thread`, or null when the post has none. */
export function commentsView(
  thread: CommentThread | null,
  formatDate: DateFormatter,
  words: Words,
): CommentsView | null {
  if (thread === null || thread.count === 0) return null;
  const view = (node: CommentNode): CommentView => {
    const { comment } = node;
    return {
      anchor: comment.id !== null && /^[\w-]+$/.test(comment.id) ? `comment-${comment.id}` : null,
      author: comment.author ?? words.anonymous,
      authorUrl: comment.authorUrl,
      date: formatDate(comment.date, comment.dateHasTime),
      html: comment.html,
      replies: node.replies.map(view),
    };
  };
  return { count: thread.count, comments: thread.comments.map(view) };
}

/** The comment system of post pages, or null when `comments:` names none. */
export function commentSystemView(config: SiteConfig): CommentSystemView | null {
  const system = config.comments;
  if (system === null) return null;
  const none = { giscus: null, utterances: null, custom: false };
  if (system.kind === 'custom') return { ...none, custom: true };
  if (system.kind === 'utterances') {
    const { repo, issueTerm, label, theme } = system;
    return { ...none, utterances: { repo, issueTerm, label, theme } };
  }
  const { repo, repoId, category, categoryId, mapping, term, inputPosition, theme } = system;
  const { strict, reactions, lang } = system;
  return {
    ...none,
    giscus: {
      ...{ repo, repoId, category, categoryId, mapping, term, inputPosition, theme },
      strict: strict ? '1' : '0',
      reactionsEnabled: reactions ? '1' : '0',
      // giscus knows languages by their primary subtag (`fr`), a few by region (`zh-CN`).
      lang: lang ?? config.language.split('-')[0] ?? 'en',
    },
  };
}
