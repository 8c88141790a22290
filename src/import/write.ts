/**
 * Writing a planned import. A file that is already there with the same bytes is left
 * alone, so running an import twice changes nothing; one that differs is kept unless
 * `--force`, so an imported post the author has since edited is never lost.
 *
 * Nothing is written through a link: when a file to be written, or a folder on its way
 * (`posts/pages`), is a link, the import writes nothing at all and says which; the link
 * might point anywhere, and the import promises to write only inside `--root`.
 */
import { lstat, mkdir, readFile, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import { buildError, type BuildError } from '../errors.js';
import { insideFolder } from '../write/folders.js';
import type { ImportPlan, PlannedFile } from './plan.js';

/** What happened to each planned file, by site-relative path, sorted. */
export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** There already, different, and not overwritten (no `--force`). */
  readonly kept: readonly string[];
}

/** Why nothing was written: a `WriteThroughLink` error at the link (absolute path). */
export interface WriteRefusal {
  readonly refused: BuildError;
}

/**
 * Writes the files of a plan into the site folder `root`, or refuses before writing any.
 * With `dryRun`, only reads: the report says what a real run would write.
 */
export async function writePlan(
  root: string,
  plan: ImportPlan,
  force: boolean,
  dryRun = false,
): Promise<WriteReport | WriteRefusal> {
  const unchanged: string[] = [];
  const kept: string[] = [];
  const toWrite: PlannedFile[] = [];
  const files: PlannedFile[] = [...plan.files];
  // site.yaml is only ever added to by the plan, never rewritten, so it is always written.
  if (plan.siteYaml !== null) files.push({ path: 'site.yaml', text: plan.siteYaml });

  await mapLimit(files, async (file) => {
    const before = await readFile(insideFolder(root, file.path), 'utf8').catch(() => null);
    if (before === file.text) unchanged.push(file.path);
    else if (before !== null && !force && file.path !== 'site.yaml') kept.push(file.path);
    else toWrite.push(file);
  });
  const links = await mapLimit(toWrite, (file) => linkOnTheWay(root, file.path));
  const refused = links.map((link, i) => ({ link, file: toWrite[i] })).find((l) => l.link);
  if (refused?.link && refused.file) {
    return { refused: await refusal(root, refused.link, refused.file.path) };
  }
  await mapLimit(dryRun ? [] : toWrite, async (file) => {
    const target = insideFolder(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  });
  const written = toWrite.map((file) => file.path);
  return { written: written.sort(), unchanged: unchanged.sort(), kept: kept.sort() };
}

/** The first link among a site-relative path's folders and the file itself, or null. */
async function linkOnTheWay(root: string, file: string): Promise<string | null> {
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const relative = parts.slice(0, i).join('/');
    const stats = await lstat(insideFolder(root, relative)).catch(() => null);
    if (!stats) return null;
    if (stats.isSymbolicLink()) return relative;
  }
  return null;
}

async function refusal(root: string, link: string, file: string): Promise<BuildError> {
  const target = await readlink(insideFolder(root, link)).catch(() => '?');
  const what =
    link === file
      ? `${file} is a symbolic link`
      : `${link}, a folder on the way to ${file}, is a symbolic link`;
  return buildError(
    'WriteThroughLink',
    { file: insideFolder(root, link) },
    `${what} (to ${target}): rubric import writes only inside the site folder and never through a link, so it wrote nothing.`,
    `Replace ${link} with a real ${link === file ? 'file' : 'folder'} (or remove it), then import again.`,
  );
}
