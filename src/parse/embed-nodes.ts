/**
 * What each embed directive becomes, once its attributes are known to be good: the mdast
 * node is given the HTML it stands for (`data.hName`, `hProperties`, `hChildren`, which
 * remark-rehype applies), so nothing is written as a string and everything an author
 * wrote in an attribute is escaped by the HTML writer.
 *
 * Videos are privacy-friendly and accessible: YouTube's no-cookie host and Vimeo's
 * do-not-track switch, `loading="lazy"` so no player is fetched until it comes near the
 * viewport, and a `title` on every frame, which screen readers announce. Frames get
 * `width` and `height` for pages without the theme's CSS, which makes them fluid
 * (`.embed` in `static/style.css`: full width, `aspect-ratio`).
 */
import type { Element } from 'hast';
import type { Image, Link, PhrasingContent } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';

/** A video player that `::youtube` and `::vimeo` embed. */
export interface Video {
  readonly kind: 'youtube' | 'vimeo';
  readonly id: string;
  readonly title: string;
}

/** A page in a frame (`::iframe`). */
export interface Frame {
  readonly src: string;
  readonly title: string;
  readonly width: number | null;
  readonly height: number | null;
}

/** A picture with a caption (`::figure`). */
export interface Figure {
  readonly src: string;
  readonly alt: string;
  /** The caption as phrasing: the directive's label, or its `caption` as text. */
  readonly caption: readonly PhrasingContent[];
  /** Where the picture links to (Hugo's `link`), or null. */
  readonly link: string | null;
}

/**
 * What the players may do: play, in full screen and picture-in-picture, and decrypt
 * protected video. Not the sensors, clipboard or sharing that YouTube's own snippet allows.
 */
const PLAYER_ALLOW = 'autoplay; encrypted-media; fullscreen; picture-in-picture';

/**
 * A framed page of any site may run its scripts and open links in new tabs, but not
 * navigate the blog's own tab away or start downloads.
 */
const FRAME_SANDBOX = [
  'allow-scripts',
  'allow-same-origin',
  'allow-popups',
  'allow-popups-to-escape-sandbox',
  'allow-forms',
  'allow-presentation',
];

/**
 * Sent to the framed site: the blog's origin, not the page's path. YouTube refuses to play
 * without a referrer, so a site-wide `no-referrer` must not reach its frames.
 */
const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The player's address: YouTube's no-cookie host, Vimeo with do-not-track. */
function playerUrl(video: Video): string {
  const id = encodeURIComponent(video.id);
  return video.kind === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${id}`
    : `https://player.vimeo.com/video/${id}?dnt=1`;
}

/** Makes `node` a video player in a fluid 16:9 box. */
export function becomeVideo(node: LeafDirective, video: Video): void {
  const iframe = frameElement(node, {
    src: playerUrl(video),
    title: video.title,
    width: 560,
    height: 315,
    loading: 'lazy',
    allow: PLAYER_ALLOW,
    referrerPolicy: REFERRER_POLICY,
  });
  node.data = {
    hName: 'div',
    hProperties: { className: ['embed', 'embed-video', `embed-${video.kind}`] },
    hChildren: [iframe],
  };
}

/** Makes `node` a sandboxed frame: 16:9 unless the author gave a height. */
export function becomeFrame(node: LeafDirective, frame: Frame): void {
  const iframe = frameElement(node, {
    src: frame.src,
    title: frame.title,
    ...(frame.width === null ? {} : { width: frame.width }),
    ...(frame.height === null ? {} : { height: frame.height }),
    loading: 'lazy',
    sandbox: FRAME_SANDBOX,
    referrerPolicy: REFERRER_POLICY,
  });
  node.data = {
    hName: 'div',
    hProperties: { className: ['embed', 'embed-frame'] },
    hChildren: [iframe],
  };
}

/**
 * Makes `node` a `<figure>`: the picture as a Markdown image (so it is lazy, checked by
 * the link check and resolved in a bundle like any other), and the caption.
 */
export function becomeFigure(node: LeafDirective, figure: Figure): void {
  const image: Image = {
    type: 'image',
    url: figure.src,
    alt: figure.alt,
    title: null,
    ...(node.position ? { position: node.position } : {}),
  };
  const picture: Image | Link =
    figure.link === null
      ? image
      : { type: 'link', url: figure.link, title: null, children: [image] };
  // A text directive is the phrasing node that can stand for an element of its own.
  const caption: TextDirective = {
    type: 'textDirective',
    name: 'figcaption',
    children: [...figure.caption],
    data: { hName: 'figcaption' },
  };
  node.children = figure.caption.length === 0 ? [picture] : [picture, caption];
  node.data = { hName: 'figure', hProperties: { className: ['embed-figure'] } };
}

/** An `<iframe>` placed where the directive is, so the link check can point at it. */
function frameElement(node: LeafDirective, properties: Element['properties']): Element {
  return {
    type: 'element',
    tagName: 'iframe',
    properties,
    children: [],
    ...(node.position ? { position: node.position } : {}),
  };
}
