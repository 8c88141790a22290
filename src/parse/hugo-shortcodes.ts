/**
 * Hugo's embed shortcodes, as people paste them from a Hugo site: `{{< youtube ID >}}`,
 * `{{< youtube id="ID" >}}`, `{{< vimeo ID >}}` and `{{< figure src="…" alt="…"
 * caption="…" >}}` (also with `{{% … %}}`). One standing as a paragraph of its own becomes
 * the directive it stands for, so it renders exactly as `::youtube{#ID}` does. The
 * paragraph's source text is read rather than its parsed children, since Markdown would
 * otherwise have made a link of an address in `src="…"` or emphasis of `_` in a name.
 *
 * Other shortcodes, and these inside a sentence, stay text and keep the template
 * fragment warning (`template-fragments.ts`).
 */
import type { Paragraph, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A shortcode of an embed: its name and what is between the name and the closing `>}}`. */
const SHORTCODE = /^\{\{([<%])\s*(youtube|vimeo|figure)(\s[\s\S]*?)?\s*\/?([>%])\}\}$/;

/** One parameter: `name="value"`, name=`value`, name=value, or a value alone. */
const PARAMETER = /\s*(?:([A-Za-z][\w-]*)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+))/y;

/** A shortcode read: the directive name and its attributes. */
interface Shortcode {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

/** Replaces each paragraph that is an embed shortcode with the directive it stands for. */
export function shortcodesToDirectives(tree: Root, file: VFile): void {
  const markdown = String(file.value);
  if (!markdown.includes('{{')) return;
  visit(tree, 'paragraph', (node, index, parent) => {
    const shortcode = shortcodeOf(markdown, node);
    if (shortcode === null || parent === undefined || index === undefined) return;
    const directive: LeafDirective = {
      type: 'leafDirective',
      name: shortcode.name,
      attributes: shortcode.attributes,
      children: [],
      ...(node.position ? { position: node.position } : {}),
    };
    parent.children[index] = directive;
  });
}

/** Where the embed shortcodes that will become directives are, as [start, end) offsets. */
export function embedShortcodeRanges(markdown: string, tree: Root): [number, number][] {
  const ranges: [number, number][] = [];
  visit(tree, 'paragraph', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined && shortcodeOf(markdown, node) !== null) {
      ranges.push([start, end]);
    }
  });
  return ranges;
}

/** The embed shortcode a paragraph is, or null when it is anything else. */
function shortcodeOf(markdown: string, node: Paragraph): Shortcode | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || markdown[start] !== '{') return null;
  const match = SHORTCODE.exec(markdown.slice(start, end).trim());
  if (match === null) return null;
  const [, open, name = '', parameters = '', close] = match;
  if ((open === '<') !== (close === '>')) return null;
  const attributes = attributesOf(name, parameters);
  return attributes === null ? null : { name, attributes };
}

/**
 * The parameters as directive attributes. A value alone is the video id, as Hugo reads
 * `{{< youtube ID >}}`; anything else that is not a parameter makes it no shortcode.
 */
function attributesOf(name: string, parameters: string): Record<string, string> | null {
  const attributes: Record<string, string> = {};
  PARAMETER.lastIndex = 0;
  let position = 0;
  for (;;) {
    const match = PARAMETER.exec(parameters);
    if (match === null) break;
    position = PARAMETER.lastIndex;
    const [, key, quoted, raw, bare] = match;
    const value = quoted === undefined ? (raw ?? bare ?? '') : quoted.replace(/\\(.)/g, '$1');
    if (key !== undefined) attributes[key] = value;
    else if (name !== 'figure' && attributes.id === undefined) attributes.id = value;
    else return null;
  }
  return parameters.slice(position).trim() === '' ? attributes : null;
}
