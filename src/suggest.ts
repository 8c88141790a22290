/** Near-miss detection for keys: `lables` probably meant `labels`. */
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: one edit
 * away for short words, two for words of five letters or more (`titel` → `title` is two
 * edits as Levenshtein counts a swap).
 */
export function closest(word: string, candidates: readonly string[]): string | null {
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = word.length >= 5 ? 2 : 1;
  // Distance 0 after lower-casing is a difference of case only (`baseURL`): a likely
  // typo too, unless it is the word itself.
  return best !== null && best !== word && bestDistance <= allowed ? best : null;
}
