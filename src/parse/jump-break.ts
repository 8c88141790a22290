/**
 * Blogger's jump break (`<!-- more -->` on a line of its own): where the list version of
 * a body ends. It is found before raw HTML is parsed, so that raw HTML is parsed on each
 * side of it, and replaced by the element "Read more" links land on.
 */
import type { Element, Root as HastRoot, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { hasRawHtml, parseRawHtml } from './raw-html.js';

/**
 * What a comment says when it is Blogger's jump break, as Blogger writes it and as people
 * type it (`more`, ` more `, `MORE`). The importers ask this too ({@link isJumpBreakText}),
 * so a break they keep is one the build finds.
 */
const JUMP_BREAK_TEXT = /^\s*more\s*$/i;

/** An HTML comment, whole, and what is inside it. */
const COMMENT = /^<!--([\s\S]*)-->$/;

/** True when the text inside an HTML comment makes it a jump break. */
export function isJumpBreakText(inside: string): boolean {
  return JUMP_BREAK_TEXT.test(inside);
}

/** The id the "Read more" links land on, Blogger's. */
export const JUMP_ID = 'more';

/**
 * The body's tree with the jump break replaced by its target, and raw HTML (when there
 * is any) parsed on each side of it: an element the author left open before the break
 * is closed there, so the list version ends where the author meant it to.
 */
export function withRawHtmlParsed(
  tree: HastRoot,
  file: VFile,
  parseRaw: boolean,
): { tree: HastRoot; jumpTarget: Element | null; rawHtml: boolean } {
  const breakAt = tree.children.findIndex(isJumpBreak);
  const parts =
    breakAt === -1
      ? [tree.children]
      : [tree.children.slice(0, breakAt), tree.children.slice(breakAt + 1)];
  const rawHtml = parseRaw && parts.some(hasRawHtml);
  const parsed = rawHtml ? parts.map((part) => parseRawHtml(part, file)) : parts;
  if (breakAt === -1) {
    return { tree: { type: 'root', children: parsed[0] ?? [] }, jumpTarget: null, rawHtml };
  }
  const jumpTarget: Element = {
    type: 'element',
    tagName: 'span',
    properties: { id: JUMP_ID },
    children: [],
  };
  const children = [...(parsed[0] ?? []), jumpTarget, ...(parsed[1] ?? [])];
  return { tree: { type: 'root', children }, jumpTarget, rawHtml };
}

/** Only a jump break on its own line (an HTML block at the top level) counts. */
function isJumpBreak(node: RootContent): boolean {
  if (node.type !== 'raw') return false;
  const inside = COMMENT.exec(node.value.trim())?.[1];
  return inside !== undefined && isJumpBreakText(inside);
}
