/**
 * What the Markdown renderer (`markdown.ts`) takes and gives: plain data, so a rendered
 * body can be cached on disk and sent between threads.
 */
import type { BodyLink } from './links.js';
import type { BodyWarning } from './body-warnings.js';
import type { LocalUrlOptions } from './local-urls.js';
import type { TemplateFragments } from './template-fragments.js';

/** A heading of a post, for its table of contents. */
export interface Heading {
  /** 2 for `##`, 3 for `###`. */
  readonly depth: number;
  /** The heading's `id`, without `#`. */
  readonly id: string;
  /** The heading as plain text. */
  readonly text: string;
}

/** A post body rendered. */
export interface RenderedBody {
  /** The whole body: headings with ids and anchor links, code highlighted. */
  readonly html: string;
  /**
   * The body as list pages show it: up to the jump break (`<!-- more -->`), or whole when
   * there is none. Headings have no ids or anchor links here, because several posts
   * share a list page and their ids would clash.
   */
  readonly excerptHtml: string;
  /** True when the body has a jump break. */
  readonly hasMore: boolean;
  /**
   * Plain text: the part before the jump break, else the first paragraph; whitespace
   * collapsed. Empty when the body has neither.
   */
  readonly summary: string;
  /**
   * Words in the body, code included: runs of letters and digits (`don't`, `co-operate`
   * and `3.5` are one each), and each Chinese or Japanese character, since those scripts
   * do not separate words with spaces.
   */
  readonly wordCount: number;
  /** The `##` and `###` headings, in order. */
  readonly headings: readonly Heading[];
  /** Fenced code whose language highlight.js does not know, where the fence is in the body. */
  readonly unknownLanguages: readonly CodeLanguage[];
  /** The body's links and images that may lead into the site, for the link check. */
  readonly links: readonly BodyLink[];
  /** The ids the whole body defines (and `<a name>`s), for `#fragment` links to it. */
  readonly ids: readonly string[];
  /** Liquid, Nunjucks or Hugo syntax outside code, left as text; null when none. */
  readonly templateFragments: TemplateFragments | null;
  /** True when the body had raw HTML, which was parsed (for the benchmark's figures). */
  readonly rawHtml: boolean;
  /** Bad embeds and formulas, where they are in the body (`embeds.ts`, `math.ts`). */
  readonly warnings: readonly BodyWarning[];
}

/** A fenced code block's language and where the block starts (1-based, in the body). */
export interface CodeLanguage {
  readonly language: string;
  readonly line: number;
  readonly column: number;
}

/** What the renderer is told about the post it renders. */
export interface RenderOptions extends LocalUrlOptions {
  /** The post's id prefix (see `idPrefixOf`): scopes its footnote ids. */
  readonly idPrefix?: string;
}

/** Renders one body; one renderer per build. */
export type MarkdownRenderer = (markdown: string, options?: RenderOptions) => RenderedBody;

/** How the renderer works; the defaults are what builds use. */
export interface MarkdownOptions {
  /**
   * Parse raw HTML into the tree (true). False writes it out as written, as Rubric did
   * before; only `bench/stages.js` turns it off, to measure what parsing it costs.
   */
  readonly parseRawHtml?: boolean;
  /** Embed directives and Hugo's embed shortcodes (true); off only for `bench/body-syntax.js`. */
  readonly embeds?: boolean;
  /** `$…$` and `$$…$$` as math (true); off only for `bench/body-syntax.js`. */
  readonly math?: boolean;
}
