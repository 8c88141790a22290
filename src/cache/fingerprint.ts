/**
 * The cache key of a parsed post: a hash of the post's path and bytes and of everything
 * else its parse depends on. Reading Rubric's own files and the V8 version is why this
 * lives with the cache, not in the parse stage: parsing itself only takes text and settings.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../load/load.js';
import { packageRoot } from '../paths.js';
import { hashKey, readOrNull } from './cache.js';

/**
 * The version of the parse pipeline's output. Bump it when a change the fingerprint does
 * not see changes what parsing produces (a setting read from somewhere new); code changes
 * to Rubric and dependency upgrades are seen already.
 */
export const PARSE_PIPELINE_VERSION = 3;

/**
 * Everything a parsed post depends on besides its own path and bytes: the pipeline version,
 * Rubric's version and code (every compiled module, so an edited Markdown plugin in a
 * checkout invalidates too), the installed dependency tree, the V8 serialization format,
 * and the site settings parsing reads. A setting that starts to change parsing (a
 * highlighting theme, a heading-id option) must be added to `settings` here.
 */
export function parseFingerprint(zone: string): string {
  const settings = { zone };
  return hashKey([
    String(PARSE_PIPELINE_VERSION),
    codeFingerprint(),
    process.versions.v8,
    JSON.stringify(settings),
  ]);
}

/** The cache key of one post file. */
export function postKey(fingerprint: string, file: SourceFile): string {
  return hashKey([fingerprint, file.path, file.text]);
}

/**
 * The code hash, once per process: the code a process runs cannot change under it, and
 * reading it costs about a hundred small files.
 */
let codeHash: string | null = null;

/**
 * A hash of Rubric's own code (the folder above this module's: `lib/`, or `src/` under the
 * tests) and of the installed dependencies (npm's `node_modules/.package-lock.json`, the
 * nearest one up from the package).
 */
function codeFingerprint(): string {
  if (codeHash !== null) return codeHash;
  const codeRoot = fileURLToPath(new URL('..', import.meta.url));
  const parts: string[] = [readText(path.join(packageRoot, 'package.json'))];
  const entries = readdirSync(codeRoot, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) parts.push(path.relative(codeRoot, file), readText(file));
  const lock = dependencyLock();
  if (lock !== undefined) parts.push(lock);
  codeHash = hashKey(parts);
  return codeHash;
}

/** The text of npm's record of the installed tree, the nearest one up from the package. */
function dependencyLock(): string | undefined {
  for (let dir = packageRoot; ; dir = path.dirname(dir)) {
    const lock = [
      path.join(dir, 'node_modules', '.package-lock.json'),
      path.join(dir, '.package-lock.json'),
    ]
      .map(readText)
      .find((text) => text !== '');
    if (lock !== undefined) return lock;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readText(file: string): string {
  return readOrNull(file)?.toString('utf8') ?? '';
}
