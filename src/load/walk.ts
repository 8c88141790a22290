/**
 * Listing a folder tree without ever leaving the site folder. Symbolic links are
 * followed only while they resolve inside it; a link that leads outside, a loop of links
 * and a link back to a folder that holds it are errors, never a silent skip. A folder or
 * file that cannot be read is an error too. What the load stage reads it reads through
 * the real path found here, so a later change of a link cannot redirect the read.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildError, ioError, isSystemError, type BuildError } from '../errors.js';
import { toPosix } from '../paths.js';

/** The folder nothing may be read from outside of, and how messages name paths in it. */
export interface Boundary {
  /** Its real path (symbolic links resolved). */
  readonly real: string;
  /** How a message names a real path inside it: `posts/a.md`. */
  readonly show: (real: string) => string;
}

/** A file found by {@link walkFolder}. */
export interface FoundFile {
  /** Path from the walked folder, with forward slashes, through any links followed. */
  readonly relative: string;
  /** The real path, to read from. */
  readonly real: string;
}

/** Which entries of a tree count. */
export interface WalkRules {
  /** Whether a file of this name is one the walk looks for. */
  readonly wants: (name: string) => boolean;
  /** Whether an entry of this name (file or folder) is left out altogether. */
  readonly skips: (name: string) => boolean;
}

/** What a path turned out to be once its links were followed. */
export type Resolved =
  | { readonly kind: 'file' | 'folder' | 'other'; readonly real: string }
  | { readonly kind: 'missing' }
  /** A symbolic link to something that does not exist. */
  | { readonly kind: 'dangling' }
  | { readonly kind: 'error'; readonly error: BuildError };

/** What a symbolic link turned out to lead to: never `missing`, the link itself is there. */
type Followed = Exclude<Resolved, { kind: 'missing' }>;

/** The boundary of a folder whose real path is `real`, naming paths relative to it. */
export function boundaryOf(real: string, prefix = ''): Boundary {
  return {
    real,
    show: (file) => {
      const relative = toPosix(path.relative(real, file));
      if (relative === '') return prefix === '' ? '.' : prefix;
      if (!isInside(real, file)) return file;
      return prefix === '' ? relative : `${prefix}/${relative}`;
    },
  };
}

/** The real path of a folder, or the path as given when it cannot be resolved. */
export async function realFolder(folder: string): Promise<string> {
  return realpath(folder).catch(() => path.resolve(folder));
}

/** What `file` (a path inside the boundary) is; a symbolic link is followed and checked. */
export async function resolvePath(boundary: Boundary, file: string): Promise<Resolved> {
  let stats;
  try {
    stats = await lstat(file);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'error', error: ioError(boundary.show(file), 'look at this path', error) };
  }
  if (stats.isSymbolicLink()) return followLink(boundary, file);
  return { kind: kindOf(stats), real: file };
}

/**
 * Every wanted file under `folder` (which may be missing: then none), sorted by path.
 * Errors are collected, not thrown: a walk reports every bad link and unreadable folder.
 */
export async function walkFolder(
  boundary: Boundary,
  folder: string,
  rules: WalkRules,
): Promise<{ files: FoundFile[]; errors: BuildError[] }> {
  const walk: Walk = { boundary, rules, files: [], errors: [], reported: new Set() };
  const top = await resolvePath(boundary, folder);
  if (top.kind === 'error') walk.errors.push(top.error);
  else if (top.kind === 'dangling') walk.errors.push(danglingLink(boundary, folder));
  // A file where the folder should be makes `readdir` fail with ENOTDIR, reported as such.
  else if (top.kind !== 'missing') await walkInto(walk, top.real, '', [top.real]);
  walk.files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { files: walk.files, errors: walk.errors };
}

interface Walk {
  readonly boundary: Boundary;
  readonly rules: WalkRules;
  readonly files: FoundFile[];
  readonly errors: BuildError[];
  /** Loops already reported, so a loop of two links is one error, not two. */
  readonly reported: Set<string>;
}

/** Lists one folder (by its real path) and the folders under it. */
async function walkInto(
  walk: Walk,
  folder: string,
  relative: string,
  ancestors: readonly string[],
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    walk.errors.push(ioError(walk.boundary.show(folder), 'list the files in this folder', error));
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (walk.rules.skips(name)) continue;
    const full = path.join(folder, name);
    const entryPath = relative === '' ? name : `${relative}/${name}`;
    const resolved: Followed = entry.isSymbolicLink()
      ? await followLink(walk.boundary, full)
      : { kind: kindOf(entry), real: full };
    if (resolved.kind === 'error') {
      report(walk, resolved.error);
    } else if (resolved.kind === 'dangling') {
      // A dangling link: only an error when it stands for a file the build needs.
      if (walk.rules.wants(name)) walk.errors.push(danglingLink(walk.boundary, full));
    } else if (resolved.kind === 'folder') {
      const loop = folderLoop(walk.boundary, full, resolved.real, folder, ancestors);
      if (loop) report(walk, loop);
      else await walkInto(walk, resolved.real, entryPath, [...ancestors, resolved.real]);
    } else if (walk.rules.wants(name)) {
      if (resolved.kind === 'file') walk.files.push({ relative: entryPath, real: resolved.real });
      else walk.errors.push(notAFile(walk.boundary.show(full)));
    }
  }
}

