/**
 * The write stage. Pages are rendered as they are written, a bounded number at a time,
 * so the HTML of the whole site is never in memory at once.
 *
 * Nothing in the output folder changes until every page has rendered and every changed
 * file is on disk: new and changed files go to a staging folder beside the output folder
 * first. A page whose bytes equal the file already in the output folder is not written at
 * all (the file keeps its modification time, so upload tools see only what changed).
 * Then, when there was no output folder, the staging folder is renamed into place; else
 * files no longer built are deleted and the staged files are renamed over the old ones.
 * So a build that fails (bad content, a broken template, a full disk) leaves the last
 * output exactly as it was; only a crash during those final renames, which write no
 * data, could leave it part old and part new, and the next build repairs that.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  copyFile,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
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
 * Makes `outDir` hold exactly `files` and `staticFiles`. Returns the errors of pages that
 * failed to render; then, as when a write fails (which throws), `outDir` is left
 * untouched. Also throws if any path would leave the output folder.
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
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new Error(`${target} exists and is not a folder`);
  const previous = existing ? target : null;
  const stagedFolders = new FolderMaker(staging);
  const staged: string[] = [];
  const errors: BuildError[] = [];
  try {
    await mkdir(staging, { recursive: true });
    await mapLimit(files, async (file) => {
      const destination = insideFolder(staging, file.path);
      const contents =
        typeof file.contents === 'string' ? { html: file.contents } : file.contents();
      if ('error' in contents) {
        errors.push(contents.error);
        return;
      }
      // After one page failed, the rest are still rendered, to report every error.
      if (errors.length > 0) return;
      const bytes = Buffer.from(contents.html);
      if (previous && readOrNull(insideFolder(previous, file.path))?.equals(bytes)) return;
      await stagedFolders.make(path.dirname(destination));
      await writeFile(destination, bytes);
      staged.push(file.path);
    });
    if (errors.length > 0) {
      await rm(staging, { recursive: true, force: true });
      return errors;
    }
    await mapLimit(staticFiles, async (file) => {
      const destination = insideFolder(staging, file.outputPath);
      const old = previous && readOrNull(insideFolder(previous, file.outputPath));
      if (old && (await readFile(file.absolutePath)).equals(old)) return;
      await stagedFolders.make(path.dirname(destination));
      await copyFile(file.absolutePath, destination);
      staged.push(file.outputPath);
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  if (!previous) {
    await rename(staging, target);
    return errors;
  }
  const wanted = new Set([...files.map((f) => f.path), ...staticFiles.map((f) => f.outputPath)]);
  await removeUnwanted(target, wanted);
  const targetFolders = new FolderMaker(target);
  await mapLimit(staged, async (relative) => {
    const destination = insideFolder(target, relative);
    await targetFolders.make(path.dirname(destination));
    await rename(insideFolder(staging, relative), destination);
  });
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

/**
 * Creates folders under a root on demand, each once, parents first, however many
 * writers ask for the same folder at the same time.
 */
class FolderMaker {
  readonly #root: string;
  readonly #made = new Map<string, Promise<void>>();

  constructor(root: string) {
    this.#root = root;
  }

  make(folder: string): Promise<void> {
    if (folder === this.#root) return Promise.resolve();
    let made = this.#made.get(folder);
    if (!made) {
      made = this.make(path.dirname(folder)).then(() =>
        mkdir(folder).then(
          () => undefined,
          (error: unknown) => {
            if (!isCode(error, 'EEXIST')) throw error;
          },
        ),
      );
      this.#made.set(folder, made);
    }
    return made;
  }
}

/**
 * Deletes every file under `root` whose path is not in `wanted`, then every folder left
 * empty, deepest first, so a new file may take the place of an old folder.
 */
async function removeUnwanted(root: string, wanted: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const unwanted = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !wanted.has(path.relative(root, file).split(path.sep).join('/')));
  await mapLimit(unwanted, (file) => unlink(file));
  // Only folders that held a deleted file can have become empty.
  const emptied = new Set<string>();
  for (const file of unwanted) {
    for (let dir = path.dirname(file); dir !== root && !emptied.has(dir); dir = path.dirname(dir)) {
      emptied.add(dir);
    }
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    await rmdir(folder).catch((error: unknown) => {
      if (!isCode(error, 'ENOTEMPTY') && !isCode(error, 'EEXIST')) throw error;
    });
  }
}

/**
 * The previous output's bytes of a file, or null. Read synchronously: small local files
 * read several times faster than through promises, and between two writes the thread has
 * nothing else to do.
 */
function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
