/**
 * Label pages: each label's numbered list of posts, and the label index (`/labels/`),
 * a list or a cloud of every label with its count.
 */
import type { Site } from '../model/site.js';
import { fillPhrase, type Words } from '../words.js';
import type { Router } from './context.js';
import { listPages, type ListPage } from './lists.js';
import type { PostView } from './post-view.js';
import { LABELS_URL, labelUrl } from './urls.js';
import { pageView, type LabelRef, type PageView, type SiteView } from './view.js';

/**
 * A label with its post count: label pages and the label index. Posts carry
 * {@link LabelRef}s without the count, so a post's page does not change when another
 * post joins or leaves one of its labels.
 */
export interface LabelLink extends LabelRef {
  /** How many published posts carry it. */
  readonly count: number;
  /** The label's Atom feed, or null when the site has no feeds. */
  readonly feedUrl: string | null;
}

/**
 * A label in the label index. The weight hangs on every label's count, so only the
 * index has it: a label's own page must not change when another label gains a post.
 */
export interface LabelIndexEntry extends LabelLink {
  /** 1 (fewest posts) to 5 (most), on a log scale: the label's size in a cloud. */
  readonly weight: number;
}

/** The label index's data. */
export interface LabelsPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly labels: readonly LabelIndexEntry[];
}

/** The label index, `/labels/`. */
export interface LabelsPage {
  readonly url: string;
  readonly template: 'labels';
  readonly data: LabelsPageData;
}

/** Each label's pages, `/labels/SLUG/`, `/labels/SLUG/page/2/` …, then the label index. */
export const labelPages: Router = (context) => {
  const { site, words, href, labelLinks, postViews } = context;
  const pages: (ListPage | LabelsPage)[] = site.labels.flatMap((label, i) => {
    const entry = labelLinks[i] as LabelIndexEntry;
    // Without the weight, which moves with other labels' counts.
    const link: LabelLink = {
      name: entry.name,
      url: entry.url,
      count: entry.count,
      feedUrl: entry.feedUrl,
    };
    return listPages(context, {
      template: 'label',
      label: link,
      posts: label.posts.map((index) => postViews[index] as PostView),
      urlOf: (n) => labelUrl(label.slug, n),
      titleOf: (n) => (n > 1 ? fillPhrase(words.titlePageN, { title: label.name, n }) : label.name),
    });
  });
  pages.push({
    url: LABELS_URL,
    template: 'labels',
    data: {
      site: context.siteView,
      page: pageView(context.siteView, {
        kind: 'labels',
        title: words.labels,
        url: href(LABELS_URL),
      }),
      words,
      labels: labelLinks,
    },
  });
  return pages;
};

/**
 * Every label as a link with its count, its feed and its weight in a cloud: 1 to 5 on a
 * log scale between the rarest and the commonest label, since counts on a blog follow a
 * long tail.
 */
export function labelLinksOf(
  site: Site,
  href: (url: string) => string,
  feedOf: (label: Site['labels'][number]) => string | null,
): LabelIndexEntry[] {
  const counts = site.labels.map((label) => label.posts.length);
  const low = Math.log(counts.length > 0 ? Math.min(...counts) : 1);
  const span = Math.log(counts.length > 0 ? Math.max(...counts) : 1) - low;
  return site.labels.map((label) => {
    const count = label.posts.length;
    return {
      name: label.name,
      url: href(labelUrl(label.slug)),
      count,
      weight: span === 0 ? 3 : 1 + Math.round((4 * (Math.log(count) - low)) / span),
      feedUrl: feedOf(label),
    };
  });
}
