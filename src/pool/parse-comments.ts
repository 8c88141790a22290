/**
 * Comments files parsed, or read from the disk cache (`.cache/rubric/comments/`), as
 * posts are (`parse-posts.ts`). Each comment's body goes through unified and
 * rehype-sanitize, about 0.8 ms a comment: a blog with thousands of imported comments
 * would pay seconds for them on every build without the cache.
 */
import path from 'node:path';
import { DiskCache, hashKey } from '../cache/cache.js';
import { parseFingerprint } from '../cache/fingerprint.js';
import type { SourceFile } from '../load/load.js';
import type { CommentBodyRenderer } from '../parse/comment-body.js';
import { parseComments, type ParsedComments } from '../parse/comments.js';

/** How the comments files of a run are parsed. */
export interface CommentsBatch {
  /** The site's time zone, for dates without an offset. */
  readonly zone: string;
  /** The cache folder, or null without a cache (`--no-cache`). */
  readonly cacheFolder: string | null;
  /** `files` are every comments file of the site: entries of others are deleted. */
  readonly complete: boolean;
}

/** Parses `files` (or reads them from the cache), in their order. */
export async function parseCommentFiles(
  files: readonly SourceFile[],
  { zone, cacheFolder, complete }: CommentsBatch,
): Promise<ParsedComments[]> {
  if (files.length === 0) return [];
  const cache = cacheFolder === null ? null : new DiskCache(path.join(cacheFolder, 'comments'));
  const fingerprint = cache ? hashKey(['comments', parseFingerprint(zone)]) : '';
  const keys = files.map((file) => hashKey([fingerprint, file.path, file.text]));
  const cached = cache?.getMany(keys, isParsedComments) ?? [];
  let renderer: CommentBodyRenderer | null = null;
  const results: ParsedComments[] = [];
  const fresh: [string, ParsedComments][] = [];
  for (const [i, file] of files.entries()) {
    const hit = cached[i];
    if (hit?.file === file.path) {
      results.push(hit);
      continue;
    }
    renderer ??= await commentBodyRenderer();
    const parsed = parseComments(file, zone, renderer);
    results.push(parsed);
    fresh.push([keys[i] ?? '', parsed]);
  }
  await cache?.setMany(fresh);
  if (complete) await cache?.prune(new Set(keys));
  return results;
}

/** The renderer of comment bodies; its modules load only when a file is parsed. */
async function commentBodyRenderer(): Promise<CommentBodyRenderer> {
  const { createCommentBodyRenderer } = await import('../parse/comment-body.js');
  return createCommentBodyRenderer();
}

/** A cached value that has the shape of a parsed comments file. */
function isParsedComments(value: unknown): value is ParsedComments {
  if (typeof value !== 'object' || value === null) return false;
  const { file, comments, warnings } = value as Partial<Record<keyof ParsedComments, unknown>>;
  return typeof file === 'string' && Array.isArray(comments) && Array.isArray(warnings);
}
