/**
 * A walk over a hast tree's elements for the parse stage's own passes. They run a dozen
 * times per post; unist-util-visit makes a closure and an ancestor array per node, which
 * made it a tenth of a worker's time. Our passes need neither (no index, no parent, no
 * skipping), so a plain recursion does, in the same order.
 */
import type { Element, Root, RootContent } from 'hast';

/**
 * Calls `each` on every element under `tree` (and on `tree` itself when it is one) in
 * document order, parents before children, as `visit(tree, 'element', each)` does. The
 * children of an element are read after `each` returns, so it may replace them.
 */
export function eachElement(tree: Root | Element, each: (node: Element) => void): void {
  if (tree.type === 'element') each(tree);
  walk(tree.children, each);
}

function walk(children: readonly RootContent[], each: (node: Element) => void): void {
  for (const child of children) {
    if (child.type !== 'element') continue;
    each(child);
    walk(child.children, each);
  }
}

/** True when some node under `nodes`, at any depth, is of `type`. */
export function hasNodeOfType(nodes: readonly RootContent[], type: RootContent['type']): boolean {
  for (const node of nodes) {
    if (node.type === type) return true;
    if (node.type === 'element' && hasNodeOfType(node.children, type)) return true;
  }
  return false;
}
