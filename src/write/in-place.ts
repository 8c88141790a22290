/**
 * The in-place writer of `rubric dev`: a {@link Writer} that remembers what it wrote, so
 * each later write touches only what changed (`update.ts`). It writes staged and whole,
 * like `rubric build`, whenever it cannot be sure what the output folder holds: on the
 * first write, after a write threw halfway, and after {@link InPlaceWriter.forget}.
 *
 * It also keeps the pages of the last write that finished, for the dev server to answer
 * from: a page is never read from the disk while it is being rewritten, so no one gets
 * half of one.
 */
import { renderedFiles, updateOutput, outputState, type OutputState } from './update.js';
import { createStagedWriter, type SiteOutput, type Writer, type WriteReport } from './writer.js';

/** A writer that updates its output folder in place and serves what it last wrote. */
export interface InPlaceWriter extends Writer {
  /** The text of a page of the last finished write, by output path. */
  page(file: string): string | undefined;
  /** True when the last finished write produced this output path (a page or a static file). */
  produced(file: string): boolean;
  /** Says the output folder may no longer hold what was written: the next write is whole. */
  forget(): void;
}

/**
 * The in-place writer of `root`'s site into `outDir`. Its pages must come rendered (a
 * session that keeps its pages): it compares them with the last write's.
 */
export function createInPlaceWriter(root: string, outDir: string): InPlaceWriter {
  const whole = createStagedWriter(root, outDir);
  /** What the output folder holds as far as this writer knows; null: write it whole. */
  let known: OutputState | null = null;
  /** What the last finished write produced: what the server answers with. */
  let served: OutputState | null = null;

  const write = async (output: SiteOutput): Promise<WriteReport> => {
    const pages = renderedFiles(output.pages);
    const { staticFiles } = output;
    if (known === null) {
      const report = await whole.write({ pages, staticFiles });
      if (report.errors.length === 0) known = outputState(pages, staticFiles);
      return report;
    }
    // By source, so that a bundle's photo.jpg maps to its copy beside the post's page.
    const changed = output.changedSources ?? new Set<string>();
    const changedStatic = new Set(
      staticFiles.filter((f) => changed.has(f.sourcePath)).map((f) => f.outputPath),
    );
    const update = await updateOutput(outDir, known, pages, staticFiles, changedStatic, root);
    known = update.state;
    return { errors: [], written: update.written, deleted: update.deleted };
  };

  return {
    async recover() {
      if (known === null) await whole.recover();
    },
    async write(output) {
      try {
        const report = await write(output);
        if (report.errors.length === 0) served = known;
        return report;
      } catch (error) {
        // A write that threw may have left any mix of old and new files.
        known = null;
        throw error;
      }
    },
    page: (file) => served?.pages.get(file),
    produced: (file) => served !== null && (served.pages.has(file) || served.statics.has(file)),
    forget() {
      known = null;
    },
  };
}
