/**
 * `labels`, and the same lists as other tools name them (`tags`, `categories`,
 * `category`): every line of each is read, in that order of keys, without repeats.
 */
import { buildError } from '../../errors.js';
import { labelKey, slugify, slugIsCut } from '../../slug.js';
import { itemPosition, type LineColumn, type YamlEntry } from '../../yaml.js';
import { describe } from './describe.js';
import type { PostKeys } from './post-keys.js';
import { longSlugWarning } from './slug.js';

/** The label names of every entry of `keys`, trimmed, without repeats. */
export function readAllLabels(post: PostKeys, keys: readonly string[]): string[] {
  const labels: string[] = [];
  for (const key of keys) {
    for (const entry of post.every(key)) {
      // Jekyll's `categories: treaties history` is two: a string without a comma is split
      // on spaces for this key alone (a label of many words belongs in `labels`).
      const { written } = entry;
      if (key === 'categories' && typeof written === 'string' && !written.includes(','))
        labels.push(...written.split(/\s+/));
      else labels.push(...readLabels(post, entry));
    }
  }
  return dedupe(labels.filter((label) => label !== ''));
}

/**
 * `labels` (or `tags`) is a list of names, or one string split on commas only: never on
 * spaces, so `foreign relations of iran` stays one label.
 */
function readLabels(post: PostKeys, entry: YamlEntry): string[] {
  const { file, yaml, errors, warnings } = post;
  const value = entry.written;
  const warnIfLong = (name: string, at: LineColumn) => {
    if (!slugIsCut(name)) return;
    const slug = slugify(name);
    warnings.push(longSlugWarning({ file, ...at }, 'label', `its page is at /labels/${slug}/`));
  };
  const hint = `Write \`${entry.key}: [Oman, nuclear talks]\`, a list with one \`- name\` per line, or \`${entry.key}: Oman, nuclear talks\`.`;
  if (value === null) return [];
  if (typeof value === 'string') {
    const names = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const name of names) warnIfLong(name, entry.valueAt);
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
  const names: string[] = [];
  value.forEach((item: unknown, index) => {
    const at = itemPosition(yaml, entry.node, index, entry.valueAt);
    if (typeof item === 'string') {
      const name = item.trim();
      if (name !== '') names.push(name);
      warnIfLong(name, at);
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

/** One post names a label once, whatever the case or spacing of its repeats. */
function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = labelKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
