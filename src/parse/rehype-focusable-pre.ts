/**
 * Code blocks and tables a keyboard can scroll. The theme lets a `<pre>` or a `<table>`
 * wider than the column scroll sideways (`overflow-x: auto`), and a region that scrolls
 * must be reachable with the keyboard, or a reader without a mouse cannot see the rest of
 * the line (WCAG 2.1.1; axe's `scrollable-region-focusable`). Whether a block overflows
 * depends on the reader's screen, unknown at build time, so every one gets
 * `tabindex="0"`. No name is added: a `<pre>` has no role that may carry one, and a
 * screen reader reads its text. An author's own `tabindex` is kept.
 */
import type { Element, Root } from 'hast';
import { eachElement } from './elements.js';

/** The elements the built-in theme lets scroll sideways. */
const SCROLLING = new Set(['pre', 'table']);

export default function rehypeFocusablePre() {
  return (tree: Root) => {
    eachElement(tree, (node: Element) => {
      if (SCROLLING.has(node.tagName) && node.properties.tabIndex === undefined) {
        node.properties.tabIndex = 0;
      }
    });
  };
}
