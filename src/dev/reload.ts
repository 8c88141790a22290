/**
 * Live reload over server-sent events. Every page the dev server sends gets a small
 * script (added as the page is served, never written to the output) that listens on
 * {@link EVENTS_PATH}. After a build, the server tells open pages which files it wrote:
 * a page reloads when its own file was among them, and otherwise swaps its stylesheets
 * in place when CSS changed. After a failed build, every open page shows the errors in an overlay,
 * which goes away on the next good build. The page side is TypeScript in `client/` (with
 * the DOM types, its own tsconfig), compiled to `lib/dev/client/` and served from there.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { BuildError } from '../errors.js';
import { packageRoot } from '../paths.js';
import {
  CLIENT_PATH,
  EVENTS_PATH,
  type OverlayError,
  type ReloadMessage,
} from './client/protocol.js';

export { CLIENT_PATH, EVENTS_PATH, type OverlayError, type ReloadMessage };

/** The open pages, and what to tell a page that opens while the site is broken. */
export interface ReloadHub {
  /**
   * Answers a request for {@link EVENTS_PATH} (keeps the response open as an event stream)
   * or for a page script under {@link CLIENT_PATH}; false for any other request.
   */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
  /** Tells every open page; a `failed` message is also told to pages that open later. */
  broadcast(message: ReloadMessage): void;
  /** Ends every stream, so the server can close. */
  close(): void;
}

/** Makes the hub, serving the page scripts given by {@link readClientScripts}. */
export function createReloadHub(scripts: ClientScripts): ReloadHub {
  const clients = new Set<ServerResponse>();
  let failure: ReloadMessage | null = null;
  const write = (res: ServerResponse, message: ReloadMessage) => {
    res.write(`data: ${JSON.stringify(message)}\n\n`);
  };
  const connect = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': rubric\n\n');
    clients.add(res);
    if (failure) write(res, failure);
    req.on('close', () => clients.delete(res));
  };
  return {
    answer(req, res) {
      const url = (req.url ?? '').split('?')[0] ?? '';
      if (url === EVENTS_PATH) connect(req, res);
      else if (url.startsWith(CLIENT_PATH))
        serveScript(scripts, url.slice(CLIENT_PATH.length), res);
      else return false;
      return true;
    },
    broadcast(message) {
      failure = message.type === 'failed' ? message : null;
      for (const res of clients) write(res, message);
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}

/** The errors of a build as the overlay shows them. */
export function overlayErrors(
  errors: readonly BuildError[],
  locate: (e: BuildError) => string,
): OverlayError[] {
  return errors.map((e) => ({
    location: locate(e),
    message: e.message,
    hint: e.hint,
    name: e.name,
  }));
}

/** The compiled page scripts by file name (`reload.js`), as served. */
export type ClientScripts = ReadonlyMap<string, string>;

/**
 * Where the page scripts are compiled to. Always `lib/` (like the parse workers), also
 * when this module runs from `src/` in the tests: the browser runs JavaScript, and the
 * tests' global setup compiles `lib/` when it is older than `src/`.
 */
const CLIENT_FOLDER = path.join(packageRoot, 'lib', 'dev', 'client');

/**
 * Reads the compiled page scripts once, when the server starts. Their source-map comments
 * are left out: the maps point at `src/`, which the dev server does not serve.
 */
export async function readClientScripts(folder = CLIENT_FOLDER): Promise<ClientScripts> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.js')).sort();
  const scripts = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(path.join(folder, name), 'utf8');
    scripts.set(name, text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  }
  return scripts;
}

/** Sends one page script, or 404 for a name that is not one. */
function serveScript(scripts: ClientScripts, name: string, res: ServerResponse): void {
  const text = scripts.get(name);
  if (text === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not a Rubric page script.\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    // A restarted (perhaps upgraded) dev server must not meet yesterday's script.
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * Adds the client to a page served from `file` (its path in the output folder). Goes
 * before `</body>` when there is one, else at the end, so any HTML page gets it. The
 * path goes in as JSON with `<` escaped, so nothing in a path can close the script element.
 */
export function injectClient(html: string, file: string): string {
  const served = JSON.stringify(file).replace(/</g, '\\u003c');
  const start = JSON.stringify(`${CLIENT_PATH}reload.js`);
  const script =
    `<script type="module" data-rubric-dev>` +
    `import { startLiveReload } from ${start}; startLiveReload(${served});</script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${script}` : `${html.slice(0, at)}${script}${html.slice(at)}`;
}
