/**
 * `redirects:` in site.yaml: old addresses of the site that are not a post's (a WordPress
 * category, tag, author or feed page, `/?p=123`), each mapped to the site path it now
 * lives at. `rubric import wordpress` writes it; anyone may. Each becomes a redirect page
 * where a file can stand, and a rule in `_redirects`.
 */

/** The `redirects` mapping (old path → new site path), or the first bad entry and why. */
export function readRedirects(
  value: unknown,
): { map: Map<string, string> } | { problem: string; index: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'redirects must map old paths to new ones.', index: -1 };
  }
  const map = new Map<string, string>();
  for (const [index, [from, to]] of Object.entries(value).entries()) {
    if (!isSitePath(from)) {
      return {
        problem: `The old address ${JSON.stringify(from)} must be a path starting with one /.`,
        index,
      };
    }
    if (typeof to !== 'string' || !isSitePath(to) || to.includes('?')) {
      return {
        problem: `The new address of ${from} must be a site path starting with one / (got ${JSON.stringify(to)}).`,
        index,
      };
    }
    map.set(from, to);
  }
  return { map };
}

/** A path from the site root that stays inside it: `/category/x/`, `/?p=12`. */
function isSitePath(text: string): boolean {
  if (!text.startsWith('/') || text.startsWith('//') || text.includes('\\')) return false;
  const path = text.split('?')[0] ?? '';
  return !path.split('/').some((segment) => segment === '..' || segment === '.');
}
