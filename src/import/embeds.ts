/**
 * Embedded videos and players as imports write them. Every importer goes through
 * {@link embedHtml}: a video becomes Rubric's embed directive (`::youtube{#id}`,
 * `::vimeo{#id}`), which the build renders privacy-friendly (youtube-nocookie.com, Vimeo's
 * do-not-track), lazy and titled (`src/parse/embeds.ts`); audio and video files become
 * `<audio>`/`<video>` with controls. Callers put a directive on a line of its own.
 */

/** Something to embed. */
export type Embed =
  | { readonly kind: 'youtube' | 'vimeo'; readonly id: string }
  | { readonly kind: 'audio' | 'video'; readonly src: string; readonly poster?: string };

/** The Markdown (a directive) or HTML of an embed. */
export function embedHtml(embed: Embed): string {
  switch (embed.kind) {
    case 'youtube':
    case 'vimeo':
      // An id from a URL is letters, digits, `-` and `_` (videoOfUrl); one from a Hugo
      // shortcode may be anything, and is quoted so the build can say what is wrong with it.
      return /^[\w-]+$/.test(embed.id)
        ? `::${embed.kind}{#${embed.id}}`
        : `::${embed.kind}{id="${embed.id.replace(/["\n]/g, '')}"}`;
    case 'audio':
      return `<audio controls preload="none" src="${attr(embed.src)}"></audio>`;
    case 'video': {
      const poster = embed.poster === undefined ? '' : ` poster="${attr(embed.poster)}"`;
      return `<video controls preload="none" src="${attr(embed.src)}"${poster}></video>`;
    }
  }
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The video a YouTube or Vimeo page URL shows, or null when it is not one. */
export function videoOfUrl(url: string): Embed | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^(?:www|m)\./, '');
  if (host === 'youtu.be') return youtube(parsed.pathname.slice(1));
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id =
      parsed.searchParams.get('v') ??
      /^\/(?:embed|shorts|live)\/([^/]+)/.exec(parsed.pathname)?.[1];
    return id === undefined ? null : youtube(id);
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /\/(\d+)(?:\/|$)/.exec(parsed.pathname)?.[1];
    return id === undefined ? null : { kind: 'vimeo', id };
  }
  return null;
}

function youtube(id: string): Embed | null {
  return /^[\w-]{6,20}$/.test(id) ? { kind: 'youtube', id } : null;
}
