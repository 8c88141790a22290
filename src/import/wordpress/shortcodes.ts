/**
 * WordPress shortcodes (`[caption]…[/caption]`, `[gallery ids="1,2"]`, `[embed]URL[/embed]`,
 * `[audio src=…]`, `[video mp4=…]`, Jetpack's `[youtube URL]`) → HTML the body converter
 * turns into Markdown, figures or embeds. Any other shortcode is kept as written and
 * reported with its line, since only the plugin that defined it knew what it showed.
 * `[[x]]` is WordPress's escape for a literal `[x]`. Pure.
 */
import { embedHtml, videoOfUrl } from '../embeds.js';

/** An uploaded file a gallery or featured image refers to by id. */
export interface Attachment {
  readonly url: string;
  readonly title: string;
  readonly alt: string;
  /** The post it was uploaded to, for `[gallery]` without `ids`. */
  readonly parent: string;
}

/** What a body's shortcodes need from the rest of the export. */
export interface ShortcodeContext {
  readonly postId: string;
  readonly attachments: ReadonlyMap<string, Attachment>;
}

/** A shortcode left as written: its name and 1-based line within the body. */
export interface UnknownShortcode {
  readonly name: string;
  readonly line: number;
}

/** `[name attrs]`, optionally `…[/name]`; the escape `[[…]]` is matched first. */
const SHORTCODE =
  /\[\[[^\]]*\]\]|\[([a-zA-Z][\w-]*)((?:\s+[^\]]*?)?)\s*(\/)?\](?:([\s\S]*?)\[\/\1\])?/g;

type Handler = (attrs: Attrs, content: string, context: ShortcodeContext) => string;

const HANDLERS: Readonly<Record<string, Handler>> = {
  caption: caption,
  wp_caption: caption,
  gallery: gallery,
  embed: (_attrs, content) => urlEmbed(content.trim()),
  youtube: (attrs) => urlEmbed(attrs.positional[0] ?? ''),
  vimeo: (attrs) => urlEmbed(attrs.positional[0] ?? ''),
  audio: (attrs) => media('audio', attrs, ['src', 'mp3', 'm4a', 'ogg', 'wav']),
  video: (attrs) => media('video', attrs, ['src', 'mp4', 'webm', 'ogv', 'm4v']),
};

/** Replaces the known shortcodes of `html`; reports the others, which stay as written. */
export function expandShortcodes(
  html: string,
  context: ShortcodeContext,
): { html: string; unknown: UnknownShortcode[] } {
  const unknown: UnknownShortcode[] = [];
  const out = html.replace(
    SHORTCODE,
    (
      whole,
      name: string | undefined,
      attrText: string,
      selfClosing,
      content: string | undefined,
      offset: number,
    ) => {
      if (name === undefined) return whole.slice(1, -1);
      const handler = HANDLERS[name.toLowerCase()];
      if (handler !== undefined) return handler(parseAttrs(attrText), content ?? '', context);
      // `[sic]`, `[1]`, `[citation needed]`: brackets in prose, not shortcodes.
      const looksLikeOne =
        content !== undefined ||
        selfClosing !== undefined ||
        /[_-]/.test(name) ||
        attrText.includes('=');
      if (looksLikeOne) unknown.push({ name, line: lineAt(html, offset) });
      return whole;
    },
  );
  return { html: out, unknown };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface Attrs {
  readonly named: ReadonlyMap<string, string>;
  readonly positional: readonly string[];
}

function parseAttrs(text: string): Attrs {
  const named = new Map<string, string>();
  const positional: string[] = [];
  const pattern =
    /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g;
  for (const m of text.matchAll(pattern)) {
    const key = m[1] ?? m[3] ?? m[5];
    const value = m[2] ?? m[4] ?? m[6];
    if (key !== undefined && value !== undefined) named.set(key.toLowerCase(), value);
    else positional.push(m[7] ?? m[8] ?? '');
  }
  return { named, positional };
}

/** `[caption]<img …> The caption[/caption]` → a figure with the caption below. */
function caption(attrs: Attrs, content: string): string {
  const media = /^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(content);
  const image = media?.[0].trim() ?? '';
  const text = (attrs.named.get('caption') ?? content.slice(media?.[0].length ?? 0)).trim();
  const figcaption = text === '' ? '' : `<figcaption>${text}</figcaption>`;
  return `\n\n<figure>${image}${figcaption}</figure>\n\n`;
}

/** `[gallery ids="1,2"]`, or every image uploaded to the post: one image a paragraph. */
function gallery(attrs: Attrs, _content: string, context: ShortcodeContext): string {
  const ids = attrs.named.get('ids') ?? attrs.named.get('include');
  const images =
    ids === undefined
      ? [...context.attachments.values()].filter((a) => a.parent === context.postId)
      : ids
          .split(',')
          .map((id) => context.attachments.get(id.trim()))
          .filter((a): a is Attachment => a !== undefined);
  const items = images.map(
    (a) => `<p><img src="${escapeAttr(a.url)}" alt="${escapeAttr(a.alt || a.title)}"></p>`,
  );
  return `\n\n${items.join('\n\n')}\n\n`;
}

/** A YouTube or Vimeo URL → the embed; any other URL → a link on its own line. */
export function urlEmbed(url: string): string {
  const video = videoOfUrl(url);
  if (video !== null) return `\n\n${embedHtml(video)}\n\n`;
  const safe = escapeAttr(url);
  return `\n\n<p><a href="${safe}">${safe}</a></p>\n\n`;
}

function media(kind: 'audio' | 'video', attrs: Attrs, keys: readonly string[]): string {
  const src = keys.map((key) => attrs.named.get(key)).find((value) => value !== undefined);
  if (src === undefined) return '';
  const poster = attrs.named.get('poster');
  // A paragraph of its own: a player is inline HTML, and two would share a line.
  return `\n\n<p>${embedHtml(poster === undefined ? { kind, src } : { kind, src, poster })}</p>\n\n`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