/** Adds an error unless the same one (the same loop seen from another link) is there. */
function report(walk: Walk, error: BuildError): void {
  const key = `${error.name}:${error.message}`;
  if (walk.reported.has(key)) return;
  walk.reported.add(key);
  walk.errors.push(error);
}

/**
 * Follows the symbolic link `link` to what it finally names: an error when that is
 * outside the boundary or when the links go round in a loop; `dangling` when it leads nowhere.
 */
async function followLink(boundary: Boundary, link: string): Promise<Followed> {
  let real: string;
  try {
    real = await realpath(link);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ELOOP') {
      return { kind: 'error', error: await linkLoop(boundary, link) };
    }
    if (isSystemError(error) && error.code === 'ENOENT') return { kind: 'dangling' };
    return { kind: 'error', error: ioError(boundary.show(link), 'follow this link', error) };
  }
  if (!isInside(boundary.real, real)) {
    return { kind: 'error', error: await linkOutside(boundary, link, real) };
  }
  try {
    return { kind: kindOf(await stat(real)), real };
  } catch (error) {
    return { kind: 'error', error: ioError(boundary.show(link), 'follow this link', error) };
  }
}

async function linkOutside(boundary: Boundary, link: string, real: string): Promise<BuildError> {
  const written = await readlink(link).catch(() => real);
  const target = written === real ? real : `${written} (${real})`;
  return buildError(
    'SymlinkOutside',
    { file: boundary.show(link) },
    `This symbolic link points to ${target}, outside the site folder ${boundary.real}: Rubric never reads, copies or serves anything from outside it.`,
    'Copy the file or folder into the site instead, or point the link at a place inside the site folder.',
  );
}

/** The error of a link that is part of a loop of links, naming every link in it. */
async function linkLoop(boundary: Boundary, link: string): Promise<BuildError> {
  const chain = [link];
  for (let current = link; chain.length <= MAX_LINKS;) {
    const target = await readlink(current).catch(() => null);
    if (target === null) break;
    const next = path.resolve(path.dirname(current), target);
    const seen = chain.indexOf(next);
    if (seen !== -1) {
      // Named from the link that sorts first, so every way into the loop reads the same.
      const loop = chain.slice(seen);
      const start = loop.indexOf([...loop].sort()[0] ?? next);
      const shown = [...loop.slice(start), ...loop.slice(0, start), loop[start] ?? next];
      return buildError(
        'SymlinkLoop',
        { file: boundary.show(shown[0] ?? link) },
        `The symbolic links ${shown.map((file) => boundary.show(file)).join(' -> ')} form a loop, so none of them leads to a file.`,
        'Point one of them at a real file or folder, or delete them.',
      );
    }
    chain.push(next);
    current = next;
  }
  return buildError(
    'SymlinkLoop',
    { file: boundary.show(link) },
    `This symbolic link leads through more than ${String(MAX_LINKS)} others without reaching a file (ELOOP).`,
    'Point it straight at the file or folder it stands for.',
  );
}

/** How many links a chain may have before the system gives up on it (Linux's limit). */
const MAX_LINKS = 40;

/**
 * The error of a link to a folder that holds the link (`posts/self -> .`), or to a
 * folder being walked already through other links: following it would never end.
 */
function folderLoop(
  boundary: Boundary,
  link: string,
  real: string,
  parent: string,
  ancestors: readonly string[],
): BuildError | null {
  if (!isInside(real, parent) && !ancestors.includes(real)) return null;
  return buildError(
    'SymlinkLoop',
    { file: boundary.show(link) },
    `This symbolic link points to the folder ${boundary.show(real)}, which leads back to the link itself: following it would go round in a loop.`,
    'Delete the link, or point it at a folder that does not hold it.',
  );
}

/** The error of a link to nothing, where a file is needed. */
export function danglingLink(boundary: Boundary, link: string): BuildError {
  return buildError(
    'IoError',
    { file: boundary.show(link) },
    'Rubric could not read this file: it is a symbolic link to something that does not exist (ENOENT).',
    'Restore what it points to, or delete the link.',
  );
}

/** The error of a pipe, socket or device where a file is needed. */
export function notAFile(file: string): BuildError {
  return buildError(
    'IoError',
    { file },
    'Rubric could not read this file: it is not a regular file but a pipe, socket or device.',
    'Replace it with an ordinary file, or move it out of the site folder.',
  );
}

function kindOf(entry: Dirent | Awaited<ReturnType<typeof stat>>): 'file' | 'folder' | 'other' {
  if (entry.isFile()) return 'file';
  return entry.isDirectory() ? 'folder' : 'other';
}

/** Whether `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const back = path.relative(folder, file);
  if (path.isAbsolute(back)) return false;
  return back !== '..' && !back.startsWith(`..${path.sep}`);
}
