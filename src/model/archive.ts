/**
 * The archive: posts grouped by year and month in the site's time zone, as Blogger's
 * archive widget shows them. Pure; holds post indices, not copies.
 */
import { DateTime } from 'luxon';
import type { Post } from '../parse/post.js';

/** One month of the archive. */
export interface ArchiveMonth {
  /** Four digits: `2025`. */
  readonly year: string;
  /** Two digits: `04`. */
  readonly month: string;
  /** Indices into the site's posts, newest first. */
  readonly posts: readonly number[];
}

/** One year of the archive. */
export interface ArchiveYear {
  readonly year: string;
  /** Newest first; only months with posts. */
  readonly months: readonly ArchiveMonth[];
  /** Indices into the site's posts, newest first. */
  readonly posts: readonly number[];
}

/** Groups `posts` (newest first) by year and month in `zone`; newest year first. */
export function buildArchive(posts: readonly Post[], zone: string): ArchiveYear[] {
  const years: {
    year: string;
    months: { year: string; month: string; posts: number[] }[];
    posts: number[];
  }[] = [];
  posts.forEach((post, index) => {
    const local = DateTime.fromMillis(post.date, { zone });
    const year = local.toFormat('yyyy');
    const month = local.toFormat('MM');
    // Posts come newest first, so a new year or month is always the last one opened.
    let current = years.at(-1);
    if (current?.year !== year) {
      current = { year, months: [], posts: [] };
      years.push(current);
    }
    let currentMonth = current.months.at(-1);
    if (currentMonth?.month !== month) {
      currentMonth = { year, month, posts: [] };
      current.months.push(currentMonth);
    }
    current.posts.push(index);
    currentMonth.posts.push(index);
  });
  return years;
}
