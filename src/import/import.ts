/**
 * `rubric import blogger`: read the export, plan the files, fetch images if asked, write.
 * The steps live beside this file (xml → entries → names, links, markdown → plan →
 * write); this one runs them in order and is the only one besides `images.ts` and
 * `write.ts` that touches the disk.
 */
import path from 'node:path';
import { readConfig } from '../config/config.js';
import { buildError, type BuildError } from '../errors.js';
import { detectFormat, readEntries, type ExportFormat, type SkippedEntry } from './entries.js';
import { downloadImages, type ImageResult } from './images.js';
import { createBodyConverter } from './markdown.js';
import type { ImportCounts } from './plan.js';
import { planAndWrite, readSiteYaml } from './plan-and-write.js';
import { bloggerBlog } from './source.js';
import type { WriteReport } from './write.js';
import { readXmlFile, XmlReadError } from './xml.js';

/** What to import and how. */
export interface ImportOptions {
  /** The export file, absolute. */
  readonly exportFile: string;
  /** The site folder to write into, absolute. */
  readonly root: string;
  /** Import comments beside their posts. */
  readonly comments: boolean;
  /** Overwrite files that exist and differ. */
  readonly force: boolean;
  /** Download images into this folder (absolute, inside ROOT/static), or not at all. */
  readonly downloadImages: string | null;
  /** Plan and report only: write nothing, download nothing. */
  readonly dryRun?: boolean;
}

/** Why an import did not start: the export is not one, or an option is wrong. */
export interface ImportFailure {
  readonly ok: false;
  /** An `ImportFailed` error at the export file, or `WriteThroughLink` at a link (absolute paths). */
  readonly error: BuildError;
}

/** What an import did. */
export interface ImportSuccess {
  readonly ok: true;
  readonly format: ExportFormat | 'wordpress' | 'jekyll' | 'hugo';
  /** Nothing was written: the report says what would have been. */
  readonly dryRun: boolean;
  readonly counts: ImportCounts;
  readonly skipped: readonly SkippedEntry[];
  readonly notes: readonly string[];
  readonly files: WriteReport;
  readonly images: ImageResult | null;
}

/** Why `--download-images DIR` cannot be used (message, hint), or null when it can. */
export function imageDirProblem(options: {
  readonly root: string;
  readonly downloadImages: string | null;
}): [string, string] | null {
  if (options.downloadImages === null) return null;
  const inside = path.relative(path.join(options.root, 'static'), options.downloadImages);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return [
      `--download-images ${options.downloadImages} is not inside the site's static/ folder, so the images would not be published.`,
      `Give a folder such as ${path.join(options.root, 'static', 'images')}.`,
    ];
  }
  return null;
}

/** Runs an import. Never throws for a bad export; I/O failures of the machine do throw. */
export async function importBlogger(
  options: ImportOptions,
): Promise<ImportFailure | ImportSuccess> {
  const fail = (message: string, hint: string, line = 0, column = 0): ImportFailure => ({
    ok: false,
    error: buildError('ImportFailed', { file: options.exportFile, line, column }, message, hint),
  });
  const staticDir = path.join(options.root, 'static');
  const dirProblem = imageDirProblem(options);
  if (dirProblem !== null) return fail(...dirProblem);

  let doc;
  try {
    doc = await readXmlFile(options.exportFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      return fail(
        `The export cannot be read (${code}).`,
        'Give the path of the file Blogger exported, such as blog-03-14-2025.xml or feed.atom.',
      );
    }
    if (error instanceof XmlReadError) {
      const where = `line ${String(error.line)}, column ${String(error.column)}`;
      return error.truncated
        ? fail(
            `The export is not well-formed XML: ${error.message} (it stops at ${where}), so the file was cut short.`,
            'Download the export again (Blogger: Settings → Back up content) and check that the new file is complete: a download that was interrupted ends like this.',
            error.line,
            error.column,
          )
        : fail(
            `The export is not well-formed XML: ${error.message} at ${where}.`,
            'The file is complete but not XML at that place, which Blogger does not write: if the file was edited, undo the edit there (an unescaped & or <, tags closed out of order); else export again.',
            error.line,
            error.column,
          );
    }
    throw error;
  }
  const detected = detectFormat(doc);
  if ('problem' in detected) {
    return fail(detected.problem, 'Give the file Blogger exported (a .xml or feed.atom).', 1, 1);
  }
  const blog = readEntries(doc, detected.format);

  const siteYaml = await readSiteYaml(options.root);
  const converter = createBodyConverter();

  let images: ImageResult | null = null;
  if (options.downloadImages !== null && options.dryRun !== true) {
    const { config } = readConfig(siteYaml);
    images = await downloadImages(
      blog.posts.flatMap((post) => converter.imageUrls(post.html)),
      { dir: options.downloadImages, staticDir, basePath: config.basePath },
    );
  }

  return planAndWrite(bloggerBlog(blog), converter, {
    ...options,
    format: detected.format,
    siteYaml,
    images,
  });
}
