/**
 * Embeds, written as leaf directives on a line of their own (remark-directive's syntax,
 * through the two packages it wraps): `::youtube{#id}`, `::vimeo{#id}`,
 * `::figure{src="…" alt="…" caption="…"}` and `::iframe{src="…" title="…"}`. Hugo's
 * `{{< youtube ID >}}`, `{{< vimeo ID >}}` and `{{< figure … >}}` become the same
 * directives first (`hugo-shortcodes.ts`), so they render the same.
 *
 * Only the leaf form is read. The text form (`:name`) would take `note:this` in prose for
 * a directive, and the container form (`:::name`) has no embed to offer; both stay text.
 * A directive that is not an embed, or one whose attributes are missing or unsafe, is a
 * warning at its place and is shown as written, never as HTML.
 */
import type { PhrasingContent, Root } from 'mdast';
import { directiveFromMarkdown, type LeafDirective } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sourceOf, warnAt, type WarningText } from './body-warnings.js';
import { becomeFigure, becomeFrame, becomeVideo } from './embed-nodes.js';
import { shortcodesToDirectives } from './hugo-shortcodes.js';

/** The embeds by name; each checks its attributes and fills the node, or says what is wrong. */
const EMBEDS: Readonly<Record<string, (node: LeafDirective) => WarningText | null>> = {
  youtube: youtube,
  vimeo: vimeo,
  figure: figure,
  iframe: iframe,
};

/** What YouTube video ids are: 11 of letters, digits, `-` and `_`. */
const YOUTUBE_ID = /^[\w-]{11}$/;

/** Vimeo's video ids are numbers. */
const VIMEO_ID = /^\d{1,12}$/;

/** The remark plugin: directive syntax (leaf form only), then embeds in place of each. */
export default function remarkEmbeds(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(leafDirectivesOnly());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
  return (tree: Root, file: VFile) => {
    shortcodesToDirectives(tree, file);
    visit(tree, 'leafDirective', (node, index, parent) => {
      const embed = EMBEDS[node.name];
      const problem = embed === undefined ? unknownEmbed(node) : embed(node);
      if (problem === null || parent === undefined || index === undefined) return;
      warnAt(file, node, problem);
      parent.children[index] = {
        type: 'paragraph',
        children: [asWritten(node, file)],
        ...(node.position ? { position: node.position } : {}),
      };
    });
  };
}

/**
 * micromark-extension-directive's syntax without the text and container forms. Of its two
 * block constructs the container is the one marked `concrete` (it holds other blocks).
 */
function leafDirectivesOnly(): ReturnType<typeof directive> {
  const blocks = directive().flow?.[58] ?? [];
  const leaf = (Array.isArray(blocks) ? blocks : [blocks]).filter((c) => c.concrete !== true);
  return { flow: { 58: leaf } };
}

function youtube(node: LeafDirective): WarningText | null {
  const id = attribute(node, 'id');
  if (id === null || !YOUTUBE_ID.test(id)) return badVideoId('youtube', id);
  becomeVideo(node, { kind: 'youtube', id, title: titleOf(node) ?? 'YouTube video' });
  return null;
}

function vimeo(node: LeafDirective): WarningText | null {
  const id = attribute(node, 'id');
  if (id === null || !VIMEO_ID.test(id)) return badVideoId('vimeo', id);
  becomeVideo(node, { kind: 'vimeo', id, title: titleOf(node) ?? 'Vimeo video' });
  return null;
}

function iframe(node: LeafDirective): WarningText | null {
  const src = attribute(node, 'src');
  const title = titleOf(node);
  if (src === null || !isWebUrl(src)) return badSource('iframe', src, 'an `https://` address');
  if (title === null) {
    return invalid(
      'This `::iframe` has no title, which screen readers announce for the frame, so it is shown as written.',
      'Say what the frame shows: `::iframe{src="https://…" title="Map of the old city"}`.',
    );
  }
  const width = dimension(node, 'width');
  const height = dimension(node, 'height');
  becomeFrame(node, { src, title, width, height });
  return null;
}

