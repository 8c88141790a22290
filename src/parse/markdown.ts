/**
 * Markdown → HTML with one unified processor, built once per build and reused for every
 * post (and by `rubric dev`). Raw HTML in a post is kept, parsed into the tree so the
 * output is well-formed (`raw-html.ts`): the author of a blog writes its posts, and
 * Blogger posts are HTML to begin with.
 *
 * Besides the HTML, a post's body yields plain data for templates and feeds: a plain-text
 * summary, a word count and its headings. Everything returned is plain data (no trees, no
 * functions), so a rendered body can be cached or sent between threads.
 */
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import {
  collectIds,
  FOOTNOTE_LABEL,
  FOOTNOTE_PREFIX,
  scopeExcerptIds,
  scopeFootnoteIds,
} from './ids.js';
import { eachElement } from './elements.js';
import { collectLinks } from './links.js';
import { blockHtml, blocksTheExcerptChanges, reusedHtml } from './block-html.js';
import { JUMP_ID, withRawHtmlParsed } from './jump-break.js';
import { findTemplateFragments } from './template-fragments.js';
import rehypeFocusablePre from './rehype-focusable-pre.js';
import remarkAutolinkLiteralGate from './remark-autolink-literal-gate.js';
import { rehypeMarkLocalUrls, unmarkLink, type LocalUrlOptions } from './local-urls.js';
import { bodyWarnings } from './body-warnings.js';
import type { CodeLanguage, Heading, MarkdownOptions, MarkdownRenderer } from './rendered-body.js';

export type {
  CodeLanguage,
  Heading,
  MarkdownOptions,
  MarkdownRenderer,
  RenderedBody,
  RenderOptions,
} from './rendered-body.js';
import remarkEmbeds from './embeds.js';
import remarkMath from './math.js';

/** The class of the `#` link appended to each heading; list pages strip these links. */
const ANCHOR_CLASS = 'heading-anchor';

/** Fenced code in these "languages" is left as plain text rather than guessed at. */
const PLAIN_TEXT = ['text', 'txt', 'plain', 'plaintext'];

/**
 * A word, for reading time. A regular expression rather than `Intl.Segmenter`, which made
 * word counting a quarter of the parse stage's time; and the count is the same in every
 * site language, so a rendered body depends on its Markdown alone (and caches by it).
 */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+(?:['’.,-][\p{L}\p{N}\p{M}]+)*/gu;

/** Builds the Markdown renderer: the processors are made and frozen here, once. */
export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const parseRaw = options.parseRawHtml ?? true;
  // Two halves, so that raw HTML can be parsed between them, on each side of the jump
  // break, and only in bodies that have some.
  const toHast = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkAutolinkLiteralGate)
    .use(remarkEmbeds, options.embeds ?? true)
    .use(remarkMath, options.math ?? true)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: FOOTNOTE_PREFIX })
    .freeze();
  const rehype = unified()
    .use(rehypeSlug)
    .use(rehypeFreeJumpId)
    .use(rehypeAutolinkHeadings, {
      behavior: 'append',
      properties: { className: [ANCHOR_CLASS], ariaHidden: 'true', tabIndex: -1 },
      content: { type: 'text', value: '#' },
    })
    // Languages are never guessed: guessing costs a pass per language and often errs.
    .use(rehypeHighlight, { detect: false, plainText: PLAIN_TEXT })
    .use(rehypeLazyImages)
    .use(rehypeFocusablePre)
    .use(rehypeMarkLocalUrls)
    .freeze();

  return (markdown, options = {}) => {
    const { idPrefix = '', bundle } = options;
    const localUrls: LocalUrlOptions = bundle === undefined ? {} : { bundle };
    const file = new VFile({ value: markdown, data: { ...localUrls } });
    const mdast = toHast.parse(file);
    const templateFragments = findTemplateFragments(markdown, mdast);
    const { tree, jumpTarget, rawHtml } = withRawHtmlParsed(
      toHast.runSync(mdast, file),
      file,
      parseRaw,
    );
    scopeFootnoteIds(tree, idPrefix);
    rehype.runSync(tree, file);
    // The link check sees URLs as the author wrote them, without the route stage's marks.
    const links = collectLinks(tree).map(unmarkLink);
    const ids = collectIds(tree);
    const blocks = blockHtml(tree);
    const html = blocks.join('');
    const changes = blocksTheExcerptChanges(tree);

    // From here on the tree is changed in place: the whole body is already written.
    const hasMore = jumpTarget !== null;
    const before = hasMore ? tree.children.slice(0, tree.children.indexOf(jumpTarget)) : [];
    const excerpt: HastRoot = { type: 'root', children: hasMore ? before : tree.children };
    stripAnchors(tree);
    const headings = collectHeadings(tree, idPrefix);
    const hasIds = ids.length > (hasMore ? 1 : 0);
    if (hasIds) scopeExcerptIds(excerpt, idPrefix);
    // Only the blocks that may have changed are written again (none without headings or ids).
    const excerptHtml = reusedHtml(excerpt.children, blocks, changes).trim();
    const firstParagraph = tree.children.find(
      (node) => node.type === 'element' && node.tagName === 'p',
    );
    const summarySource = hasMore ? excerpt : firstParagraph;
    const summary = summarySource ? plainText(summarySource) : '';
    return {
      html,
      excerptHtml,
      hasMore,
      summary,
      wordCount: countWords(toString(tree)),
      headings,
      unknownLanguages: unknownLanguages(file),
      links,
      ids,
      templateFragments,
      rawHtml,
      warnings: bodyWarnings(file),
    };
  };
}

