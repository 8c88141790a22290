/**
 * What a page says about itself to search engines and link previews: a post's plain-text
 * description and its JSON-LD `BlogPosting`. Pure.
 */
import type { Post } from '../parse/post.js';
import type { PostView } from './post-view.js';

/** Meta descriptions longer than this are cut by search engines anyway. */
const DESCRIPTION_LENGTH = 160;

/**
 * A post's description: the first sentences of its plain-text `summary` (the front
 * matter's, else the body before the jump break, else the first paragraph; the parse
 * stage fills it). The one place that decides it, for meta tags, JSON-LD and feed
 * summaries alike.
 */
export function describePost(post: Post, language: string): string {
  return firstSentences(post.summary, language);
}

/**
 * The first whole sentences of some plain text, up to about 160 characters; a first
 * sentence longer than that is cut at a word and ends with `…`. Sentences are found with
 * `Intl.Segmenter`, so the site's language decides where one ends.
 */
export function firstSentences(plain: string, language: string): string {
  const text = plain.replace(/\s+/g, ' ').trim();
  if (text.length <= DESCRIPTION_LENGTH) return text;
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  let kept = '';
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length + segment.length > DESCRIPTION_LENGTH) break;
    kept += segment;
  }
  if (kept.trim() !== '') return kept.trim();
  const cut = text.slice(0, DESCRIPTION_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What the JSON-LD of a post page is made from. */
export interface PostingFacts {
  readonly post: PostView;
  /** The post's absolute address (or its link, when the site has no origin). */
  readonly url: string;
  readonly description: string;
  readonly language: string;
  readonly siteTitle: string;
  readonly siteUrl: string;
  /** A link as an absolute address (as it is, when the site has no origin). */
  readonly absolute: (href: string) => string;
}

/**
 * The schema.org `BlogPosting` of a post, as JSON that is safe inside
 * `<script type="application/ld+json">`: every `<` is written `\u003c`, so no title
 * or label can close the script.
 */
export function blogPostingJsonLd(facts: PostingFacts): string {
  const { post } = facts;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: facts.description || undefined,
    datePublished: post.date.iso,
    dateModified: (post.updated ?? post.date).iso,
    author:
      post.authorLinks.length > 0
        ? post.authorLinks.map((author) => ({
            '@type': 'Person',
            name: author.name,
            url: author.url === null ? undefined : facts.absolute(author.url),
          }))
        : undefined,
    image: post.image?.absoluteUrl ?? undefined,
    keywords: post.labels.length > 0 ? post.labels.map((l) => l.name).join(', ') : undefined,
    inLanguage: facts.language,
    url: facts.url,
    mainEntityOfPage: facts.url,
    isPartOf: { '@type': 'Blog', name: facts.siteTitle, url: facts.siteUrl },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
