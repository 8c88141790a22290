/**
 * The one writer interface of the write stage (after Lume's `core/writer.ts`): `rubric
 * build` and `rubric dev` each make a writer for their output folder and hand it every
 * run's output with {@link Writer.write}. Two implementations keep the two sets of
 * guarantees apart:
 *
 * - {@link createStagedWriter} (here): the whole site staged first, then committed under
 *   a journal (`write.ts`, `staging.ts`). A build that fails leaves the last output as it
 *   was, one killed while committing is finished by the next, and unchanged files keep
 *   their inode and modification time.
 * - `createInPlaceWriter` (`in-place.ts`, for `rubric dev`): remembers what it wrote and
 *   touches only what changed (`update.ts`), each file renamed into place; it writes
 *   staged and whole whenever it cannot be sure what the folder holds.
 *
 * Neither writes or deletes through a link (`folders.ts`).
 */
import type { BuildError } from '../errors.js';
import type { StaticFile } from '../load/load.js';
import { recoverOutput } from './staging.js';
import { writeSite, type OutputFile } from './write.js';

/** Everything a run produced, to be the whole content of the output folder. */
export interface SiteOutput {
  /** Every page of the site. */
  readonly pages: readonly OutputFile[];
  /** Every file copied as it is: static files, and bundle files beside their posts. */
  readonly staticFiles: readonly StaticFile[];
  /** Told after each page is written, for a progress line (the staged writer only). */
  readonly onPageWritten?: () => void;
  /**
   * Site-relative sources of static files that changed since the last write
   * (`static/site.css`): copied again though they come from the same file. A staged
   * writer compares bytes and needs none.
   */
  readonly changedSources?: ReadonlySet<string>;
}

/** What a write did, as forward-slash paths relative to the output folder. */
export interface WriteReport {
  /** Pages that failed to render; when there are any, the output folder is untouched. */
  readonly errors: readonly BuildError[];
  /** Paths written; after a staged write, every path of the site. */
  readonly written: readonly string[];
  /** Paths deleted by an in-place write; a staged write does not list them. */
  readonly deleted: readonly string[];
}

/** Writes a site's output into one output folder, run after run. */
export interface Writer {
  /**
   * Finishes what an interrupted build left in the output folder (a committed journal),
   * when this writer does not know what the folder holds. Called before anything else.
   */
  recover(): Promise<void>;
  /** Makes the output folder hold exactly `output`. Throws when the disk fails. */
  write(output: SiteOutput): Promise<WriteReport>;
}

/**
 * The staged writer of `root`'s site into `outDir`: each write replaces the folder's
 * content whole, staging under the site folder. Pages may render as they are written.
 * With `stamps` (a build that keeps its cache), pages still in place as the last build
 * left them are not rendered again (`stamps.ts`).
 */
export function createStagedWriter(
  root: string,
  outDir: string,
  { stamps = false }: { readonly stamps?: boolean } = {},
): Writer {
  return {
    recover: () => recoverOutput(root, outDir),
    async write({ pages, staticFiles, onPageWritten }) {
      const errors = await writeSite(outDir, pages, staticFiles, root, { onPageWritten, stamps });
      if (errors.length > 0) return { errors, written: [], deleted: [] };
      const written = [...pages.map((f) => f.path), ...staticFiles.map((f) => f.outputPath)];
      return { errors, written: written.sort(), deleted: [] };
    },
  };
}
