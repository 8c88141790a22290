/**
 * Rubric's programmatic API: `import { build, dev, importBlogger } from 'rubric'`. What
 * is exported here is the stable surface (semver applies to it); everything else under
 * `lib/` is internal and may change in any release. The CLI is a thin shell over these.
 */
import path from 'node:path';
import { dev as startDev, type DevServer } from './dev/dev.js';
import type { Problem } from './errors.js';
import {
  importBlogger as runImport,
  type ImportFailure,
  type ImportSuccess,
} from './import/import.js';

/**
 * Builds a site folder into its output folder (`dist/` inside it by default). Never
 * throws for bad content: problems come back as `errors` and `warnings` with file, line
 * and column, and `ok` is false when nothing was written.
 *
 * @example
 * const result = await build({ root: 'my-blog' });
 * if (!result.ok) for (const e of result.errors) console.error(formatProblem(e));
 */
export { build } from './build.js';

/** What {@link build} builds and how: the site folder, the output folder, drafts… */
export type { BuildOptions } from './build.js';

/** What {@link build} did: whether it wrote the site, the counts, errors and warnings. */
export type { BuildResult, HeldBackPost } from './build.js';

/** A problem with its place (`file`, `line`, `column`), `message`, `hint` and stable `name`. */
export type { BuildError, BuildWarning, ErrorName, Problem, WarningName } from './errors.js';

/** One line for a problem, as the CLI prints it: `posts/a.md:3:7  message hint [Name]`. */
export { formatProblem } from './errors.js';

/** Thrown by {@link dev} when `strictPort` is set and the port is taken. */
export { PortInUseError } from './dev/dev.js';

/** A running preview from {@link dev}: its `url`, and `close()` to stop it. */
export type { DevServer } from './dev/dev.js';

/** What {@link dev} previews and where; only `root` is required. */
export interface DevOptions {
  /** The site folder. */
  readonly root: string;
  /** Where the preview is written; `dist` inside the site folder by default. */
  readonly outDir?: string;
  /** Include drafts. */
  readonly drafts?: boolean;
  /** Include posts dated in the future. */
  readonly future?: boolean;
  /** Read and write the parse cache in `.cache/rubric/`; true by default. */
  readonly cache?: boolean;
  /** The port to listen on; 4000 by default (or the next free one); 0 picks any free one. */
  readonly port?: number;
  /** Fail with {@link PortInUseError} rather than try the next ports; false by default. */
  readonly strictPort?: boolean;
  /** The address to listen on; `127.0.0.1` by default. */
  readonly host?: string;
  /**
   * Receives each line `rubric dev` would print (builds, rebuilds, problems, with the
   * problem itself when the line is about one). Nothing is printed by default.
   */
  readonly log?: (line: string, problem?: Problem) => void;
}

/**
 * Starts a live preview: builds the site, serves it, watches its files and rebuilds
 * what a change needs, reloading open pages. Resolves once the first build is done and
 * the server listens; `close()` on the result stops watching and serving.
 *
 * @example
 * const server = await dev({ root: 'my-blog', port: 0 });
 * console.log(server.url);
 * await server.close();
 */
export async function dev(options: DevOptions): Promise<DevServer> {
  return startDev({
    root: path.resolve(options.root),
    outDir: options.outDir === undefined ? undefined : path.resolve(options.outDir),
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    cache: options.cache ?? true,
    port: options.port ?? 4000,
    strictPort: options.strictPort ?? false,
    host: options.host ?? '127.0.0.1',
    log: options.log ?? (() => undefined),
  });
}

/** What {@link importBlogger} imports and how; `exportFile` and `root` are required. */
export interface ImportOptions {
  /** The Blogger export (Atom from Takeout, or the classic XML backup). */
  readonly exportFile: string;
  /** The site folder to write posts into. */
  readonly root: string;
  /** Import comments beside their posts; false by default. */
  readonly comments?: boolean;
  /** Overwrite files that exist and differ; false by default. */
  readonly force?: boolean;
  /** Download images into this folder (inside ROOT/static); not at all by default. */
  readonly downloadImages?: string | null;
}

/** What {@link importBlogger} did, or (with `ok: false`) why it did not start. */
export type ImportResult = ImportFailure | ImportSuccess;
export type { ImportFailure, ImportSuccess } from './import/import.js';

/**
 * Writes the posts, pages (and, if asked, comments and images) of a Blogger export into
 * a site folder, with redirects from the old addresses. Never throws for a bad export:
 * that is `{ ok: false, error }`, at the export's line and column.
 *
 * @example
 * const result = await importBlogger({ exportFile: 'blog.xml', root: 'my-blog' });
 */
export async function importBlogger(options: ImportOptions): Promise<ImportResult> {
  const images = options.downloadImages ?? null;
  return runImport({
    exportFile: path.resolve(options.exportFile),
    root: path.resolve(options.root),
    comments: options.comments ?? false,
    force: options.force ?? false,
    downloadImages: images === null ? null : path.resolve(images),
  });
}
