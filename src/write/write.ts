/**
 * The write stage. Pages are rendered as they are written, a bounded number at a time,
 * so the HTML of the whole site is never in memory at once.
 *
 * Nothing in the output folder changes until every page has rendered and every changed
 * file is on disk: new and changed files go to a staging folder first (`staging.ts`
 * says where). A page whose bytes equal the regular file already in the output folder
 * is not written at all (the file keeps its inode and modification time, so upload tools
 * see only what changed). Then, when there was no output folder, the staging folder is
 * renamed into place whole; else a journal of the commit is written, and files no longer
 * built are deleted and the staged files renamed over the old ones, with Ctrl+C held
 * until that is done. So a build that fails (bad content, a broken template, a full
 * disk) leaves the last output exactly as it was, and one killed during the commit is
 * finished by the next build before anything else.
 *
 * Links are never followed: a link inside the output folder (to a file or a folder) is
 * deleted, the link itself, and a real file written in its place.
 */
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildError } from '../errors.js';
import type { StaticFile } from '../load/load.js';
import { insideFolder, scanOutput, type OutputScan } from './folders.js';
import { stagingSink, type StagingSink } from './sink.js';
import { holdSignals, TestPause, type SignalHold } from './signals.js';
import { readStamps, type OutputStamps } from './stamps.js';
import { applyJournal, openStaging, recoverOutput, writeJournal, type Staging } from './staging.js';

export { insideFolder } from './folders.js';

/** A page's HTML, or why it could not be rendered. */
export type RenderedContents = { readonly html: string } | { readonly error: BuildError };

/** A page to be written. */
export interface OutputFile {
  /** Forward-slash path relative to the output folder: `labels/oman/index.html`. */
  readonly path: string;
  /** The page's text, or a function that renders it when it is about to be written. */
  readonly contents: string | (() => RenderedContents);
  /**
   * The digest of what the page renders from (`render/page-digest.ts`), or null: with
   * output stamps, a page whose file is as the last build stamped it is not rendered.
   */
  readonly digest?: () => string | null;
}

/**
 * Makes `outDir` hold exactly `files` and `staticFiles`, staging under the site folder
 * `root`. Returns the errors of pages that failed to render; then, as when a write fails
 * (which throws), `outDir` is left untouched. Also throws if any path would leave the
 * output folder.
 */
export async function writeSite(
  outDir: string,
  files: readonly OutputFile[],
  staticFiles: readonly StaticFile[],
  root: string,
  { onPageWritten, stamps: withStamps = false }: WriteOptions = {},
): Promise<BuildError[]> {
  const target = path.resolve(outDir);
  await recoverOutput(root, target);
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new Error(`${target} exists and is not a folder`);
  const previous = existing ? { dir: target, scan: await scanOutput(target) } : null;
  // Only a build into an output folder that holds files stamps its pages: into a missing
  // or empty one (a CI runner's), no page could be skipped, nor will be on the next such
  // build, and digests cost about a tenth of rendering.
  const hasFiles = previous !== null && previous.scan.files.size > 0;
  const stamps = withStamps && hasFiles ? await readStamps(root, target) : null;
  const staging = await openStaging(root, target);
  let hold: SignalHold | null = null;
  try {
    const pages = { files, stamps, onPageWritten };
    const { errors, staged, digests } = await stage(staging, previous, pages, staticFiles);
    if (errors.length > 0) return errors;
    if (!previous) {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(staging.files, target);
    } else {
      const wanted = new Set([
        ...files.map((f) => f.path),
        ...staticFiles.map((f) => f.outputPath),
      ]);
      hold = holdSignals();
      await commit(staging, target, previous.scan, wanted, staged, hold);
    }
    await stamps?.save(digests);
    return [];
  } finally {
    await staging.close();
    // Last, so that a Ctrl+C held through the commit ends the process only now.
    hold?.release();
  }
}

/** How a write goes. */
export interface WriteOptions {
  /** Told after each page is written (or found already in place), for a progress line. */
  readonly onPageWritten?: () => void;
  /** Read and save output stamps (`stamps.ts`), to skip pages already in place. */
  readonly stamps?: boolean;
}

/** What staging did: the errors of pages that failed, the files staged, each page's digest. */
interface Staged {
  readonly errors: BuildError[];
  readonly staged: string[];
  readonly digests: Map<string, string>;
}

/** Opening a link fails instead of opening what it points to (where the system has the flag). */
const NO_FOLLOW = (constants.O_NOFOLLOW as number | undefined) ?? 0;

/** The previous output: its folder and what it holds. */
interface Previous {
  readonly dir: string;
  readonly scan: OutputScan;
}

/** The pages to stage, the stamps of the output folder (when used), and who to tell. */
interface PagesToStage {
  readonly files: readonly OutputFile[];
  readonly stamps: OutputStamps | null;
  readonly onPageWritten?: () => void;
}

/**
 * Renders every page and stages each file whose bytes are not already in the output,
 * through a {@link StagingSink}: one file at a time into the fresh staging folder, by a
 * worker thread for a big site. The event loop gets a turn every {@link YIELD_EVERY_MS},
 * so `rubric dev`'s server still answers while a whole site renders.
 */
