/**
 * The write stage. A full build writes a fresh folder beside the output folder and swaps
 * it in only when every file is written, so a failed or interrupted build leaves the
 * last good output as it was.
 *
 * Pages are rendered as they are written, a bounded number at a time, so the HTML of the
 * whole site is never in memory at once. When the output folder already holds a file
 * with the same bytes, the new folder gets a hard link to it instead of a new copy: the
 * bytes are not written again and the file keeps its modification time, so deploy tools
 * that compare times see only what changed.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import type { BuildError } from '../errors.js';
import type { StaticFile } from '../load/load.js';

/** A page's HTML, or why it could not be rendered. */
export type RenderedContents = { readonly html: string } | { readonly error: BuildError };

/** A page to be written. */
export interface OutputFile {
  /** Forward-slash path relative to the output folder: `labels/oman/index.html`. */
  readonly path: string;
  /** The page's text, or a function that renders it when it is about to be written. */
  readonly contents: string | (() => RenderedContents);
}

/**
 * Writes `files` and copies `staticFiles` into a new folder, then puts it where `outDir`
 * was. Returns the errors of pages that failed to render; then, as when a write fails
 * (which throws), nothing is swapped in and `outDir` is left untouched. Also throws if any
 * path would leave the output folder.
 */
export async function writeSite(
  outDir: string,
  files: readonly OutputFile[],
  staticFiles: readonly StaticFile[],
): Promise<BuildError[]> {
  const target = path.resolve(outDir);
  const staging = path.join(
    path.dirname(target),
    `.${path.basename(target)}.rubric-${randomBytes(4).toString('hex')}`,
  );
  const previous = (await stat(target).catch(() => null))?.isDirectory() ? target : null;
  const errors: BuildError[] = [];
  try {
    await mkdir(staging, { recursive: true });
    const destinations = [...files.map((f) => f.path), ...staticFiles.map((f) => f.outputPath)];
    await makeFolders(
      staging,
      destinations.map((d) => path.dirname(insideFolder(staging, d))),
    );
    await mapLimit(files, async (file) => {
      const contents =
        typeof file.contents === 'string' ? { html: file.contents } : file.contents();
      if ('error' in contents) {
        errors.push(contents.error);
        return;
      }
      // After one page failed, the rest are still rendered, to report every error.
      if (errors.length > 0) return;
      await place(staging, previous, file.path, Buffer.from(contents.html));
    });
    if (errors.length === 0) {
      await mapLimit(staticFiles, async (file) => {
        if (previous && (await sameBytes(file.absolutePath, previous, file.outputPath))) {
          if (await linkPrevious(staging, previous, file.outputPath)) return;
        }
        await copyFile(file.absolutePath, insideFolder(staging, file.outputPath));
      });
      await swapIn(staging, target);
      return errors;
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(staging, { recursive: true, force: true });
  return errors;
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

/** Writes one file into the staging folder, or links the previous one when it is the same. */
async function place(
  staging: string,
  previous: string | null,
  relative: string,
  bytes: Buffer,
): Promise<void> {
  const destination = insideFolder(staging, relative);
  if (previous) {
    const old = await readFile(insideFolder(previous, relative)).catch(() => null);
    if (old?.equals(bytes) && (await linkPrevious(staging, previous, relative))) return;
  }
  await writeFile(destination, bytes);
}

/** Hard-links the previous output's file into the staging folder; false if it cannot. */
async function linkPrevious(staging: string, previous: string, relative: string): Promise<boolean> {
  try {
    await link(insideFolder(previous, relative), insideFolder(staging, relative));
    return true;
  } catch {
    // A file system without hard links, or the file vanished: write it instead.
    return false;
  }
}

async function sameBytes(source: string, previous: string, relative: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    readFile(source),
    readFile(insideFolder(previous, relative)).catch(() => null),
  ]);
  return b !== null && a.equals(b);
}

/**
 * Creates `folders` (and their parents) inside `root`, a level at a time so each level's
 * parents exist, with bounded concurrency within a level.
 */
async function makeFolders(root: string, folders: readonly string[]): Promise<void> {
  const all = new Set<string>();
  for (const folder of folders) {
    for (let dir = folder; dir !== root && !all.has(dir); dir = path.dirname(dir)) all.add(dir);
  }
  const byDepth = new Map<number, string[]>();
  for (const dir of all) {
    const depth = path.relative(root, dir).split(path.sep).length;
    const level = byDepth.get(depth);
    if (level) level.push(dir);
    else byDepth.set(depth, [dir]);
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await mapLimit(byDepth.get(depth) ?? [], (dir) => mkdir(dir));
  }
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
