/**
 * Template syntax left in a post body: Liquid and Nunjucks (`{{ site.baseurl }}`,
 * `{% raw %}`), Hugo shortcodes (`{{< youtube id >}}`, `{{% note %}}`). Posts moved from
 * Jekyll, Eleventy or Hugo keep them, and Rubric has no template language in bodies: they
 * reach the page as literal text and as broken URLs. They are found here, outside code
 * (where writing about templates is what a post does), for one warning per post. Hugo's
 * embed shortcodes standing as paragraphs are not counted: they render as embeds
 * (`hugo-shortcodes.ts`).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { embedShortcodeRanges } from './hugo-shortcodes.js';

/** The template fragments of a body: how many, and where the first one starts (1-based). */
export interface TemplateFragments {
  readonly count: number;
  readonly line: number;
  readonly column: number;
  /** The first one as written, for the message. */
  readonly first: string;
}

/**
 * One fragment: a Hugo shortcode, a Liquid/Nunjucks output or a tag, each on one line. A
 * Hugo shortcode is tried first, so `{{< x >}}` counts once and not also as `{{ … }}`.
 */
const FRAGMENT = /\{\{[<%][^\n]*?[>%]\}\}|\{\{[^\n]*?\}\}|\{%[^\n]*?%\}/g;

/** The fragments in `markdown` outside code spans and code blocks; null when there are none. */
export function findTemplateFragments(markdown: string, tree: Root): TemplateFragments | null {
  if (!markdown.includes('{{') && !markdown.includes('{%')) return null;
  const code = [...codeRanges(tree), ...embedShortcodeRanges(markdown, tree)];
  let count = 0;
  let first: { offset: number; text: string } | null = null;
  for (const match of markdown.matchAll(FRAGMENT)) {
    const offset = match.index;
    if (code.some(([start, end]) => offset >= start && offset < end)) continue;
    count += 1;
    first ??= { offset, text: match[0] };
  }
  if (first === null) return null;
  const before = markdown.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return { count, line, column, first: first.text };
}

/** Where code spans and code blocks are, as [start, end) offsets in the body. */
function codeRanges(tree: Root): [number, number][] {
  const ranges: [number, number][] = [];
  visit(tree, (node) => {
    if (node.type !== 'code' && node.type !== 'inlineCode') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  });
  return ranges;
}
