/**
 * `labels`, and the same lists as other tools name them (`tags`, `categories`,
 * `category`): every line of each is read, in that order of keys, without repeats, each
 * name with the place it is written (so a problem of the label can point at it).
 */
import { buildError } from '../../errors.js';
import { labelKey, slugify, slugIsCut } from '../../slug.js';
import { labelUrl } from '../../urls.js';
import { itemPosition, scalarOffsetPosition, type LineColumn, type YamlEntry } from '../../yaml.js';
import { describe } from './describe.js';
import type { PostKeys } from './post-keys.js';
import { longSlugWarning } from './slug.js';

/** A name as written in the front matter, and where. */
interface Placed {
  readonly name: string;
  readonly at: LineColumn;
}

/**
 * The label names of every entry of `keys`, trimmed, without repeats, and where each is
 * written (`labelsAt[i]` is where `labels[i]` is).
 */
export function readAllLabels(
  post: PostKeys,
  keys: readonly string[],
): { labels: string[]; labelsAt: LineColumn[] } {
  const placed: Placed[] = [];
  for (const key of keys) {
    for (const entry of post.every(key)) {
      // Jekyll's `categories: treaties history` is two: a string without a comma is split
      // on spaces for this key alone (a label of many words belongs in `labels`).
      const { written } = entry;
      if (key === 'categories' && typeof written === 'string' && !written.includes(','))
        placed.push(...piecesOf(post, entry, written, /\S+/g));
      else placed.push(...readLabels(post, entry));
    }
  }
  const labels = dedupe(placed.filter((label) => label.name !== ''));
  return { labels: labels.map((label) => label.name), labelsAt: labels.map((label) => label.at) };
}

/**
 * `labels` (or `tags`) is a list of names, or one string split on commas only: never on
 * spaces, so `foreign relations of iran` stays one label.
 */
function readLabels(post: PostKeys, entry: YamlEntry): Placed[] {
  const { file, yaml, errors, warnings } = post;
  const value = entry.written;
  const warnIfLong = ({ name, at }: Placed) => {
    if (!slugIsCut(name)) return;
    const slug = slugify(name);
    warnings.push(longSlugWarning({ file, ...at }, 'label', `its page is at ${labelUrl(slug)}`));
  };
  const hint = `Write \`${entry.key}: [Oman, nuclear talks]\`, a list with one \`- name\` per line, or \`${entry.key}: Oman, nuclear talks\`.`;
  if (value === null) return [];
  if (typeof value === 'string') {
    const names = piecesOf(post, entry, value, /[^,]+/g).filter((piece) => piece.name !== '');
    names.forEach(warnIfLong);
    return names;
  }
  if (!Array.isArray(value)) {
    post.fail(
      'InvalidLabels',
      entry,
      `${entry.key} must be a list of names or one comma-separated string.`,
      hint,
    );
    return [];
  }
  const names: Placed[] = [];
  value.forEach((item: unknown, index) => {
    const at = itemPosition(yaml, entry.node, index, entry.valueAt);
    if (typeof item === 'string') {
      const name = { name: item.trim(), at };
      if (name.name !== '') names.push(name);
      warnIfLong(name);
      return;
    }
    errors.push(
      buildError(
        'InvalidLabels',
        { file, ...at },
        `Each of ${entry.key} must be a name; item ${index + 1} is ${describe(item)}.`,
        hint,
      ),
    );
  });
  return names;
}

/**
 * The trimmed pieces of an entry's string that `piece` (a global pattern) matches, each
 * at the place its first character is written.
 */
function piecesOf(post: PostKeys, entry: YamlEntry, text: string, piece: RegExp): Placed[] {
  return [...text.matchAll(piece)].map((match) => {
    const offset = match.index + match[0].length - match[0].trimStart().length;
    const at = scalarOffsetPosition(post.yaml, entry.node, text, offset, entry.valueAt);
    return { name: match[0].trim(), at };
  });
}

/** One post names a label once, whatever the case or spacing of its repeats. */
function dedupe(names: readonly Placed[]): Placed[] {
  const seen = new Set<string>();
  return names.filter(({ name }) => {
    const key = labelKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
