/**
 * The write stage. A full build writes a fresh folder beside the output folder and swaps
 * it in only when every file is written, so a failed or interrupted build leaves the
 * last good output as it was.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import type { StaticFile } from '../load/load.js';

/** A rendered page, ready to be written. */
export interface OutputFile {
  /** Forward-slash path relative to the output folder: `labels/oman/index.html`. */
  readonly path: string;
  readonly contents: string;
}

/**
 * Writes `files` and copies `staticFiles` into a new folder, then puts it where `outDir`
 * was. Throws (leaving `outDir` untouched) if any write fails or any path would leave the
 * output folder.
 */
export async function writeSite(
  outDir: string,
  files: readonly OutputFile[],
  staticFiles: readonly StaticFile[],
): Promise<void> {
  const target = path.resolve(outDir);
  const staging = path.join(
    path.dirname(target),
    `.${path.basename(target)}.rubric-${randomBytes(4).toString('hex')}`,
  );
  try {
    await mkdir(staging, { recursive: true });
    const destinations = [...files.map((f) => f.path), ...staticFiles.map((f) => f.outputPath)];
    const folders = new Set(destinations.map((d) => path.dirname(insideFolder(staging, d))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    await mapLimit(files, (file) => writeFile(insideFolder(staging, file.path), file.contents));
    await mapLimit(staticFiles, (file) =>
      copyFile(file.absolutePath, insideFolder(staging, file.outputPath)),
    );
    await swapIn(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The absolute path of `relative` inside `folder`. Routes never produce a path that
 * leaves the folder; this check makes sure of it whatever a slug or label says.
 */
export function insideFolder(folder: string, relative: string): string {
  const resolved = path.resolve(folder, relative);
  const back = path.relative(folder, resolved);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: it is outside ${folder}`);
  }
  return resolved;
}

async function swapIn(staging: string, target: string): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (!existing) {
    await rename(staging, target);
    return;
  }
  if (!existing.isDirectory()) throw new Error(`${target} exists and is not a folder`);
  const retired = `${staging}-old`;
  await rename(target, retired);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(retired, target);
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
}