async function stage(
  staging: Staging,
  previous: Previous | null,
  pages: PagesToStage,
  staticFiles: readonly StaticFile[],
): Promise<Staged> {
  const pause = new TestPause('stage');
  const sink = stagingSink(staging.files, pages.files.length + staticFiles.length, pause.active);
  let result: Staged;
  try {
    result = await stageInto(sink, pause, previous, pages, staticFiles);
  } catch (error) {
    await sink.done().catch(() => undefined);
    throw error;
  }
  await sink.done();
  return result;
}

async function stageInto(
  sink: StagingSink,
  pause: TestPause,
  previous: Previous | null,
  { files, stamps, onPageWritten }: PagesToStage,
  staticFiles: readonly StaticFile[],
): Promise<Staged> {
  const staged: string[] = [];
  const errors: BuildError[] = [];
  const digests = new Map<string, string>();
  let turn = performance.now();
  const yieldSometimes = async () => {
    if (performance.now() - turn < YIELD_EVERY_MS) return;
    await new Promise(setImmediate);
    turn = performance.now();
  };
  const counted = async (file: string) => {
    staged.push(file);
    if (pause.active) await pause.step(1);
  };
  for (const file of files) {
    const digest = stamps ? (file.digest?.() ?? null) : null;
    if (digest !== null) digests.set(file.path, digest);
    // Rendered from the same inputs before, and still in place: the same text, no error.
    if (digest !== null && stamps?.holds(file.path, digest)) {
      onPageWritten?.();
      continue;
    }
    const contents = typeof file.contents === 'string' ? { html: file.contents } : file.contents();
    if ('error' in contents) errors.push(contents.error);
    // After one page failed, the rest are still rendered, to report every error.
    else if (errors.length === 0) {
      if (!sameBytes(previous, file.path, contents.html)) {
        await sink.page(file.path, contents.html);
        await counted(file.path);
      }
      onPageWritten?.();
    }
    await yieldSometimes();
  }
  if (errors.length > 0) return { errors, staged, digests };
  for (const file of staticFiles) {
    const old = previousBytes(previous, file.outputPath);
    if (old && readFileSync(file.absolutePath).equals(old)) continue;
    await sink.copy(file.outputPath, file.absolutePath);
    await counted(file.outputPath);
  }
  return { errors, staged, digests };
}

/** How long staging runs before it lets the event loop take a turn. */
const YIELD_EVERY_MS = 50;

/** Whether the previous output holds exactly this page's text. */
function sameBytes(previous: Previous | null, file: string, html: string): boolean {
  const old = previousBytes(previous, file);
  return old !== null && old.length === Buffer.byteLength(html) && old.equals(Buffer.from(html));
}

/**
 * Moves the staged files into the output folder and deletes what is no longer built:
 * every file not wanted, and every link or other non-file, wanted or not (a wanted path
 * that held a link was staged, as it had no bytes of its own to compare).
 */
async function commit(
  staging: Staging,
  target: string,
  scan: OutputScan,
  wanted: ReadonlySet<string>,
  staged: readonly string[],
  hold: SignalHold,
): Promise<void> {
  const remove = [...[...scan.files].filter((file) => !wanted.has(file)), ...scan.others];
  const folders = emptiedFolders(remove);
  const emptied = new Set(folders);
  const move = movesOf(staged, scan.folders);
  await writeJournal(staging, { outDir: target, remove, folders, move });
  const known = [...scan.folders].filter((folder) => !emptied.has(folder));
  await applyJournal(
    staging.files,
    { outDir: target, remove, folders, move },
    { known, replay: false, hold },
  );
}

/**
 * What to rename into the output folder: a staged file whose folder is there already is
 * moved by itself, and a staged folder that is not there yet (a new post's, or all of
 * `posts/` when the output folder was empty) is moved whole, one rename for everything in
 * it. The staging folder holds only staged files, so a folder moved whole brings nothing
 * else. `existing` is what the output folder holds (closed under parents).
 */
function movesOf(staged: readonly string[], existing: ReadonlySet<string>): string[] {
  const moves = new Set<string>();
  for (const file of staged) {
    const parts = file.split('/');
    let missing = -1;
    for (let depth = 1; depth < parts.length && missing === -1; depth++) {
      if (!existing.has(parts.slice(0, depth).join('/'))) missing = depth;
    }
    moves.add(missing === -1 ? file : parts.slice(0, missing).join('/'));
  }
  return [...moves];
}

/** The folders that deleting `files` may leave empty, deepest first. */
function emptiedFolders(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      if (folders.has(dir)) break;
      folders.add(dir);
    }
  }
  return [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}

/**
 * The previous output's bytes of a file, or null: only a regular file reached through
 * real folders counts, never what a link points to. Read synchronously: small local
 * files read several times faster than through promises, and between two writes the
 * thread has nothing else to do.
 */
function previousBytes(previous: Previous | null, file: string): Buffer | null {
  if (!previous?.scan.files.has(file)) return null;
  let fd: number | null = null;
  try {
    fd = openSync(insideFolder(previous.dir, file), constants.O_RDONLY | NO_FOLLOW);
    return readFileSync(fd);
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
