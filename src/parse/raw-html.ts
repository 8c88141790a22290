/**
 * Raw HTML in a post body, parsed into the tree (with `hast-util-raw`, the HTML parser
 * `rehype-raw` wraps) instead of written out as the author typed it. Browsers repair
 * broken markup each in their own way and validators reject it; parsed once here, the
 * output is well-formed whatever an old Blogger or WordPress post holds: stray end tags
 * are gone, open elements are closed, and images written as HTML become elements that
 * later plugins (lazy loading, the link check) see. What the author meant is kept:
 * iframes, `<object>`, `<embed>` and scripts stay, since this is about structure, not
 * about sanitising what the blog's own author wrote.
 */
import type { Element, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { hasNodeOfType } from './elements.js';

/** True when any node is raw HTML (not counting what the caller took out first). */
export function hasRawHtml(nodes: readonly RootContent[]): boolean {
  return hasNodeOfType(nodes, 'raw');
}

/**
 * Parses the raw HTML in `nodes` together with the Markdown around it, as one fragment,
 * so an element opened in one HTML block and closed after some Markdown stays one
 * element. `file` gives the parser the body's text, so parsed elements keep their
 * line and column.
 */
export function parseRawHtml(nodes: readonly RootContent[], file: VFile): RootContent[] {
  const tree = raw({ type: 'root', children: [...nodes] }, { file }) as Root;
  dropImpliedParagraphs(tree);
  return tree.children;
}

/**
 * The HTML parser turns a stray `</p>` into an empty `<p></p>` of its own making; such a
 * paragraph has no place in the source and is dropped. An empty paragraph the author
 * did write has a place and stays.
 */
function dropImpliedParagraphs(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (
      node.tagName === 'p' &&
      node.position === undefined &&
      node.children.length === 0 &&
      parent !== undefined &&
      index !== undefined
    ) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}
