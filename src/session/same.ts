/**
 * Structural equality of view data, which is plain data (strings, numbers, booleans,
 * null, arrays, plain objects). Objects that are the same object are equal at once, so
 * comparing a page whose posts were memoised costs little more than walking its shape;
 * long strings shared by both sides (a post's HTML) compare by reference.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(right, key) || !same(left[key], right[key])) return false;
  }
  return true;
}
