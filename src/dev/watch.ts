/**
 * Watching a site's sources with chokidar: `posts/`, `templates/`, `static/` and
 * `site.yaml`, never the output folder, never editor litter. What counts is decided by
 * the same `classify` the session uses, so the watcher and the build agree.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import { classify } from '../session/classify.js';

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
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
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
  watcher.on('add', report('')).on('change', report('')).on('unlink', report(''));
  watcher.on('addDir', report('/')).on('unlinkDir', report('/'));
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return { close: () => watcher.close() };
}
