/** `labelSlugs:` in site.yaml: hand-set slugs for labels whose own slug would not do. */
import { hasSlugShape, isSlug, labelKey, MAX_SLUG_BYTES } from '../slug.js';

/** The `labelSlugs` mapping, or the first bad entry and its index. */
export function readLabelSlugs(
  value: unknown,
): { map: Map<string, string> } | { problem: string; index: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'labelSlugs must map label names to slugs.', index: -1 };
  }
  const map = new Map<string, string>();
  for (const [index, [name, slug]] of Object.entries(value).entries()) {
    if (typeof slug !== 'string' || !hasSlugShape(slug)) {
      return {
        problem: `The slug for label "${name}" must be lower-case letters, digits and single hyphens (got ${JSON.stringify(slug)}).`,
        index,
      };
    }
    if (!isSlug(slug)) {
      return {
        problem: `The slug for label "${name}" is ${Buffer.byteLength(slug)} bytes; a file name takes at most ${MAX_SLUG_BYTES} bytes, so write a shorter one.`,
        index,
      };
    }
    map.set(labelKey(name), slug);
  }
  return { map };
}
