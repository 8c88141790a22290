/**
 * A body's HTML written once. The list version of a body (its excerpt) differs from the
 * page's only in some top-level blocks: headings lose their anchors and ids, and ids and
 * in-page links get the post's prefix. So the page's HTML is written block by block, and
 * the excerpt reuses the blocks it does not change instead of writing the body again.
 * Writing a root's children one by one gives the root's HTML (hast-util-to-html, which
 * rehype-stringify runs, writes a child from the child alone and its parent being a root),
 * so both are as before.
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { eachElement } from './elements.js';

/** Raw HTML (an author's, parsed or not) is written as it is. */
const stringifier = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/** The HTML of one top-level node. */
function nodeHtml(node: RootContent): string {
  return stringifier.stringify({ type: 'root', children: [node] });
}

/** The HTML of each top-level node of `tree`; joined, the HTML of the tree. */
export function blockHtml(tree: Root): string[] {
  return tree.children.map(nodeHtml);
}

/**
 * For each top-level node, whether the list version may write it otherwise: it holds a
 * heading, an id, an in-page link or an `aria-describedby`. Read before the tree changes.
 */
export function blocksTheExcerptChanges(tree: Root): boolean[] {
  return tree.children.map((node) => node.type === 'element' && mayChange(node));
}

function mayChange(block: Element): boolean {
  let found = false;
  eachElement(block, (node) => {
    const { id, href, ariaDescribedBy } = node.properties;
    found ||=
      /^h[1-6]$/.test(node.tagName) ||
      id !== undefined ||
      ariaDescribedBy !== undefined ||
      (typeof href === 'string' && href.startsWith('#'));
  });
  return found;
}

/**
 * The HTML of `nodes`, the first top-level nodes of the tree `blocks` and `changes` were
 * read from: a block that may have changed is written again, the others are reused.
 */
export function reusedHtml(
  nodes: readonly RootContent[],
  blocks: readonly string[],
  changes: readonly boolean[],
): string {
  return nodes
    .map((node, i) => (changes[i] === false ? (blocks[i] ?? '') : nodeHtml(node)))
    .join('');
}
