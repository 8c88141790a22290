/**
 * Output-folder file system helpers that never follow a symbolic link. A link inside the
 * output folder (a page replaced by a link, a linked `labels/` folder) is the one way a
 * writer could write or delete outside it; these helpers see links for what they are, so
 * the writers can remove them instead of going through them.
 */
import { mkdirSync } from 'node:fs';
import { readdir, lstat, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { toPosix } from '../paths.js';

/** What an output folder holds, found without following links; forward-slash paths. */
export interface OutputScan {
  /** Regular files reached through real folders only. */
  readonly files: ReadonlySet<string>;
  /** Real folders (not links to folders). */
  readonly folders: ReadonlySet<string>;
  /** Everything else: symbolic links (to files or folders), sockets, pipes. */
  readonly others: readonly string[];
}

/** Lists an output folder. A recursive `readdir` reports links as links and does not enter them. */
export async function scanOutput(outDir: string): Promise<OutputScan> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = new Set<string>();
  const folders = new Set<string>();
  const others: string[] = [];
  for (const entry of entries) {
    const relative = toPosix(path.relative(outDir, path.join(entry.parentPath, entry.name)));
    if (entry.isFile()) files.add(relative);
    else if (entry.isDirectory()) folders.add(relative);
    else others.push(relative);
  }
  return { files, folders, others };
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

/**
 * Makes folders under a root on demand, each once, parents first, however many writers
 * ask for the same folder at the same time, and makes sure each is a real folder: a link
 * where a folder should be is removed (the link, never what it points to) and replaced
 * by a folder. Folders the caller already knows to be real are not checked again.
 */
export class RealFolders {
  readonly #root: string;
  readonly #made = new Map<string, Promise<void>>();

  /** `known`: folders already checked. */
  constructor(root: string, options: { known?: Iterable<string> } = {}) {
    this.#root = root;
    for (const folder of options.known ?? []) this.#made.set(folder, Promise.resolve());
  }

  /** Makes the folder that holds the forward-slash path `file`. */
  forFile(file: string): Promise<void> {
    return this.make(path.posix.dirname(file));
  }

  /** Makes a forward-slash folder path relative to the root (`.` is the root). */
  make(folder: string): Promise<void> {
    if (folder === '.' || folder === '') return Promise.resolve();
    let made = this.#made.get(folder);
    if (!made) {
      made = this.make(path.posix.dirname(folder)).then(() =>
        realFolder(insideFolder(this.#root, folder)),
      );
      this.#made.set(folder, made);
    }
    return made;
  }
}

/**
 * Makes folders under a root this run made itself (a staging folder), where nothing else
 * writes: so no folder is checked, each is made with one `mkdir`, once, parents first,
 * and synchronously. On a local disk a `mkdir` is a short system call; handing each to
 * libuv's thread pool costs more than the call, and parallel calls into one parent
 * folder only wait on that folder's lock.
 */
export class FreshFolders {
  readonly #root: string;
  readonly #made = new Set<string>(['.', '']);

  constructor(root: string) {
    this.#root = root;
  }

  /** Makes the folder that holds the forward-slash path `file`. */
  forFile(file: string): void {
    this.make(path.posix.dirname(file));
  }

  /** Makes a forward-slash folder path relative to the root, and its parents. */
  make(folder: string): void {
    if (this.#made.has(folder)) return;
    this.make(path.posix.dirname(folder));
    mkdirSync(insideFolder(this.#root, folder));
    this.#made.add(folder);
  }
}

async function newFolder(folder: string): Promise<void> {
  await mkdir(folder).catch((error: unknown) => {
    if (!isCode(error, 'EEXIST')) throw error;
  });
}

/** Makes `folder` a real folder: kept if it is one, made if missing, a link replaced. */
async function realFolder(folder: string): Promise<void> {
  const stats = await lstat(folder).catch((error: unknown) => {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  });
  if (stats?.isDirectory()) return;
  if (stats?.isSymbolicLink()) await unlink(folder);
  else if (stats) throw new Error(`${folder} is in the way of a folder Rubric writes`);
  await newFolder(folder);
}

/**
 * The first link on the way to the forward-slash path `file` under `root` (the file
 * itself excluded), as a path relative to `root`, or null when every folder on the way
 * is real or missing.
 */
export async function linkOnPath(root: string, file: string): Promise<string | null> {
  const parts = file.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    const stats = await lstat(insideFolder(root, folder)).catch(() => null);
    if (!stats) return null;
    if (stats.isSymbolicLink()) return folder;
  }
  return null;
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
