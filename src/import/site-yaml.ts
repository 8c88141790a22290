/**
 * The `site.yaml` an import leaves: pure, so the same import always plans the same bytes.
 */
import { stringify } from 'yaml';
import { isTimeZone } from '../dates.js';
import { parseYaml, topLevelEntries } from '../yaml.js';
import type { ImportedBlog } from './source.js';

/**
 * `site.yaml` after the import: a new one names the blog, its time zone and the settings
 * the import needs (`bloggerRedirects`, `redirects`); an existing one only gains those
 * settings when it mentions none of them, so the author's own settings and comments stay
 * as written.
 */
export function planSiteYaml(
  existing: string | null,
  blog: ImportedBlog,
  settings: Readonly<Record<string, unknown>>,
): string | null {
  if (existing === null) {
    const start: Record<string, unknown> = { title: blog.title ?? 'My blog' };
    if (blog.timezone !== null && isTimeZone(blog.timezone)) start.timezone = blog.timezone;
    return stringify({ ...start, ...settings }, { lineWidth: 0 });
  }
  const { yaml, syntaxError } = parseYaml(existing);
  const entries = syntaxError ? null : topLevelEntries(yaml);
  const keys = Object.keys(settings);
  if (entries === null || keys.length === 0 || entries.some((entry) => keys.includes(entry.key))) {
    return null;
  }
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${existing}${separator}${stringify(settings, { lineWidth: 0 })}`;
}
