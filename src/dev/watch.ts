/**
 * Watching a site's sources with chokidar: `posts/`, `templates/`, `static/` and
 * `site.yaml`, never the output folder, never editor litter. What counts is decided by
 * the same `classify` the session uses, so the watcher and the build agree.
 */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';
import { classify } from '../session/classify.js';
import { toPosix } from '../paths.js';

/** How long chokidar swallows repeated change events for one file. */
const CHANGE_THROTTLE_MS = 50;

/** A running watcher. */
export interface SiteWatcher {
  close(): Promise<void>;
}

/**
 * Watches `root` and calls `onChange` with site-relative paths (folders end with `/`).
 * Resolves once the initial scan is done, so no change after it is missed.
 */
export async function watchSite(
  root: string,
  outputFolder: string | undefined,
  onChange: (paths: string[]) => void,
): Promise<SiteWatcher> {
  const relative = (file: string) => toPosix(path.relative(root, file));
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file, stats) => {
      const rel = relative(file);
      if (rel === '') return false;
      // Without stats it may be a file or a folder: skip it only if it is neither.
      const asFolder = classify(`${rel}/`, outputFolder) === 'ignored';
      const asFile = classify(rel, outputFolder) === 'ignored';
      if (!stats) return asFolder && asFile;
      return stats.isDirectory() ? asFolder : asFile;
    },
  });
  const report = (suffix: string) => (file: string) => {
    const rel = `${relative(file)}${suffix}`;
    if (classify(rel, outputFolder) !== 'ignored') onChange([rel]);
  };
  // chokidar drops a second change to the same file within 50 ms of the first (its change
  // throttle has no trailing call), which would lose a quick second save, like a
  // formatter rewriting a file just after the editor wrote it. So each change is looked at
  // once more after that window, and reported again if the file moved on since.
  const recheck = new Map<string, NodeJS.Timeout>();
  const changed = (file: string, seen?: Stats) => {
    report('')(file);
    clearTimeout(recheck.get(file));
    const timer = setTimeout(() => {
      recheck.delete(file);
      void stat(file).then(
        (now) => {
          if (!seen || now.mtimeMs !== seen.mtimeMs || now.size !== seen.size) report('')(file);
        },
        () => undefined,
      );
    }, CHANGE_THROTTLE_MS + 10);
    recheck.set(file, timer);
  };
  watcher.on('add', report('')).on('change', changed).on('unlink', report(''));
  watcher.on('addDir', report('/')).on('unlinkDir', report('/'));
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return {
    close: () => {
      for (const timer of recheck.values()) clearTimeout(timer);
      recheck.clear();
      return watcher.close();
    },
  };
}
