/** What a wrong value is, in words, for messages: `item 2 is a mapping`. */
export function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping (is there a `: ` inside it?)' : typeof value;
}
