/**
 * The links and images of a post body, collected while the body is parsed (and so
 * cached with it), for the link check (`check/links.ts`), which then never reads the
 * output HTML again. Kept: each URL as written, and where in the body it stands.
 */
import type { Element, Root } from 'hast';
import { eachElement } from './elements.js';

/** A link or image of a body: its URL and its place (1-based, in the body). */
export interface BodyLink {
  readonly url: string;
  readonly line: number;
  readonly column: number;
  /**
   * A path from the site folder rather than a URL (a front-matter picture): the link
   * check puts the site's base path in front, as the route stage does.
   */
  readonly sitePath?: true;
}

/** The attributes that hold a URL a browser follows or fetches, by element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  iframe: ['src'],
  embed: ['src'],
  script: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  object: ['data'],
};

/** URLs with these schemes are not pages or files of the site. */
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z\d+.-]*:/i;

/**
 * Template syntax in a URL (`{{ site.baseurl }}/x.png`, also percent-encoded) is reported
 * as a template fragment, so it is not reported a second time as a broken link.
 */
const TEMPLATE_SYNTAX = /\{\{|\{%|%7B%7B|%7B%25/i;

/**
 * Every URL in the tree that may lead to a page or file of the site: relative and
 * root-relative ones, and absolute `http(s)` ones (the check knows the site's own host).
 * Elements without a place in the source (heading anchors, footnote back links) are made
 * by Rubric, which links right, and are left out.
 */
export function collectLinks(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  eachElement(tree, (node: Element) => {
    const attributes = URL_ATTRIBUTES[node.tagName];
    const start = node.position?.start;
    if (attributes === undefined || start === undefined) return;
    for (const attribute of attributes) {
      const value = node.properties[attribute];
      if (typeof value !== 'string' && !Array.isArray(value)) continue;
      const urls = attribute === 'srcSet' ? srcsetUrls(String(value)) : [String(value)];
      for (const url of urls) {
        if (isCheckable(url)) links.push({ url, line: start.line, column: start.column });
      }
    }
  });
  return links;
}

function isCheckable(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !OTHER_SCHEME.test(trimmed) && !TEMPLATE_SYNTAX.test(trimmed);
}

/** The URLs of a `srcset`: `a.png 1x, b.png 2x` → `a.png`, `b.png`. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}
