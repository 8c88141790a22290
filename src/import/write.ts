/**
 * Writing a planned import. A file that is already there with the same bytes is left
 * alone, so running an import twice changes nothing; one that differs is kept unless
 * `--force`, so an imported post the author has since edited is never lost.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import type { ImportPlan, PlannedFile } from './plan.js';

/** What happened to each planned file, by site-relative path, sorted. */
export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** There already, different, and not overwritten (no `--force`). */
  readonly kept: readonly string[];
}

/** Writes the files of a plan into the site folder `root`. */
export async function writePlan(
  root: string,
  plan: ImportPlan,
  force: boolean,
): Promise<WriteReport> {
  const written: string[] = [];
  const unchanged: string[] = [];
  const kept: string[] = [];
  const files: PlannedFile[] = [...plan.files];
  // site.yaml is only ever added to by the plan, never rewritten, so it is always written.
  if (plan.siteYaml !== null) files.push({ path: 'site.yaml', text: plan.siteYaml });

  await mapLimit(files, async (file) => {
    const target = path.join(root, ...file.path.split('/'));
    const before = await readFile(target, 'utf8').catch(() => null);
    if (before === file.text) {
      unchanged.push(file.path);
      return;
    }
    if (before !== null && !force && file.path !== 'site.yaml') {
      kept.push(file.path);
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
    written.push(file.path);
  });
  return { written: written.sort(), unchanged: unchanged.sort(), kept: kept.sort() };
}
