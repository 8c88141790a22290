/**
 * Handlebars helpers for template authors. The built-in theme mostly reads values the
 * view models already formatted; these are for custom templates that want another date
 * form, a link to a static file, or a count in words.
 */
import Handlebars, { type HelperDelegate, type HelperOptions } from 'handlebars';
import type { SiteConfig } from '../config/config.js';
import { hrefOf } from '../urls.js';
import { fillPhrase } from '../words.js';

/** Builds the helpers of one site (they need its language, zone and base path). */
export function createHelpers(config: SiteConfig): Record<string, HelperDelegate> {
  const pluralRules = new Intl.PluralRules(config.language);
  const escape = Handlebars.Utils.escapeExpression;
  const formats = new Map<string, Intl.DateTimeFormat>();
  const formatFor = (style: string): Intl.DateTimeFormat => {
    let format = formats.get(style);
    if (!format) {
      const dateStyle = ['full', 'long', 'medium', 'short'].includes(style)
        ? (style as Intl.DateTimeFormatOptions['dateStyle'])
        : 'long';
      format = new Intl.DateTimeFormat(config.language, { dateStyle, timeZone: config.timezone });
      formats.set(style, format);
    }
    return format;
  };

  return {
    /**
     * `{{formatDate post.date.iso "short"}}`: a date in the site's language and time
     * zone; styles are `full`, `long` (default), `medium` and `short`.
     */
    formatDate(value: unknown, ...rest: unknown[]): string {
      const style = typeof rest[0] === 'string' ? rest[0] : 'long';
      const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN);
      if (Number.isNaN(date.getTime())) {
        throw new Error(`formatDate needs a date, such as post.date.iso; it got ${String(value)}`);
      }
      return formatFor(style).format(date);
    },
    /**
     * `{{href "style.css"}}`: a site path under the `baseUrl` path, percent-encoded.
     * (Not `url`, which would shadow the `url` of every post and label in templates.)
     */
    href(value: unknown): string {
      if (typeof value !== 'string') throw new Error('href needs a path, such as "style.css"');
      return hrefOf(value, config.basePath);
    },
    /**
     * `{{plural label.count "post" "posts"}}` → `1 post`, `3 posts`; the singular is
     * chosen by the site language's plural rules (French says `0 article`). Phrases with
     * an `{n}` slot (`{{plural count words.postsOne words.postsOther}}`) get the number
     * there instead of in front.
     */
    plural(count: unknown, singular: unknown, ...rest: unknown[]): string {
      const n = typeof count === 'number' ? count : Number(count);
      const one = typeof singular === 'string' ? singular : '';
      const many = typeof rest[0] === 'string' ? rest[0] : `${one}s`;
      const word = pluralRules.select(n) === 'one' ? one : many;
      return word.includes('{n}') ? fillPhrase(word, { n }) : `${n} ${word}`;
    },
    /**
     * Fills a phrase's `{name}` slots, escaping the phrase and the values:
     * `{{fill words.pageN n=2}}`. As a block, the slot not given by name gets the block's
     * HTML: `{{#fill words.showingPostsWithLabel}}<strong>{{label.name}}</strong>{{/fill}}`.
     */
    fill(this: unknown, phrase: unknown, options: HelperOptions): Handlebars.SafeString {
      if (typeof phrase !== 'string') throw new Error('fill needs a phrase, such as words.pageN');
      const values = options.hash as Record<string, unknown>;
      const block = typeof options.fn === 'function' ? options.fn(this) : null;
      const html = phrase
        .split(/(\{\w+\})/)
        .map((part) => {
          const slot = /^\{(\w+)\}$/.exec(part)?.[1];
          if (slot === undefined) return escape(part);
          if (slot in values) return escape(String(values[slot]));
          return block ?? escape(part);
        })
        .join('');
      return new Handlebars.SafeString(html);
    },
    /** `{{#if (eq page.kind "home")}}`: equality, for templates shared by page kinds. */
    eq(a: unknown, b: unknown): boolean {
      return a === b;
    },
  };
}
