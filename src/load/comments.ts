/**
 * Comments files for the load stage: `posts/x.comments.yaml` beside `posts/x.md` (and
 * `posts/x/index.comments.yaml` in a bundle), as `rubric import --comments` writes them.
 * They are read as text here; `parse/comments.ts` reads them.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, type BuildError } from '../errors.js';
import type { SourceFile } from './load.js';
import { readTexts, sourceFile, sourceFileOf } from './read-files.js';
import { isInside, resolvePath, walkFolder, type Boundary } from './walk.js';

/** The name every comments file ends with. */
export const COMMENTS_SUFFIX = '.comments.yaml';

/** True for a comments file's name or path. */
export function isCommentsFile(name: string): boolean {
  return name.endsWith(COMMENTS_SUFFIX);
}

/** The comments files under `posts/`, read; `skips` as the walk of the posts skips. */
export async function readCommentFiles(
  site: Boundary,
  skips: (name: string) => boolean,
): Promise<{ files: SourceFile[]; errors: BuildError[] }> {
  const found = await walkFolder(site, path.join(site.real, 'posts'), {
    wants: isCommentsFile,
    skips,
  });
  // The walk's own errors (a link out of the site, a loop) are the posts walk's, which
  // went through the same folders and reports them once.
  const { files, errors } = readTexts(found.files, 'posts', 'read these comments');
  return { files: files.map(sourceFileOf), errors };
}

/**
 * The comments files after `changed` (site-relative paths) were edited, added or deleted;
 * null when one needs a full load to be read or reported right (a link, a folder, an
 * unreadable file).
 */
export async function rereadCommentFiles(
  site: Boundary,
  previous: readonly SourceFile[],
  changed: readonly string[],
): Promise<readonly SourceFile[] | null> {
  if (changed.length === 0) return previous;
  const byPath = new Map(previous.map((file) => [file.path, file]));
  for (const file of new Set(changed)) {
    const resolved = await resolvePath(site, path.join(site.real, file));
    if (resolved.kind === 'missing') {
      byPath.delete(file);
      continue;
    }
    if (resolved.kind !== 'file') return null;
    try {
      const real = await realpath(resolved.real);
      if (!isInside(site.real, real)) return null;
      byPath.set(file, sourceFile(file, await readFile(real)));
    } catch {
      return null;
    }
  }
  return [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
}