function figure(node: LeafDirective): WarningText | null {
  const src = attribute(node, 'src');
  const alt = attribute(node, 'alt');
  const link = attribute(node, 'link');
  if (src === null || !isPictureUrl(src)) return badSource('figure', src, 'a path or address');
  if (link !== null && !isPictureUrl(link)) return badSource('figure', link, 'a path or address');
  if (alt === null) {
    return invalid(
      'This `::figure` has no `alt`, the text read out and shown instead of the picture, so it is shown as written.',
      'Describe the picture: `::figure{src="…" alt="The harbour at dawn"}`, or write `alt=""` when the caption says it all.',
    );
  }
  if (alt === '' && link !== null) {
    return invalid(
      'This `::figure` links its picture but has `alt=""`, so the link would have no name to read out; it is shown as written.',
      'Say where the link goes in `alt`: `alt="The quay, full size"`.',
    );
  }
  const captionText = attribute(node, 'caption');
  const caption: readonly PhrasingContent[] =
    node.children.length > 0
      ? node.children
      : captionText === null || captionText === ''
        ? []
        : [{ type: 'text', value: captionText }];
  becomeFigure(node, { src, alt, caption, link });
  return null;
}

function unknownEmbed(node: LeafDirective): WarningText {
  return {
    name: 'UnknownEmbed',
    message: `\`::${node.name}\` is not an embed Rubric knows (youtube, vimeo, figure, iframe), so it is shown as written.`,
    hint: 'Check the name after `::`, or write `\\::` to show the line as text.',
  };
}

function badVideoId(kind: 'youtube' | 'vimeo', id: string | null): WarningText {
  const example = kind === 'youtube' ? '::youtube{#dQw4w9WgXcQ}' : '::vimeo{#76979871}';
  const what = kind === 'youtube' ? '11 letters, digits, `-` or `_`' : 'the number in its address';
  return invalid(
    id === null
      ? `This \`::${kind}\` has no video id, so it is shown as written.`
      : `This \`::${kind}\`'s id \`${id}\` is not a ${kind === 'youtube' ? 'YouTube' : 'Vimeo'} video id (${what}), so it is shown as written.`,
    `Write the id from the video's address after \`#\`: \`${example}\`.`,
  );
}

function badSource(kind: 'iframe' | 'figure', src: string | null, what: string): WarningText {
  return invalid(
    src === null
      ? `This \`::${kind}\` has no \`src\`, so it is shown as written.`
      : `This \`::${kind}\`'s address \`${src}\` is not ${what} a browser may load, so it is shown as written.`,
    kind === 'iframe'
      ? 'Give the page to frame as `src="https://…"` (an `http:` or `https:` address).'
      : 'Give the picture as `src="/images/x.jpg"`, `src="x.jpg"` beside the post, or an `https://` address.',
  );
}

function invalid(message: string, hint: string): WarningText {
  return { name: 'InvalidEmbed', message, hint };
}

/**
 * An attribute's value, trimmed; null when missing or empty. Backslash escapes are read as
 * in Markdown text (`\_` is `_`): Markdown writers, Rubric's importers among them, escape
 * an `_` at the start or end of a word, and directive attributes would keep the backslash.
 */
function attribute(node: LeafDirective, name: string): string | null {
  const value = node.attributes?.[name]?.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return value === undefined || (value === '' && name !== 'alt') ? null : value;
}

/** The frame's title: the directive's label (`::youtube[A talk]{#id}`), else `title`. */
function titleOf(node: LeafDirective): string | null {
  const label = plainText(node.children).trim();
  return label === '' ? attribute(node, 'title') : label;
}

/** A width or height in CSS pixels; null when not given or not a whole number. */
function dimension(node: LeafDirective, name: string): number | null {
  const value = attribute(node, name);
  return value !== null && /^\d{1,5}$/.test(value) ? Number(value) : null;
}

/**
 * An `http:` or `https:` address. Browsers drop tabs, line breaks and spaces before
 * reading a scheme (`java\tscript:`), so those are dropped here too before looking.
 */
function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^/]/i.test(squeezed(url));
}

/** A path of the site, a file beside the post, or an `http(s)` address; no other scheme. */
function isPictureUrl(url: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(squeezed(url)) || isWebUrl(url);
}

/** `url` without control characters and spaces, as a browser reads its scheme. */
function squeezed(url: string): string {
  let kept = '';
  for (let i = 0; i < url.length; i += 1) {
    if (url.charCodeAt(i) > 0x20) kept += url.charAt(i);
  }
  return kept;
}

function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : plainText(childrenOf(node)))).join('');
}

function childrenOf(node: PhrasingContent): readonly PhrasingContent[] {
  return 'children' in node ? node.children : [];
}

/** The directive as the author wrote it, as text. */
function asWritten(node: LeafDirective, file: VFile): PhrasingContent {
  return { type: 'text', value: sourceOf(file, node) };
}
