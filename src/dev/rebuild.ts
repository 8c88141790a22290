/**
 * A build session and the in-place writer, joined: what `rubric dev` runs on every
 * change set. The first run writes the output folder whole (like `rubric build`, so stale
 * files from elsewhere go); later runs update it in place. A run with errors writes
 * nothing, so the last good pages stay.
 */
import { checkOutputFolder, resolveFolders } from '../build.js';
import { createSession, type SessionRun } from '../session/session.js';
import { cacheFolder } from '../cache/cache.js';
import { renderedFiles, updateOutput, outputState, type OutputState } from '../write/update.js';
import { recoverOutput } from '../write/staging.js';
import { writeSite } from '../write/write.js';
import { classify } from '../session/classify.js';
import path from 'node:path';

/** What `rubric dev` builds. */
export interface RebuildOptions {
  readonly root: string;
  readonly outDir?: string;
  readonly drafts?: boolean;
  readonly future?: boolean;
  /** The moment of each run (epoch ms); the clock by default. Tests pin it. */
  readonly now?: () => number;
  /** Read and write the parse cache in `.cache/rubric/`; true by default. */
  readonly cache?: boolean;
}

/** One rebuild: the session's run, and what it did to the output folder. */
export interface Rebuild {
  readonly run: SessionRun;
  /** Output paths written (pages and static files), or every path on a first build. */
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** Milliseconds from the start of the run to the last file written. */
  readonly ms: number;
  /** Of those, the milliseconds spent writing. */
  readonly writeMs: number;
}

/** Rebuilds a site into its output folder, each time doing only what a change needs. */
export interface Rebuilder {
  readonly root: string;
  readonly outDir: string;
  /** The output folder relative to the site folder, when inside it. */
  readonly outputFolder: string | undefined;
  /** Runs a build; `changed` lists site-relative paths, or nothing for a full build. */
  rebuild(changed?: readonly string[]): Promise<Rebuild>;
}

/** Makes the rebuilder of a site. */
export function createRebuilder(options: RebuildOptions): Rebuilder {
  const { root, outDir } = resolveFolders(options);
  const relative = path.relative(root, outDir).split(path.sep).join('/');
  const outputFolder =
    relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
  const session = createSession({
    root,
    outputFolder,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now,
    // The first build reads the same parse cache as `rubric build`, so a big site opens fast.
    cacheFolder: options.cache === false ? null : cacheFolder(root),
  });
  const folderError = checkOutputFolder(root, outDir);
  let written: OutputState | null = null;

  return {
    root,
    outDir,
    outputFolder,
    async rebuild(changed) {
      const started = performance.now();
      // As `rubric build`: a build killed while committing is finished before anything else.
      if (written === null) await recoverOutput(root, outDir);
      const result = await session.run(written === null ? undefined : changed);
      const run = folderError ? { ...result, errors: [folderError, ...result.errors] } : result;
      if (run.errors.length > 0) return { run, written: [], deleted: [], ms: 0, writeMs: 0 };
      const writeStarted = performance.now();
      const files = renderedFiles(run.files);
      const { staticFiles } = run.sources;
      if (written === null || run.kinds.has('config')) {
        await writeSite(outDir, files, staticFiles, root);
        written = outputState(files, staticFiles);
        const all = [...files.map((f) => f.path), ...staticFiles.map((f) => f.outputPath)];
        const now = performance.now();
        return {
          run,
          written: all.sort(),
          deleted: [],
          ms: now - started,
          writeMs: now - writeStarted,
        };
      }
      const changedStatic = new Set(
        (changed ?? [])
          .filter((file) => classify(file, outputFolder) === 'static')
          .map((file) => file.slice('static/'.length)),
      );
      const update = await updateOutput(outDir, written, files, staticFiles, changedStatic, root);
      written = update.state;
      const now = performance.now();
      return {
        run,
        written: update.written,
        deleted: update.deleted,
        ms: now - started,
        writeMs: now - writeStarted,
      };
    },
  };
}
