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
    const problem = handSetSlugProblem(`label "${name}"`, slug);
    if (problem !== null) return { problem, index };
    map.set(labelKey(name), slug as string);
  }
  return { map };
}

/**
 * Why a slug set by hand (`labelSlugs`, an author's `slug:`) cannot be used, or null when
 * it can: labels and authors share the rule, so they share the sentence. `whose` names
 * what the slug is for: `label "C++"`, `author "mina"`.
 */
export function handSetSlugProblem(whose: string, slug: unknown): string | null {
  if (typeof slug !== 'string' || !hasSlugShape(slug)) {
    return `The slug for ${whose} must be lower-case letters, digits and single hyphens (got ${JSON.stringify(slug)}).`;
  }
  if (!isSlug(slug)) {
    return `The slug for ${whose} is ${Buffer.byteLength(slug)} bytes; a file name takes at most ${MAX_SLUG_BYTES} bytes, so write a shorter one.`;
  }
  return null;
}
