/**
 * The end every import shares, whatever it read: plan the files from the blog, write
 * them (or only report them, on `--dry-run`), and say what was done.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFailure, ImportSuccess } from './import.js';
import type { ImageResult } from './images.js';
import type { BodyConverter } from './markdown.js';
import { planImport } from './plan.js';
import type { ImportedBlog } from './source.js';
import { writePlan } from './write.js';

/** The `site.yaml` of the site imported into, or null when it has none yet. */
export function readSiteYaml(root: string): Promise<string | null> {
  return readFile(path.join(root, 'site.yaml'), 'utf8').catch(() => null);
}

/** What an import brings to its end besides the blog. */
export interface ImportEnd {
  readonly root: string;
  readonly format: ImportSuccess['format'];
  readonly comments: boolean;
  readonly force: boolean;
  readonly dryRun?: boolean;
  readonly siteYaml: string | null;
  readonly images: ImageResult | null;
  /** What reading the export noticed, reported before the plan's own notes. */
  readonly notes?: readonly string[];
  /** Runs once the files are written (a folder import copies its assets); more notes. */
  readonly afterWrite?: () => Promise<readonly string[]>;
}

/** Plans the import of `blog`, writes it, and reports it. */
export async function planAndWrite(
  blog: ImportedBlog,
  converter: BodyConverter,
  end: ImportEnd,
): Promise<ImportFailure | ImportSuccess> {
  const plan = planImport(blog, converter, {
    comments: end.comments,
    siteYaml: end.siteYaml,
    images: end.images?.sources,
  });
  const files = await writePlan(end.root, plan, end.force, end.dryRun);
  if ('refused' in files) return { ok: false, error: files.refused };
  const after = end.afterWrite ? await end.afterWrite() : [];
  return {
    ok: true,
    format: end.format,
    dryRun: end.dryRun === true,
    counts: plan.counts,
    skipped: plan.skipped,
    notes: [...(end.notes ?? []), ...plan.notes, ...after],
    files,
    images: end.images,
  };
}
