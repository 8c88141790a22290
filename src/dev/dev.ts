/**
 * `rubric dev`: build, serve the output folder, watch the sources, rebuild what a change
 * needs, and tell open pages. The same session as `rubric build`, fed change sets.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { formatLocation, formatProblem, type Problem } from '../errors.js';
import { plural } from '../plural.js';
import { guardOutput, OUTPUT_LOST } from './output-guard.js';
import { after, createQueue, type Schedule } from './queue.js';
import { createRebuilder, type Rebuild } from './rebuild.js';
import {
  createReloadHub,
  injectClient,
  overlayErrors,
  readClientScripts,
  type ReloadHub,
} from './reload.js';
import { serveFolder } from './serve.js';
import { watchSite } from './watch.js';
import { createLiveSearchIndex } from '../search/live.js';

/** What to preview and where. */
export interface DevOptions {
  readonly root: string;
  readonly outDir?: string;
  readonly drafts?: boolean;
  readonly future?: boolean;
  /** Read and write the parse cache in `.cache/rubric/`; true by default. */
  readonly cache?: boolean;
  /** Overrides site.yaml's `baseUrl` for this preview. */
  readonly baseUrl?: string;
  /** The port to listen on; 0 picks a free one. */
  readonly port: number;
  /** When the port is taken: fail (the user chose it) or try the next ones. */
  readonly strictPort: boolean;
  readonly host: string;
  /** Where lines for the terminal go. */
  readonly log: (line: string, problem?: Problem) => void;
  /** The quiet spell after file events before a rebuild; a 10 ms timer by default. */
  readonly schedule?: Schedule;
}

/** A running preview. */
export interface DevServer {
  /** `http://127.0.0.1:4000/` plus the site's base path. */
  readonly url: string;
  readonly outDir: string;
  /** Resolves when no rebuild is waiting or running. */
  idle(): Promise<void>;
  /** Stops watching and serving. */
  close(): Promise<void>;
}

/** Thrown when the port is taken and the user asked for that port. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use.`);
  }
}

/** How many ports after the default are tried when it is taken. */
const PORT_TRIES = 20;

/** Starts the preview. Resolves once the first build is done and the server listens. */
export async function dev(options: DevOptions): Promise<DevServer> {
  const rebuilder = createRebuilder(options);
  const hub = createReloadHub(await readClientScripts());
  const search = createLiveSearchIndex(options.log);
  let basePath = '/';

  const report = (result: Rebuild, changed: readonly string[] | null) => {
    basePath = reportRebuild(options.log, hub, result, changed);
    if (result.run.errors.length === 0)
      search.update(result.run.search, result.run.config.language);
  };
  const crashed = (error: unknown) => {
    reportCrash(options.log, hub, error);
  };

  report(await rebuilder.rebuild(), null);

  const queue = createQueue(
    async (batch) => {
      const changed = batch.filter((file) => file !== OUTPUT_LOST);
      if (changed.length < batch.length) {
        options.log(`${rebuilder.outDir} is gone or incomplete: writing it whole again`);
        rebuilder.outputLost();
      }
      report(await rebuilder.rebuild(changed), changed.length === 0 ? null : changed);
    },
    options.schedule ?? after(10),
    crashed,
  );
  const guard = guardOutput(rebuilder, queue);
  const files = serveFolder({
    folder: rebuilder.outDir,
    basePath: () => basePath,
    transform: injectClient,
    page: (file) => rebuilder.page(file),
    missing: (file) => guard.missing(file),
  });
  const server = createServer((req, res) => {
    if (hub.answer(req, res)) return;
    search
      .answer(req, res, basePath)
      .then((answered) => (answered ? undefined : files(req, res)))
      .catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`${error instanceof Error ? error.message : String(error)}\n`);
      });
  });
  let port: number;
  try {
    port = await listen(server, options);
  } catch (error) {
    guard.close();
    await queue.close();
    throw error;
  }

  const watcher = await watchSite(rebuilder.root, rebuilder.outputFolder, (paths) => {
    queue.add(paths);
  });

  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${basePath}`,
    outDir: rebuilder.outDir,
    idle: () => queue.idle(),
    async close() {
      await watcher.close();
      guard.close();
      await queue.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

type Log = DevOptions['log'];

/** Prints a rebuild's problems and outcome and tells open pages; returns the site's base path. */
function reportRebuild(
  log: Log,
  hub: ReloadHub,
  result: Rebuild,
  changed: readonly string[] | null,
): string {
  const basePath = encodeURI(result.run.config.basePath);
  const { run } = result;
  for (const problem of [...run.warnings, ...run.errors]) {
    log(formatProblem(problem), problem);
  }
  if (run.errors.length > 0) {
    const n = run.errors.length;
    log(`build failed with ${plural(n, 'error')}; still serving the last good pages`);
    hub.broadcast({ type: 'failed', errors: overlayErrors(run.errors, formatLocation) });
    return basePath;
  }
  const pages = run.rendered.length;
  const files = result.written.length;
  const took = `in ${Math.round(result.ms)} ms`;
  log(
    changed === null
      ? `built ${plural(pages, 'page')} (${files} files written) ${took}`
      : `${describe(changed)}: ${plural(pages, 'page')} rendered, ` +
          `${plural(files, 'file')} written, ${result.deleted.length} deleted ${took}`,
  );
  hub.broadcast({ type: 'built', files: result.written });
  return basePath;
}

/** A rebuild that threw (an I/O error, a bug): said in the terminal and in every open page. */
function reportCrash(log: Log, hub: ReloadHub, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log(`rebuild failed: ${message}; still serving the last good pages`);
  if (error instanceof Error && error.stack) log(error.stack);
  hub.broadcast({
    type: 'failed',
    errors: [
      {
        location: 'rubric dev',
        name: 'RebuildFailed',
        message: `The rebuild stopped: ${message}`,
        hint: 'The last good pages are still served; the next change rebuilds and writes the output folder whole.',
      },
    ],
  });
}

/** Listens on the port, or the next free ones when the user did not choose it. */
async function listen(server: Server, options: DevOptions): Promise<number> {
  const tries = options.strictPort || options.port === 0 ? 1 : PORT_TRIES;
  for (let i = 0; i < tries; i++) {
    const port = options.port === 0 ? 0 : options.port + i;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address();
      return typeof address === 'object' && address ? address.port : port;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')) throw error;
    }
  }
  throw new PortInUseError(options.port);
}

/** `posts/a.md changed`, `3 files changed`. */
function describe(changed: readonly string[]): string {
  const [first] = changed;
  if (changed.length === 1 && first !== undefined) return `${path.posix.normalize(first)} changed`;
  return `${changed.length} files changed`;
}
