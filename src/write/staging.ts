/**
 * The staging place and the commit journal.
 *
 * Every write stages in one known place: `.cache/rubric/staging/` in the site folder (or,
 * when the output folder is on another file system, where a rename cannot reach,
 * `.NAME.rubric-staging/` beside the output folder NAME). Each run stages in a folder of
 * its own there, named by its process id, so two Rubric processes on one site never
 * touch each other's files.
 *
 * Before the first file of a build is moved into the output folder, the run writes a
 * journal (`commit.json`: what to delete, which folders that may empty, what to move in)
 * and renames it into place, the commit point. A run that dies before that point leaves
 * the output untouched; one that dies after it leaves a journal, and the next build, dev
 * start or `rubric clean` replays it (deleting what is still there, moving what is still
 * staged: every step can be done twice) before doing anything else, so the output ends
 * as the new site the interrupted build had finished. Staging folders of processes that
 * are gone are deleted then too.
 *
 * This guards against the process dying (SIGKILL, a crash), not against the machine
 * losing power mid-commit: that would need an fsync per staged file.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, statSync } from 'node:fs';
import {
  lstat,
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
import { cacheFolder } from '../cache/cache.js';
import { mapLimit } from '../concurrency.js';
import { insideFolder, isCode, linkOnPath, RealFolders } from './folders.js';
import { holdSignals, TestPause, type SignalHold } from './signals.js';

/** What a commit does to the output folder, as forward-slash paths relative to it. */
export interface Journal {
  readonly outDir: string;
  /** Files and links no longer built (or in the way), deleted first. */
  readonly remove: readonly string[];
  /** Folders those deletions may have emptied, deepest first: removed when empty. */
  readonly folders: readonly string[];
  /** Staged files, and staged folders new to the output folder (moved whole), moved into place last. */
  readonly move: readonly string[];
}

/** One run's staging folder. */
export interface Staging {
  readonly folder: string;
  /** Where staged files go, laid out as in the output folder. */
  readonly files: string;
  /** Deletes the staging folder (and the staging place, when that empties it). */
  close(): Promise<void>;
}

const JOURNAL = 'commit.json';
/** Staging folders this process is using now: never stale, whatever their name says. */
const inUse = new Set<string>();

/** The staging places a build of `root` into `outDir` may use, the usual one first. */
export function stagingPlaces(root: string, outDir: string): [string, string] {
  return [
    path.join(cacheFolder(root), 'staging'),
    path.join(path.dirname(outDir), `.${path.basename(outDir)}.rubric-staging`),
  ];
}

