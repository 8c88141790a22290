/**
 * Blogger's jump break in an imported body: the `<!--more-->` comment, or the empty
 * `<a name="more">` of its newer editor, lifted out of the `<div>` or paragraph Blogger
 * often leaves it in, so that it stands alone at the top of the body where Rubric looks.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { isJumpBreakText } from '../parse/jump-break.js';

/** A `<!--more-->` comment, with the spacing and case the build accepts. */
export function isJumpBreakComment(node: RootContent | ElementContent): boolean {
  return node.type === 'comment' && isJumpBreakText(node.value);
}

/** Blogger's newer editor writes the jump break as an empty `<a name="more">`. */
function isJumpBreak(node: RootContent | ElementContent): boolean {
  if (isJumpBreakComment(node)) return true;
  return (
    node.type === 'element' &&
    node.tagName === 'a' &&
    node.properties.name === 'more' &&
    node.children.length === 0
  );
}

/**
 * The jump break counts only on its own line at the top of the body, but Blogger often
 * leaves it inside a `<div>` or a paragraph. Every element around the first one is split
 * in two there, so the break stands alone between the halves.
 */
export function hoistJumpBreak(tree: HastRoot): void {
  const path = findPath(tree.children, []);
  if (path === null) return;
  const [top, ...rest] = path as [number, ...number[]];
  const marker: RootContent = { type: 'comment', value: ' more ' };
  const before = tree.children.slice(0, top);
  const after = tree.children.slice(top + 1);
  const holder = tree.children[top];
  if (rest.length > 0 && holder?.type === 'element') {
    const [head, tail] = split(holder, rest);
    if (head) before.push(head);
    if (tail) after.unshift(tail);
  }
  tree.children = [...before, marker, ...after];
}

function findPath(
  children: readonly (RootContent | ElementContent)[],
  prefix: number[],
): number[] | null {
  for (const [i, node] of children.entries()) {
    if (isJumpBreak(node)) return [...prefix, i];
    if (node.type === 'element') {
      const found = findPath(node.children, [...prefix, i]);
      if (found) return found;
    }
  }
  return null;
}

function split(node: Element, path: readonly number[]): [Element | null, Element | null] {
  const [i, ...rest] = path as [number, ...number[]];
  const before = node.children.slice(0, i);
  const after = node.children.slice(i + 1);
  const inner = node.children[i];
  if (rest.length > 0 && inner?.type === 'element') {
    const [head, tail] = split(inner, rest);
    if (head) before.push(head);
    if (tail) after.unshift(tail);
  }
  const blank = (list: ElementContent[]) =>
    list.every((c) => c.type === 'text' && c.value.trim() === '');
  // The second half keeps no `id`: two elements may not share one.
  const properties = Object.fromEntries(
    Object.entries(node.properties).filter(([name]) => name !== 'id'),
  );
  return [
    blank(before) ? null : { ...node, children: before },
    blank(after) ? null : { ...node, properties, children: after },
  ];
}
