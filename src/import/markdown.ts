/**
 * Blogger HTML → Markdown, with one unified processor: rehype-parse → rehype-remark →
 * remark-stringify, with GFM for tables, strikethrough and autolinks.
 *
 * What Markdown has a syntax for becomes Markdown. What it has none for (embedded
 * videos, `<sup>`, `<u>`, tables with merged cells, definition lists …) is kept as inline
 * HTML, which Rubric passes through, rather than dropped. Presentation that Blogger's
 * editor scatters everywhere (inline `style`, `<span>`/`<div>`/`<font>` wrappers, image
 * sizes) is left behind: the theme styles the page now.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { phrasing } from 'hast-util-phrasing';
import { toHtml } from 'hast-util-to-html';
import type { Html } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { hoistJumpBreak, isJumpBreakComment } from './hoist-jump-break.js';

/** How links and images in a body are rewritten; each returns the new URL or undefined. */
export interface BodyRewrites {
  readonly link?: (href: string) => string | undefined;
  readonly image?: (src: string) => string | undefined;
}

/** The jump break as Rubric writes it. */
export const JUMP_BREAK = '<!-- more -->';

/** Elements with no Markdown syntax, kept whole as HTML. */
const KEEP_AS_HTML = new Set([
  'iframe',
  'video',
  'audio',
  'object',
  'embed',
  'script',
  'noscript',
  'sup',
  'sub',
  'u',
  'ins',
  'mark',
  'kbd',
  'abbr',
  'small',
  'dl',
  'details',
  'figure',
]);

/** Attributes that only carried Blogger's presentation; dropped from HTML that is kept. */
const PRESENTATION = ['style', 'className', 'border', 'dataOriginalHeight', 'dataOriginalWidth'];

/** Converts bodies; one per import. */
export interface BodyConverter {
  toMarkdown(html: string, rewrites?: BodyRewrites): string;
  /**
   * Every image URL of a body, in order, for downloading: each `<img src>`, and the
   * full-size image Blogger links around it (`<a href="…/s1600/x.jpg"><img></a>`).
   */
  imageUrls(html: string): string[];
  /** Every link target (`<a href>`) of a body, in order. */
  linkUrls(html: string): string[];
}

/** Builds the converter: the processor is made and frozen once. */
export function createBodyConverter(): BodyConverter {
  const parser = unified().use(rehypeParse, { fragment: true }).freeze();
  const toMarkdown = unified()
    .use(rehypeRemark, {
      handlers: Object.fromEntries(
        [...KEEP_AS_HTML].map((tag) => [tag, (_state: unknown, node: Element) => raw(node)]),
      ),
      nodeHandlers: {
        // Comments are dropped, but the jump break is one.
        comment: (_state, node) =>
          isJumpBreakComment(node as RootContent) ? { type: 'html', value: JUMP_BREAK } : undefined,
        // Tables kept whole are put in the tree as `raw` HTML (see keepComplexTables).
        raw: (_state, node) => ({
          type: 'html',
          value: (node as unknown as { value: string }).value,
        }),
      },
    })
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      fence: '`',
      fences: true,
      rule: '-',
      listItemIndent: 'one',
    })
    .freeze();

  return {
    toMarkdown(html, rewrites = {}) {
      const tree = parser.parse(html);
      rewrite(tree, rewrites);
      keepComplexTables(tree);
      hoistJumpBreak(tree);
      paragraphs(tree);
      const mdast = toMarkdown.runSync(tree);
      const markdown = toMarkdown.stringify(mdast);
      return `${markdown.trim()}\n`;
    },
    imageUrls: (html) => {
      const tree = parser.parse(html);
      const links = attributeValues(tree, 'a', 'href', (a) =>
        a.children.some((c) => c.type === 'element' && c.tagName === 'img'),
      );
      return [...attributeValues(tree, 'img', 'src'), ...links.filter(isImageUrl)];
    },
    linkUrls: (html) => attributeValues(parser.parse(html), 'a', 'href'),
  };
}

