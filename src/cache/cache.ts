/**
 * A content-addressed disk cache: one file per entry, named by its key, in a folder the
 * build owns (`.cache/rubric/posts/` in the site folder). The key is a hash of everything
 * the cached value depends on, so an entry is never stale: a changed input is a new key.
 *
 * An entry is `MAGIC`, the SHA-256 of the payload, then the payload: the V8 serialization
 * of `{ key, value }`. A file that is truncated, corrupt, from another program or copied
 * under another name fails one of these checks and reads as a miss: the cache can only
 * make a build faster, never wrong, and never crash it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { mapLimit } from '../concurrency.js';

/** The first bytes of every entry; the digit is the entry format, bumped when it changes. */
const MAGIC = Buffer.from('RUBRIC-CACHE-1\n', 'latin1');
const DIGEST_BYTES = 32;
/** Entry file names: a lower-case hex SHA-256 and `.bin`. */
const ENTRY_NAME = /^[0-9a-f]{64}\.bin$/;

/** The cache folder of a site. */
export function cacheFolder(root: string): string {
  return path.join(root, '.cache', 'rubric');
}

/** A hex SHA-256 of strings joined unambiguously (each preceded by its length). */
export function hashKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

/** Encodes one entry; exported for workers, which write their own results. */
export function encodeEntry(key: string, value: unknown): Buffer {
  const payload = serialize({ key, value });
  const digest = createHash('sha256').update(payload).digest();
  return Buffer.concat([MAGIC, digest, payload]);
}

/**
 * Decodes one entry, or returns undefined when the bytes are not a whole, intact entry
 * for `key` whose value passes `isValue`.
 */
export function decodeEntry<T>(
  bytes: Buffer,
  key: string,
  isValue: (value: unknown) => value is T,
): T | undefined {
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(start);
  const digest = createHash('sha256').update(payload).digest();
  if (!digest.equals(bytes.subarray(MAGIC.length, start))) return undefined;
  let decoded: unknown;
  try {
    decoded = deserialize(payload);
  } catch {
    return undefined;
  }
  if (typeof decoded !== 'object' || decoded === null) return undefined;
  const entry = decoded as { key?: unknown; value?: unknown };
  return entry.key === key && isValue(entry.value) ? entry.value : undefined;
}

/** One cache folder. Reads and writes never throw: a cache that fails is a slow build. */
export class DiskCache {
  readonly #folder: string;
  #listed: Set<string> | null = null;

  constructor(folder: string) {
    this.#folder = folder;
  }

  /** The folder entries are in. */
  get folder(): string {
    return this.#folder;
  }

  /** The path of the entry for `key`. */
  entryPath(key: string): string {
    return path.join(this.#folder, `${key}.bin`);
  }

  /**
   * The values cached for `keys`, in order (undefined for a miss). The folder is listed
   * once, so a cold build does not try to open thousands of missing files. Entries are
   * read synchronously: the build has nothing else to do meanwhile, and for thousands
   * of small files a plain loop is several times faster than promises.
   */
  getMany<T>(keys: readonly string[], isValue: (value: unknown) => value is T): (T | undefined)[] {
    const present = this.#list();
    return keys.map((key) => {
      if (!present.has(`${key}.bin`)) return undefined;
      const bytes = readOrNull(this.entryPath(key));
      return bytes ? decodeEntry(bytes, key, isValue) : undefined;
    });
  }

  /** Stores values; failures (a read-only disk) are ignored. */
  async setMany(entries: readonly (readonly [string, unknown])[]): Promise<void> {
    if (entries.length === 0) return;
    await mkdir(this.#folder, { recursive: true }).catch(() => undefined);
    await mapLimit(entries, ([key, value]) => writeEntry(this.entryPath(key), key, value));
  }

  /**
   * Deletes every entry not in `keep` (and anything else left in the folder), so the
   * cache holds one entry per current post and never grows without bound.
   */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.#folder).catch(() => [] as string[]);
    const stale = names.filter(
      (name) => !(ENTRY_NAME.test(name) && keep.has(name.slice(0, -'.bin'.length))),
    );
    await mapLimit(stale, (name) =>
      rm(path.join(this.#folder, name), { recursive: true, force: true }).catch(() => undefined),
    );
  }

  #list(): Set<string> {
    if (!this.#listed) {
      try {
        this.#listed = new Set(readdirSync(this.#folder));
      } catch {
        this.#listed = new Set();
      }
    }
    return this.#listed;
  }
}

/** A file's bytes, or null when it cannot be read: for files whose absence is a miss. */
export function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Writes one entry. No temporary file and rename: an entry cut short by a crash, or read
 * while another build writes it, fails its checksum and reads as a miss.
 */
export async function writeEntry(file: string, key: string, value: unknown): Promise<void> {
  try {
    await writeFile(file, encodeEntry(key, value));
  } catch {
    // A read-only or full disk: the build goes on without caching this post.
  }
}
