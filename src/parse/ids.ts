/**
 * Element ids in a post body. A list page shows several posts, so an id one body writes
 * must not be written by another: footnotes carry the post's own prefix everywhere, and
 * the list version of a body gives every other id that prefix too, with the body's own
 * `#` links to them following. Plus the list of ids a body defines, for the link check.
 */
import type { Element, Root } from 'hast';
import { eachElement } from './elements.js';

/** What remark-rehype puts before footnote ids (its `clobberPrefix` default). */
export const FOOTNOTE_PREFIX = 'user-content-';

/** The id remark-rehype gives the footnotes' heading, which its references point at. */
export const FOOTNOTE_LABEL = 'footnote-label';

/**
 * The prefix of a post's ids: its slug and a dash (`oman-`), so `oman-fn-1`. Slugs are
 * made of what an id may hold (no spaces), and differ between the posts of a list page.
 */
export function idPrefixOf(slug: string): string {
  return slug === '' ? '' : `${slug}-`;
}

/**
 * Gives footnote ids the post's prefix instead of remark-rehype's fixed one, and the
 * references and back links the same, so two posts with a `[^1]` on one page write
 * `oman-fn-1` and `iran-fn-1` rather than `user-content-fn-1` twice.
 */
export function scopeFootnoteIds(tree: Root, prefix: string): void {
  const footnoteId = (id: string) =>
    id === FOOTNOTE_LABEL
      ? `${prefix}${FOOTNOTE_LABEL}`
      : `${prefix}${id.slice(FOOTNOTE_PREFIX.length)}`;
  eachElement(tree, (node: Element) => {
    const { id, href, ariaDescribedBy } = node.properties;
    const isFootnoteLabel = id === FOOTNOTE_LABEL && node.tagName === 'h2';
    if (typeof id === 'string' && (id.startsWith(FOOTNOTE_PREFIX) || isFootnoteLabel)) {
      node.properties.id = footnoteId(id);
    }
    if (typeof href === 'string' && href.startsWith(`#${FOOTNOTE_PREFIX}`)) {
      node.properties.href = `#${footnoteId(href.slice(1))}`;
    }
    if (Array.isArray(ariaDescribedBy) && ariaDescribedBy.includes(FOOTNOTE_LABEL)) {
      node.properties.ariaDescribedBy = ariaDescribedBy.map((ref) =>
        ref === FOOTNOTE_LABEL ? footnoteId(FOOTNOTE_LABEL) : ref,
      );
    }
  });
}

/**
 * The list version of a body: ids that do not carry the post's prefix yet (written in
 * raw HTML by the author) get it, and `#` links to them follow. A footnote reference
 * whose footnotes are past the jump break, so not on the list page, loses the
 * `aria-describedby` that would point at nothing.
 */
export function scopeExcerptIds(tree: Root, prefix: string): void {
  const renamed = new Map<string, string>();
  eachElement(tree, (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string' && !id.startsWith(prefix)) {
      renamed.set(id, `${prefix}${id}`);
      node.properties.id = `${prefix}${id}`;
    }
  });
  const ids = new Set(renamed.values());
  for (const id of collectIds(tree)) ids.add(id);
  eachElement(tree, (node: Element) => {
    const { href, ariaDescribedBy } = node.properties;
    if (typeof href === 'string' && href.startsWith('#')) {
      const target = renamed.get(href.slice(1));
      if (target !== undefined) node.properties.href = `#${target}`;
    }
    if (Array.isArray(ariaDescribedBy)) {
      const present = ariaDescribedBy.filter((ref) => typeof ref === 'string' && ids.has(ref));
      if (present.length === 0) delete node.properties.ariaDescribedBy;
      else node.properties.ariaDescribedBy = present;
    }
  });
}

/** Every id a tree defines, and every `<a name>` (a link's `#fragment` finds those too). */
export function collectIds(tree: Root): string[] {
  const ids: string[] = [];
  eachElement(tree, (node: Element) => {
    const { id, name } = node.properties;
    if (typeof id === 'string' && id !== '') ids.push(id);
    if (node.tagName === 'a' && typeof name === 'string' && name !== '') ids.push(name);
  });
  return ids;
}
