/**
 * A build session and the in-place writer (`write/in-place.ts`), joined: what `rubric
 * dev` runs on every change set. The first run writes the output folder whole (like
 * `rubric build`, so stale files from elsewhere go); later runs update it in place. A run
 * with errors writes nothing, so the last good pages stay.
 *
 * The server answers from the pages of the last write that finished, which the writer
 * keeps: a page is never read from the disk while it is being rewritten, so no one gets
 * half of one. When the output folder may no longer hold what was written (a run threw
 * halfway, or someone deleted `dist/`), the writer forgets it and the next run writes it
 * whole.
 */
import { checkOutputFolder, resolveFolders } from '../build.js';
import { createSession, type SessionRun } from '../session/session.js';
import { cacheFolder } from '../cache/cache.js';
import { createInPlaceWriter } from '../write/in-place.js';
import { classify } from '../session/classify.js';
import path from 'node:path';
import { toPosix } from '../paths.js';

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
  /** Overrides site.yaml's `baseUrl` (`--base-url`). */
  readonly baseUrl?: string;
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
  /** The text of a page of the last finished write, by output path. */
  page(file: string): string | undefined;
  /** True when the last finished write produced this output path (a page or a static file). */
  produced(file: string): boolean;
  /** Says the output folder no longer holds what was written: the next run writes it whole. */
  outputLost(): void;
}

/** Makes the rebuilder of a site. */
export function createRebuilder(options: RebuildOptions): Rebuilder {
  const { root, outDir } = resolveFolders(options);
  const relative = toPosix(path.relative(root, outDir));
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
    overrides: options.baseUrl === undefined ? undefined : { baseUrl: options.baseUrl },
  });
  const folderError = checkOutputFolder(root, outDir);
  const writer = createInPlaceWriter(root, outDir);
  /** False until a run went through, and again after one threw: run from nothing. */
  let sessionSound = false;

  /** The site-relative static sources among `changed`: copied again even if unmoved. */
  const staticSources = (changed: readonly string[] | undefined) =>
    new Set((changed ?? []).filter((file) => classify(file, outputFolder) === 'static'));

  return {
    root,
    outDir,
    outputFolder,
    async rebuild(changed) {
      const started = performance.now();
      try {
        // As `rubric build`: a build killed while committing is finished before anything else.
        await writer.recover();
        const result = await session.run(sessionSound ? changed : undefined);
        sessionSound = true;
        const run = folderError ? { ...result, errors: [folderError, ...result.errors] } : result;
        if (run.errors.length > 0) return { run, written: [], deleted: [], ms: 0, writeMs: 0 };
        // `site.yaml` can change any page: the folder is written whole, as a first build.
        if (run.kinds.has('config')) writer.forget();
        const writeStarted = performance.now();
        const { errors, written, deleted } = await writer.write({
          pages: run.files,
          staticFiles: run.staticFiles,
          changedSources: staticSources(changed),
        });
        const now = performance.now();
        const timing = { ms: now - started, writeMs: now - writeStarted };
        return { run: errors.length > 0 ? { ...run, errors } : run, written, deleted, ...timing };
      } catch (error) {
        // A throw may have left the session half updated and any mix of old and new files.
        sessionSound = false;
        writer.forget();
        throw error;
      }
    },
    page: (file) => writer.page(file),
    produced: (file) => writer.produced(file),
    outputLost() {
      writer.forget();
    },
  };
}