/** rehype-highlight reports a language it lacks as a message on the file, with the block's place. */
function unknownLanguages(file: VFile): CodeLanguage[] {
  return file.messages
    .filter(
      (message) => message.source === 'rehype-highlight' && message.ruleId === 'missing-language',
    )
    .map((message) => ({
      language: /`([^`]*)`/.exec(message.reason)?.[1] ?? '',
      line: message.line ?? 0,
      column: message.column ?? 0,
    }));
}

/**
 * A heading called "More" would get the jump break's id; it gets the next free `more-N`
 * instead, so the page keeps unique ids and "Read more" keeps its place.
 */
function rehypeFreeJumpId() {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    eachElement(tree, (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    if (!ids.has(JUMP_ID)) return;
    eachElement(tree, (node: Element) => {
      if (node.properties.id !== JUMP_ID || headingRank(node) === undefined) return;
      let n = 1;
      while (ids.has(`${JUMP_ID}-${n}`)) n += 1;
      node.properties.id = `${JUMP_ID}-${n}`;
      ids.add(node.properties.id);
    });
  };
}

/**
 * Images load when they come near the viewport, so a long list page does not fetch every
 * picture up front. An author's own `loading` is kept. Images written as raw HTML are
 * elements here too, since raw HTML is parsed before this runs.
 */
function rehypeLazyImages() {
  return (tree: HastRoot) => {
    eachElement(tree, (node: Element) => {
      if (node.tagName === 'img' && node.properties.loading === undefined) {
        node.properties.loading = 'lazy';
      }
    });
  };
}

/** Removes the heading anchor links. */
function stripAnchors(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (headingRank(node) === undefined) return;
    node.children = node.children.filter((child) => !isAnchor(child));
    return SKIP;
  });
}

/**
 * The top-level headings (so not the footnotes' own), read after anchors are stripped so
 * their text has no `#`; their ids are removed on the way, for the list version.
 */
function collectHeadings(tree: HastRoot, idPrefix: string): Heading[] {
  // The footnotes' heading keeps its id: the references point at it.
  const footnoteLabel = `${idPrefix}${FOOTNOTE_LABEL}`;
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element, _, parent) => {
    const depth = headingRank(node);
    if (depth === undefined) return;
    const id = node.properties.id;
    if (parent === tree && (depth === 2 || depth === 3) && typeof id === 'string') {
      headings.push({ depth, id, text: plainText(node) });
    }
    if (id !== footnoteLabel) delete node.properties.id;
    return SKIP;
  });
  return headings;
}

function isAnchor(node: Element['children'][number]): boolean {
  if (node.type !== 'element' || node.tagName !== 'a') return false;
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(ANCHOR_CLASS);
}

function plainText(node: HastRoot | RootContent): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

function countWords(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) words += 1;
  return words;
}
