/**
 * The link check: every internal link and image of the site (in post bodies, collected
 * while parsing, and in templates) against what the build writes: the route table's
 * pages and the static files, and a `#fragment` against the ids of the page it lands on.
 * Pure, and cheap: no output HTML is read back; the cost is one URL resolution per link.
 */
import { buildError, buildWarning, type Problem } from '../errors.js';
import type { BodyLink } from '../parse/links.js';
import { hrefOf, originOf, outputPathOf } from '../urls.js';
import { closest } from '../suggest.js';
import { sameTargetsOrForget, type LinkMemo } from './link-memo.js';
import { templateIds, templateLinks, type TemplateText } from './template-links.js';

/** What a broken link is: a warning, an error (for CI), or not looked for. */
export type LinkCheck = 'warn' | 'error' | 'off';

/** A page whose body links are checked: a post or a page of the site. */
export interface LinkSource {
  /** The post file, site-relative: `posts/a.md`. */
  readonly file: string;
  /** The page's URL (a site path, as the route table has it). */
  readonly url: string;
  readonly links: readonly BodyLink[];
  readonly ids: readonly string[];
}

/** Everything the check compares against. */
export interface LinkCheckInput {
  readonly sources: readonly LinkSource[];
  /** Every page's URL, from the route table. */
  readonly pageUrls: readonly string[];
  /** The static files' output paths (`css/site.css`). */
  readonly staticPaths: readonly string[];
  readonly templates: readonly TemplateText[];
  readonly baseUrl: string;
  readonly basePath: string;
  readonly severity: Exclude<LinkCheck, 'off'>;
}

/** The origin links are resolved on when `baseUrl` has no host; never a real one. */
const ASSUMED_ORIGIN = 'https://rubric.invalid';

/** A `#fragment` every page has: browsers scroll to the top for these. */
const ALWAYS_THERE = new Set(['', 'top']);

/**
 * Checks every link; one problem per broken link, in source order. With a memo (`rubric
 * dev`), a source checked before against the same targets is not checked again.
 */
export function checkLinks(input: LinkCheckInput, memo?: LinkMemo): Problem[] {
  const origin = originOf(input.baseUrl) ?? ASSUMED_ORIGIN;
  const outputs = new Set([...input.pageUrls.map(outputPathOf), ...input.staticPaths]);
  const shared = new Set(templateIds(input.templates));
  const idsByOutput = new Map<string, readonly string[]>();
  for (const source of input.sources) idsByOutput.set(outputPathOf(source.url), source.ids);
  const site: Target = { origin, basePath: input.basePath, outputs, idsByOutput, shared };
  if (memo) sameTargetsOrForget(memo, targetsOf(input, site));
  const problems: Problem[] = [];
  for (const source of input.sources) {
    let found = memo?.results.get(source);
    if (!found) {
      found = sourceProblems(source, site, input.severity);
      memo?.results.set(source, found);
    }
    problems.push(...found);
  }
  const home = new URL(input.basePath, origin);
  for (const template of input.templates) {
    for (const link of templateLinks(template, input.basePath)) {
      const why = whyBroken(link.url, home, site);
      if (why !== null) problems.push(brokenLink(input.severity, template.path, link, why));
    }
  }
  return problems;
}

/** The broken links of one post or page. */
function sourceProblems(
  source: LinkSource,
  site: Target,
  severity: LinkCheckInput['severity'],
): Problem[] {
  if (source.links.length === 0) return [];
  const problems: Problem[] = [];
  const page = new URL(hrefOf(source.url, site.basePath), site.origin);
  for (const link of source.links) {
    const why = whyBroken(link.url, page, site);
    if (why !== null) problems.push(brokenLink(severity, source.file, link, why));
  }
  return problems;
}

/** Everything a source's problems depend on besides its own links, as lists of strings. */
function targetsOf(input: LinkCheckInput, site: Target): (readonly string[])[] {
  return [
    [site.origin, site.basePath, input.severity, ...site.shared],
    input.pageUrls,
    input.staticPaths,
    input.sources.map((source) => source.url),
    ...input.sources.map((source) => source.ids),
  ];
}

interface Target {
  readonly origin: string;
  readonly basePath: string;
  readonly outputs: ReadonlySet<string>;
  /** The ids of post and page pages, by output path; other pages' ids are not known. */
  readonly idsByOutput: ReadonlyMap<string, readonly string[]>;
  /** The ids every page has, from the templates. */
  readonly shared: ReadonlySet<string>;
}

/** Why a link from `page` leads nowhere, or null when it leads somewhere (or off the site). */
function whyBroken(link: string, page: URL, site: Target): string | null {
  let target: URL;
  try {
    target = new URL(link.trim(), page);
  } catch {
    return 'it is not a URL a browser can follow';
  }
  if (target.origin !== site.origin) return null;
  if (!target.pathname.startsWith(site.basePath)) {
    return `it is outside the site's path ${site.basePath}, where the build writes nothing`;
  }
  const path = decoded(target.pathname.slice(site.basePath.length));
  const file = outputFileOf(path, site.outputs);
  if (file === null) return `the build writes no page or file at /${path}`;
  const fragment = decoded(target.hash.slice(1));
  const ids = site.idsByOutput.get(file);
  if (ids === undefined || ALWAYS_THERE.has(fragment)) return null;
  if (ids.includes(fragment) || site.shared.has(fragment)) return null;
  const near = closest(fragment, [...new Set([...ids, ...site.shared])]);
  return `/${path} has no element with the id \`${fragment}\`${near ? ` (did you mean \`#${near}\`?)` : ''}`;
}

/**
 * The file a site path is served from: `x/` and `` are `index.html` in the folder; `x`
 * with no file of its own is the folder's `index.html`, which static hosts serve (after a
 * redirect to `x/`).
 */
function outputFileOf(path: string, outputs: ReadonlySet<string>): string | null {
  const exact = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  if (outputs.has(exact)) return exact;
  const folder = `${path}/index.html`;
  return !path.endsWith('/') && outputs.has(folder) ? folder : null;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function brokenLink(
  severity: LinkCheckInput['severity'],
  file: string,
  link: BodyLink,
  why: string,
): Problem {
  const at = { file, line: link.line, column: link.column };
  const message = `The link \`${link.url}\` leads nowhere: ${why}.`;
  const hint =
    'Fix the address (a post’s URL, or a file in static/), or remove the link; `linkCheck: off` in site.yaml stops the check.';
  return severity === 'error'
    ? buildError('BrokenLink', at, message, hint)
    : buildWarning('BrokenLink', at, message, hint);
}
