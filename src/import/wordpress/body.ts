/**
 * A WordPress post body as stored → HTML the shared body converter reads as a blog page
 * would show it. WordPress stores two kinds of body:
 *
 * - block-editor (Gutenberg) bodies: HTML between `<!-- wp:paragraph -->` comments, which
 *   are markup for the editor only and are removed;
 * - classic-editor bodies: text with blank lines between paragraphs, which WordPress
 *   turns into `<p>`s and `<br>`s on display (`wpautop`); the same is done here.
 *
 * Shortcodes are expanded (see shortcodes.ts), a YouTube or Vimeo URL alone on its line
 * becomes the embed (WordPress's auto-embed), and `<!--more-->` stays the jump break.
 * Pure.
 */
import {
  expandShortcodes,
  urlEmbed,
  type ShortcodeContext,
  type UnknownShortcode,
} from './shortcodes.js';

/** A body made ready for the converter, and the shortcodes it kept as written. */
export interface PreparedBody {
  readonly html: string;
  readonly unknown: readonly UnknownShortcode[];
}

const BLOCK_COMMENT = /<!--\s+\/?wp:[\s\S]*?-->/g;

/** Prepares a post's body. */
export function prepareBody(stored: string, context: ShortcodeContext): PreparedBody {
  const text = stored.replace(/\r\n?/g, '\n');
  const blocks = /<!--\s+wp:/.test(text);
  // `<!--more Read the rest-->` carries WordPress's link text; Rubric's break has none.
  let html = text.replace(/<!--more\b[^>]*?-->/g, '\n\n<!--more-->\n\n');
  if (blocks) html = html.replace(BLOCK_COMMENT, '');
  const { html: expanded, unknown } = expandShortcodes(html, context);
  html = embedBareUrls(expanded);
  return { html: blocks ? html : autop(html), unknown };
}

/** The block editor's embed: a figure holding the URL alone, and maybe a caption. */
const EMBED_BLOCK =
  /<figure class="wp-block-embed[^"]*">\s*<div class="wp-block-embed__wrapper">\s*(https?:\/\/[^\s<>"]+)\s*<\/div>\s*(?:<figcaption[^>]*>([\s\S]*?)<\/figcaption>\s*)?<\/figure>/g;

/**
 * A YouTube or Vimeo URL alone on a line (or alone in a paragraph, or in an embed block)
 * → the embed; another embed block's URL → a link on its own line.
 */
function embedBareUrls(html: string): string {
  return html
    .replace(EMBED_BLOCK, (_whole, url: string, caption: string | undefined) =>
      caption === undefined ? urlEmbed(url) : `${urlEmbed(url)}<p>${caption}</p>\n\n`,
    )
    .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (line, url: string) =>
      isVideoUrl(url) ? urlEmbed(url) : line,
    )
    .replace(/<p>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/g, (whole, url: string) =>
      isVideoUrl(url) ? urlEmbed(url) : whole,
    );
}

function isVideoUrl(url: string): boolean {
  return /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com)\//.test(url);
}

/** Elements around which text is split into paragraphs. */
const SPLIT_TAGS =
  'div|blockquote|ul|ol|dl|p|h[1-6]|hr|section|article|aside|header|footer|nav|details|form|address|fieldset';
/** Elements a chunk may start or end with and stay unwrapped. */
const BLOCK_TAGS = `${SPLIT_TAGS}|li|dt|dd|tr|td|th|thead|tbody|tfoot|summary|legend`;
/** Elements kept exactly as written: their insides are not paragraphs. */
const WHOLE = /<(pre|figure|table|iframe|audio|video|script|style|object)\b[\s\S]*?<\/\1>/gi;

/**
 * WordPress's `wpautop`, in its essentials: blank lines end paragraphs, a single line
 * break inside one is a `<br>`, and block elements are never wrapped in a `<p>`. `<pre>`,
 * figures, tables and embeds are left exactly as written.
 */
export function autop(html: string): string {
  if (html.trim() === '') return '';
  const kept: string[] = [];
  let text = html.replace(WHOLE, (whole) => {
    kept.push(whole);
    return `\n\n<div>\uE000${kept.length - 1}\uE000</div>\n\n`;
  });
  const open = new RegExp(`(<(?:${SPLIT_TAGS})\\b[^>]*>)`, 'gi');
  const close = new RegExp(`(</(?:${SPLIT_TAGS})>)`, 'gi');
  text = text.replace(open, '\n\n$1').replace(close, '$1\n\n');
  const alone = new RegExp(`^</?(?:${BLOCK_TAGS})\\b[^>]*>$|^<!--more-->$`, 'i');
  const startsBlock = new RegExp(`^<(?:${BLOCK_TAGS})\\b`, 'i');
  const endsBlock = new RegExp(`</(?:${BLOCK_TAGS})>$`, 'i');
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => {
      if (alone.test(chunk) || (startsBlock.test(chunk) && endsBlock.test(chunk))) return chunk;
      return `<p>${chunk.replace(/\s*\n\s*/g, '<br>\n')}</p>`;
    });
  return paragraphs
    .join('\n')
    .replace(/<div>\uE000(\d+)\uE000<\/div>/g, (_, i: string) => kept[Number(i)] ?? '');
}
