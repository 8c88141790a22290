/**
 * A count and its noun in Rubric's own English messages (the CLI, the dev server, the
 * importers): `1 comment`, `3 comments`, `2 entries`. The theme's words are not English
 * and go through the site language's plural rules instead (`render/helpers.ts`).
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${String(n)} ${n === 1 ? word : many}`;
}
