/**
 * Embedded videos and players as imports write them. Every importer goes through
 * {@link embedHtml}, so when Rubric's own embed syntax (`::youtube{#id}`) lands, this one
 * function switches. Until then: privacy-friendly iframes (youtube-nocookie.com), lazy,
 * with a title, and `<audio>`/`<video>` with controls.
 */

/** Something to embed. */
export type Embed =
  | { readonly kind: 'youtube' | 'vimeo'; readonly id: string }
  | { readonly kind: 'audio' | 'video'; readonly src: string; readonly poster?: string };

/** The HTML of an embed. */
export function embedHtml(embed: Embed): string {
  switch (embed.kind) {
    case 'youtube':
      return iframe(
        `https://www.youtube-nocookie.com/embed/${encodeURIComponent(embed.id)}`,
        'YouTube video',
      );
    case 'vimeo':
      return iframe(
        `https://player.vimeo.com/video/${encodeURIComponent(embed.id)}`,
        'Vimeo video',
      );
    case 'audio':
      return `<audio controls preload="none" src="${attr(embed.src)}"></audio>`;
    case 'video': {
      const poster = embed.poster === undefined ? '' : ` poster="${attr(embed.poster)}"`;
      return `<video controls preload="none" src="${attr(embed.src)}"${poster}></video>`;
    }
  }
}

function iframe(src: string, title: string): string {
  return `<iframe src="${attr(src)}" title="${title}" loading="lazy" allowfullscreen></iframe>`;
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
