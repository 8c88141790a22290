/**
 * Handlebars helpers for template authors. The built-in theme mostly reads values the
 * view models already formatted; these are for custom templates that want another date
 * form, a link to a static file, or a count in words.
 */
import type { HelperDelegate } from 'handlebars';
import type { SiteConfig } from '../config/config.js';
import { hrefOf } from '../route/urls.js';

/** Builds the helpers of one site (they need its language, zone and base path). */
export function createHelpers(config: SiteConfig): Record<string, HelperDelegate> {
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
    /** `{{plural label.count "post" "posts"}}` → `1 post`, `3 posts`. */
    plural(count: unknown, singular: unknown, ...rest: unknown[]): string {
      const n = typeof count === 'number' ? count : Number(count);
      const one = typeof singular === 'string' ? singular : '';
      const many = typeof rest[0] === 'string' ? rest[0] : `${one}s`;
      return `${n} ${n === 1 ? one : many}`;
    },
    /** `{{#if (eq page.kind "home")}}`: equality, for templates shared by page kinds. */
    eq(a: unknown, b: unknown): boolean {
      return a === b;
    },
  };
}
