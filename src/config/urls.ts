/**
 * The two settings of site.yaml that are addresses: `baseUrl` (also given as `--base-url`)
 * and the `permalink` pattern of a post's URL.
 */

const PERMALINK_TOKENS = new Set([':year', ':month', ':day', ':slug']);

/** `baseUrl` with a trailing slash, and its path part; null when it is not a URL or a path. */
export function readBaseUrl(value: unknown): { baseUrl: string; basePath: string } | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (text.startsWith('/') && !text.startsWith('//')) {
    const basePath = text.endsWith('/') ? text : `${text}/`;
    return { baseUrl: basePath, basePath };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const basePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { baseUrl: `${url.origin}${basePath}`, basePath };
}

/** Why a permalink pattern cannot be used, or null when it can. */
export function permalinkProblem(pattern: string): string | null {
  if (!pattern.startsWith('/') || !pattern.endsWith('/')) return 'it must start and end with /';
  if (!pattern.includes(':slug')) return 'it must contain :slug so that posts differ';
  const segments = pattern.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return 'it must not contain . or .. segments';
    if (!/^[a-z0-9:_.-]+$/.test(segment)) {
      return `"${segment}" may hold only lower-case letters, digits, - _ . and tokens`;
    }
    for (const token of segment.match(/:[a-z]+/g) ?? []) {
      if (!PERMALINK_TOKENS.has(token)) return `${token} is not one of :year :month :day :slug`;
    }
  }
  return null;
}
