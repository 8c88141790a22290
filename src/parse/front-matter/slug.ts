/** `slug:`, the last part of the post's URL, and the warning when a slug is cut to fit. */
import { buildWarning, type BuildWarning } from '../../errors.js';
import { fitSlug, hasSlugShape, MAX_SLUG_BYTES } from '../../slug.js';
import type { LineColumn } from '../../yaml.js';
import type { PostKeys } from './post-keys.js';

/** The post's own slug and where it is written, or nulls when it has none (or a bad one). */
export function readSlug(post: PostKeys): { slug: string | null; slugAt: LineColumn | null } {
  const entry = post.last('slug');
  if (!entry) return { slug: null, slugAt: null };
  const value = entry.written;
  if (typeof value !== 'string' || !hasSlugShape(value)) {
    post.fail(
      'InvalidSlug',
      entry,
      `slug ${JSON.stringify(value)} is not a slug: it must be lower-case letters, digits and single hyphens, with no / or dots.`,
      'Write it like `slug: oman-talks`.',
    );
    return { slug: null, slugAt: null };
  }
  const slug = fitSlug(value);
  if (slug !== value) {
    post.warnings.push(
      longSlugWarning({ file: post.file, ...entry.valueAt }, 'slug', `the slug is ${slug}`),
    );
  }
  return { slug, slugAt: entry.valueAt };
}

/**
 * A slug (or a label's slug) too long for a file name was cut: say so where it was
 * written, with the address the page now has.
 */
export function longSlugWarning(
  at: { file: string; line: number; column: number },
  what: 'slug' | 'label',
  result: string,
): BuildWarning {
  const whose = what === 'slug' ? 'This slug is' : 'This label makes a slug';
  return buildWarning(
    'LongSlug',
    at,
    `${whose} longer than the ${MAX_SLUG_BYTES} bytes a file name can safely take, so it is cut and given a short hash: ${result}.`,
    what === 'slug'
      ? 'Write a shorter `slug:` to choose the address yourself.'
      : 'Shorten the label; a label this long is usually text that belongs in the post.',
  );
}
