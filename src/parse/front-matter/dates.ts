/** `date`, which every post must have, and `updated` (Hugo's `lastmod`). */
import { readDate } from '../../dates.js';
import { buildError } from '../../errors.js';
import type { YamlEntry } from '../../yaml.js';
import type { PostKeys } from './post-keys.js';

/** When the post was published; both zero after the error when it has no usable date. */
export function readPublished(post: PostKeys): { date: number; dateHasTime: boolean } {
  const entry = post.last('date');
  const reading = entry ? readDateEntry(post, entry) : null;
  if (!entry) {
    post.errors.push(
      buildError(
        'InvalidDate',
        { file: post.file, line: 1, column: 1 },
        'This post has no date.',
        'Add a line `date: 2025-04-12` (or `2025-04-12T09:30`) to the front matter.',
      ),
    );
  }
  return reading === null
    ? { date: 0, dateHasTime: false }
    : { date: reading.epochMs, dateHasTime: reading.hasTime };
}

/** `updated`, over Hugo's `lastmod` when a post has both; null when neither is given. */
export function readUpdated(post: PostKeys): { updated: number | null } {
  const entry = post.last('updated') ?? post.last('lastmod');
  return { updated: entry ? (readDateEntry(post, entry)?.epochMs ?? null) : null };
}

function readDateEntry(
  post: PostKeys,
  entry: YamlEntry,
): { epochMs: number; hasTime: boolean } | null {
  const key = entry.key;
  const text = typeof entry.written === 'string' ? entry.written : String(entry.written);
  const reading = readDate(text, post.zone);
  if (reading.ok) return reading;
  post.fail(
    'InvalidDate',
    entry,
    `${key} ${JSON.stringify(entry.written)} is not a date: ${reading.reason}.`,
    `Write it like \`${key}: 2025-04-12\`, \`${key}: 2025-04-12 09:30\` or \`${key}: 2025-04-12T09:30:00+02:00\`; without an offset it is read in the site's timezone.`,
  );
  return null;
}
