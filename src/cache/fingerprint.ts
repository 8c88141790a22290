/**
 * The cache key of a parsed post: a hash of the post's path and bytes and of everything
 * else its parse depends on. Reading Rubric's own files and the V8 version is why this
 * lives with the cache, not in the parse stage: parsing itself only takes text and settings.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../load/load.js';
import { packageRoot, toPosix } from '../paths.js';
import { hashKey, readOrNull } from './cache.js';

/**
 * The version of the parse pipeline's output. Bump it when a change the fingerprint does
 * not see changes what parsing produces (a setting read from somewhere new); code changes
 * to Rubric and dependency upgrades are seen already.
 */
export const PARSE_PIPELINE_VERSION = 4;

/**
 * Everything a parsed post depends on besides its own path and bytes: the pipeline version,
 * Rubric's version and code (every compiled module, so an edited Markdown plugin in a
 * checkout invalidates too), the versions of the dependencies installed, the V8
 * serialization format, and the site settings parsing reads. A setting that starts to change parsing (a
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

/**
 * What every page's rendering depends on besides its templates, settings and data
 * (`render/page-digest.ts`): Rubric's code and dependencies, and Node's version, whose
 * ICU formats the dates.
 */
export function renderFingerprint(): string {
  return hashKey(['render', codeFingerprint(), process.version, process.versions.icu ?? '']);
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
 * A hash of Rubric's own code (every module in the folder above this one: `lib/`, or
 * `src/` under the tests, by forward-slash path relative to it and content), its
 * package.json, and the versions of the runtime dependencies installed. Nothing that
 * differs between two checkouts of one commit on two machines goes in: no absolute path,
 * modification time, inode or host name. So a cache restored on a CI runner (or copied
 * to another folder) is read, as long as Node and the dependency tree are the same.
 */
function codeFingerprint(): string {
  if (codeHash !== null) return codeHash;
  codeHash = hashKey([
    codeContents(fileURLToPath(new URL('..', import.meta.url))),
    readText(path.join(packageRoot, 'package.json')),
    dependencyVersions(packageRoot).join('\n'),
  ]);
  return codeHash;
}

/** The modules under `codeRoot` (`.js`, `.ts`), each as its relative path and text. */
export function codeContents(codeRoot: string): string {
  const entries = readdirSync(codeRoot, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => toPosix(path.relative(codeRoot, path.join(entry.parentPath, entry.name))))
    .sort();
  return hashKey(files.flatMap((file) => [file, readText(path.join(codeRoot, file))]));
}

/**
 * `name@version` of every package the package at `root` needs at run time, its
 * dependencies' dependencies too, as installed (each found the way Node finds it, in the
 * nearest `node_modules` up from the package that needs it), sorted. Read from the
 * installed package.json files rather than a lock file: npm, pnpm and Yarn all leave
 * those, with or without dev dependencies, and they hold no registry address or path.
 */
export function dependencyVersions(root: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  // Most lookups end in the same top-level node_modules: look at each folder once.
  const packages = new Map<string, InstalledPackage | null>();
  const packageAt = (folder: string) => {
    if (!packages.has(folder)) packages.set(folder, readPackage(folder));
    return packages.get(folder) ?? null;
  };
  const visit = (manifest: Manifest | null, folder: string) => {
    const needs = { ...manifest?.optionalDependencies, ...manifest?.dependencies };
    for (const name of Object.keys(needs)) {
      const installed = installedPackage(folder, name, packageAt);
      if (installed === null || seen.has(installed.folder)) continue;
      seen.add(installed.folder);
      found.add(`${name}@${installed.manifest.version ?? '?'}`);
      visit(installed.manifest, installed.folder);
    }
  };
  visit(readPackage(root)?.manifest ?? null, root);
  return [...found].sort();
}

interface Manifest {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/** A package folder (its real path) and its package.json. */
interface InstalledPackage {
  readonly folder: string;
  readonly manifest: Manifest;
}

/**
 * The package in `folder`, or null. Its real path: pnpm links packages in, and their own
 * dependencies sit beside the real one. Missing files are checked for, not caught: most
 * lookups miss, and an exception each costs more than the read.
 */
function readPackage(folder: string): InstalledPackage | null {
  const file = path.join(folder, 'package.json');
  if (!existsSync(file)) return null;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return { folder: realpathSync.native(folder), manifest };
  } catch {
    return null;
  }
}

/** Where `name` is installed for the package in `folder`, as Node finds it, or null. */
function installedPackage(
  folder: string,
  name: string,
  packageAt: (folder: string) => InstalledPackage | null,
): InstalledPackage | null {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const installed = packageAt(path.join(dir, 'node_modules', name));
    if (installed !== null) return installed;
    if (path.dirname(dir) === dir) return null;
  }
}

function readText(file: string): string {
  return readOrNull(file)?.toString('utf8') ?? '';
}
