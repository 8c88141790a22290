/**
 * A page per post, with its neighbours (newer, older) and related posts. Each page is
 * reused from the memo while its view, neighbours and site view are the same objects.
 */
import type { Words } from '../words.js';
import type { RouteContext } from './context.js';
import { blogPostingJsonLd, describePost } from './describe.js';
import {
  commentSystemView,
  commentsView,
  type CommentSystemView,
  type CommentsView,
} from './comments-view.js';
import { memoPostPage, type PostPageInputs } from './memo.js';
import type { PostView } from './post-view.js';
import { absoluteHref } from '../urls.js';
import { pageView, type PagerView, type PageView, type SiteView } from './view-parts.js';

/** A neighbouring or related post, as a link. */
export interface PostLink {
  readonly title: string;
  readonly url: string;
}

/** A post page's data. */
export interface PostPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly post: PostView;
  readonly newer: PostLink | null;
  readonly older: PostLink | null;
  /** Posts sharing labels with this one, most shared first (`relatedPosts` in site.yaml). */
  readonly related: readonly PostLink[];
  /** "Newer post", home, "Older post", with the neighbours' titles. */
  readonly pager: PagerView;
  /** The comments kept beside the post (`POST.comments.yaml`), threaded; null for none. */
  readonly comments: CommentsView | null;
  /** The comment system for new comments (`comments:` in site.yaml); null for none. */
  readonly commentSystem: CommentSystemView | null;
}

/** A post's page. */
export interface PostPage {
  readonly url: string;
  readonly template: 'post';
  /** The site template that renders it instead of `post` (front matter `layout`). */
  readonly layout?: string;
  readonly data: PostPageData;
}

/** Every post's page, newest first. */
export function postPages(context: RouteContext): PostPage[] {
  const { site, postUrls, postViews, siteView, memo } = context;
  return site.posts.map((_, i) => {
    const url = postUrls[i] ?? '';
    const view = postViews[i] as PostView;
    const inputs: PostPageInputs = {
      url,
      newer: postViews[i - 1] ?? null,
      older: postViews[i + 1] ?? null,
      related: (site.related[i] ?? []).map((index) => postViews[index] as PostView),
      site: siteView,
      comments: context.commentThreads.get(site.posts[i]?.source ?? '') ?? null,
    };
    return memoPostPage(memo, view, inputs, () => postPage(context, i, inputs));
  });
}

function postPage(context: RouteContext, i: number, neighbours: PostPageInputs): PostPage {
  const { site, config, siteView, words, origin } = context;
  const post = site.posts[i];
  const view = context.postViews[i];
  if (!post || !view) throw new Error(`no post ${String(i)}`);
  const { newer, older } = neighbours;
  const description = describePost(post, config.language);
  const jsonLd = blogPostingJsonLd({
    post: view,
    url: absoluteHref(view.url, origin),
    description,
    language: config.language,
    siteTitle: config.title,
    siteUrl: absoluteHref(siteView.homeUrl, origin),
    absolute: (href) => absoluteHref(href, origin),
  });
  return {
    url: neighbours.url,
    template: 'post',
    ...layoutOf(post),
    data: {
      site: siteView,
      page: pageView(siteView, {
        kind: 'post',
        title: post.title,
        url: view.url,
        description,
        jsonLd,
        ...(post.draft ? { robots: 'noindex' } : {}),
      }),
      words,
      post: view,
      newer: newer ? { title: newer.title, url: newer.url } : null,
      older: older ? { title: older.title, url: older.url } : null,
      related: neighbours.related.map((other) => ({ title: other.title, url: other.url })),
      pager: {
        label: `${words.newerPost} / ${words.olderPost}`,
        newer: newer ? { url: newer.url, text: words.newerPost, title: newer.title } : null,
        home: { url: siteView.homeUrl, text: words.home, title: null },
        older: older ? { url: older.url, text: words.olderPost, title: older.title } : null,
      },
      comments: commentsView(neighbours.comments, context.formatDate, words),
      commentSystem: commentSystemView(config),
    },
  };
}

/** A post's own template (front matter `layout`), when it names one. */
export function layoutOf(post: { readonly layout: string | null }): { layout?: string } {
  return post.layout === null ? {} : { layout: post.layout };
}
