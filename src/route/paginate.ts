/** Pagination: splitting a list into pages, and the links between them. */

/** One page of a paginated list. */
export interface Chunk<T> {
  /** 1-based. */
  readonly number: number;
  readonly count: number;
  readonly items: readonly T[];
}

/**
 * Splits `items` into pages of `perPage`. An empty list still has one (empty) page, so a
 * new blog has a home page.
 */
export function paginate<T>(items: readonly T[], perPage: number): Chunk<T>[] {
  const count = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * perPage, (i + 1) * perPage),
  }));
}
