/**
 * Output stamps: what the last build left in an output folder, page by page — the digest
 * each page was rendered from (`render/page-digest.ts`) and the file's size, modification
 * time and inode once it was in place. A build that finds a page's file still as stamped,
 * and the page's digest the same, knows the file holds the page's text without rendering
 * it or reading the file back: that is most of a rebuild in which little changed.
 *
 * The stamps of an output folder live in the site's cache folder, so `--no-cache` (or
 * deleting `.cache/`) goes without them. Anything that touched a file since — an editor,
 * an upload tool, `rubric dev`, a build interrupted in its commit — gives it another
 * modification time or inode (Rubric renames files into place), so it is rendered and
 * compared again. A stamps file that cannot be read is no stamps at all.
 */
import { lstatSync, type Stats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder, hashKey } from '../cache/cache.js';
import { toPosix } from '../paths.js';
import { insideFolder } from './folders.js';

/** A page file as the last build left it. */
interface Stamp {
  readonly digest: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** The stamps of one output folder, read at the start of a write and written after it. */
export interface OutputStamps {
  /** Whether `file` (relative to the output folder) is still the page of `digest`. */
  holds(file: string, digest: string): boolean;
  /** Stamps the files of `digests` as they are now in place; keeps nothing else. */
  save(digests: ReadonlyMap<string, string>): Promise<void>;
}

const VERSION = 1;

/** The stamps of `outDir`, a build of the site at `root`; none when there are none yet. */
export async function readStamps(root: string, outDir: string): Promise<OutputStamps> {
  const file = stampsFile(root, outDir);
  const known = await readFile(file, 'utf8')
    .then((text) => parseStamps(text))
    .catch(() => new Map<string, Stamp>());
  return {
    holds(relative, digest) {
      const stamp = known.get(relative);
      if (stamp?.digest !== digest) return false;
      const now = statOf(outDir, relative);
      return now !== null && sameFile(stamp, now);
    },
    async save(digests) {
      const entries: [string, Stamp][] = [];
      for (const [relative, digest] of digests) {
        const stats = statOf(outDir, relative);
        if (stats) entries.push([relative, { digest, ...identityOf(stats) }]);
      }
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a reader sees the old stamps or the new, never half.
      const partial = `${file}.${String(process.pid)}.tmp`;
      await writeFile(partial, JSON.stringify({ version: VERSION, entries }));
      await rename(partial, file);
    },
  };
}

/**
 * Where the stamps of `outDir` are kept: one file per output folder, named by its path
 * relative to the site (absolute when outside it), so two output folders never mix.
 */
function stampsFile(root: string, outDir: string): string {
  const relative = path.relative(root, path.resolve(outDir));
  const name = hashKey([toPosix(relative)]).slice(0, 16);
  return path.join(cacheFolder(root), 'output', `${name}.json`);
}

function parseStamps(text: string): Map<string, Stamp> {
  const read: unknown = JSON.parse(text);
  if (!isStampsFile(read)) return new Map();
  return new Map(read.entries);
}

function isStampsFile(value: unknown): value is { entries: [string, Stamp][] } {
  if (typeof value !== 'object' || value === null) return false;
  const { version, entries } = value as { version?: unknown; entries?: unknown };
  return version === VERSION && Array.isArray(entries) && entries.every(isEntry);
}

function isEntry(entry: unknown): boolean {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
  const stamp = entry[1] as Partial<Record<keyof Stamp, unknown>> | null;
  return (
    typeof stamp === 'object' &&
    stamp !== null &&
    typeof stamp.digest === 'string' &&
    typeof stamp.size === 'number' &&
    typeof stamp.mtimeMs === 'number' &&
    typeof stamp.ino === 'number'
  );
}

/** A regular file's stats, never a link's target's; null for anything else. */
function statOf(outDir: string, relative: string): Stats | null {
  try {
    const stats = lstatSync(insideFolder(outDir, relative));
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/**
 * What tells one file from another at a path. The modification time counts to the
 * millisecond, as every file system and copy tool keeps it; a file written again keeps
 * its inode and size only when written in place, within that millisecond, to the same
 * length, which no editor or tool does by chance.
 */
function identityOf(stats: Stats): Omit<Stamp, 'digest'> {
  return { size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), ino: stats.ino };
}

function sameFile(stamp: Stamp, stats: Stats): boolean {
  const now = identityOf(stats);
  return stamp.size === now.size && stamp.mtimeMs === now.mtimeMs && stamp.ino === now.ino;
}
