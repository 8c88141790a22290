/**
 * `rubric clean`: finishes a build that was killed while committing (so the output is a
 * whole site again), then deletes the build cache and every staging folder with it.
 * Links are deleted, never followed: a `.cache` that is a link to a folder elsewhere
 * loses the link, and what it points to is left alone.
 */
import { lstat, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder } from '../cache/cache.js';
import { recoverOutput, stagingPlaces } from './staging.js';

/** Cleans a site folder whose output folder is `outDir`. */
export async function cleanSite(root: string, outDir: string): Promise<void> {
  await recoverOutput(root, outDir);
  await removeWithoutFollowing(root, path.relative(root, cacheFolder(root)));
  const [, beside] = stagingPlaces(root, outDir);
  await removeWithoutFollowing(path.dirname(beside), path.basename(beside));
}

/**
 * Deletes `relative` (a path of folders under `base`) and all it holds. When a folder on
 * the way is a link, the link is deleted instead, and the removal stops there.
 */
async function removeWithoutFollowing(base: string, relative: string): Promise<void> {
  let at = base;
  for (const part of relative.split(path.sep)) {
    at = path.join(at, part);
    const stats = await lstat(at).catch(() => null);
    if (!stats) return;
    if (stats.isSymbolicLink()) {
      await unlink(at);
      return;
    }
  }
  // `rm` deletes the links it finds inside without following them.
  await rm(at, { recursive: true, force: true });
}
