/**
 * The shared end of `rubric import jekyll DIR` and `rubric import hugo DIR`: the source
 * site's posts (Markdown already) go through the plan, write and report steps of the
 * other imports, and the files their posts refer to (images, downloads) are copied into
 * the new site, never over a different file without `--force`. Touches the disk.
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildError } from '../../errors.js';
import type { ImportFailure, ImportSuccess } from '../import.js';
import { createBodyConverter } from '../markdown.js';
import { plannedUrls } from '../plan.js';
import { planAndWrite, readSiteYaml } from '../plan-and-write.js';
import type { ImportedBlog } from '../source.js';

/** What a folder import was asked to do. */
export interface FolderImportOptions {
  /** The source site's folder, absolute. */
  readonly sourceDir: string;
  readonly root: string;
  readonly force: boolean;
  readonly dryRun?: boolean;
}

/** A file of the source site to copy: source-relative from, site-relative to. */
export interface AssetCopy {
  readonly from: string;
  readonly to: string;
}

/** What a source reader found: the posts, and how to convert their bodies. */
export interface FolderBlog {
  readonly blog: ImportedBlog;
  /** Converts the bodies once every post's new URL (by id) is known, for links between them. */
  readonly convert: (urls: ReadonlyMap<string, string>) => ConvertedBodies;
}

/** Bodies converted: the posts with their Markdown, files to copy, what was not converted. */
export interface ConvertedBodies {
  readonly posts: ImportedBlog['posts'];
  readonly assets: readonly AssetCopy[];
  /** Things not converted, with file and line, and other notes. */
  readonly notes: readonly string[];
}

/** How one tool's site folder is read: what Jekyll and Hugo imports differ in. */
export interface FolderReader {
  readonly format: 'jekyll' | 'hugo';
  /** Which folder to give, when the one given is not a folder. */
  readonly hint: string;
  /** Reads the source site's folder `dir` (absolute); `fail` says why it cannot. */
  read(dir: string, fail: FolderFail): Promise<FolderBlog | ImportFailure>;
}

/** The import of one tool's site folder: `rubric import jekyll|hugo DIR`. */
export function folderImporter(
  reader: FolderReader,
): (options: FolderImportOptions) => Promise<ImportFailure | ImportSuccess> {
  return (options) => importFolder(reader, options);
}

/** Reads, plans, writes and copies a folder import. */
async function importFolder(
  reader: FolderReader,
  options: FolderImportOptions,
): Promise<ImportFailure | ImportSuccess> {
  const { fail, problem } = await openSourceFolder(options.sourceDir, reader.hint);
  if (problem !== null) return problem;
  const found = await reader.read(options.sourceDir, fail);
  if ('ok' in found) return found;
  const { format } = reader;
  const siteYaml = await readSiteYaml(options.root);
  const converted = found.convert(plannedUrls(found.blog, siteYaml));
  // The blank line after the front matter is the plan's to write.
  const posts = converted.posts.map((p) => ({ ...p, markdown: p.markdown?.replace(/^\s*\n/, '') }));
  const blog = { ...found.blog, posts };
  return planAndWrite(blog, createBodyConverter(), {
    ...options,
    format,
    comments: false,
    siteYaml,
    images: null,
    notes: converted.notes,
    afterWrite: () => copyAssets(options, converted.assets),
  });
}

async function copyAssets(
  options: FolderImportOptions,
  assets: readonly AssetCopy[],
): Promise<string[]> {
  const notes: string[] = [];
  let copied = 0;
  let present = 0;
  const seen = new Set<string>();
  for (const asset of assets) {
    if (seen.has(asset.to)) continue;
    seen.add(asset.to);
    const from = path.join(options.sourceDir, ...asset.from.split('/'));
    const to = path.join(options.root, ...asset.to.split('/'));
    // A link such as `/../../x.png` names a file outside both sites: never read or written.
    if (!isInside(options.sourceDir, from) || !isInside(path.join(options.root, 'static'), to)) {
      notes.push(`not copied: ${asset.from} is outside the site`);
      continue;
    }
    const [source, target] = await Promise.all([
      readFile(from).catch(() => null),
      readFile(to).catch(() => null),
    ]);
    if (source === null) {
      notes.push(`not copied: ${asset.from} is referred to but not in the source site`);
      continue;
    }
    if (target !== null && target.equals(source)) {
      present++;
      continue;
    }
    if (target !== null && !options.force) {
      notes.push(
        `kept ${asset.to}: it exists and differs from ${asset.from}; --force overwrites it`,
      );
      continue;
    }
    if (options.dryRun !== true) {
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(from, to);
    }
    copied++;
  }
  if (copied + present > 0) {
    const verb = options.dryRun === true ? 'would copy' : 'copied';
    notes.push(`files posts refer to: ${verb} ${String(copied)}, ${String(present)} already there`);
  }
  return notes;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** An import's failure about its source folder: what happened and what to do. */
export type FolderFail = (message: string, hint: string) => ImportFailure;

/**
 * The start of reading a site folder to import: the failure that names the folder, and
 * that failure already when `dir` is not a folder (`hint` says which folder to give).
 */
async function openSourceFolder(
  dir: string,
  hint: string,
): Promise<{ fail: FolderFail; problem: ImportFailure | null }> {
  const fail: FolderFail = (message, why) => ({
    ok: false,
    error: buildError('ImportFailed', { file: dir, line: 0, column: 0 }, message, why),
  });
  const problem = (await isFolder(dir)) ? null : fail(`${dir} is not a folder.`, hint);
  return { fail, problem };
}

/** Whether a path is a folder. */
export async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
