/**
 * `aliases`: old addresses of the post, as site paths (`/2024/03/old-name.html`), one
 * string or a list. Each becomes a redirect page, so it must be a path that stays inside
 * the output folder and that a static host can serve: no `..`, no query or fragment.
 */
import { buildError } from '../../errors.js';
import { itemPosition } from '../../yaml.js';
import { describe } from './describe.js';
import type { PostKeys } from './post-keys.js';

/** The post's aliases, decoded, each once; a path without an extension ends with `/`. */
export function readAliases(post: PostKeys): string[] {
  const entry = post.last('aliases');
  if (!entry || entry.value === null) return [];
  const { value } = entry;
  const hint =
    'Write each alias as a path from the site root, like `aliases: [/2024/03/old-name.html]`.';
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const aliases: string[] = [];
  items.forEach((item, index) => {
    const at = Array.isArray(value)
      ? itemPosition(post.yaml, entry.node, index, entry.valueAt)
      : entry.valueAt;
    const problem = typeof item === 'string' ? aliasProblem(item) : `${describe(item)}, not a path`;
    if (problem !== null) {
      post.errors.push(
        buildError(
          'InvalidAlias',
          { file: post.file, ...at },
          `The alias ${JSON.stringify(item)} cannot be used: ${problem}.`,
          hint,
        ),
      );
      return;
    }
    const path = normaliseAlias(item as string);
    if (!aliases.includes(path)) aliases.push(path);
  });
  return aliases;
}

function aliasProblem(alias: string): string | null {
  if (!alias.startsWith('/') || alias.startsWith('//')) return 'it must start with one /';
  let decoded: string;
  try {
    decoded = decodeURI(alias);
  } catch {
    return 'it has a broken %-escape';
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[?#\\\u0000-\u001f\u007f]/.test(decoded))
    return 'it may not hold ?, #, \\ or control characters';
  const segments = decoded.split('/').slice(1);
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) {
    return 'it may not hold ., .. or empty segments';
  }
  if (decoded.includes('%')) return 'it escapes a character a path cannot hold (%2F, %3F …)';
  if (decoded === '/') return 'it is the home page';
  return null;
}

/** Decoded, and a path with no file extension made a folder: `/old/post` → `/old/post/`. */
function normaliseAlias(alias: string): string {
  const decoded = decodeURI(alias).normalize('NFC');
  const last = decoded.split('/').at(-1) ?? '';
  return last === '' || last.includes('.') ? decoded : `${decoded}/`;
}
