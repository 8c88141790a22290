/**
 * The write stage for watch mode: brings an output folder from what the last run wrote
 * to what this run produced, in place. Only pages whose bytes changed are written, only
 * static files that are new or changed are copied, and files no longer produced are
 * deleted (with folders they leave empty). A full build uses `writeSite` instead, which
 * replaces the folder whole.
 *
 * Each file is written in the staging folder first and renamed into place, so a server
 * reading the output folder meanwhile sees the old file or the new one, never half of
 * one, and a link in the output folder (where a page was, or where a folder was) is
 * replaced, never written or deleted through.
 */
import { copyFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import type { StaticFile } from '../load/load.js';
import { insideFolder, linkOnPath, RealFolders } from './folders.js';
import { openStaging } from './staging.js';
import type { OutputFile } from './write.js';

/** A page with its HTML already rendered, as a session that keeps its pages hands out. */
export interface RenderedFile {
  /** Forward-slash path relative to the output folder. */
  readonly path: string;
  readonly contents: string;
}

/**
 * The pages of a run, each with its HTML. Watch mode keeps its pages (it compares them
 * with the next run), so none is left to render at write time.
 */
export function renderedFiles(files: readonly OutputFile[]): RenderedFile[] {
  return files.map((file) => {
    if (typeof file.contents !== 'string') {
      throw new Error(`${file.path} was not rendered: watch mode needs a session that keeps pages`);
    }
    return { path: file.path, contents: file.contents };
  });
}

/** What an output folder holds, as far as the writer knows: the last run it wrote. */
export interface OutputState {
  /** Page contents by output path. */
  readonly pages: ReadonlyMap<string, string>;
  /** Static files by output path: where each was copied from. */
  readonly statics: ReadonlyMap<string, string>;
}

/** What an update did, as forward-slash paths relative to the output folder. */
export interface OutputUpdate {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** The state of the folder now, to pass as `before` next time. */
  readonly state: OutputState;
}

/** The output state of a set of pages and static files. */
export function outputState(
  files: readonly RenderedFile[],
  staticFiles: readonly StaticFile[],
): OutputState {
  return {
    pages: new Map(files.map((f) => [f.path, f.contents])),
    statics: new Map(staticFiles.map((f) => [f.outputPath, f.absolutePath])),
  };
}

/**
 * Updates `outDir` from `before` to the given pages and static files, staging under the
 * site folder `root`. `changedStatic` names static output paths whose source changed
 * since `before` and must be copied again even though they come from the same file.
 */
export async function updateOutput(
  outDir: string,
  before: OutputState,
  files: readonly RenderedFile[],
  staticFiles: readonly StaticFile[],
  changedStatic: ReadonlySet<string>,
  root: string,
): Promise<OutputUpdate> {
  const after = outputState(files, staticFiles);
  const gone = [...before.pages.keys(), ...before.statics.keys()].filter(
    (file) => !after.pages.has(file) && !after.statics.has(file),
  );
  // A page that becomes a static file (or the reverse) is rewritten, whatever its bytes.
  const pages = files.filter(
    (f) => before.pages.get(f.path) !== f.contents || before.statics.has(f.path),
  );
  const copies = staticFiles.filter(
    (f) =>
      changedStatic.has(f.outputPath) ||
      before.statics.get(f.outputPath) !== f.absolutePath ||
      before.pages.has(f.outputPath),
  );

  const deleted = [...new Set(gone)].sort();
  await mapLimit(deleted, (file) => deleteFile(outDir, file));
  await removeEmptyFolders(outDir, deleted);
  const destinations = [...pages.map((f) => f.path), ...copies.map((f) => f.outputPath)];
  if (destinations.length > 0) {
    const staging = await openStaging(root, outDir);
    const folders = new RealFolders(outDir);
    let count = 0;
    const put = async (file: string, write: (temporary: string) => Promise<void>) => {
      const temporary = path.join(staging.folder, `${String(count++)}.tmp`);
      await write(temporary);
      await folders.forFile(file);
      await rename(temporary, insideFolder(outDir, file));
    };
    try {
      await mapLimit(pages, (f) => put(f.path, (to) => writeFile(to, f.contents)));
      await mapLimit(copies, (f) => put(f.outputPath, (to) => copyFile(f.absolutePath, to)));
    } finally {
      await staging.close();
    }
  }
  return { written: destinations.sort(), deleted, state: after };
}

/**
 * Deletes one file no longer produced. When a folder on its way has become a link, the
 * link is deleted instead: the file is gone from the output either way, and nothing the
 * link points to is touched.
 */
async function deleteFile(outDir: string, file: string): Promise<void> {
  const link = await linkOnPath(outDir, file);
  if (link === null) await rm(insideFolder(outDir, file), { force: true });
  else await unlink(insideFolder(outDir, link)).catch(() => undefined);
}

/** Removes folders that deleting `files` left empty, deepest first, never `outDir` itself. */
async function removeEmptyFolders(outDir: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    for (
      let dir = path.posix.dirname(file);
      dir !== '.' && dir !== '';
      dir = path.posix.dirname(dir)
    ) {
      folders.add(dir);
    }
  }
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    // rmdir fails on a folder that still holds something: that is the test for "empty".
    await rmdir(insideFolder(outDir, folder)).catch(() => undefined);
  }
}
