/**
 * A comment's body (Markdown, as `rubric import` writes it) → HTML that is safe to put on
 * a page. Readers wrote these, not the blog's author, so nothing they wrote becomes markup
 * unless it is on a tiny allow-list: raw HTML in the Markdown is shown as the text it is
 * (escaped, so `<script>` reads as `<script>`), and what Markdown itself makes goes through
 * rehype-sanitize with an allow-list of paragraphs, emphasis, code, quotes, lists and links
 * to `http:`, `https:` and `mailto:` only. Every link gets `rel="nofollow ugc"`. Pure.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Parents, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize, { type Options as Schema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Turns comment bodies into safe HTML; one per build, reused for every comment. */
export interface CommentBodyRenderer {
  (markdown: string): string;
}

/**
 * What a comment may hold. No headings (they would break the page's outline), no images
 * or iframes (a reader's tracking pixel), no ids or classes (they could clash with the
 * page's own), no `style`.
 */
const COMMENT_SCHEMA: Schema = {
  tagNames: ['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  attributes: { a: ['href'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { li: ['ol', 'ul'] },
  strip: ['script', 'style'],
  clobberPrefix: '',
  clobber: [],
  required: {},
};

/** Makes the renderer: CommonMark, raw HTML as text, sanitised, links marked as readers'. */
export function createCommentBodyRenderer(): CommentBodyRenderer {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRawHtmlAsText)
    .use(remarkRehype)
    .use(rehypeSanitize, COMMENT_SCHEMA)
    .use(rehypeReaderLinks)
    .use(rehypeStringify);
  return (markdown) => String(processor.processSync(markdown)).trim();
}

/**
 * Raw HTML in a comment stays the text it was written as (between blocks, a paragraph of
 * it); a heading is a paragraph, so a comment cannot break the page's outline; an image is
 * its description.
 */
function remarkRawHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, (node, index, parent: Parents | undefined) => {
      if (parent === undefined || index === undefined) return;
      let replacement: MdastContent | null = null;
      if (node.type === 'html') {
        const text = { type: 'text' as const, value: node.value };
        const flow = ['root', 'blockquote', 'listItem'].includes(parent.type);
        replacement = flow ? { type: 'paragraph', children: [text] } : text;
      } else if (node.type === 'heading') {
        replacement = { type: 'paragraph', children: node.children };
      } else if (node.type === 'image') {
        replacement = { type: 'text', value: node.alt ?? '' };
      }
      if (replacement !== null) (parent.children as MdastContent[])[index] = replacement;
    });
  };
}

/**
 * Every link a reader wrote says so to search engines (`nofollow ugc`); a link whose
 * address the sanitiser took away (`javascript:`) is its text alone.
 */
function rehypeReaderLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a') return;
      if (typeof node.properties.href === 'string') {
        node.properties.rel = ['nofollow', 'ugc'];
        return;
      }
      if (parent && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      return undefined;
    });
  };
}
