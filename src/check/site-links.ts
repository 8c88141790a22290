/** The link check for a whole built site: the session's view of {@link checkLinks}. */
import type { SiteConfig } from '../config/config.js';
import type { BuildError, BuildWarning } from '../errors.js';
import type { Site } from '../model/site.js';
import type { RouteMemo } from '../route/pages.js';
import { hrefOf, postUrl, staticPageUrl } from '../urls.js';
import type { Page } from '../route/view.js';
import type { LinkMemo } from './link-memo.js';
import { checkLinks, type LinkSource } from './links.js';
import type { TemplateText } from './template-links.js';

/** What the session hands the check: the run's model, routes and sources. */
export interface SiteLinkInput {
  readonly site: Site;
  readonly pages: readonly Page[];
  readonly staticPaths: readonly string[];
  readonly templates: readonly TemplateText[];
  readonly config: SiteConfig;
  /** The routing's memo: it already holds every post's URL. */
  readonly memo: RouteMemo;
  /** What earlier checks found (`rubric dev`). */
  readonly linkMemo?: LinkMemo;
}

/** The broken links of a site, as errors or warnings by `linkCheck`; none when it is `off`. */
export function checkSiteLinks(input: SiteLinkInput): {
  errors: BuildError[];
  warnings: BuildWarning[];
} {
  const { site, config } = input;
  if (config.linkCheck === 'off') return { errors: [], warnings: [] };
  const sources: LinkSource[] = [];
  for (const post of site.posts) {
    const url =
      input.memo.postUrls.get(post)?.url ?? postUrl(post, config.permalink, config.timezone);
    const known = input.linkMemo?.sources.get(post);
    if (known?.url === url) {
      sources.push(known);
      continue;
    }
    const links = post.links.map((link) =>
      link.sitePath ? { ...link, url: hrefOf(link.url, config.basePath) } : link,
    );
    const source = { file: post.source, url, links, ids: post.ids };
    input.linkMemo?.sources.set(post, source);
    sources.push(source);
  }
  for (const page of site.pages) {
    sources.push({
      file: page.source,
      url: staticPageUrl(page.slug),
      links: page.links,
      ids: page.ids,
    });
  }
  const problems = checkLinks(
    {
      sources,
      pageUrls: input.pages.map((page) => page.url),
      staticPaths: input.staticPaths,
      templates: input.templates,
      baseUrl: config.baseUrl,
      basePath: config.basePath,
      severity: config.linkCheck,
    },
    input.linkMemo,
  );
  const errors: BuildError[] = [];
  const warnings: BuildWarning[] = [];
  for (const problem of problems) {
    if (problem.severity === 'error') errors.push(problem);
    else warnings.push(problem);
  }
  return { errors, warnings };
}
