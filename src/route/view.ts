/**
 * Every page kind as one type, for the stages after routing (render, write, the
 * session). Each kind's data is declared beside its router; the pieces they share are
 * in `view-parts.ts`, re-exported here for those stages.
 */
import type { ArchivePage, MonthPage, YearPage } from './archive.js';
import type { FeedPage } from './feeds.js';
import type { LabelsPage } from './labels.js';
import type { ListPage } from './lists.js';
import type { NotFoundPage } from './not-found.js';
import type { PostPage } from './posts.js';
import type { RedirectPage, RedirectsFile } from './redirects.js';
import type { SearchPage } from './search.js';
import type { StaticPage } from './site-pages.js';
import type { RobotsPage, SitemapPage } from './sitemap.js';

export { TEMPLATE_NAMES, WITHOUT_LAYOUT } from './view-parts.js';
export type {
  BuiltInKind,
  LabelIndexEntry,
  LabelLink,
  LabelRef,
  PagerLink,
  PagerView,
  PageView,
  SidebarMonth,
  SidebarYear,
  SiteView,
  TemplateName,
} from './view-parts.js';

/** A page to render: where it goes, which template, and the template's data. */
export type Page =
  | PostPage
  | StaticPage
  | ListPage
  | LabelsPage
  | ArchivePage
  | YearPage
  | MonthPage
  | NotFoundPage
  | SearchPage
  | RedirectPage
  | RedirectsFile
  | SitemapPage
  | RobotsPage
  | FeedPage;
