/**
 * Links and ids written into templates. What a template builds from view data
 * (`{{post.url}}`, `{{site.homeUrl}}`) comes from the route table and is right by
 * construction; what its author typed is not: a literal `href="/about/"` or `src`, and
 * the paths given to the `href` helper (`{{href "css/site.css"}}`). Found by reading the
 * template's text, so the check needs no rendered page.
 */
import type { BodyLink } from '../parse/links.js';
import { hrefOf } from '../urls.js';

/** A template as the check reads it: its site-relative path and text. */
export interface TemplateText {
  readonly path: string;
  readonly text: string;
}

/** An `href`/`src` attribute with a literal value (no `{{` in it) that may lead into the site. */
const LITERAL_LINK = /\b(?:href|src)\s*=\s*"([^"{}]*)"/g;

/** The `href` helper given a literal path. */
const HREF_HELPER = /\{\{\s*href\s+"([^"]*)"\s*\}\}/g;

/** A literal `id` attribute. */
const LITERAL_ID = /\bid\s*=\s*"([^"{}]+)"/g;

/** Links with another scheme, protocol-relative links and bare fragments are not checked here. */
const NOT_A_SITE_PATH = /^(?:[a-z][a-z\d+.-]*:|\/\/|#|$)/i;

/** The links a template's author typed, with where they stand (1-based). */
export function templateLinks(template: TemplateText, basePath: string): BodyLink[] {
  const links: BodyLink[] = [];
  const add = (url: string, offset: number) => {
    links.push({ url, ...positionOf(template.text, offset) });
  };
  for (const match of template.text.matchAll(LITERAL_LINK)) {
    const url = match[1] ?? '';
    if (!NOT_A_SITE_PATH.test(url)) add(url, match.index + match[0].indexOf('"') + 1);
  }
  for (const match of template.text.matchAll(HREF_HELPER)) {
    add(hrefOf(match[1] ?? '', basePath), match.index);
  }
  return links;
}

/** Every literal id in the templates: on each page built with them, as far as the check knows. */
export function templateIds(templates: readonly TemplateText[]): string[] {
  const ids: string[] = [];
  for (const template of templates) {
    for (const match of template.text.matchAll(LITERAL_ID)) ids.push(match[1] ?? '');
  }
  return ids;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
