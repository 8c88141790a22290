/**
 * Markdown → HTML with one unified processor, built once per build and reused for every
 * post (and, later, by watch mode). Raw HTML in a post passes through: the author of a
 * blog writes its posts, and Blogger posts are HTML to begin with.
 */
import type { Root as HastRoot, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';

/** A post body rendered. */
export interface RenderedBody {
  /** The whole body. */
  readonly html: string;
  /**
   * The body up to the jump break (`<!-- more -->`), for list pages; null when the post
   * has none and lists show it whole.
   */
  readonly excerptHtml: string | null;
}

/** Renders Markdown; one per build. */
export type MarkdownRenderer = (markdown: string) => RenderedBody;

/** Blogger's jump break, as Blogger writes it and as people type it. */
const JUMP_BREAK = /^<!--\s*more\s*-->$/i;

/** The element that stands where the jump break was, so "Read more" can land on it. */
const JUMP_TARGET = '<span id="more"></span>';

/** Builds the Markdown renderer: the processor is made and frozen here, once. */
export function createMarkdownRenderer(): MarkdownRenderer {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();

  return (markdown) => {
    const file = new VFile(markdown);
    const tree: HastRoot = processor.runSync(processor.parse(file), file);
    const breakAt = tree.children.findIndex(isJumpBreak);
    if (breakAt === -1) return { html: processor.stringify(tree, file), excerptHtml: null };
    const before = tree.children.slice(0, breakAt);
    const after = tree.children.slice(breakAt + 1);
    const excerptHtml = processor.stringify({ type: 'root', children: before }, file).trim();
    const whole: HastRoot = {
      type: 'root',
      children: [...before, { type: 'raw', value: JUMP_TARGET }, ...after],
    };
    return { html: processor.stringify(whole, file), excerptHtml };
  };
}

/** Only a jump break on its own line (an HTML block at the top level) counts. */
function isJumpBreak(node: RootContent): boolean {
  return node.type === 'raw' && JUMP_BREAK.test(node.value.trim());
}
