/**
 * Noticing, while the preview runs, that its output folder is gone or incomplete (an
 * `rm -rf dist`, a `rubric clean` in another terminal): the folder's own entry in its
 * parent is watched, and the server reports a file the last build wrote that is not on
 * the disk. Either way the next run writes the folder whole again, through the change
 * queue, so it never runs beside a rebuild.
 */
import { watch, type FSWatcher } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeQueue } from './queue.js';
import type { Rebuilder } from './rebuild.js';

/** The queue entry that asks for the output folder to be written whole: no file has this name. */
export const OUTPUT_LOST = '\0output-lost';

/** A guard on the output folder. */
export interface OutputGuard {
  /**
   * For the server: `file` (a path in the output folder) was not found on the disk.
   * Resolves true when the last build wrote it, once the folder has been written again.
   */
  missing(file: string): Promise<boolean>;
  close(): void;
}

/** Starts guarding the rebuilder's output folder. */
export function guardOutput(rebuilder: Rebuilder, queue: ChangeQueue): OutputGuard {
  const { outDir } = rebuilder;
  const rewrite = async () => {
    queue.add([OUTPUT_LOST]);
    await queue.idle();
  };
  const check = async () => {
    // A rebuild's own writes move things around in the folder: look once it is done.
    await queue.idle();
    const info = await lstat(outDir).catch(() => null);
    if (!info?.isDirectory()) await rewrite();
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(path.dirname(outDir), (_event, name) => {
      if (name === path.basename(outDir)) void check();
    });
    // Without the watcher (no inotify watches left), the server's reports still work.
    watcher.on('error', () => undefined);
  } catch {
    watcher = null;
  }
  return {
    async missing(file) {
      await queue.idle();
      if (!rebuilder.produced(file)) return false;
      if (await lstat(path.join(outDir, file)).then(Boolean, () => false)) return true;
      await rewrite();
      return true;
    },
    close() {
      watcher?.close();
    },
  };
}