function attributeValues(
  tree: HastRoot,
  tagName: string,
  property: string,
  test: (element: Element) => boolean = () => true,
): string[] {
  const values: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const value = node.tagName === tagName && test(node) ? node.properties[property] : undefined;
    if (typeof value === 'string' && value !== '') values.push(value);
  });
  return values;
}

/** Whether a link around an image leads to an image file rather than a page. */
function isImageUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return (
      /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i.test(url.pathname) ||
      /(?:^|\.)(?:googleusercontent\.com|bp\.blogspot\.com)$/i.test(url.hostname)
    );
  } catch {
    return false;
  }
}

function raw(node: Element): Html {
  visit(node, 'element', (element: Element) => {
    element.properties = Object.fromEntries(
      Object.entries(element.properties).filter(([name]) => !PRESENTATION.includes(name)),
    );
  });
  return { type: 'html', value: toHtml(node) };
}

function rewrite(tree: HastRoot, rewrites: BodyRewrites): void {
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && rewrites.link) {
      node.properties.href = rewrites.link(href) ?? href;
    }
    const src = node.properties.src;
    if (node.tagName === 'img' && typeof src === 'string' && rewrites.image) {
      node.properties.src = rewrites.image(src) ?? src;
    }
  });
}

/**
 * A GFM table has one header row and no merged or block-filled cells; any other table is
 * kept as HTML so that no cell is lost or moved.
 */
function keepComplexTables(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || parent === undefined || index === undefined) return;
    if (!isComplexTable(node)) return;
    // A `raw` node passes through rehype-remark as HTML.
    parent.children[index] = { type: 'raw', value: toHtml(node) } as unknown as ElementContent;
    return 'skip';
  });
}

const BLOCKS = new Set(['p', 'div', 'ul', 'ol', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3']);

function isComplexTable(table: Element): boolean {
  const cells: Element[] = [];
  visit(table, 'element', (node: Element) => {
    if (node.tagName === 'td' || node.tagName === 'th') cells.push(node);
  });
  const hasBlock = (element: Element): boolean =>
    element.children.some((c) => c.type === 'element' && (BLOCKS.has(c.tagName) || hasBlock(c)));
  return cells.some(
    (cell) =>
      Number(cell.properties.colSpan ?? 1) > 1 ||
      Number(cell.properties.rowSpan ?? 1) > 1 ||
      hasBlock(cell),
  );
}

/** Containers whose loose text Blogger's editor fills with lines and `<br>`s. */
const LOOSE_TEXT_HOLDERS = new Set(['div', 'center', 'blockquote', 'section', 'article']);

/**
 * Blogger's editor writes text straight into `<div>`s, with `<br><br>` between
 * paragraphs. Each run of inline content there is made a real paragraph, split at double
 * line breaks; this also keeps inline HTML (a `<sup>`) inside its sentence.
 */
function paragraphs(tree: HastRoot): void {
  const regroup = (children: readonly (RootContent | ElementContent)[]) => {
    const result: (RootContent | ElementContent)[] = [];
    let run: ElementContent[] = [];
    let breaks: ElementContent[] = [];
    const flush = () => {
      if (run.some((node) => !(node.type === 'text' && node.value.trim() === ''))) {
        result.push({ type: 'element', tagName: 'p', properties: {}, children: run });
      }
      run = [];
      breaks = [];
    };
    for (const node of children) {
      const inline =
        (node.type === 'comment' && !isJumpBreakComment(node)) ||
        (node.type !== 'comment' && node.type !== 'doctype' && phrasing(node));
      if (!inline) {
        flush();
        result.push(node);
        continue;
      }
      const content = node;
      if (content.type === 'element' && content.tagName === 'br') {
        breaks.push(content);
        continue;
      }
      if (content.type === 'text' && content.value.trim() === '' && breaks.length > 0) {
        continue;
      }
      if (breaks.length >= 2) flush();
      run.push(...breaks, content);
      breaks = [];
    }
    flush();
    return result;
  };
  tree.children = regroup(tree.children);
  visit(tree, 'element', (node: Element) => {
    if (LOOSE_TEXT_HOLDERS.has(node.tagName)) {
      node.children = regroup(node.children) as ElementContent[];
    }
  });
}