/** Opens a staging folder for one run, on the output folder's file system. */
export async function openStaging(root: string, outDir: string): Promise<Staging> {
  const [usual, beside] = stagingPlaces(root, outDir);
  const place = (await deviceOf(usual)) === (await deviceOf(outDir)) ? usual : beside;
  const folder = path.join(place, `${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  const files = path.join(folder, 'files');
  const created = await mkdir(files, { recursive: true });
  inUse.add(folder);
  return {
    folder,
    files,
    async close() {
      await rm(folder, { recursive: true, force: true });
      inUse.delete(folder);
      // Folders this run made on the way (`.cache/` on a --no-cache build) go when empty.
      if (created === undefined || created.length > place.length) return;
      for (let dir = place; dir.length >= created.length; dir = path.dirname(dir)) {
        if (
          !(await rmdir(dir).then(
            () => true,
            () => false,
          ))
        )
          break;
      }
    },
  };
}

/** Writes the journal: after this rename, the commit is decided and the next build finishes it. */
export async function writeJournal(staging: Staging, journal: Journal): Promise<void> {
  const draft = path.join(staging.folder, `${JOURNAL}.draft`);
  await writeFile(draft, JSON.stringify(journal));
  await rename(draft, path.join(staging.folder, JOURNAL));
}

/** How a journal is applied: during the commit, or replayed after a run died. */
interface Apply {
  /** Folders known to be real folders now (the commit scanned them). */
  readonly known: Iterable<string>;
  readonly replay: boolean;
  readonly hold: SignalHold;
}

/** Carries out a journal. Every step tolerates having been done already. */
export async function applyJournal(staged: string, journal: Journal, how: Apply): Promise<void> {
  const out = journal.outDir;
  await mapLimit(journal.remove, async (file) => {
    if (how.replay && (await linkOnPath(out, file)) !== null) return;
    await unlink(insideFolder(out, file)).catch((error: unknown) => {
      if (!['ENOENT', 'ENOTDIR', 'EISDIR', 'EPERM'].some((code) => isCode(error, code)))
        throw error;
    });
  });
  for (const folder of journal.folders) {
    await rmdir(insideFolder(out, folder)).catch(() => undefined);
  }
  const folders = new RealFolders(out, { known: how.known });
  const pause = new TestPause('commit');
  await pause.step(0, how.hold.arrived);
  const move = async (file: string) => {
    const from = insideFolder(staged, file);
    if (
      how.replay &&
      !(await lstat(from).then(
        () => true,
        () => false,
      ))
    )
      return;
    await folders.forFile(file);
    // Counted in files, a folder moved whole as all of its, so a test pause stays exact.
    const files = pause.active ? filesIn(from) : 1;
    renameSync(from, insideFolder(out, file));
    await pause.step(files, how.hold.arrived);
  };
  // One at a time: renames into one folder only wait on its lock when run side by side.
  for (const file of journal.move) await move(file);
}

/** How many files a staged path stands for: 1 for a file, all those inside a folder. */
function filesIn(staged: string): number {
  if (!statSync(staged).isDirectory()) return 1;
  return readdirSync(staged, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}

/**
 * Finishes what interrupted runs left: replays each committed journal, then deletes the
 * staging folders of processes that are gone, and the hidden staging folders of earlier
 * Rubric versions (`.dist.rubric-1a2b3c4d`) beside the output folder. Writes nothing
 * when there is nothing to finish.
 */
export async function recoverOutput(root: string, outDir: string): Promise<void> {
  for (const place of new Set(stagingPlaces(root, outDir))) {
    const names = await readdir(place).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const folder = path.join(place, name);
      if (inUse.has(folder) || ownerAlive(name)) continue;
      const journal = await readJournal(path.join(folder, JOURNAL));
      if (journal) await replay(folder, journal);
      await rm(folder, { recursive: true, force: true });
    }
    if (names.length > 0) await rmdir(place).catch(() => undefined);
  }
  await removeOldStaging(outDir);
}

/** Replays a journal, held like a commit: a Ctrl+C must not leave the replay half done. */
async function replay(folder: string, journal: Journal): Promise<void> {
  const hold = holdSignals();
  try {
    await applyJournal(path.join(folder, 'files'), journal, { known: [], replay: true, hold });
    await unlink(path.join(folder, JOURNAL));
  } finally {
    hold.release();
  }
}

/** Staging folders of Rubric before 0.2: random names beside the output folder, no journal. */
async function removeOldStaging(outDir: string): Promise<void> {
  const base = path.basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const old = new RegExp(`^\\.${base}\\.rubric-[0-9a-f]{8}$`);
  const names = await readdir(path.dirname(outDir)).catch(() => [] as string[]);
  for (const name of names.filter((n) => old.test(n))) {
    await rm(path.join(path.dirname(outDir), name), { recursive: true, force: true });
  }
}

/** Whether the process that named a staging folder (`PID-xxxx`) still runs. */
function ownerAlive(name: string): boolean {
  const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name)?.[1] ?? NaN);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return isCode(error, 'EPERM');
  }
}

async function readJournal(file: string): Promise<Journal | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Journal>;
    const paths = (list: unknown) =>
      Array.isArray(list) && list.every((p) => typeof p === 'string');
    if (typeof value.outDir !== 'string' || !paths(value.remove)) return null;
    if (!paths(value.folders) || !paths(value.move)) return null;
    return value as Journal;
  } catch {
    return null;
  }
}

/** The device of a path, or of its nearest existing parent. */
async function deviceOf(file: string): Promise<number> {
  for (let dir = file; ; dir = path.dirname(dir)) {
    const stats = await stat(dir).catch(() => null);
    if (stats) return stats.dev;
    if (path.dirname(dir) === dir) return -1;
  }
}
