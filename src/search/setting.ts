/**
 * The `search:` setting of site.yaml: whether the site gets a search page, a search box on
 * every page and a search index (`search/index.ts`). Off unless asked for: the index costs
 * build time (Pagefind runs after the pages are made) and adds its files to the output, so
 * a site upgrading Rubric keeps exactly the output it had until its author turns it on.
 * Its row in `config/settings.ts` is this reader.
 */
import { accept, refuse, type Reading } from '../fields.js';
import type { YamlEntry } from '../yaml.js';

/** What `search:` holds once read: on or off. */
export type SearchSetting = boolean;

/** The setting when site.yaml leaves it out. */
export const SEARCH_DEFAULT: SearchSetting = false;

/** `search:` as written: `true` or `false`, else what is wrong, with what was written. */
export function readSearchSetting({ value }: YamlEntry): Reading<SearchSetting> {
  if (typeof value === 'boolean') return accept(value);
  return refuse(
    `search must be \`true\` or \`false\` (got ${JSON.stringify(value)}).`,
    'Write `search: true` for a search page and a search box on every page, or `search: false`.',
  );
}
