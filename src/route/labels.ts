/**
 * Label pages: each label's numbered list of posts, and the label index (`/labels/`),
 * a list or a cloud of every label with its count.
 */
import { fillPhrase, type Words } from '../words.js';
import type { RouteContext } from './context.js';
import { pinnedFirst } from '../model/pinned.js';
import { listedPosts, listPages, type ListPage } from './lists.js';
import { LABELS_URL, labelUrl } from '../urls.js';
import {
  pageView,
  type LabelIndexEntry,
  type LabelLink,
  type PageView,
  type SiteView,
} from './view-parts.js';

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
export function labelPages(context: RouteContext): (ListPage | LabelsPage)[] {
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
      author: null,
      posts: listedPosts(postViews, pinnedFirst(label.posts, site.posts, 'labels')),
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
}
